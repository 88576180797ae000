"""The report and its forms as a finance bureau files them: the unit's own text and nothing
else, the official forms' rows, columns and marks, and the print set-up."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jixiao.ingest import read_document, read_evaluation
from jixiao.model.evaluation import Evaluation
from jixiao.render.files import render_file
from jixiao.render.grid import SIGNATURE
from jixiao.render.layout import tables
from jixiao.render.narrative import DATE_LINE
from jixiao.render.self_form import self_table

ROOT = Path(__file__).parents[2]
SAMPLES = sorted((ROOT / "examples" / "reports").glob("*.txt"))
S004 = SAMPLES[4]
INVENTED = ("无此项支出", "（报告未说明。）", "是本报告的评价单位", "本报告评价其")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_the_text_is_the_units_own(sample: Path, tmp_path: Path) -> None:
    """Before the attachments, every paragraph is the title, a heading or a paragraph of
    the source, or the 落款; each paragraph of the source's sections is there."""
    source = re.sub(r"\s+", "", sample.read_text(encoding="utf-8"))
    ev = read_evaluation(sample)
    doc = read_document(render_file(sample, "docx", tmp_path / "r.docx"))
    body = [p.text for p in doc.paragraphs[: next(i for i, p in enumerate(doc.paragraphs + [None]) if p is None
                                                   or p.text.startswith("附件"))]]
    allowed = {ev.title, ev.unit.name, DATE_LINE}
    for text in body:
        words = re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[、.])\s*", "", text)
        assert text in allowed or re.sub(r"\s+", "", words) in source, text
    for phrase in INVENTED:  # “区政法委无此项支出。” is 000's own sentence; nothing more of the kind
        assert "".join(body).count(phrase) == source.count(phrase), phrase
    assert body.count("无。") == sum(s.text.split("\n").count("无。") for s in ev.sections)
    lines = [line for s in ev.sections for line in s.text.split("\n") if line.strip()]
    assert all(line.strip() in body for line in lines)


def test_forms_only_for_what_a_form_states() -> None:
    kinds = {p.stem[:3]: [g.kind for g in tables(read_evaluation(p))] for p in SAMPLES}
    assert kinds == {"000": ["basic_data", "department", "project"], "001": [], "002": [], "003": [],
                     "004": ["basic_data", "department", "project"]}


def test_a_written_evaluation_without_indicators_shows_no_zero_total() -> None:
    ev = Evaluation.model_validate({"kind": "project", "title": "测试专项", "funds": {"total": {"budget": 100, "executed": 90}}})
    grid = tables(ev)[0]
    total = next(row for row in grid.rows if row[0].text == "总分")
    assert [cell.text for cell in total[1:]] == ["", "", ""]


def test_a_report_title_is_not_a_project_name() -> None:
    ev = Evaluation.model_validate({"kind": "special_fund", "title": "专项资金绩效自评报告",
                                    "indicators": [{"level1": "产出指标", "name": "培训", "weight": 10}]})
    assert self_table(ev, None, "stated").rows[0][1].text == ""


def grid_texts(sample: Path, kind: str) -> list[list[str]]:
    grid = next(g for g in tables(read_evaluation(sample)) if g.kind == kind)
    return [[cell.text for cell in row] for row in grid.rows]


def test_the_official_rows_columns_and_marks() -> None:
    basic = grid_texts(S004, "basic_data")
    assert any(row[0].startswith("楼堂馆所控制情况") and row[1:] == ["批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）",
                                                           "实际投资（万元）", "投资概算控制率"] for row in basic)
    assert basic[-1] == ["厉行节约保障措施", ""]
    project = grid_texts(S004, "project")
    carried = next(row for row in project if row[0] == "上年结转资金")
    assert carried[-3:] == ["—", "", "—"]
    funds = next(row for row in project if row[0] == "年度资金总额")
    assert funds[1:4] == ["373.00", "373.00", "373.00"] and funds[4:] == ["10", "100%", "10"]
    grid = next(g for g in tables(read_evaluation(S004)) if g.kind == "project")
    assert {cell.alignment for cell in grid.rows[4][1:4]} == {"right"} and grid.signature == SIGNATURE


