"""Issue 13 in a real browser: a bad value is explained beside its field; a stale save is
refused with a diff, again on the second 保存, and merged knowingly; 200 indicator rows
save; an expired login never throws an edit away; another unit's report is not imported
unasked; chart tooltips show organisation names as text; and the app works behind an
HTTPS reverse proxy. Screenshots go to docs/screenshots/ when JIXIAO_SCREENSHOTS=1."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Browser, Page, expect

from .conftest import CHROMIUM, FLAGS, NO_BROWSER, PASSWORD, ROOT, login, shot

REPORTS = ROOT / "examples" / "reports"
pytestmark = [pytest.mark.django_db(transaction=True), NO_BROWSER]
HOSTILE = '<img src=x onerror="window.__xss=1">'


@pytest.fixture
def people() -> dict:
    from django.contrib.auth import get_user_model

    from jixiao.ingest import read_evaluation
    from jixiao.web.evaluations import services
    from jixiao.web.org.models import Membership, Organisation

    bureau = Organisation.objects.create(name="演示市财政局", kind="bureau")
    department = Organisation.objects.create(name=f"{HOSTILE}主管部门", kind="department", parent=bureau)
    unit = Organisation.objects.create(name="中共岳阳市君山区委政法委员会", kind="unit", parent=department)
    users = {}
    for name, org, role in (("filer", unit, "filer"), ("colleague", unit, "filer"), ("bureau", bureau, "reviewer")):
        users[name] = get_user_model().objects.create_user(name, password=PASSWORD, first_name=name)
        Membership.objects.create(user=users[name], organisation=org, role=role)
    record = services.create(unit, read_evaluation(REPORTS / "000_1c537258e20f2a87.txt"), users["filer"])
    other = Organisation.objects.create(name=f"{HOSTILE}乙单位", kind="unit", parent=department)
    services.create(other, read_evaluation(REPORTS / "004_66e78293cd0851a8.txt"), users["filer"])
    return {"record": record, "unit": unit}


def field(page: Page, label: str):  # noqa: ANN201 - a locator
    return page.locator("tr", has=page.locator("th", has_text=label)).locator("input, textarea, select").first


def stored(people: dict) -> dict:
    people["record"].refresh_from_db()
    return people["record"].data


def test_a_bad_value_is_explained_beside_its_field(live_server, people: dict, page: Page, tmp_path: Path) -> None:
    login(page, live_server.url, "filer")
    page.goto(f"{live_server.url}/e/{people['record'].pk}/edit/")
    field(page, "全年预算数").fill("-5")
    field(page, "总分").fill("1000000")
    page.locator("tr.ind-row").first.locator("[aria-label=分值]").fill("五分")
    page.locator("tr.ind-row").nth(1).locator("[aria-label=得分]").fill("6")
    field(page, "等级").select_option("良")
    expect(page.locator("#preview")).to_contain_text("全年预算数：不能为负数")
    expect(page.locator("#preview")).to_contain_text("指标第1行 分值：“五分”不是数字")
    page.click("button[name=save]")
    expect(page.locator("div.error")).to_contain_text("有 4 处输入有误")
    expect(page.locator("tr", has=page.locator("th", has_text="总分")).locator(".field-error")).to_have_text("不能超过 100")
    expect(page.locator("tr.ind-row").nth(1).locator(".field-error")).to_have_text("得分 6 超过分值 5")
    budget = page.locator("tr", has=page.locator("th", has_text="全年预算数"))
    expect(budget.locator(".field-error")).to_have_text("不能为负数")
    expect(page.locator("tr.ind-row").first.locator(".field-error")).to_contain_text("“五分”不是数字")
    expect(field(page, "全年预算数")).to_have_value("-5")  # the input is kept
    expect(field(page, "等级")).to_have_value("良")
    budget.scroll_into_view_if_needed()
    shot(page, "errors", tmp_path)
    assert stored(people)["funds"]["total"]["budget"] == "734.38"


def test_a_stale_save_is_refused_twice_then_merged(live_server, people: dict, page: Page, tmp_path: Path) -> None:
    url = f"{live_server.url}/e/{people['record'].pk}/edit/"
    login(page, live_server.url, "filer")
    page.goto(url)
    other = page.context.browser.new_context(locale="zh-CN").new_page()
    login(other, live_server.url, "colleague")
    other.goto(url)
    field(other, "总分").fill("97")
    other.click("button[name=save]")
    expect(other.locator(".messages")).to_contain_text("已保存")

    field(page, "实际完成情况").fill("全年完成维稳任务，未发生重大群体性事件。")
    field(page, "总分").fill("96")
    page.click("button[name=save]")
    conflict = page.locator("section.conflict")
    expect(conflict).to_contain_text("他人已保存了新版本")
    expect(conflict.locator("tr.conflicting")).to_contain_text("总分")
    conflict.scroll_into_view_if_needed()
    shot(page, "conflict", tmp_path)
    page.click("button[name=save]")  # again: still refused, nothing overwritten
    expect(page.locator("section.conflict")).to_be_visible()
    assert stored(people)["stated"]["total"] == "97"

    page.click("button[value=merge]")
    expect(page.locator("section.merged")).to_contain_text("总分：对方改为“97”，您改为“96”")
    expect(field(page, "实际完成情况")).to_have_value("全年完成维稳任务，未发生重大群体性事件。")
    field(page, "总分").fill("97")  # the user decides
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("已保存")
    data = stored(people)
    assert data["stated"]["total"] == "97" and data["goals"]["achieved"] == "全年完成维稳任务，未发生重大群体性事件。"


def test_two_hundred_indicator_rows_save(live_server, people: dict, page: Page) -> None:
    login(page, live_server.url, "filer")
    page.goto(f"{live_server.url}/e/{people['record'].pk}/edit/")
    page.evaluate("""() => { for (let i = 0; i < 200; i++) {
        document.getElementById("add-row").click();
        const row = [...document.querySelectorAll("#rows tr.ind-row")].at(-1);
        for (const [name, value] of [["name", "指标" + i], ["target", "≥10次"], ["actual", "12次"], ["weight", "0.25"]])
            row.querySelector(`[data-field=${name}]`).value = value;
    } }""")
    page.locator("tr.ind-row").last.locator("[aria-label=得分]").fill("0.25")
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("已保存")
    indicators = stored(people)["indicators"]
    assert len(indicators) == 212 and indicators[-1]["name"] == "指标199" and indicators[-1]["score"] == "0.25"


def test_an_expired_login_never_loses_the_input(live_server, people: dict, page: Page) -> None:
    login(page, live_server.url, "filer")
    page.goto(f"{live_server.url}/e/{people['record'].pk}/edit/")
    field(page, "预期目标").fill("写了很久的一段预期目标")
    page.context.clear_cookies(name="sessionid")  # the session lapsed while the user was writing
    page.click("button[name=save]")
    expect(page.locator(".session-lost")).to_contain_text("登录已过期")
    assert "/edit/" in page.url and field(page, "预期目标").input_value() == "写了很久的一段预期目标"
    again = page.context.new_page()  # signs in again in another tab: new session, new CSRF token
    again.goto(f"{live_server.url}/login/")
    again.fill("input[name=username]", "filer")
    again.fill("input[name=password]", PASSWORD)
    again.click("button[type=submit]")
    expect(again.locator("h1")).to_have_text("自评列表")
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("已保存")
    assert stored(people)["goals"]["expected"] == "写了很久的一段预期目标"


def test_a_save_stores_exactly_what_changed(live_server, people: dict, page: Page) -> None:
    login(page, live_server.url, "filer")
    page.goto(f"{live_server.url}/e/{people['record'].pk}/edit/")
    page.click("#add-row")  # a blank row, left blank
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("没有修改，未生成新版本")
    page.goto(f"{live_server.url}/e/{people['record'].pk}/edit/")
    field(page, "预期目标").fill("第一行\n第二行")
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("已保存")
    data = stored(people)
    assert data["goals"]["expected"] == "第一行\n第二行" and len(data["indicators"]) == 12
    assert all("source" in row for row in data["indicators"]) and "funds.total.budget" in data["provenance"]
    assert people["record"].version == 2


def test_wrong_passwords_lock_the_login(live_server, people: dict, page: Page) -> None:
    page.goto(f"{live_server.url}/login/")
    for attempt in range(5):
        page.fill("input[name=username]", "filer")
        page.fill("input[name=password]", f"wrong-{attempt}")
        page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("暂时不能登录")
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "filer")
    page.fill("input[name=password]", PASSWORD)  # the right one, too late
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_have_text("暂时不能登录")


def test_another_units_report_is_imported_only_when_confirmed(live_server, people: dict, page: Page) -> None:
    login(page, live_server.url, "filer")
    page.click("text=导入报告")
    page.set_input_files("input[name=file]", files={"name": "会议通知.txt", "mimeType": "text/plain",
                                                    "buffer": "关于召开安全生产工作会议的通知\n各单位：定于下周一开会。\n".encode()})
    page.click("button:has-text('导入')")
    expect(page.locator(".field-error")).to_contain_text("“会议通知.txt”不像绩效自评报告：未找到年度")
    page.set_input_files("input[name=file]", str(REPORTS / "004_66e78293cd0851a8.txt"))
    page.click("button:has-text('导入')")
    unit = page.locator("p", has=page.locator("select[name=unit]"))
    expect(unit.locator(".field-error")).to_contain_text("所述单位为“中共岳阳市君山区委办公室”")
    assert people["record"].versions.count() == 1
    page.check("input[name=confirm_unit]")
    page.set_input_files("input[name=file]", str(REPORTS / "004_66e78293cd0851a8.txt"))
    page.click("button:has-text('导入')")
    expect(page.locator(".messages")).to_contain_text("作为已有自评的第 2 版")


def test_chart_tooltips_show_names_as_text(live_server, people: dict, page: Page) -> None:
    login(page, live_server.url, "bureau")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("#progress canvas")).to_have_count(1)
    for chart in ("totals", "progress"):
        page.evaluate(f"""() => echarts.getInstanceByDom(document.getElementById("{chart}"))
                          .dispatchAction({{type: "showTip", seriesIndex: 0, dataIndex: 0}})""")
        expect(page.locator(f"#{chart}")).to_contain_text("<img src=x")  # shown as text
        assert page.locator(f"#{chart} img").count() == 0
    assert page.evaluate("window.__xss") is None


@pytest.fixture
def https_page(live_server, settings, tmp_path: Path) -> Page:  # noqa: ANN001
    """A browser that reaches the app only through the HTTPS proxy, the app set for production."""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright

    from .tls_proxy import TlsProxy

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 3600
    upstream = urlparse(live_server.url)
    proxy = TlsProxy((upstream.hostname, upstream.port), tmp_path)
    with sync_playwright() as playwright:
        browser: Browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                      args=[*FLAGS, "--ignore-certificate-errors"])
        page = browser.new_page(locale="zh-CN")
        page.base = f"https://localhost:{proxy.port}"  # type: ignore[attr-defined]
        yield page
        browser.close()
        connections.close_all()
    proxy.close()


def test_the_app_works_behind_an_https_proxy(https_page: Page, people: dict) -> None:
    page = https_page
    login(page, page.base, "filer")  # type: ignore[attr-defined]
    assert page.url.startswith("https://")
    page.goto(f"{page.base}/e/{people['record'].pk}/edit/")  # type: ignore[attr-defined]
    field(page, "总分").fill("97")
    page.click("button[name=save]")
    expect(page.locator(".messages")).to_contain_text("已保存")
    assert stored(people)["stated"]["total"] == "97"
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["sessionid"]["secure"] and cookies["csrftoken"]["secure"]
