"""Page furniture of a paged document (PDF): the page numbers a printed report carries
(`— 3 —`, `- 3 -`, `第3页`, `第3页 共10页`) are not its text.

A reader that meets a page number at the foot of a page ends the paragraph or table above
it there, although it may go on at the top of the next page. So a page number is removed,
and what it cut is joined again: two paragraphs when the first (a line or more) does not
end a sentence and the second does not start a numbered item (`二、`, `（三）`, `4.`) or an
attachment; two tables with nothing but the page number between them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.ingest.document import Block, Document, Paragraph, Table

PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")
SENTENCE_END = re.compile(r"[。！？；：!?;:…][”’」』）)]*\s*$")
MIN_CUT = 20  # characters: a line and more of body text
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))")


def without_page_numbers(doc: Document) -> Document:
    """The document without its page numbers, paragraphs cut by them joined again."""
    if not any(isinstance(b, Paragraph) and b.page and PAGE_NUMBER.match(b.text.strip()) for b in doc.blocks):
        return doc
    blocks: list[Block] = []
    cut = False
    for block in doc.blocks:
        if isinstance(block, Paragraph) and block.page and PAGE_NUMBER.match(block.text.strip()):
            cut = True
            continue
        before = blocks[-1] if blocks else None
        if cut and _continues(before, block):
            blocks[-1] = replace(before, text=before.text + block.text)  # type: ignore[type-var]
        elif cut and isinstance(before, Table) and isinstance(block, Table) and block.page != before.page:
            blocks[-1] = _joined(before, block)
        else:
            blocks.append(block)
        cut = False
    return Document(path=doc.path, format=doc.format, blocks=_renumbered(blocks))


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
