"""Web pages (.html, .htm) as government portals publish them: paragraphs and tables.

Text is decoded by the page's declared charset, else UTF-8, else GB18030. Rows take
`rowspan`/`colspan`; a cell covered by a `rowspan` from above becomes an empty cell, as
in converted text. Nested tables keep their text inside the outer cell.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from jixiao.errors import InputError
from jixiao.ingest.document import Cell, Document, Paragraph, Table

_CHARSET = re.compile(rb"""charset=["']?([\w-]+)""", re.IGNORECASE)
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dt", "dd", "caption"}
SKIP = {"script", "style", "head", "noscript", "template", "nav", "aside"}  # asides: sidebars, not the report


def read(path: Path) -> Document:
    text = _decode(path.read_bytes(), path)
    if "<" not in text[:4096]:
        raise InputError(f"{path}: 扩展名为“{path.suffix}”，但内容不是网页")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{path}: 网页无法解析（{exc}）") from None
    doc = Document(path=str(path), format="html")
    body = root.find("body")
    _walk(body if body is not None else root, doc)
    return doc


def _decode(data: bytes, path: Path) -> str:
    declared = _CHARSET.search(data[:4096])
    for encoding in ([declared[1].decode("ascii")] if declared else []) + ["utf-8-sig", "gb18030"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(f"{path}: 无法识别网页的文字编码")


def _walk(element: etree._Element, doc: Document) -> None:
    pending: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in SKIP:
            pass
        elif tag == "table":
            _flush(pending, doc)
            doc.blocks.append(_table(child, len(doc.tables) + 1))
        elif tag in BLOCKS:
            _flush(pending, doc)
            level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else None
            _add(doc, child.text_content(), level)
        elif tag == "br":
            _flush(pending, doc)
        elif len(child) and any(isinstance(c.tag, str) and (c.tag in BLOCKS or c.tag in ("table", "div")) for c in child.iter()):
            _flush(pending, doc)
            _walk(child, doc)
        else:
            pending.append(child.text_content() if tag else "")
        pending.append(child.tail or "")
    _flush(pending, doc)


def _flush(pending: list[str], doc: Document) -> None:
    _add(doc, "".join(pending), None)
    pending.clear()


def _add(doc: Document, text: str, level: int | None) -> None:
    for line in text.replace("\xa0", " ").splitlines():
        if line.strip():
            doc.blocks.append(Paragraph(text=line.strip(), index=len(doc.paragraphs) + 1, heading_level=level))


def _table(element: etree._Element, index: int) -> Table:
    table = Table(index=index)
    below: dict[int, list[int]] = {}  # start column of a rowspan → [rows still covered, colspan]
    for tr in _rows(element):
        row: list[Cell] = []
        column, row_no = 0, len(table.rows) + 1
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                continue
            column = _fill_covered(below, column, row, row_no)
            rowspan, colspan = _int(td.get("rowspan")), _int(td.get("colspan"))
            text = "\n".join(line.strip() for line in td.text_content().splitlines() if line.strip())
            row.append(Cell(text, row_no, len(row) + 1, rowspan=rowspan, colspan=colspan))
            if rowspan > 1:
                below[column] = [rowspan - 1, colspan]
            column += colspan
        _fill_covered(below, column, row, row_no, to_end=True)
        table.rows.append(row)
    return table


def _rows(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _fill_covered(below: dict[int, list[int]], column: int, row: list[Cell], row_no: int,
                  to_end: bool = False) -> int:
    """Insert one empty cell for each run a rowspan from above covers at `column` (or,
    with `to_end`, at any later column), returning the next free column."""
    while column in below or (to_end and any(start > column for start in below)):
        if column not in below:
            column = min(start for start in below if start > column)
        remaining, span = below[column]
        row.append(Cell("", row_no, len(row) + 1, colspan=span))
        if remaining == 1:
            del below[column]
        else:
            below[column][0] = remaining - 1
        column += span
    return column


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1
