"""Browser fixtures: Playwright driving Debian's chromium by its path. Every page's console
is watched: a script error or a Content-Security-Policy violation fails the test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

from django.db import connections  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

ROOT = Path(__file__).parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
PASSWORD = "pw-e2e-123"
NO_BROWSER = pytest.mark.skipif(not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
                                reason="chromium 未安装（make test 在可安装时会安装）")


@pytest.fixture
def browser_errors() -> list[str]:
    return []


@pytest.fixture
def page(browser_errors: list[str]) -> Page:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        context.on("console", lambda m: browser_errors.append(m.text) if m.type == "error" else None)
        context.on("weberror", lambda e: browser_errors.append(str(e.error)))
        yield context.new_page()
        browser.close()
        connections.close_all()  # those the test opened here: Playwright's context is not the thread's
    unexpected = [e for e in browser_errors if "status of 4" not in e]  # 4xx answers are expected in some tests
    assert not unexpected, unexpected


def shot(page: Page, name: str, tmp: Path) -> None:
    folder = ROOT / "docs" / "screenshots" if os.environ.get("JIXIAO_SCREENSHOTS") == "1" else tmp
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def login(page: Page, base: str, user: str, password: str = PASSWORD) -> None:
    page.context.clear_cookies()  # a fresh session for this user
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("自评列表")
