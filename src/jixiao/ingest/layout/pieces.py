"""Pieces: the cells of a flattened table, cut from paragraphs with their place.

A piece is a stretch of a paragraph believed to be one cell (or, for `joined` pieces,
several cells run together). Its `key` is the folded text without spaces, for matching;
its `text` is exactly what the report printed there. How a paragraph is cut depends on
how its table was flattened:

    `年度资金总额 | 650 | 94 | 0.1`      → 4 pieces (separator ` | `), ending a row
    `年度资金总额\t650\t94\t0.1`         → 4 pieces (tabs, as copied out of Word or WPS)
    `年度资金总额 5.28 1.96 1.96 10`      → 5 pieces (spaces), ending a row
    `43.2`                                → 1 piece (one cell per paragraph)
    `年度财政资金总额10001000100%20`       → lexed by labels (`lexer.py`), joined
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from jixiao.ingest.document import Paragraph
from jixiao.ingest.fold import Folded, fold

_PIPE_PART = re.compile(r"[^|]+|(?<=\|)(?=\|)")
_TAB_PART = re.compile(r"[^\t]+")
_SPACE_PART = re.compile(r"[^ \t\u3000\xa0]+")


@dataclass(frozen=True)
class Piece:
    paragraph: Paragraph
    start: int  # offsets of the printed text in the paragraph
    end: int
    joined: bool = False  # may hold several cells run together
    row_end: bool = False  # the last cell of a line in a separated layout
    override: str | None = None  # a label printed across two cells (`年初` + `预算数`)
    _cache: dict[str, Folded] = field(default_factory=dict, compare=False, repr=False)

    @property
    def folded(self) -> Folded:
        if "f" not in self._cache:
            printed = self.override if self.override is not None else self.paragraph.text[self.start: self.end]
            self._cache["f"] = fold(printed).squashed()
        return self._cache["f"]

    @property
    def key(self) -> str:
        return self.folded.text

    @property
    def text(self) -> str:
        if self.override is not None:
            return self.override
        return self.paragraph.text[self.start: self.end].strip()

    def sub(self, start: int, end: int, joined: bool | None = None) -> Piece:
        """The piece of key[start:end] (offsets in `key`)."""
        if start >= end:
            return replace(self, start=self.start, end=self.start, joined=False, row_end=False, _cache={})
        begin = self.start + self.folded.position(start)
        stop = self.start + self.folded._end(end)
        return Piece(self.paragraph, begin, stop, self.joined if joined is None else joined)

    def ended(self) -> Piece:
        return replace(self, row_end=True, _cache={})

    def merged(self, other: Piece) -> Piece:
        """A label printed across two cells, read as one (`经济效益` + `指标`)."""
        return Piece(self.paragraph, self.start, self.end, override=self.text + other.text)

    def spanning(self, other: Piece) -> Piece:
        """This piece and `other` (later in the same paragraph) as one piece."""
        return Piece(self.paragraph, self.start, other.end, joined=True)


def pipe_cells(paragraph: Paragraph) -> list[Piece]:
    """`a | b | | c |` → a, b, '', c (a leading and a trailing bar open and close the row);
    `a\tb\t\tc` → a, b, c (a row copied out of a word processor: tabs part the cells)."""
    text = paragraph.text
    if _tabbed(text):
        return _end_row([Piece(paragraph, m.start(), m.end()) for m in _TAB_PART.finditer(text) if m.group().strip()])
    parts = [Piece(paragraph, m.start(), m.end()) for m in _PIPE_PART.finditer(text)]
    parts = [p for p in parts if p.text or text[p.start - 1: p.start] == "|"] if parts else parts
    stripped = text.strip()
    if stripped.startswith("|") and parts and not parts[0].text:
        parts = parts[1:]
    return _end_row(parts)


def space_cells(paragraph: Paragraph) -> list[Piece]:
    return _end_row([Piece(paragraph, m.start(), m.end()) for m in _SPACE_PART.finditer(paragraph.text)])


def whole(paragraph: Paragraph, joined: bool = False) -> list[Piece]:
    return [Piece(paragraph, 0, len(paragraph.text), joined=joined)]


def _end_row(pieces: list[Piece]) -> list[Piece]:
    return pieces[:-1] + [pieces[-1].ended()] if pieces else pieces


def is_piped(text: str) -> bool:
    """Cells parted by bars, or by tabs."""
    return _tabbed(text) or " | " in text or text.rstrip().endswith(" |") or text.lstrip().startswith("| ") or "||" in text


def _tabbed(text: str) -> bool:
    return "\t" in text.strip()
