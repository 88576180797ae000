"""Word (.docx): paragraphs, text boxes and tables in body order.

Tables are walked by hand over `w:tc`: `gridSpan` gives a cell's column span and a
`vMerge` continuation becomes an empty cell, as converters write it (python-docx's
`row.cells` would repeat a merged cell in every row it spans). A nested table's text is
kept inside its cell. Heading styles (标题 1, Heading 2) give the heading level.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from jixiao.ingest.document import Cell, Document, Paragraph, Table
from jixiao.ingest.readers.package import check_package

W_P, W_TBL, W_TR, W_TC, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
# Text of a paragraph, not of text boxes nested in it ($depth: text boxes around the paragraph).
_TEXT = etree.XPath(
    ".//w:t[count(ancestor::w:txbxContent) = $depth] | .//w:tab[count(ancestor::w:txbxContent) = $depth]"
    " | .//w:br[count(ancestor::w:txbxContent) = $depth]", namespaces=NS)
_DEPTH = etree.XPath("count(ancestor::w:txbxContent)", namespaces=NS)
_BOXES = etree.XPath(".//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=NS)
_HEADING_STYLE = re.compile(r"(?i)(?:heading|标题)\s*(\d)")


def read(path: Path) -> Document:
    check_package(path, "word/document.xml", "Word 文档", "Word（.doc）")
    word = docx.Document(str(path))
    styles = {style.style_id: style.name or "" for style in word.styles}
    doc = Document(path=str(path), format="docx")
    for element in _blocks(word.element.body):
        if element.tag == W_P:
            _paragraphs(doc, element, styles)
        elif element.tag == W_TBL:
            doc.blocks.append(_table(element, len(doc.tables) + 1))
    return doc


def _blocks(parent: etree._Element) -> list[etree._Element]:
    """Body-level paragraphs and tables, looking inside content controls (w:sdt)."""
    found = []
    for child in parent.iterchildren():
        if child.tag in (W_P, W_TBL):
            found.append(child)
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                found.extend(_blocks(content))
    return found


def paragraph_text(p: etree._Element) -> str:
    parts = []
    for node in _TEXT(p, depth=_DEPTH(p)):
        parts.append(node.text or "" if node.tag == qn("w:t") else "\t" if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _paragraphs(doc: Document, p: etree._Element, styles: dict[str, str]) -> None:
    text = paragraph_text(p).strip()
    if text:
        doc.blocks.append(Paragraph(text=text, index=len(doc.paragraphs) + 1, heading_level=_level(p, styles)))
    for box in _BOXES(p):
        for inner in box.iter(W_P):
            inner_text = paragraph_text(inner).strip()
            if inner_text:
                doc.blocks.append(Paragraph(text=inner_text, index=len(doc.paragraphs) + 1))


def _level(p: etree._Element, styles: dict[str, str]) -> int | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style is None:
        return None
    match = _HEADING_STYLE.search(styles.get(style.get(qn("w:val")), ""))
    return int(match[1]) if match else None


def _table(tbl: etree._Element, index: int) -> Table:
    table = Table(index=index)
    for r, tr in enumerate(_children(tbl, W_TR), start=1):
        row = []
        for c, tc in enumerate(_children(tr, W_TC), start=1):
            row.append(Cell(_cell_text(tc), r, c, colspan=_span(tc)) if not _continues(tc) else Cell("", r, c, colspan=_span(tc)))
        table.rows.append(row)
    return table


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    found = []
    for child in parent.iterchildren():
        if child.tag == tag:
            found.append(child)
        elif child.tag == W_SDT and child.find(qn("w:sdtContent")) is not None:
            found.extend(_children(child.find(qn("w:sdtContent")), tag))
    return found


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"), "1")) if span is not None else 1


def _continues(tc: etree._Element) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") != "restart"


def _cell_text(tc: etree._Element) -> str:
    lines = []
    for child in tc.iterchildren():
        if child.tag == W_P:
            lines.append(paragraph_text(child))
        elif child.tag == W_TBL:
            lines.append("".join(child.itertext()))
    return "\n".join(lines).strip("\n")
