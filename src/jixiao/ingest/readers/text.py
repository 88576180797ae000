"""Plain text, including the tab-per-cell layout of converted reports.

In that layout a table cell starts with a tab; a cell may run over several lines (even
across one blank line, as in `产出指标` / blank / `(50分)`); one empty line separates rows;
two or more end the table; vertically merged cells appear as empty cells. A line holding
only an ideographic space is content, not a separator. `[bookmark: …]` markers left by
the converter are removed.

A table copied out of Word or WPS arrives the other way round: one line per row, its cells
parted by tabs (an empty first cell as a leading tab). Such a line is kept whole as a
paragraph; layout recovery reads it as a row of the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest.document import Cell, Document, Paragraph, Table

_BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


@dataclass
class _Builder:
    doc: Document
    table: Table | None = None
    row: list[Cell] = field(default_factory=list)
    cell_lines: list[str] = field(default_factory=list)
    cell_start: int = 0
    blanks: int = 0
    paragraphs: int = 0

    def paragraph(self, text: str, line: int) -> None:
        self.end_table()
        self.paragraphs += 1
        self.doc.blocks.append(Paragraph(text=text, index=self.paragraphs, line=line))

    def cell(self, text: str, line: int) -> None:
        if self.table is None:
            self.table = Table(index=len(self.doc.tables) + 1, line=line)
        elif self.blanks:
            self.end_row()
        self.end_cell()
        self.cell_lines, self.cell_start, self.blanks = [text], line, 0

    def continuation(self, text: str) -> None:
        self.cell_lines.extend([""] * self.blanks + [text])
        self.blanks = 0

    def end_cell(self) -> None:
        if self.cell_lines and self.table is not None:
            row_no = len(self.table.rows) + 1
            self.row.append(Cell("\n".join(self.cell_lines), row_no, len(self.row) + 1, self.cell_start))
        self.cell_lines = []

    def end_row(self) -> None:
        self.end_cell()
        if self.row and self.table is not None:
            self.table.rows.append(self.row)
        self.row = []

    def end_table(self) -> None:
        if self.table is not None:
            self.end_row()
            self.doc.blocks.append(self.table)
        self.table, self.blanks = None, 0


def parse_text(text: str, path: str) -> Document:
    """Split text into paragraphs and tab-per-cell tables."""
    builder = _Builder(Document(path=path, format="text"))
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _BOOKMARK.sub("", raw.rstrip("\r"))
        _feed(builder, line, number)
    builder.end_table()
    return builder.doc


def _feed(builder: _Builder, line: str, number: int) -> None:
    if "\t" in line.strip():
        builder.paragraph(line.strip(" \u3000\t"), number)
    elif line.startswith("\t"):
        builder.cell(line[1:], number)
    elif line == "":
        if builder.table is not None:
            builder.blanks += 1
            if builder.blanks >= 2:
                builder.end_table()
    elif builder.table is not None and builder.blanks <= 1:
        builder.continuation(line)
    elif line.strip():
        builder.paragraph(line.strip(), number)


def read(path: Path) -> Document:
    """Read a .txt report: UTF-8 (with or without BOM), else GB18030; refuse binary data."""
    data = path.read_bytes()
    return parse_text(decode_text(data, path), str(path))


def decode_text(data: bytes, path: Path) -> str:
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: 含有二进制数据，不是文本文件")
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
    raise InputError(f"{path}: 无法识别文本编码（既不是 UTF-8 也不是 GB18030），或不是文本文件")


_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")  # control characters and private-use glyphs


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    return not sample or len(_ODD.findall(sample)) / len(sample) < 0.01
