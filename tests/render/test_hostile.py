"""Every writer takes hostile text: control characters XML cannot hold are cleaned (a
vertical tab becomes a line break), every other character is kept (`≥98%`, `<`, `&`,
template tags), and a spreadsheet cell that starts with `=` stays text, never a formula
or a link."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from lxml import etree
from rich.console import Console

from jixiao.ingest import read_document
from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import Finding
from jixiao.render.docx import write_report
from jixiao.render.findings import findings_html, print_findings, write_xlsx
from jixiao.render.html import page
from jixiao.render.layout import tables
from jixiao.render.narrative import report_lines
from jixiao.render.text import EXCEL_MAX_CHARS, clean
from jixiao.render.xlsx import write_workbook
from jixiao.rules import load_profile
from jixiao.scoring import score

FORMULAS = ["=100%", '=HYPERLINK("http://example.invalid","点击")', "+1+1", "-2+3", "@SUM(1,2)"]
KEPT = "≥98% <b>加粗</b> & “引号” ]]> {{ title }} {%p if x %} 😀"
BROKEN = "第一行\x0b第二行\x0c第三行\x00\x07\x1f\ufffe"


def hostile() -> Evaluation:
    rows = [{"level1": "产出指标", "level2": "数量指标", "name": name, "target": name, "actual": KEPT, "weight": 10,
             "score": 10, "deviation_note": BROKEN} for name in FORMULAS]
    return Evaluation.model_validate({
        "kind": "department", "fiscal_year": 2023, "title": f"=HYPERLINK(1)整体支出绩效自评报告{BROKEN}",
        "unit": {"name": "=1+1单位"}, "goals": {"expected": KEPT, "achieved": BROKEN},
        "sections": [{"heading": "基本情况", "number": "一", "level": 1, "text": f"{KEPT}\n{BROKEN}\n=100%"}],
        "indicators": rows, "stated": {"execution_weight": 10, "total": 60}})


def test_clean_keeps_every_character_xml_can_hold() -> None:
    assert clean(KEPT) == KEPT
    assert clean(BROKEN) == "第一行\n第二行\n第三行"
    assert clean("a\r\nb\rc\u3000d") == "a\nb\nc\u3000d"


def test_docx(tmp_path: Path) -> None:
    ev = hostile()
    path = write_report(ev, score(ev, load_profile()), tmp_path / "r.docx")
    with zipfile.ZipFile(path) as package:
        etree.fromstring(package.read("word/document.xml"))  # well-formed
    doc = read_document(path)
    texts = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row]
    assert KEPT in texts and "第一行" in texts and "第二行" in texts and "=100%" in texts
    assert all(name in cells for name in FORMULAS) and KEPT in cells and "第一行\n第二行\n第三行" in cells
    assert not any(ch in text for text in texts + cells for ch in "\x00\x07\x0b\x0c\x1f")


def test_xlsx(tmp_path: Path) -> None:
    ev = hostile()
    long_line = "长" * (EXCEL_MAX_CHARS + 10)
    path = write_workbook(tables(ev, score(ev, load_profile())), tmp_path / "t.xlsx", [*report_lines(ev), long_line])
    book = openpyxl.load_workbook(path)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for text in [*FORMULAS, KEPT, "第一行\n第二行\n第三行"]:
        found = [cell for cell in cells if cell.value == text]
        assert found and all(cell.data_type == "s" for cell in found), text
    assert not any(cell.data_type == "f" and not str(cell.value).startswith(("=SUM", "=ROUND")) for cell in cells)
    text_sheet = [cell.value for cell in book["报告正文"]["A"]]
    assert "".join(v for v in text_sheet if v and v.startswith("长")) == long_line  # split, not cut


def test_html() -> None:
    ev = hostile()
    html = page(ev, score(ev, load_profile()))
    assert "<b>加粗</b>" not in html and "&lt;b&gt;加粗&lt;/b&gt;" in html
    assert not any(ch in html for ch in "\x00\x07\x0b\x0c\x1f\ufffe")
    text = etree.HTML(html).xpath("string(//body)")
    assert KEPT in text and "=HYPERLINK(1)" in text


def finding(message: str) -> Finding:
    return Finding(code="JX401", slug="vague-target", severity="info", message=message, file="=x.docx",
                   evidence='=HYPERLINK("http://example.invalid")', why="[/red] [bold]")


def test_findings_outputs(tmp_path: Path) -> None:
    found = [finding(f"{KEPT} {BROKEN} [/]")]
    write_xlsx(found, tmp_path / "f.xlsx")
    cells = [c for row in openpyxl.load_workbook(tmp_path / "f.xlsx").active.iter_rows() for c in row if c.value]
    assert {c.value for c in cells} >= {"=x.docx", '=HYPERLINK("http://example.invalid")'}
    assert all(c.data_type == "s" for c in cells)
    assert "&lt;b&gt;" in findings_html(found) and "\x0b" not in findings_html(found)
    out = io.StringIO()
    print_findings(Console(file=out, width=400), found)  # rich markup in a message is text
    assert "[/]" in out.getvalue() and "=x.docx" in out.getvalue()


@pytest.mark.django_db
def test_web_workbooks_write_text_as_text() -> None:
    from jixiao.web.evaluations.reports import QUEUE_COLUMNS, queue_workbook

    record = SimpleNamespace(unit="=HYPERLINK(1)", fiscal_year=2023, title="=100%", get_status_display=lambda: "草稿",
                             **{key: None for key, _ in QUEUE_COLUMNS[4:]})
    sheet = queue_workbook([record]).active  # type: ignore[arg-type]
    assert [(c.value, c.data_type) for c in sheet[2][:3:2]] == [("=HYPERLINK(1)", "s"), ("=100%", "s")]
