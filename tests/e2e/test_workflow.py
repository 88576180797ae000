"""End to end in a real browser (Playwright driving Debian's chromium by its path): a filer
imports a sample, fixes a finding and submits; a reviewer returns it with a comment; the
filer resubmits; the reviewer approves and publishes; the dashboard shows it.

Screenshots of the main pages go to docs/screenshots/ when JIXIAO_SCREENSHOTS=1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import NO_BROWSER, PASSWORD, ROOT, login, shot

SAMPLE = ROOT / "examples" / "reports" / "000_1c537258e20f2a87.txt"
pytestmark = [pytest.mark.django_db(transaction=True), NO_BROWSER]


@pytest.fixture
def people() -> dict:
    from django.contrib.auth import get_user_model

    from jixiao.web.org.models import Membership, Organisation

    bureau = Organisation.objects.create(name="演示市财政局", kind="bureau")
    department = Organisation.objects.create(name="示例主管部门", kind="department", parent=bureau)
    unit = Organisation.objects.create(name="中共岳阳市君山区委政法委员会", kind="unit", parent=department)
    for name, org, role in (("filer", unit, "filer"), ("reviewer", department, "reviewer")):
        user = get_user_model().objects.create_user(name, password=PASSWORD, first_name=name)
        Membership.objects.create(user=user, organisation=org, role=role)
    return {"unit": unit}


def test_import_fix_submit_return_resubmit_approve_publish(live_server, people: dict, page: Page, tmp_path: Path) -> None:
    base = live_server.url
    login(page, base, "filer")
    page.click("text=导入报告")
    page.select_option("select[name=unit]", label="中共岳阳市君山区委政法委员会")
    page.set_input_files("input[name=file]", str(SAMPLE))
    page.click("button:has-text('导入')")
    expect(page.locator(".messages")).to_contain_text("已导入")
    assert page.locator("td", has_text="JX404").count() == 4  # four deductions without a reason
    shot(page, "detail", tmp_path)

    page.click("text=填报修改")
    row = page.locator("tr", has=page.locator("input[value='维护社会公平正义，确保社会平安稳定，助推经济发展']"))
    row.locator("[aria-label=偏差原因]").fill("经济效益难以量化，酌情扣1分；下年细化指标")
    row.locator("[aria-label=偏差原因]").dispatch_event("change")
    expect(page.locator("#preview")).to_contain_text("重算总分：98.00")
    shot(page, "edit", tmp_path)
    page.click("button:has-text('保存')")
    expect(page.locator(".messages")).to_contain_text("已保存")
    assert page.locator("td", has_text="JX404").count() == 3
    page.click("button[value=submit]")
    expect(page.locator("p", has_text="状态")).to_contain_text("已提交")

    login(page, base, "reviewer")
    shot(page, "queue", tmp_path)
    page.click("text=2023年度中共岳阳市君山区委政法委员会整体支出绩效自评报告")
    page.fill("textarea[name=comment]", "生态效益扣分仍无说明，请补充")
    page.select_option("select[name=finding]", index=1)
    page.click("button[value=return]")
    expect(page.locator("p", has_text="状态")).to_contain_text("已退回")

    login(page, base, "filer")
    page.click("text=2023年度中共岳阳市君山区委政法委员会整体支出绩效自评报告")
    expect(page.locator("table").nth(1)).to_contain_text("生态效益扣分仍无说明")
    page.click("button[value=submit]")
    expect(page.locator("p", has_text="状态")).to_contain_text("已提交")

    login(page, base, "reviewer")
    page.click("text=2023年度中共岳阳市君山区委政法委员会整体支出绩效自评报告")
    page.click("button[value=approve]")
    page.click("button[value=publish]")
    expect(page.locator("p", has_text="状态")).to_contain_text("已公开")

    page.click("text=统计图表")
    expect(page.locator("#progress canvas")).to_have_count(1)
    page.wait_for_timeout(500)
    shot(page, "dashboard", tmp_path)
    data = page.evaluate("JSON.parse(document.getElementById('dashboard-data').textContent)")
    assert data["progress"]["counts"][data["progress"]["statuses"].index("已公开")] == [1]
