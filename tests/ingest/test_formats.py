"""Each sample written as .docx, .xlsx, .html and .pdf (merged cells as in the official
layout) extracts to the same Evaluation as its text version."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jixiao.ingest import read_document
from jixiao.ingest.extract import extract
from jixiao.ingest.readers import text
from jixiao.ingest.readers.office import soffice

from .compare import comparable, first_difference
from .fixtures import write_docx, write_html, write_pdf, write_xlsx

SAMPLES = sorted((Path(__file__).parents[2] / "examples" / "reports").glob("*.txt"))
WRITERS = {".docx": write_docx, ".xlsx": write_xlsx, ".html": write_html}
needs_libreoffice = pytest.mark.skipif(
    soffice() is None and os.environ.get("CI") != "true", reason="LibreOffice 未安装（make test 在可安装时会安装）")


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_same_evaluation_as_text(sample: Path, suffix: str, tmp_path: Path) -> None:
    document = text.read(sample)
    written = WRITERS[suffix](document, tmp_path / f"{sample.stem}{suffix}")
    expected, actual = comparable(extract(document)), comparable(extract(read_document(written)))
    assert expected == actual, first_difference(expected, actual)


@needs_libreoffice
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_pdf_same_evaluation_as_text(sample: Path, tmp_path: Path) -> None:
    document = text.read(sample)
    written = write_pdf(document, tmp_path / f"{sample.stem}.pdf")
    expected = comparable(extract(document), squeeze_spaces=True)
    actual = comparable(extract(read_document(written)), squeeze_spaces=True)
    assert expected == actual, first_difference(expected, actual)


@needs_libreoffice
def test_doc_through_libreoffice(tmp_path: Path) -> None:
    import subprocess

    document = text.read(SAMPLES[0])
    source = write_docx(document, tmp_path / "report.docx")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path / "old"), str(source)], check=True, capture_output=True, timeout=180)
    old = tmp_path / "old" / "report.doc"
    evaluation = extract(read_document(old))
    assert comparable(evaluation) == comparable(extract(document))
    assert evaluation.indicators[0].source.file == str(old)


def test_docx_reader_keeps_merges_and_text_boxes(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    word = docx.Document()
    word.add_heading("一、基本情况", level=1)
    table = word.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "产出指标"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "数量指标"
    table.cell(1, 1).text, table.cell(1, 2).text = "a", "b"
    box = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:pict><w:txbxContent>'
           '<w:p><w:r><w:t>文本框里的说明</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>')
    word.add_paragraph("正文").runs[0]._r.addnext(parse_xml(box))
    path = tmp_path / "merges.docx"
    word.save(str(path))
    doc = read_document(path)
    assert doc.paragraphs[0].heading_level == 1
    assert [p.text for p in doc.paragraphs] == ["一、基本情况", "正文", "文本框里的说明"]
    rows = [[(c.text, c.colspan) for c in row] for row in doc.tables[0].rows]
    assert rows == [[("产出指标", 1), ("数量指标", 2)], [("", 1), ("a", 1), ("b", 1)], [("", 1), ("", 1), ("", 1)]]
