"""Word (.docx): paragraphs, text boxes and tables in body order.

The package is read with zipfile and lxml directly (a parser that resolves no entities
and fetches nothing): python-docx builds a whole object model that reading does not need
and costs ten times the parse. Tables are walked over `w:tc`: `gridSpan` gives a cell's
column span and a `vMerge` continuation becomes an empty cell, as converters write it. A
nested table's text is kept inside its cell. Heading styles (标题 1, Heading 2) give the
heading level.
"""

from __future__ import annotations

import re
from pathlib import Path

import zipfile

from lxml import etree

from jixiao.ingest.document import Cell, Document, Paragraph, Table
from jixiao.ingest.readers.package import check_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def qn(tag: str) -> str:
    return W + tag.split(":", 1)[1]


W_P, W_TBL, W_TR, W_TC, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
W_T, W_TAB, W_BR, W_TXBX = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:txbxContent")
W_VAL = qn("w:val")
SPAN_PATH, MERGE_PATH = f"{qn('w:tcPr')}/{qn('w:gridSpan')}", f"{qn('w:tcPr')}/{qn('w:vMerge')}"
STYLE_PATH, CONTENT = f"{qn('w:pPr')}/{qn('w:pStyle')}", qn("w:sdtContent")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
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
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"), PARSER)
        styles = _styles(package, root)
    body = root.find(qn("w:body"))
    doc = Document(path=str(path), format="docx")
    for element in _blocks(body if body is not None else root):
        if element.tag == W_P:
            _paragraphs(doc, element, styles)
        elif element.tag == W_TBL:
            doc.blocks.append(_table(element, len(doc.tables) + 1))
    return doc


_STYLE_DEF = re.compile(rb'<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"')


def _styles(package: zipfile.ZipFile, root: etree._Element) -> dict[str, int]:
    """Heading style id → level (`1` named `heading 1` → 1, `2` named `标题 2` → 2).

    styles.xml is often several times the size of the document, so its style names are
    read with a byte pattern (the schema puts `w:name` first in a style), and only when
    the document uses paragraph styles at all."""
    if "word/styles.xml" not in package.namelist() or root.find(f".//{qn('w:pStyle')}") is None:
        return {}
    levels = {}
    for style_id, name in _STYLE_DEF.findall(package.read("word/styles.xml")):
        match = _HEADING_STYLE.search(name.decode("utf-8", "replace"))
        if match:
            levels[style_id.decode("utf-8", "replace")] = int(match[1])
    return levels


def _blocks(parent: etree._Element) -> list[etree._Element]:
    """Body-level paragraphs and tables, looking inside content controls (w:sdt)."""
    found = []
    for child in parent.iterchildren():
        if child.tag in (W_P, W_TBL):
            found.append(child)
        elif child.tag == W_SDT:
            content = child.find(CONTENT)
            if content is not None:
                found.extend(_blocks(content))
    return found


def paragraph_text(p: etree._Element) -> str:
    if p.find(f".//{W_TXBX}") is None:  # the usual case: no text box inside, no XPath needed
        nodes = p.iter(W_T, W_TAB, W_BR)
    else:
        nodes = _TEXT(p, depth=_DEPTH(p))
    parts = []
    for node in nodes:
        parts.append(node.text or "" if node.tag == W_T else "\t" if node.tag == W_TAB else "\n")
    return "".join(parts)


def _paragraphs(doc: Document, p: etree._Element, styles: dict[str, int]) -> None:
    text = paragraph_text(p).strip()
    if text:
        doc.blocks.append(Paragraph(text=text, index=len(doc.paragraphs) + 1, heading_level=_level(p, styles)))
    for box in _BOXES(p):
        for inner in box.iter(W_P):
            inner_text = paragraph_text(inner).strip()
            if inner_text:
                doc.blocks.append(Paragraph(text=inner_text, index=len(doc.paragraphs) + 1))


def _level(p: etree._Element, styles: dict[str, int]) -> int | None:
    style = p.find(STYLE_PATH)
    return styles.get(style.get(W_VAL)) if style is not None else None


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
        elif child.tag == W_SDT and child.find(CONTENT) is not None:
            found.extend(_children(child.find(CONTENT), tag))
    return found


def _span(tc: etree._Element) -> int:
    span = tc.find(SPAN_PATH)
    return int(span.get(W_VAL, "1")) if span is not None else 1


def _continues(tc: etree._Element) -> bool:
    merge = tc.find(MERGE_PATH)
    return merge is not None and merge.get(W_VAL, "continue") != "restart"


def _cell_text(tc: etree._Element) -> str:
    lines = []
    for child in tc.iterchildren():
        if child.tag == W_P:
            lines.append(paragraph_text(child))
        elif child.tag == W_TBL:
            lines.append("".join(child.itertext()))
    return "\n".join(lines).strip("\n")
