"""The outputs as a user gets them: the .docx converts to PDF in LibreOffice with every
table inside the page, the .xlsx recomputes its totals in LibreOffice, the HTML page is
self-contained, the JSON is the Evaluation."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from jixiao.ingest import read_document, read_evaluation
from jixiao.ingest.readers.office import soffice
from jixiao.model.evaluation import Evaluation
from jixiao.render.files import render_file
from jixiao.render.pdf import to_pdf

ROOT = Path(__file__).parents[2]
S000 = ROOT / "examples" / "reports" / "000_1c537258e20f2a87.txt"
S004 = ROOT / "examples" / "reports" / "004_66e78293cd0851a8.txt"
needs_libreoffice = pytest.mark.skipif(soffice() is None and os.environ.get("CI") != "true",
                                       reason="LibreOffice 未安装（make test 在可安装时会安装）")


@needs_libreoffice
def test_report_converts_to_pdf_with_tables_inside_the_page(tmp_path: Path) -> None:
    docx = render_file(S004, "docx", tmp_path / "report.docx")
    pdf = to_pdf([docx], tmp_path)[0]
    with pdfplumber.open(pdf) as document:
        tables = [(page, table) for page in document.pages for table in page.find_tables()]
        assert len(tables) >= 3
        for page, table in tables:
            x0, top, x1, bottom = table.bbox
            assert 0 <= x0 and x1 <= page.width and bottom <= page.height, f"table overflows page {page.page_number}"
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert "部门整体支出绩效自评表" in text and "区委办专项" in text and "1013.19" in text
    subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-01.png").stat().st_size > 1000


@needs_libreoffice
def test_pdf_numbers_never_break_and_fonts_are_the_cjk_sc_fallbacks(tmp_path: Path) -> None:
    pdf = render_file(S000, "pdf", tmp_path / "report.pdf")
    cells = [c.text for t in read_document(pdf).tables for row in t.rows for c in row]
    assert "734.38" in "".join(cells)
    broken = [text for text in cells if re.search(r"[\d.%≥≤≧≦]\n[\d.%]", text)]
    assert not broken, broken
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts and "DejaVu" not in fonts, fonts


@needs_libreoffice
def test_pdf_keeps_hostile_text(tmp_path: Path) -> None:
    sample = tmp_path / "eval.yaml"
    sample.write_text("kind: project\nfiscal_year: 2023\ntitle: 测试专项\n"
                      "sections: [{heading: 基本情况, number: 一, text: \"换行\\v之后 <b>粗</b> & ≥98%\"}]\n"
                      "indicators:\n  - {level1: 产出指标, level2: 质量指标, name: \"=100%\", target: ≥98%, actual: 99%, "
                      "weight: 10, score: 10, deviation_note: \"a\\vb\"}\n", encoding="utf-8")
    text = "".join(page.extract_text() or "" for page in pdfplumber.open(render_file(sample, "pdf", tmp_path / "r.pdf")).pages)
    assert "≥98%" in text and "<b>粗</b> & ≥98%" in text and "=100%" in text


@needs_libreoffice
def test_many_reports_in_one_libreoffice_run(tmp_path: Path) -> None:
    sources = [render_file(sample, "docx", tmp_path / f"{sample.stem[:3]}.docx")
               for sample in sorted((ROOT / "examples" / "reports").glob("*.txt"))]
    pdfs = to_pdf(sources, tmp_path / "pdf")
    assert [p.stem for p in pdfs] == [s.stem for s in sources] and all(p.stat().st_size > 10_000 for p in pdfs)


@needs_libreoffice
def test_workbook_recomputes_its_totals_in_libreoffice(tmp_path: Path) -> None:
    xlsx = render_file(S000, "xlsx", tmp_path / "tables.xlsx")
    profile = (tmp_path / "profile").as_uri()
    export = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", export,
                    "--outdir", str(tmp_path), str(xlsx)], check=True, capture_output=True, timeout=180)
    sheets = {p.stem.split("-", 1)[-1]: list(csv.reader(p.open(encoding="utf-8"))) for p in tmp_path.glob("tables-*.csv")}
    department = next(rows for name, rows in sheets.items() if "部门整体自评表" in name)
    ev = read_evaluation(S000)
    total_row = next(row for row in department if row and row[0] == "总分")
    assert Decimal(total_row[6]) == 100 and Decimal(total_row[7]) == ev.stated.total
    funds_row = next(row for row in department if "年度资金总额" in row)
    assert funds_row[7] == "100%" and Decimal(funds_row[8]) == ev.stated.execution_score


def test_html_page_is_self_contained(tmp_path: Path) -> None:
    page = render_file(S004, "html", tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert 'rowspan="' in page and "区委办专项" in page and "JX303" in page and "重算总分" in page


def test_json_is_the_evaluation(tmp_path: Path) -> None:
    written = render_file(S000, "json", tmp_path / "ev.json")
    assert Evaluation.model_validate(json.loads(written.read_text(encoding="utf-8"))).stated.total == 98


def test_recomputed_scores_are_shown_and_said(tmp_path: Path) -> None:
    from docx import Document

    sample = tmp_path / "eval.yaml"
    sample.write_text("kind: project\nfiscal_year: 2023\ntitle: 测试专项\nstated: {execution_weight: 10, total: 100}\n"
                      "funds: {total: {budget: 100, executed: 100}}\n"
                      "indicators:\n  - {level1: 产出指标, level2: 数量指标, name: 培训, target: ≥12次, actual: 10次, weight: 90, score: 90}\n",
                      encoding="utf-8")
    stated = render_file(sample, "docx", tmp_path / "stated.docx")
    recomputed = render_file(sample, "docx", tmp_path / "recomputed.docx", scores="recomputed")
    cells = lambda p: [c.text for t in Document(str(p)).tables for row in t.rows for c in row.cells]  # noqa: E731
    assert "90" in cells(stated) and "75.00" in cells(recomputed)
    text = "\n".join(p.text for p in Document(str(recomputed)).paragraphs)
    assert "jixiao 按评分规则重算的得分" in text


def test_two_sources_of_one_name_are_refused(tmp_path: Path) -> None:
    from jixiao.errors import InputError

    with pytest.raises(InputError, match="同名"):
        to_pdf([tmp_path / "report.docx", tmp_path / "report.xlsx"], tmp_path)
