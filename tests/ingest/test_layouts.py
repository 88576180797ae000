"""The official forms read back from every flattened layout, the same facts each time.

Fixtures are written by hand (`layouts.py`); each form variant is flattened the four ways
real publications do it and must give the same Evaluation fields.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from jixiao.ingest import read_document
from jixiao.ingest.extract import extract
from jixiao.ingest.readers.office import soffice
from jixiao.ingest.readers.text import parse_text
from jixiao.model.evaluation import Evaluation

from .fixtures import write_docx, write_html, write_pdf, write_xlsx
from .layouts import LAYOUT_FORMS, flatten, plain

LAYOUTS = ("bars", "lines", "spaces", "tabs", "run-together")


def _get(evaluation: Evaluation, path: str) -> Any:
    node: Any = evaluation
    for part in path.split("."):
        node = getattr(node, part)
    return plain(node)


def _subject(evaluation: Evaluation) -> Evaluation:
    """A project form's values sit on the evaluation or its one project."""
    return evaluation.projects[0] if not evaluation.indicators and evaluation.projects else evaluation


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("form", sorted(LAYOUT_FORMS))
def test_every_layout_gives_the_same_facts(form: str, layout: str) -> None:
    rows, facts = LAYOUT_FORMS[form]
    evaluation = _subject(extract(parse_text(flatten(rows, layout), f"{form}.txt")))
    for path, expected in facts.items():
        if path == "indicators":
            got = [(i.target.text, i.actual.text or None, plain(i.weight), plain(i.score)) for i in evaluation.indicators]
            assert got == expected, f"{form}/{layout}: indicators"
        else:
            assert _get(evaluation, path) == plain(expected), f"{form}/{layout}: {path}"


def test_a_run_of_digits_no_arithmetic_confirms_is_not_read_and_says_so() -> None:
    """`12012010090%9` could be 120 | 120 | 100 | 90% or 1201 | 20 | … : the rate 90% fits no
    reading of the amounts, so the row is left empty with a notice naming it."""
    rows = [row[:] for row in LAYOUT_FORMS["national-project"][0]]
    rows[5] = ["年度资金总额", "120", "120", "100", "90%", "9"]  # one cell lost and the rate wrong
    evaluation = _subject(extract(parse_text(flatten(rows, "run-together"), "x.txt")))
    assert evaluation.funds.total.budget is None and evaluation.funds.total.executed is None
    assert any("年度资金总额" in n.message and "无法" in n.message for n in evaluation.notices)


def test_traditional_characters_and_glosses_are_read_and_kept_as_printed() -> None:
    text = flatten([
        ["轉移支付（項目）名稱", "農村道路補助"],
        ["資金使用單位", "某縣農(nóng)業(yè)農(nóng)村局"],
        ["資金投入情況（萬元）", "全年預算數（A）", "全年執行數（B）", "預算執行率（B/A×100%）"],
        ["年度資金總額：", "80", "60", "75%"],
    ], "run-together")
    evaluation = _subject(extract(parse_text(text, "t.txt")))
    assert evaluation.unit.implementer == "某縣農(nóng)業(yè)農(nóng)村局"
    assert (evaluation.funds.total.budget, evaluation.funds.total.executed) == (Decimal("80"), Decimal("60"))
    assert evaluation.stated.execution_rate == Decimal("75")


def test_region_form_of_label_value_pairs_and_a_score_column_without_a_name() -> None:
    """四川 区域绩效目标自评表, one cell per line: `预算数：` then its value; the indicator
    header closes with the section's points (70), standing over the 得分 column."""
    cells = ["专项名称", "某某监管补助资金", "自评得分", "95", "预算执行情况", "预算数：", "50", "执行数：", "45",
             "年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "70",
             "产出指标", "数量指标", "指标1：检查企业数", "≥100家", "120家", "10",
             "指标2：抽检批次", "≥50批次", "60批次", "10"]
    evaluation = _subject(extract(parse_text("\n\n".join(cells) + "\n", "r.txt")))
    assert (evaluation.funds.total.budget, evaluation.funds.total.executed) == (Decimal("50"), Decimal("45"))
    assert evaluation.stated.total == Decimal("95")
    assert [(i.target.text, i.actual.text, i.score) for i in evaluation.indicators] == [
        ("≥100家", "120家", Decimal("10")), ("≥50批次", "60批次", Decimal("10"))]