def test_docx_forms_repeat_their_header_and_name_their_fonts(tmp_path: Path) -> None:
    path = render_file(S004, "docx", tmp_path / "r.docx")
    with zipfile.ZipFile(path) as package:
        document, styles = package.read("word/document.xml").decode(), package.read("word/styles.xml").decode()
    assert document.count("<w:tblHeader/>") == 3  # 经费控制情况 and the two indicator headers
    assert "Theme" not in styles and "themeColor" not in styles and "pBdr" not in styles
    assert 'w:eastAsia="仿宋_GB2312"' in styles and 'w:eastAsia="黑体"' in styles and 'w:eastAsia="zh-CN"' in styles
    assert document.count(SIGNATURE) == 3 and DATE_LINE in document


def test_workbook_formulas_notes_and_print_setup(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(render_file(S004, "xlsx", tmp_path / "t.xlsx"))
    basic = book["1-基础数据表"]
    three = next(row for row in basic.iter_rows() if row[0].value == "三公经费")
    r = three[0].row  # 三公经费 = 公务用车购置和维护经费 + 出国经费 + 公务接待, in each year's column
    assert [c.value for c in three if c.data_type == "f"] == [f"=SUM({col}{r + 1},{col}{r + 4},{col}{r + 5})" for col in "BDF"]
    department = book["2-部门整体自评表"]
    assert department.print_title_rows and department.print_area
    assert all(c.alignment.wrap_text for row in department.iter_rows() for c in row if isinstance(c.value, str))
    text = book["报告正文"]
    assert text.print_area and text.sheet_properties.pageSetUpPr.fitToPage and text["A2"].alignment.wrap_text


def test_a_stated_figure_that_disagrees_with_its_formula_gets_a_note(tmp_path: Path) -> None:
    data = {"kind": "project", "title": "测试专项", "funds": {"total": {"budget": 100, "executed": 90}},
            "stated": {"execution_weight": 10, "execution_rate": 95, "execution_score": 10, "total": 100},
            "indicators": [{"level1": "产出指标", "name": "培训", "weight": 90, "score": 80}]}
    source = tmp_path / "ev.yaml"
    source.write_text(str(data).replace("'", '"'), encoding="utf-8")
    sheet = openpyxl.load_workbook(render_file(source, "xlsx", tmp_path / "t.xlsx"))["1-项目自评表"]
    notes = {c.comment.text for row in sheet.iter_rows() for c in row if c.comment}
    assert notes == {"填报执行率与 全年执行数÷全年预算数（90%）不符", "填报得分与 分值×执行率（9）不符",
                     "填报 100 与各项之和 90 不符"}
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert 0.95 in values and 100 in values  # the stated figures stay


def test_edits_of_the_sections_reach_every_export(tmp_path: Path) -> None:
    """What the web editor changes is the Evaluation's sections; every writer prints them."""
    from jixiao.render.docx import write_report
    from jixiao.render.html import page
    from jixiao.render.narrative import report_lines
    from jixiao.rules import load_profile
    from jixiao.scoring import score

    ev = read_evaluation(S004)
    edited = ev.model_copy(update={"sections": [
        s.model_copy(update={"text": "本节由填报人在网页上改写。"}) if i == 1 else s for i, s in enumerate(ev.sections)]})
    card = score(edited, load_profile())
    docx_text = [p.text for p in read_document(write_report(edited, card, tmp_path / "r.docx")).paragraphs]
    assert "本节由填报人在网页上改写。" in docx_text and ev.sections[1].text.split("\n")[0] not in docx_text
    assert "本节由填报人在网页上改写。" in page(edited, card) and "本节由填报人在网页上改写。" in report_lines(edited)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ORDER = {  # ECMA-376 sequences: Word refuses a file whose properties are out of order or repeated
    "pPr": "pStyle keepNext keepLines pageBreakBefore widowControl autoSpaceDE autoSpaceDN spacing ind jc outlineLvl rPr",
    "rPr": "rFonts b bCs kern sz szCs lang",
    "tcPr": "tcW gridSpan vMerge vAlign",
    "trPr": "cantSplit tblHeader",
    "tblPr": "tblW jc tblInd tblBorders tblLayout tblCellMar",
}


def test_docx_properties_follow_the_schema_order(tmp_path: Path) -> None:
    from lxml import etree

    path = render_file(S004, "docx", tmp_path / "r.docx")
    with zipfile.ZipFile(path) as package:
        roots = [etree.fromstring(package.read(part)) for part in ("word/document.xml", "word/styles.xml")]
    for root in roots:
        for tag, order in ORDER.items():
            for element in root.iter(W + tag):
                names = [child.tag.replace(W, "") for child in element]
                assert all(name in order.split() for name in names), names
                assert names == sorted(names, key=order.split().index) and len(set(names)) == len(names), names
