"""Page furniture of a paged document (PDF): the page numbers a printed report carries
(`— 3 —`, `- 3 -`, `第3页`, `第3页 共10页`) are not its text.

A reader that meets a page number at the foot of a page ends the paragraph or table above
it there, although it may go on at the top of the next page, or runs the number into the
line above or below it (`填表人：…— 17 —`). So a page number is removed, and what it cut
is joined again: two paragraphs when the first (a line or more) does not end a sentence
and the second does not start a numbered item (`二、`, `（三）`, `4.`) or an attachment;
two tables with nothing but the page number between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.ingest.document import Block, Document, Paragraph, Table

PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")
_DASHED = r"[-—–－]\s*\d{1,4}\s*[-—–－]"
_FLANKED = re.compile(rf"^\s*{_DASHED}|{_DASHED}\s*$|^\s*第\s*\d{{1,4}}\s*页")
_HEAD, _TAIL = re.compile(rf"^{_DASHED}\s*"), re.compile(rf"\s*{_DASHED}$")
SENTENCE_END = re.compile(r"[。！？；：!?;:…][”’」』）)]*\s*$")
MIN_CUT = 20  # characters: a line and more of body text
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")


def without_page_numbers(doc: Document) -> Document:
    """The document without its page numbers, paragraphs and tables cut by them joined again."""
    if not any(isinstance(b, Paragraph) and b.page and _FLANKED.search(b.text) for b in doc.blocks):
        return doc
    blocks: list[Block] = []
    cut = False
    for block in doc.blocks:
        if isinstance(block, Paragraph) and block.page:
            text, before, after = _strip(block.text)
            cut = cut or before
            if not text:
                cut = True
                continue
            block = replace(block, text=text) if text != block.text else block
        else:
            after = False
        previous = blocks[-1] if blocks else None
        if cut and _continues(previous, block):
            blocks[-1] = replace(previous, text=previous.text + block.text)  # type: ignore[type-var]
        elif cut and isinstance(previous, Table) and isinstance(block, Table) and block.page != previous.page:
            blocks[-1] = _joined(previous, block)
        else:
            blocks.append(block)
        cut = after
    return Document(path=doc.path, format=doc.format, blocks=_renumbered(blocks))


def _strip(text: str) -> tuple[str, bool, bool]:
    """The text without a page number, and whether one stood before and after it (a reader
    may run the foot of one page and the top of the next into one paragraph)."""
    stripped = text.strip()
    if PAGE_NUMBER.match(stripped):
        return "", True, False
    head, tail = _HEAD.match(stripped), _TAIL.search(stripped)
    core = stripped[head.end() if head else 0: tail.start() if tail else len(stripped)].strip()
    return core, head is not None, tail is not None


def _continues(before: Block | None, after: Block) -> bool:
    """A paragraph cut by a page break has at least a full line above the break."""
    return (isinstance(before, Paragraph) and isinstance(after, Paragraph) and after.page != before.page
            and len(before.text) >= MIN_CUT and not SENTENCE_END.search(before.text)
            and not NUMBERED.match(after.text) and not after.text.startswith("附"))


def _joined(upper: Table, lower: Table) -> Table:
    rows = [[replace(cell, row=cell.row + len(upper.rows)) for cell in row] for row in lower.rows]
    return Table(index=upper.index, rows=upper.rows + rows, line=upper.line, page=upper.page, sheet=upper.sheet)


def _renumbered(blocks: list[Block]) -> list[Block]:
    """Paragraph and table numbers stay consecutive (extraction reads a title from
    consecutive paragraphs; a place names the n-th table)."""
    result: list[Block] = []
    paragraphs = tables = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs += 1
            block = replace(block, index=paragraphs) if block.index != paragraphs else block
        else:
            tables += 1
            if block.index != tables:
                block = Table(index=tables, rows=block.rows, line=block.line, page=block.page, sheet=block.sheet)
        result.append(block)
    return result
