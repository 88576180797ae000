"""What a flattened self-evaluation form says, before it becomes a table again.

The reader (`reader.py`) fills a Form from the pieces of its paragraphs: the header
block's names, the funds block (columns, then one row per 年度资金总额 / 其中 line), the
goals, the indicator block (columns, then rows) and the 总分. `table.py` turns a Form
back into a Table in the official layout, so extraction reads it like any other table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.ingest.document import Paragraph
from jixiao.ingest.layout.pieces import Piece


@dataclass
class FundRow:
    label: Piece
    key: str  # `total`, `current_year`, … (forms.FUND_ROWS)
    values: list[Piece] = field(default_factory=list)
    cells: dict[str, Piece] = field(default_factory=dict)  # by column, once read


VALUE_COLUMNS = ("target", "actual", "weight", "score")


@dataclass
class IndicatorRow:
    level1: Piece | None = None
    level2: Piece | None = None
    cells: dict[str, Piece] = field(default_factory=dict)
    repairs: dict[str, str] = field(default_factory=dict)  # column → how its text was read

    def has_values(self) -> bool:
        return any(name in VALUE_COLUMNS and piece.key for name, piece in self.cells.items())


@dataclass
class Form:
    names: list[tuple[str, Piece, Piece]] = field(default_factory=list)  # (field path, label, value)
    score_label: Piece | None = None  # 自评得分 in the header block
    score: Piece | None = None
    fund_label: Piece | None = None  # 项目资金（万元） / 预算执行情况（万元）（20分）
    fund_columns: list[tuple[str, Piece]] = field(default_factory=list)
    fund_pairs: dict[str, Piece] = field(default_factory=dict)  # `预算数: 2.38` forms
    fund_rows: list[FundRow] = field(default_factory=list)
    splits: list[tuple[Piece, Piece]] = field(default_factory=list)  # 其中：基本支出：2299.98
    goal_labels: list[str] = field(default_factory=list)  # expected / achieved, as the header prints them
    goal_values: list[Piece] = field(default_factory=list)  # the cells under them, in order
    signature: list[tuple[Piece, Piece | None]] = field(default_factory=list)  # 填报日期 … and what was filled in
    indicator_columns: list[tuple[str, Piece]] = field(default_factory=list)
    rows: list[IndicatorRow] = field(default_factory=list)
    total: list[Piece] = field(default_factory=list)
    notices: list[tuple[str, Piece]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)  # consumed, in order

    def has_content(self) -> bool:
        """A form, not a stray label: a funds header with a row, pairs, or indicator values."""
        funds = bool(self.fund_columns and any(r.values for r in self.fund_rows))
        pairs = len(self.fund_pairs) >= 2
        columns = dict(self.indicator_columns)
        indicators = bool(("target" in columns or "actual" in columns) and any(r.has_values() for r in self.rows))
        return funds or pairs or indicators

    def goals(self) -> dict[str, list[Piece]]:
        """The goal cells under their labels, column by column; a number standing alone before
        the text goals is the section's points (`目标实际完成情况 | 20`), not a goal."""
        values = self.goal_values
        if len(values) > 2 and values[0].key.replace(".", "").isdigit() and not any(
                v.key.replace(".", "").isdigit() for v in values[1:]):
            values = values[1:]
        labels = self.goal_labels or ["expected", "achieved"]
        found: dict[str, list[Piece]] = {}
        restart = _numbering_restart(values) if len(labels) == 2 else None
        for index, piece in enumerate(values):
            column = (index >= restart) if restart is not None else index % len(labels)
            found.setdefault(labels[column], []).append(piece)
        return found

    def value_columns(self) -> list[str]:
        """The indicator block's columns after the level labels, in printed order."""
        return [name for name, _ in self.indicator_columns if name not in ("level1", "level2")]


_GOAL_NUMBER = re.compile(r"(?:目标|任务)?[(（]?(\d{1,2})[)）:：.、]")


def _numbering_restart(values: list[Piece]) -> int | None:
    """Where numbered goals start again at 1 (`目标1 目标2 … 目标1 目标2 …`): the expected
    column printed whole before the achieved one, not cell by cell across the row."""
    numbers = [_GOAL_NUMBER.match(piece.key) for piece in values]
    if len(values) < 4 or not all(numbers):
        return None
    sequence = [int(match[1]) for match in numbers if match]
    half = len(sequence) // 2
    if sequence[:half] == sequence[half:] == list(range(1, half + 1)) and half > 1:
        return half
    return None
