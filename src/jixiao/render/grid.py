"""A table as a neutral grid: rows of cells in reading order, a cell covered by a merge
left out (as in HTML). The forms (basic_form.py, self_form.py) build grids; the writers
(.docx, .xlsx, .html) only lay them out.

A grid may be printed in two parts (`split`): the part above the repeated header rows and
the part that runs over pages with its first `repeat` rows repeated at the top of each
page (the indicator header of a 自评表, the 经费控制情况 header of a 基础数据表).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from jixiao.model.money import CENT, amount_text, fmt

ScoreChoice = Literal["stated", "recomputed"]
Align = Literal["left", "center", "right"]
SIGNATURE = "填表人：　　　　填报日期：　　　　联系电话：　　　　单位负责人签字："
UNSCORED = "—"


@dataclass
class GridCell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    number: Decimal | None = None  # a figure the xlsx writer stores as a number
    percent: bool = False
    formula: str | None = None  # xlsx formula; {r} is this cell's row, {row:N} grid row N (1-based)
    note: str = ""  # shown as a comment where the stated value disagrees with the formula
    align: Align | None = None  # None: centred for labels, right for figures, left for text

    @property
    def alignment(self) -> Align:
        if self.align:
            return self.align
        return "center" if self.header else "right" if self.number is not None else "left"


@dataclass
class Grid:
    title: str
    kind: str  # basic_data | department | project
    width: int = 9
    rows: list[list[GridCell]] = field(default_factory=list)
    remark: str = ""
    signature: str = SIGNATURE
    split: int = 0  # rows above the part whose header repeats on each page (0: one part)
    repeat: int = 0  # header rows at the start of that part

    def add(self, *cells: GridCell) -> int:
        self.rows.append(list(cells))
        return len(self.rows)


def label(text: str, colspan: int = 1, rowspan: int = 1, align: Align | None = None) -> GridCell:
    return GridCell(text, colspan, rowspan, header=True, align=align)


def amount(value: Decimal | None, colspan: int = 1) -> GridCell:
    """An amount in 万元: two decimals, unless the report gave more digits."""
    if value is None:
        return GridCell("", colspan)
    exact = value.as_tuple().exponent >= -2 and value.adjusted() < 26  # type: ignore[operator]  # quantize keeps 28 digits
    shown = value.quantize(CENT) if exact else value
    return GridCell(amount_text(shown), colspan, number=value)


def score_cell(value: Decimal | None, colspan: int = 1) -> GridCell:
    """A weight or score with the report's own digits (10 stays 10, 9.50 stays 9.50)."""
    return GridCell(amount_text(value) if value is not None else "", colspan, number=value)


def count(value: int | None, colspan: int = 1) -> GridCell:
    return GridCell(str(value) if value is not None else "", colspan,
                    number=Decimal(value) if value is not None else None)


def rate(value: Decimal | None, colspan: int = 1) -> GridCell:
    """A percentage stated as 99.51 (%): shown `99.51%`, stored as 0.9951."""
    if value is None:
        return GridCell("", colspan)
    return GridCell(f"{fmt(value)}%", colspan, number=value / 100, percent=True)


def unscored(colspan: int = 1) -> GridCell:
    return GridCell(UNSCORED, colspan, align="center")


def year_title(year: int | None) -> str:
    return f"{year}年度" if year else ""


def place(grid: Grid) -> list[tuple[int, int, GridCell]]:
    """Absolute (row, column) of every cell, 0-based, skipping positions merges cover."""
    covered: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            placed.append((r, c, cell))
            if cell.rowspan > 1 or cell.colspan > 1:
                covered.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan
    return placed


# ----------------------------------------------------------------------------- column widths
_IDEOGRAPHS = re.compile(r"[\s\u3400-\u9fff\uf900-\ufaff]+")  # a line may break between ideographs and at spaces
WIDE_TOKEN = 12.0  # ems: a longer token (a web address) may wrap rather than widen its column
MIN_EMS = 2.0  # every column holds two characters a line
SHORT_LABEL = 3  # characters: a label this short stays on one line (执行率, 得分)


def token_ems(text: str, label: bool = False) -> float:
    """Width in ems of the longest run a line must not break: a number such as 1013.19,
    100.00% or 2023、12、31 (Latin characters ≈ 0.62 em, full-width ones 1 em); for a
    label, a short one whole."""
    runs = [run for line in text.split("\n") for run in _IDEOGRAPHS.split(line)]
    if label:
        runs += [line for line in text.split("\n") if len(line) <= SHORT_LABEL]
    return min(max((_ems(run) for run in runs), default=0.0), WIDE_TOKEN)


def _ems(run: str) -> float:
    return sum(1.0 if ord(ch) >= 0x2e80 else 0.62 for ch in run)


BASE_WIDTHS = {9: (1.0, 1.5, 1.5, 2.8, 2.0, 2.0, 1.2, 1.3, 2.3), 7: (3.6, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0)}  # cm on A4


def widths(grid: Grid, total: float, em: float, padding: float) -> list[float]:
    """Column widths in the form's proportions summing to `total`, each widened where it must
    hold an unbreakable token (`em`: the width of one em; `padding`: the cell's margins and
    rules); the widening is taken from the columns with room to spare, so the sum exceeds
    `total` only when the tokens alone do."""
    base = BASE_WIDTHS[grid.width]
    needed = [MIN_EMS * em + padding] * grid.width
    for _, c, cell in place(grid):
        if cell.colspan == 1:
            needed[c] = max(needed[c], token_ems(cell.text, cell.header and cell.rowspan == 1) * em + padding)
    scale = total / sum(base)
    result = [max(b * scale, n) for b, n in zip(base, needed)]
    excess = sum(result) - total
    flexible = [i for i, (w, n) in enumerate(zip(result, needed)) if w > n]
    room = sum(result[i] - needed[i] for i in flexible)
    if excess > 0 and room > 0:  # take the excess from the columns that have room, in proportion
        share = min(excess / room, 1)
        for i in flexible:
            result[i] -= (result[i] - needed[i]) * share
    return result
