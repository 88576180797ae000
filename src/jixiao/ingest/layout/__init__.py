"""Layout recovery: self-evaluation forms that reached us as text, read back into tables.

Between the readers and extraction. Every reader gives a Document of paragraphs and
tables; when a form was flattened on the way (a PDF without ruling lines, a web page
whose table became paragraphs, text copied out of Word, OCR output), its cells arrive
as paragraphs: separated by ` | `, one per line, separated by spaces, or run together
with no separator at all. `recover` finds such forms by their labels, reads them with
the form's own structure (`reader.py`) and puts a Table in their place, so extraction
reads every layout the same way. A paged document's page numbers are taken out first
(`page_numbers.py`), site furniture (download banners, page thumbnails) is dropped; what
is not a form is left as it was.

    年度财政资金总额 | 650 | 94 | 0.1 | 2.9       (separated by bars)
    年度资金总额⏎43.2⏎43.2⏎37.24⏎10⏎86%⏎9       (one cell per line)
    年度资金总额 5.28 1.96 1.96 10 100.00% 10    (spaces)
    年度财政资金总额10001000100%20              (run together: 1000 | 1000 | 100% | 20)
"""

from __future__ import annotations

from jixiao.ingest.document import Block, Document, Paragraph, Table
from jixiao.ingest.layout.furniture import is_furniture
from jixiao.ingest.layout.page_numbers import without_page_numbers
from jixiao.ingest.layout.pages import Joined, join_pages
from jixiao.ingest.layout.reader import FormReader
from jixiao.ingest.layout.segment import Merger, ends_form, is_prose, lexemes_of, may_start
from jixiao.ingest.layout.table import form_table

__all__ = ["recover"]


def recover(doc: Document) -> Document:
    """The document with flattened forms read back into tables (idempotent)."""
    if doc.recovered:
        return doc
    doc = without_page_numbers(doc)
    blocks: list[Block] = []
    run: list[Paragraph] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            run.append(block)
            continue
        flat = _lines_of(block)
        if flat:
            run += flat
            continue
        blocks += _recover_run(run)
        run = []
        blocks.append(block)
    blocks += _recover_run(run)
    return Document(path=doc.path, format=doc.format, blocks=_numbered(blocks), recovered=True, ending=_ending(doc))


def _ending(doc: Document) -> str | None:
    """The file's last words: a table's last filled cell, or the last paragraph."""
    for block in reversed(doc.blocks):
        if isinstance(block, Paragraph) and block.text.strip():
            return block.text.strip()
        if isinstance(block, Table):
            return "总分" if _has_total(block) else next(
                (c.text.strip() for row in reversed(block.rows) for c in reversed(row) if c.text.strip()), None)
    return None


def _has_total(table: Table) -> bool:
    return any(c.flat.replace(" ", "") in ("总分", "合计") for row in table.rows for c in row[:2])


def _recover_run(paragraphs: list[Paragraph]) -> list[Block]:
    kept = [p for p in paragraphs if not is_furniture(p.text)]
    joined_paragraphs, joined = join_pages(kept)
    out: list[Block] = []
    reader: FormReader | None = None
    merger = Merger()
    region: list[Paragraph] = []
    for paragraph in joined_paragraphs:
        if reader is not None and ends_form(paragraph, reader):
            _feed(reader, merger.flush())
            out += _emit(reader, region, joined)
            reader, region = None, []
        if reader is None:
            if not may_start(paragraph):
                out += _originals(paragraph, joined)
                continue
            reader = FormReader()
        region.append(paragraph)
        for lexeme in lexemes_of(paragraph, reader.mode):
            _feed(reader, merger.push(lexeme))
    if reader is not None:
        _feed(reader, merger.flush())
        out += _emit(reader, region, joined)
    return out


def _feed(reader: FormReader, lexemes: list) -> None:  # noqa: ANN001
    for lexeme in lexemes:
        reader.feed(lexeme)


def _lines_of(table: Table) -> list[Paragraph]:
    """A table each of whose rows is one cell (a spreadsheet row merged across, a web page
    that boxed each line) holds text, not columns: its rows are read as paragraphs."""
    cells = [[c for c in row if c.flat] for row in table.rows]
    if len(cells) < 2 or any(len(row) > 1 for row in cells):
        return []
    return [Paragraph(text=row[0].text, index=0, line=row[0].row, page=row[0].page) for row in cells if row]


def _emit(reader: FormReader, region: list[Paragraph], joined: dict[int, Joined]) -> list[Block]:
    forms = [form for form in reader.finish() if form.has_content()]
    if not forms:
        return [b for p in region for b in _originals(p, joined)]
    tables = [form_table(form, "flattened", joined) for form in forms]
    out: list[Block] = []
    for paragraph in region:
        if id(paragraph) not in reader.used or is_prose(paragraph.text):
            out += _originals(paragraph, joined)
            continue
        out += _prefix(paragraph, reader.used[id(paragraph)], joined)
        if tables[0] not in out:
            out += tables
    return out


def _prefix(paragraph: Paragraph, start: int, joined: dict[int, Joined]) -> list[Paragraph]:
    """The text before a form that begins inside a paragraph (its title), kept as prose."""
    text = paragraph.text[:start].strip()
    if not text:
        return []
    parts = joined.get(id(paragraph))
    first = parts.locate(0) if parts else paragraph
    return [Paragraph(text=text, index=first.index, line=first.line, page=first.page)]


def _originals(paragraph: Paragraph, joined: dict[int, Joined]) -> list[Paragraph]:
    parts = joined.get(id(paragraph))
    return [p for _, p in parts.parts] if parts else [paragraph]


def _numbered(blocks: list[Block]) -> list[Block]:
    """Recovered tables take numbers after the file's own tables (which keep theirs)."""
    native = [b.index for b in blocks if isinstance(b, Table) and not b.recovered]
    following = max(native, default=0)
    for block in blocks:
        if isinstance(block, Table) and block.recovered:
            following += 1
            block.index = following
    return blocks
