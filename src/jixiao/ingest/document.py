"""The Document: what a reader makes of a file, before anything is recognised.

An ordered list of blocks — paragraphs and tables (cells with row and column spans) —
each carrying where it stands in the file, so every extracted value can point back to a
place a person can open. Readers never guess meaning; extraction does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.model.source import SourceRef


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    row: int  # 1-based within the table
    column: int  # 1-based within its row as the file gives it
    line: int | None = None  # text formats: first line of the cell
    page: int | None = None
    rowspan: int = 1
    colspan: int = 1
    paragraph: int | None = None  # a cell recovered from a paragraph: that paragraph's number

    @property
    def flat(self) -> str:
        """The text on one line: line breaks dropped, ideographic spaces trimmed."""
        return "".join(part.strip(" \u3000\xa0\t") for part in self.text.splitlines()).strip()


@dataclass(slots=True)
class Table:
    index: int  # 1-based among the document's tables
    rows: list[list[Cell]] = field(default_factory=list)
    line: int | None = None
    page: int | None = None
    sheet: str | None = None
    recovered: str | None = None  # the layout a flattened table was recovered from (`layout/`)
    notices: list[tuple[str, Cell]] = field(default_factory=list)  # what recovery could not read, where


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    index: int  # 1-based among the document's paragraphs
    line: int | None = None
    page: int | None = None
    heading_level: int | None = None  # when the format says so (a Word heading style)


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    path: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    recovered: bool = False  # `layout.recover` has run
    ending: str | None = None  # the last text of the file as read, before recovery moved blocks

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def ref(self, block: Block | None = None, cell: Cell | None = None, text: str | None = None) -> SourceRef:
        """A SourceRef for a paragraph, a table, or a cell of a table.

        A cell of a recovered table points at the line or paragraph it was cut from: the
        table exists only in our reading, not in the file."""
        if cell is not None and isinstance(block, Table) and block.recovered:
            return SourceRef(file=self.path, line=cell.line, paragraph=None if cell.line else cell.paragraph,
                             page=cell.page, sheet=block.sheet, text=text if text is not None else cell.flat or None)
        if isinstance(block, Table) and block.recovered:
            return SourceRef(file=self.path, line=block.line, page=block.page, sheet=block.sheet, text=text)
        if cell is not None and isinstance(block, Table):
            return SourceRef(file=self.path, line=cell.line, page=cell.page, sheet=block.sheet, table=block.index,
                             row=cell.row, column=cell.column, text=text if text is not None else cell.flat or None)
        if isinstance(block, Table):
            return SourceRef(file=self.path, line=block.line, page=block.page, sheet=block.sheet,
                             table=block.index, text=text)
        if isinstance(block, Paragraph):
            paragraph = None if block.line else block.index
            return SourceRef(file=self.path, line=block.line, paragraph=paragraph, page=block.page,
                             text=text if text is not None else block.text[:80])
        return SourceRef(file=self.path, text=text)
