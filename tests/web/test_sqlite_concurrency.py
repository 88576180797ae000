"""Concurrent users on the default SQLite (issue 13, problem 3): with WAL, a busy timeout and
immediate transactions, people signing in, copying and submitting at the same moment in
several server processes all succeed; none meets "database is locked"."""

from __future__ import annotations

import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .server import Browser, gunicorn, manage, production_env

FILERS = [f"filer{i}" for i in range(1, 6)]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - (port, database file)
    folder = tmp_path_factory.mktemp("sqlite")
    env = production_env(folder)
    assert manage(env, "migrate", "-v0").returncode == 0
    assert manage(env, "jixiao_demo").returncode == 0
    with gunicorn(env, workers=3, threads=3) as port:
        yield port, folder / "jixiao.sqlite3"


def work(port: int, user: str) -> list[tuple[str, int]]:
    """Sign in, copy the own evaluation to next year, submit both, look at the list."""
    browser = Browser(port)
    statuses = [("login", browser.login(user, "jixiao-demo").status)]
    listing = browser.request("GET", "/")
    record = re.findall(r'href="/e/(\d+)/"', listing.text)[0]
    statuses += [("queue", listing.status), ("copy", browser.request("POST", f"/e/{record}/copy/", {}).status)]
    for pk in sorted(set(re.findall(r'href="/e/(\d+)/"', browser.request("GET", "/").text))):
        statuses.append(("submit", browser.request("POST", f"/e/{pk}/act/", {"action": "submit"}).status))
    return statuses


def review(port: int, user: str) -> list[tuple[str, int]]:
    browser = Browser(port)
    statuses = [("login", browser.login(user, "jixiao-demo").status)]
    for path in ("/", "/dashboard/", "/spotcheck/", "/?format=findings", "/"):
        statuses.append((path, browser.request("GET", path).status))
    return statuses


def test_simultaneous_work_never_finds_the_database_locked(server: tuple[int, Path]) -> None:
    port, database = server
    with ThreadPoolExecutor(max_workers=8) as pool:
        jobs = [pool.submit(work, port, user) for user in FILERS]
        jobs += [pool.submit(review, port, user) for user in ("reviewer", "bureau")]
        statuses = [status for job in jobs for status in job.result()]
    assert all(code in (200, 302) for _, code in statuses), statuses
    assert sum(1 for step, code in statuses if step == "submit" and code == 302) == 10  # five units, two years each
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT count(*) FROM evaluations_evaluationrecord WHERE status='submitted'").fetchone()[0] == 10
