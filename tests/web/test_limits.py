"""No input breaks the app (issue 13, problems 1, 2 and 6): every value typed into the editor
or put into a URL is checked with a Chinese message beside its field, the database columns
and the checks agree on every limit, and a stored record can never make a page fail."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import Evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import EvaluationRecord

from .factory import SAMPLE, assert_pages_render, client_for, form_data, rows_of, with_rows

pytestmark = pytest.mark.django_db


def post_edit(world: dict, changes: dict[str, str], rows: list[dict] | None = None) -> tuple[int, str]:
    data = {**form_data(world["own"]), **changes}
    if rows is not None:
        data = with_rows(data, rows)
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[world["own"].pk]), data)
    return response.status_code, response.content.decode()


def stored(world: dict, **changes: object) -> EvaluationRecord:
    """The filer's record saved with values no form would accept (as an import might)."""
    data = read_evaluation(SAMPLE).model_dump(mode="json", exclude_defaults=True)
    for path, value in changes.items():
        *parents, leaf = path.split("__")
        target = data
        for name in parents:
            target = target.setdefault(name, {})
        target[leaf] = value
    record = world["own"]
    record.refresh_from_db()
    return services.save(record, Evaluation.model_validate(data), world["users"]["filer"], record.version)


@pytest.mark.parametrize("field, value, message", [
    ("stated.total", "1000000", "不能超过 100"),
    ("stated.total", "100000", "不能超过 100"),
    ("funds.total.budget", "-5", "不能为负数"),
    ("funds.total.budget", "1e999999", "“1e999999”不是数字"),
    ("funds.total.executed", "NaN", "“NaN”不是数字"),
    ("funds.total.executed", "Infinity", "“Infinity”不是数字"),
    ("funds.basic.budget", "12.1234567", "最多 6 位小数"),
    ("stated.grade", "优秀（92分）", "等级须为 优、良、中、差 之一"),
    ("fiscal_year", "二〇二三", "不是年度"),
    ("fiscal_year", "1900", "年度须在 1990 到 2100 之间"),
    ("unit.staffing.serving", "11.5", "须为整数"),
    ("stated.execution_score", "11", "执行率得分 11 超过分值 10"),
    ("title", "", "这个字段是必填项"),
    ("fiscal_year", "", "这个字段是必填项"),
    ("unit.name", "   ", "这个字段是必填项"),
    ("title", "标" * 301, "最多 300 个字，现有 301 个"),
])
def test_a_bad_value_is_refused_beside_its_field(world: dict, field: str, value: str, message: str) -> None:
    status, page = post_edit(world, {field: value})
    assert status == 400 and message in page
    assert page.index(f'name="{field}"') < page.index(message)  # beside the field, after its input
    world["own"].refresh_from_db()
    assert world["own"].version == 1 and world["own"].versions.count() == 1


@pytest.mark.parametrize("column, value, message", [
    ("score", "999", "不能超过 100"),
    ("score", "5.5", "得分 5.5 超过分值 5"),
    ("weight", "-5", "不能为负数"),
    ("score", "-1", "不能为负数"),
    ("weight", "1e3", "不是数字"),
    ("name", "名" * 501, "最多 500 个字，现有 501 个"),
    ("order", "第一", "不是数字"),
])
def test_a_bad_indicator_value_is_refused_beside_its_cell(world: dict, column: str, value: str, message: str) -> None:
    rows = rows_of(form_data(world["own"]))
    rows[0][column] = value
    status, page = post_edit(world, {}, rows)
    assert status == 400 and message in page and "修改未保存：有 1 处输入有误" in page


def test_a_year_and_percent_written_the_usual_ways_are_read(world: dict) -> None:
    status, _ = post_edit(world, {"fiscal_year": "2023年", "stated.execution_rate": "99.5%", "stated.grade": "优秀",
                                  "funds.total.budget": "1,234.5"})
    assert status == 302
    data = EvaluationRecord.objects.get(pk=world["own"].pk).data
    assert (data["fiscal_year"], data["stated"]["execution_rate"], data["stated"]["grade"]) == (2023, "99.5", "优")
    assert data["funds"]["total"]["budget"] == "1234.5"


