"""Broken and hostile files: every reader answers with a clear message naming the file,
never a traceback and never a hang."""

from __future__ import annotations

import io
import signal
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from jixiao.errors import InputError
from jixiao.ingest import read_document
from jixiao.ingest.readers import office

from .fixtures import write_docx, write_xlsx
from jixiao.ingest.readers import text as text_reader

SAMPLE = Path(__file__).parents[2] / "examples" / "reports" / "000_1c537258e20f2a87.txt"
FORMATS = (".txt", ".docx", ".xlsx", ".pdf", ".html", ".doc")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def timeout(*_: object) -> None:
        raise TimeoutError("reader hung")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def refused(path: Path, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value).startswith(str(path)), caught.value
    assert message in str(caught.value), caught.value


def valid(suffix: str, tmp_path: Path) -> bytes:
    document = text_reader.read(SAMPLE)
    writer: Callable[..., Path] = {".docx": write_docx, ".xlsx": write_xlsx}[suffix]
    return writer(document, tmp_path / f"valid{suffix}").read_bytes()


@pytest.mark.parametrize("suffix", FORMATS)
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    refused(path, "文件为空")


@pytest.mark.parametrize("suffix", FORMATS)
def test_random_bytes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match=str(path)):
        read_document(path)


@pytest.mark.parametrize(("suffix", "content", "message"), [
    (".docx", b"%PDF-1.4\n%...", "内容不是Word 文档"),
    (".xlsx", "这是一段文字".encode(), "内容不是Excel 工作簿"),
    (".pdf", b"PK\x03\x04" + b"\x00" * 100, "内容不是 PDF 文件"),
    (".html", b"%PDF-1.4 binary \x00\x01", "内容不是网页"),
    (".doc", b"just text, not a doc", "内容不是 Office 文档"),
    (".docx", OLE + b"\x00" * 600, "旧版Word（.doc）文件"),
])
def test_wrong_extension(tmp_path: Path, suffix: str, content: bytes, message: str) -> None:
    path = tmp_path / f"wrong{suffix}"
    path.write_bytes(content)
    refused(path, message)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_truncated_package(tmp_path: Path, suffix: str) -> None:
    data = valid(suffix, tmp_path)
    path = tmp_path / f"half{suffix}"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "已损坏或不完整")


@pytest.mark.parametrize(("suffix", "main"), [(".docx", "word/document.xml"), (".xlsx", "xl/workbook.xml")])
def test_zip_bomb_by_ratio(tmp_path: Path, suffix: str, main: str) -> None:
    path = tmp_path / f"bomb{suffix}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(main, b"<a/>")
        package.writestr("word/media/zeros.bin", b"\x00" * (40 * 1024 * 1024))
    refused(path, "压缩比异常")


def test_zip_bomb_by_entries(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("word/document.xml", b"<a/>")
        for index in range(6000):
            package.writestr(f"x/{index}", b"")
    refused(path, "疑似压缩炸弹")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_encrypted_office_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"locked{suffix}"
    path.write_bytes(OLE + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    refused(path, "文件已加密")


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(path), encrypt="secret")
    page.drawString(100, 700, "locked")
    page.save()
    refused(path, "PDF 已加密")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 400, fill=1)  # an image-like page: shapes, no text
    page.save()
    refused(path, "没有文字层")


def test_truncated_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    whole = tmp_path / "whole.pdf"
    page = canvas.Canvas(str(whole))
    page.drawString(100, 700, "text")
    page.save()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(InputError, match=str(path)):
        read_document(path)


def test_sheet_with_ten_thousand_rows(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in range(10000):
        book.active.append([row, "数据", row * 2])
    path = tmp_path / "big.xlsx"
    book.save(path)
    refused(path, "10000 行")


def test_deeply_nested_docx_tables(tmp_path: Path) -> None:
    inner = "<w:p><w:r><w:t>底</w:t></w:r></w:p>"
    for _ in range(300):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{inner}</w:body></w:document>")
    path = tmp_path / "nested.docx"
    with zipfile.ZipFile(io.BytesIO(valid(".docx", tmp_path)) ) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            out.writestr(item, body if item.filename == "word/document.xml" else source.read(item))
    with pytest.raises(InputError, match=str(path)):
        read_document(path)


def test_deeply_nested_html_tables(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<table><tr><td>" * 3000 + "底" + "</td></tr></table>" * 3000 + "</body></html>")
    try:
        read_document(path)  # either it reads (libxml2 flattens) or it refuses clearly
    except InputError as exc:
        assert str(path) in str(exc)


def test_xml_entity_bomb_in_docx(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
            '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;</w:t></w:r></w:p></w:body></w:document>")
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(io.BytesIO(valid(".docx", tmp_path))) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            out.writestr(item, bomb if item.filename == "word/document.xml" else source.read(item))
    try:
        document = read_document(path)
        assert sum(len(p.text) for p in document.paragraphs) < 1_000_000  # entities not expanded
    except InputError as exc:
        assert str(path) in str(exc)


def test_package_without_main_part(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "nothing here")
    refused(path, "缺少 word/document.xml")


def test_invalid_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("正常开头".encode() + b"\xff\xfe\xfa\xfb" * 50)
    refused(path, "无法识别文本编码")


def test_binary_text_file(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"ab\x00\x00cd" * 100)
    refused(path, "不是文本文件")


def test_gbk_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("部门整体支出绩效自评报告\n一、基本情况".encode("gbk"))
    assert read_document(path).paragraphs[0].text == "部门整体支出绩效自评报告"


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)
    refused(path, "文件过大")


def test_missing_and_directory(tmp_path: Path) -> None:
    refused(tmp_path / "nope.docx", "文件不存在")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    refused(folder, "不是文件")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    refused(path, "不支持“.pptx”格式")


def test_doc_without_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office, "soffice", lambda: None)
    path = tmp_path / "old.doc"
    header = OLE + b"\x00" * 20 + b"\xfe\xff\x09" + b"\x00" * 481
    path.write_bytes(header + b"\x00" * 1000)
    refused(path, "需要 LibreOffice")


def test_doc_with_a_broken_header(tmp_path: Path) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(OLE + bytes(range(256)) * 20)
    refused(path, "文件头无效")