def _goals_form(goal_cells: list[str]) -> Evaluation:
    rows = [row[:] for row in LAYOUT_FORMS["national-project"][0]]
    cells = [c for row in rows[:7] for c in row] + ["年度总体目标", "预期目标", "实际完成情况", *goal_cells]
    cells += [c for row in rows[7:] for c in row]
    return _subject(extract(parse_text("\n\n".join(cells) + "\n", "g.txt")))


def test_numbered_goals_printed_column_after_column_or_row_by_row() -> None:
    """One cell per line: the expected goals may come all before the achieved ones (the
    numbering starts again) or alternate along the row; each goal keeps its own line."""
    column_after_column = _goals_form(["目标1：养护绿地", "目标2：补植苗木", "目标1：养护210亩", "目标2：补植800株"])
    row_by_row = _goals_form(["目标1：养护绿地", "目标1：养护210亩", "目标2：补植苗木", "目标2：补植800株"])
    for evaluation in (column_after_column, row_by_row):
        assert evaluation.goals.expected == "目标1：养护绿地\n目标2：补植苗木"
        assert evaluation.goals.achieved == "目标1：养护210亩\n目标2：补植800株"


def test_targets_table_with_unit_and_comparator_columns() -> None:
    """重庆 绩效目标: 指标名称 | 计量单位 | 指标性质 | 指标值, each cell on its own line."""
    cells = ["指标名称", "计量单位", "指标性质", "指标值", "巡逻里程", "公里", "≥", "3000", "群众安全感", "定性", "高 |",
             "群众满意度", "%", "≥", "90"]
    text = "全年预算数80万元。\n" + "\n".join(c if c.endswith("|") else c + " |" for c in cells) + "\n"
    evaluation = extract(parse_text(text, "c.txt"))
    assert [(i.name, i.target.text) for i in evaluation.indicators] == [
        ("巡逻里程", "3000"), ("群众安全感", "高"), ("群众满意度", "90")]


def test_runs_of_points_are_split_score_at_most_weight() -> None:
    """`管理指标30` then rows ending `…100%100%44`, `…按规定时限43个别人未及时完成`."""
    text = ("部门整体支出绩效自评表（2022年度）单位名称某镇卫生院一级指标二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"
            "管理指标30预算管理编制准确率100%100%44资金管理结余率小于5%达成目标值44时效指标任务1:报送及时率按规定时限43"
            "个别材料延迟报送任务2:档案更新率100%完成33\n")
    evaluation = extract(parse_text(text, "d.txt"))
    got = [(i.target.text, i.actual.text, i.weight, i.score) for i in evaluation.indicators]
    assert got == [("100%", "100%", Decimal(4), Decimal(4)), ("小于5%", "达成目标值", Decimal(4), Decimal(4)),
                   ("按规定时限", "", Decimal(4), Decimal(3)), ("100%", "完成", Decimal(3), Decimal(3))]
    assert evaluation.indicators[2].deviation_note == "个别材料延迟报送"


def test_forms_without_scores_end_rows_at_pairs_of_values() -> None:
    text = ("专项资金名称道路养护县级主管部门某县交通局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额80.580.5100%"
            "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施产出指标数量指标养护里程120公里120公里"
            "路面完好率100%100%质量指标事故发生数00满意度指标群众满意度290%95%\n")
    evaluation = extract(parse_text(text, "v.txt"))
    got = [(i.target.text, i.actual.text) for i in evaluation.indicators]
    assert got == [("120公里", "120公里"), ("100%", "100%"), ("0", "0"), ("290%", "95%")]
    repaired = evaluation.indicators[3].target
    assert (repaired.kind, repaired.value, repaired.text) == ("ge", Decimal(90), "290%") and "OCR" in repaired.note


