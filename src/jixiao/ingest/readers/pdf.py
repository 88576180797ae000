"""PDF with a text layer (pdfplumber): tables found by their ruling lines, the text
outside them as paragraphs, in reading order page by page.

Lines that run to the right edge of the text continue into the next line (a wrapped
paragraph); a table that resumes at the top of the next page continues the table that
ended the page before.

A page whose text comes out as `(cid:123)` glyphs is read again with pypdfium2; a PDF
with no text at all (a scan) is refused with a clear message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2

from jixiao.errors import InputError
from jixiao.ingest.document import Cell, Document, Paragraph, Table

MAX_PAGES = 500
TOP_OF_PAGE = 120  # points: a table starting above this continues the previous page's
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")


def read(path: Path) -> Document:
    if not path.read_bytes()[:1024].lstrip().startswith(b"%PDF"):
        raise InputError(f"{path}: 扩展名为“{path.suffix}”，但内容不是 PDF 文件")
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many kinds for broken or encrypted files
        raise InputError(f"{path}: {_why(exc)}") from None
    with pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise InputError(f"{path}: 共 {len(pdf.pages)} 页，超过上限 {MAX_PAGES} 页")
        doc = Document(path=str(path), format="pdf")
        state = _State()
        for number, page in enumerate(pdf.pages, start=1):
            _page(doc, page, number, path, state)
    if not any(p.text for p in doc.paragraphs) and not doc.tables:
        raise InputError(f"{path}: PDF 没有文字层（可能是扫描件），无法读取；请提供原始 Word/Excel 文件或先做文字识别")
    return doc


def _why(exc: Exception) -> str:
    names = " ".join(type(e).__name__ for e in (exc, *exc.args) if isinstance(e, BaseException))
    if "Password" in names or "Encrypt" in names:
        return "PDF 已加密（设有打开密码），请去掉密码后再导入"
    return f"PDF 已损坏或无法解析（{type(exc).__name__}）"


@dataclass
class _State:
    """What carries from one page to the next."""

    reached: dict[int, int] = field(default_factory=dict)  # table index → last page it reached
    open_paragraph_page: int = 0  # the page whose last paragraph runs on


def _page(doc: Document, page: Any, number: int, path: Path, state: _State) -> None:
    tables = page.find_tables()
    outside = page.filter(lambda obj: not any(_inside(obj, t.bbox) for t in tables))
    lines = outside.extract_text_lines(return_chars=False)
    blocks: list[tuple[float, Any]] = [(t.bbox[1], t) for t in tables]
    runs_on = False
    if any("(cid:" in line["text"] for line in lines):
        blocks += [(0.0, text) for text in _pdfium_text(path, number).splitlines() if text.strip()]
    else:
        paragraphs, runs_on = _paragraph_lines(lines)
        blocks += paragraphs
    for position, (_, block) in enumerate(sorted(blocks, key=lambda item: item[0])):
        if isinstance(block, str) and position == 0 and state.open_paragraph_page == number - 1 > 0 \
                and isinstance(doc.blocks[-1], Paragraph) and not _NUMBERED.match(block):
            last = doc.blocks[-1]
            doc.blocks[-1] = Paragraph(text=last.text + block, index=last.index, page=last.page)
        elif isinstance(block, str):
            doc.blocks.append(Paragraph(text=block, index=len(doc.paragraphs) + 1, page=number))
        elif doc.blocks and isinstance(doc.blocks[-1], Table) and _continues(state, doc.blocks[-1], block, number):
            doc.blocks[-1].rows.extend(_table(block, doc.blocks[-1].index, number, len(doc.blocks[-1].rows)).rows)
            state.reached[doc.blocks[-1].index] = number
        else:
            doc.blocks.append(_table(block, len(doc.tables) + 1, number))
            state.reached[doc.blocks[-1].index] = number
    ends_with_text = bool(doc.blocks) and isinstance(doc.blocks[-1], Paragraph)
    state.open_paragraph_page = number if runs_on and ends_with_text else 0


def _paragraph_lines(lines: list[dict[str, Any]]) -> tuple[list[tuple[float, str]], bool]:
    """Join wrapped lines into paragraphs; also say whether the last one runs on.

    Where the page spaces its paragraphs (gaps between lines of two sizes), a small gap
    means the same paragraph; otherwise a line reaching the right edge of the text goes
    on, unless the next line is numbered (`二、`, `（一）`, `1、`).
    """
    lines = [line for line in lines if line["text"].strip()]
    if not lines:
        return [], False
    right = max(line["x1"] for line in lines)
    height = sorted(line["bottom"] - line["top"] for line in lines)[len(lines) // 2]
    gaps = [b["top"] - a["bottom"] for a, b in zip(lines, lines[1:])]
    spaced = bool(gaps) and max(gaps) - min(gaps) > height / 2
    paragraphs: list[tuple[float, str]] = []
    for i, line in enumerate(lines):
        text = line["text"].strip()
        if i == 0:
            goes_on = False
        elif spaced:
            goes_on = gaps[i - 1] < min(gaps) + height / 2
        else:
            goes_on = _full(lines[i - 1], right, height) and not _NUMBERED.match(text)
        if goes_on:
            paragraphs[-1] = (paragraphs[-1][0], paragraphs[-1][1] + text)
        else:
            paragraphs.append((line["top"], text))
    return paragraphs, _full(lines[-1], right, height)


def _full(line: dict[str, Any], right: float, height: float) -> bool:
    return line["x1"] >= right - 1.5 * height


def _continues(state: _State, previous: Table, found: Any, page: int) -> bool:
    """A table at the very top of a page goes on with the table that ended the last page."""
    return state.reached.get(previous.index) == page - 1 and found.bbox[1] < TOP_OF_PAGE


def _inside(obj: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    return obj.get("x0", -1) >= x0 - 1 and obj.get("x1", 1e9) <= x1 + 1 and obj.get("top", -1) >= top - 1 \
        and obj.get("bottom", 1e9) <= bottom + 1


def _pdfium_text(path: Path, number: int) -> str:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return document[number - 1].get_textpage().get_text_range().replace("\r\n", "\n")
    finally:
        document.close()


def _table(found: Any, index: int, page: int, row_offset: int = 0) -> Table:
    """Rebuild rows as converted text has them, from pdfplumber's grid of cell boxes:
    a position inside the width of the cell before it is covered by that cell (left out);
    positions covered by one cell from the rows above become one empty cell."""
    table = Table(index=index, page=page)
    xs = sorted({cell[0] for cell in found.cells})
    cover: dict[int, Any] = {}
    for group, values in zip(found.rows, found.extract()):
        row: list[Cell] = []
        below: dict[int, Any] = {}
        last, run = None, None
        for column, (box, value) in enumerate(zip(group.cells, values)):
            if box is not None:
                row.append(Cell((value or "").strip(), row_offset + len(table.rows) + 1, len(row) + 1, page=page))
                last, run = box, None
                below.update({k: box for k, x in enumerate(xs) if box[0] - 1 <= x < box[2] - 1})
            elif last is not None and last[2] > xs[column] + 1:
                below[column] = last
            else:
                above = cover.get(column)
                if above is None or above is not run:
                    row.append(Cell("", row_offset + len(table.rows) + 1, len(row) + 1, page=page))
                run = above
                below[column] = above
        cover = below
        table.rows.append(row)
    return table
