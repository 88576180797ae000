"""Small helpers shared by the table recognisers: squashed labels, numbers, alignment."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.ingest.document import Cell
from jixiao.ingest.forms import column_of
from jixiao.model.normalize import normalize_value_text

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_NUMBER = re.compile(r"(-?\d+(?:\.\d+)?)(%|万元|万|元|分|人)?")


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """A label without any spaces or line breaks: `年初\\n预算数` → `年初预算数`."""
    return _SPACE.sub("", text)


def number(text: str) -> Decimal | None:
    """The number in a cell that holds only a number (`734.38`, `100%`, `　10`), else None."""
    match = _NUMBER.fullmatch(normalize_value_text(text))
    return Decimal(match[1]) if match else None


def number_unit(text: str) -> tuple[Decimal, str] | None:
    """The number and its printed unit (`5.8万` → 5.8, 万)."""
    match = _NUMBER.fullmatch(normalize_value_text(text))
    return (Decimal(match[1]), match[2] or "") if match else None


def cell_at(row: list[Cell], header_len: int, index: int) -> Cell | None:
    """The cell of `row` under header column `index`, aligning rows by their right edge.

    Converted tables drop or add leading cells of vertical merges, so a data row may be
    longer or shorter than its header; their last columns always line up.
    """
    position = index + len(row) - header_len
    return row[position] if 0 <= position < len(row) else None


def find_columns(row: list[Cell], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Map canonical column names to indices in a header row, in any order (`forms.column_of`)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = column_of(cell.text, columns)
        if name is not None and name not in found:
            found[name] = index
    return found