def test_moving_onto_a_year_already_filed_is_explained_and_keeps_the_input(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    client.post(reverse("copy", args=[world["own"].pk]))
    following = EvaluationRecord.objects.get(fiscal_year=2024)
    data = {**form_data(following), "fiscal_year": "2023", "goals.achieved": "刚写的完成情况"}
    response = client.post(reverse("edit", args=[following.pk]), data)
    page = response.content.decode()
    assert response.status_code == 400 and "已有 2023 年度的此类自评" in page and "刚写的完成情况" in page
    assert EvaluationRecord.objects.get(pk=following.pk).fiscal_year == 2024


@pytest.mark.parametrize("changes", [
    {"stated__total": "1000000"}, {"stated__total": "1e20"}, {"stated__total": "-3"},
    {"stated__grade": "优秀（92分）——经专家组评议"}, {"funds__total__budget": "-5", "funds__total__executed": "3"},
    {"funds__total__budget": "0.000001", "funds__total__executed": "99999999999"},
    {"title": "题" * 400}, {"stated__execution_rate": "1e999999"},
])
def test_no_stored_record_breaks_a_page(world: dict, changes: dict) -> None:
    """Values no form accepts, stored as an import could: every page of every role renders."""
    record = stored(world, **changes)
    assert record.version == 2
    for user in ("filer", "reviewer", "bureau"):
        assert_pages_render(client_for(world["users"][user]), record, every=user == "filer")


def test_the_summary_columns_hold_what_fits(world: dict) -> None:
    assert stored(world, stated__total="1000000").stated_total == Decimal("1000000.00")
    assert stored(world, stated__total="1e20").stated_total is None  # does not fit: unknown, not an overflow
    assert len(stored(world, stated__grade="优秀（92分）——经专家组评议，结果为优秀等级").grade) == 20


def test_the_pdf_export_failing_is_a_message(world: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao.errors import InputError
    from jixiao.web.evaluations import exports

    def timeout(*args: object) -> None:
        raise InputError("LibreOffice 转换 PDF 超时")

    monkeypatch.setattr(exports, "to_pdf", timeout)
    response = client_for(world["users"]["filer"]).get(reverse("export", args=[world["own"].pk, "pdf"]), follow=True)
    assert response.status_code == 200 and "无法导出 PDF：LibreOffice 转换 PDF 超时" in response.content.decode()


@pytest.mark.parametrize("params, message", [
    ({"year": "2023年"}, None), ({"year": "abc"}, "“abc”不是年度"), ({"department": "abc"}, "选择一个有效的选项"),
    ({"department": "999999999999999999999"}, "选择一个有效的选项"), ({"status": "gone"}, "选择一个有效的选项"),
    ({"sort": "data"}, "选择一个有效的选项"), ({"grade": "<script>"}, "选择一个有效的选项"),
])
def test_tampered_queue_parameters_get_a_message(world: dict, params: dict, message: str | None) -> None:
    response = client_for(world["users"]["bureau"]).get(reverse("queue"), params)
    page = response.content.decode()
    assert response.status_code == 200 and page.count("/e/") == 2
    assert (message in page) if message else "field-error" not in page


@pytest.mark.parametrize("share, drawn, message", [
    ("20%", "20%", None), ("0.5", "50%", None), ("abc", "20%", "不是数字"), ("5", "20%", "不能超过 1"),
    ("NaN", "20%", "不是数字"), ("-0.1", "20%", "不能为负数"),
])
def test_spot_check_share(world: dict, share: str, drawn: str, message: str | None) -> None:
    page = client_for(world["users"]["bureau"]).get(reverse("spotcheck"), {"share": share, "seed": "s"}).content.decode()
    assert f"随机抽取 {drawn}" in page and ((message in page) if message else "field-error" not in page)


@pytest.mark.parametrize("data, message", [
    ({"number": "99", "version": "1"}, "没有第 99 版"), ({"number": "abc", "version": "1"}, "恢复请求无效"),
    ({"version": "1"}, "恢复请求无效"), ({"number": "1", "version": "-1"}, "恢复请求无效"),
])
def test_restoring_a_missing_version_is_a_message(world: dict, data: dict, message: str) -> None:
    response = client_for(world["users"]["filer"]).post(reverse("restore", args=[world["own"].pk]), data, follow=True)
    assert response.status_code == 200 and message in response.content.decode()


@pytest.mark.parametrize("data, message", [
    ({"action": "submit", "finding": "JX404" * 10}, "审核意见代码无效"), ({"action": "submit", "field": "x" * 200}, "没有这个栏目"),
    ({"action": "destroy"}, "不能执行此操作"), ({"action": "return", "comment": "意" * 5001}, "最多 5000 个字，现有 5001 个"),
])
def test_tampered_workflow_posts_get_a_message(world: dict, data: dict, message: str) -> None:
    response = client_for(world["users"]["filer"]).post(reverse("act", args=[world["own"].pk]), data, follow=True)
    assert response.status_code == 200 and message in response.content.decode()
    assert EvaluationRecord.objects.get(pk=world["own"].pk).status == "draft"


@pytest.mark.parametrize("url", ["/e/99999999999999999999/", "/e/1/v/99999999999999999999/", "/e/1/export/exe/",
                                 "/e/1/edit/?project=-1", "/e/1/edit/?project=99999999999"])
def test_tampered_urls_are_not_found(world: dict, url: str) -> None:
    assert client_for(world["users"]["filer"]).get(url).status_code == 404


def test_a_missing_or_tampered_table_is_not_read_as_no_rows(world: dict) -> None:
    data = form_data(world["own"])
    for broken in ({k: v for k, v in data.items() if k != "indicators"}, {**data, "indicators": "[" * 100_000},
                   {**data, "indicators": '[{"id": 999}]'}, {**data, "indicators": '{"a": 1}'},
                   {**data, "sections": "[]" if data["sections"] == "[]" else '[{"heading": "x"}]'}):
        response = client_for(world["users"]["filer"]).post(reverse("edit", args=[world["own"].pk]), broken)
        assert response.status_code == 400 and "未保存" in response.content.decode()
    assert EvaluationRecord.objects.get(pk=world["own"].pk).version == 1