def test_prose_report_sentences_give_funds_score_and_indicators() -> None:
    text = """某区民政局2023年度困难群众救助资金绩效自评报告
一、基本情况
2023年共下达我区困难群众救助资金80万元,全年执行数76万元,预算执行率95%。
二、绩效指标完成情况
1.救助对象覆盖率,年初目标值≥95%,实际完成值98%,自评得分20分;
2.资金发放及时率,年初目标值=100%,实际完成值=100%,自评得分20分;
三、自评结论
自评得分95分,自评等级为优。
"""
    evaluation = extract(parse_text(text, "p.txt"))
    assert evaluation.unit.name == "某区民政局" and evaluation.fiscal_year == 2023
    assert evaluation.kind == "special_fund"
    assert (evaluation.funds.total.budget, evaluation.funds.total.executed) == (Decimal(80), Decimal(76))
    assert (evaluation.stated.execution_rate, evaluation.stated.total, evaluation.stated.grade) == (
        Decimal(95), Decimal(95), "优")
    assert [(i.name, i.target.text, i.actual.text, i.score) for i in evaluation.indicators] == [
        ("救助对象覆盖率", "≥95%", "98%", Decimal(20)), ("资金发放及时率", "=100%", "=100%", Decimal(20))]


def test_site_furniture_and_metadata_give_the_unit_not_the_title() -> None:
    text = """首页 > 政务公开 > 财政资金
资源ID:12345
下载积分:10金币
• 发布机构
  • 某市农业农村局
• 发布日期
  • 2024-05-01
2023年度农机购置补贴资金绩效自评报告
一、基本情况
2023年农机购置补贴资金全年预算数500万元,全年执行数450万元。
"""
    evaluation = extract(parse_text(text, "f.txt"))
    assert evaluation.title == "2023年度农机购置补贴资金绩效自评报告"
    assert evaluation.unit.name == "某市农业农村局"
    assert evaluation.fiscal_year == 2023


def test_year_from_form_header_not_from_document_numbers_or_dates() -> None:
    text = """项目支出绩效自评表
（2023年度）
项目名称 昌某财行(2022)10号 统计调查经费
实施单位 某市统计局
资金来源 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 5.2 2 2 10 100.00% 10
根据《通知》（某财发〔2022〕12号），于2022年12月31日前发放。
"""
    evaluation = extract(parse_text(text, "y.txt"))
    assert evaluation.fiscal_year == 2023
    assert _subject(evaluation).funds.total.initial_budget == Decimal("5.2")


# One recovery for every reader: the same flattened forms as .docx, .html, .xlsx and PDF.

WRITERS = {".docx": write_docx, ".html": write_html, ".xlsx": write_xlsx}
needs_libreoffice = pytest.mark.skipif(
    soffice() is None and os.environ.get("CI") != "true", reason="LibreOffice 未安装（make test 在可安装时会安装）")


def _facts_hold(evaluation: Evaluation, facts: dict[str, Any], where: str) -> None:
    evaluation = _subject(evaluation)
    for path, expected in facts.items():
        if path == "indicators":
            got = [(i.target.text, i.actual.text or None, plain(i.weight), plain(i.score)) for i in evaluation.indicators]
            assert got == expected, where
        elif not path.startswith("unit."):
            assert _get(evaluation, path) == plain(expected), f"{where}: {path}"


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_every_reader_recovers_the_flattened_form(suffix: str, layout: str, tmp_path: Path) -> None:
    rows, facts = LAYOUT_FORMS["national-project"]
    document = parse_text(flatten(rows, layout), "form.txt")
    written = WRITERS[suffix](document, tmp_path / f"form{suffix}")
    _facts_hold(extract(read_document(written)), facts, f"{suffix}/{layout}")


@needs_libreoffice
@pytest.mark.parametrize("layout", ("spaces", "lines"))
def test_a_pdf_without_ruling_lines_is_read_as_its_form(layout: str, tmp_path: Path) -> None:
    rows, facts = LAYOUT_FORMS["transfer"]
    written = write_pdf(parse_text(flatten(rows, layout), "form.txt"), tmp_path / "form.pdf")
    _facts_hold(extract(read_document(written)), facts, f"pdf/{layout}")


def test_a_spreadsheet_row_merged_into_one_cell_is_read_as_a_line(tmp_path: Path) -> None:
    rows, facts = LAYOUT_FORMS["hubei-project"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["说明", "", "", ""])  # a second column in use: the sheet is a table, not text
    for number, row in enumerate(rows, start=2):
        sheet.cell(number, 1, " ".join(row))
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=4)
    book.save(tmp_path / "merged.xlsx")
    _facts_hold(extract(read_document(tmp_path / "merged.xlsx")), facts, "xlsx merged rows")
