"""Parsed target (年度指标值) and actual (实际完成值) values.

`parse_measure` never raises: text it cannot read as a number, range or date becomes a
qualitative value, and the original text is always kept. Examples:

    ≥8000份 → ge 8000 份        ≦80万元 → le 80 万元        90%-100% → range 90..100 %
    3轮次   → value 3 轮次      2023、12、31 → deadline 2023-12-31   效果明显 → qualitative
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.normalize import clean_cell, normalize_value_text

MeasureKind = Literal[
    "ge", "gt", "le", "lt", "eq", "range", "value", "deadline", "qualitative", "empty"
]
COMPARISONS = ("ge", "gt", "le", "lt", "eq")

# Longest first, so 不低于 wins over 低于 and ≥ over >.
_PREFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("大于等于", "ge"), ("不低于", "ge"), ("不少于", "ge"), ("不小于", "ge"), ("至少", "ge"),
    ("达到", "ge"), ("小于等于", "le"), ("不高于", "le"), ("不超过", "le"), ("不多于", "le"),
    ("不大于", "le"), ("控制在", "le"), ("大于", "gt"), ("高于", "gt"), ("超过", "gt"),
    ("多于", "gt"), ("小于", "lt"), ("低于", "lt"), ("少于", "lt"), ("等于", "eq"),
    ("≥", "ge"), ("≤", "le"), (">", "gt"), ("<", "lt"), ("=", "eq"),
)
_SUFFIX_WORDS: tuple[tuple[str, str], ...] = (
    ("及以上", "ge"), ("以上", "ge"), ("及以下", "le"), ("以下", "le"), ("以内", "le"), ("之内", "le"),
)
_NUM = r"-?\d+(?:\.\d+)?"
_UNIT = r"(?P<unit>[%‰]|百分比|[\u4e00-\u9fffA-Za-z²/]+(?:、[\u4e00-\u9fff]+)*)?"
_NUMBER_RE = re.compile(rf"(?P<num>{_NUM})(?P<wan>万(?!元))?{_UNIT}")
_RANGE_RE = re.compile(
    rf"(?P<lo>{_NUM})(?P<u1>%|百分比)?[-~至到](?P<hi>{_NUM}){_UNIT}"
)
_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})[-./、年](?P<m>\d{1,2})[-./、月](?P<d>\d{1,2})日?"
    r"(?:前|之前|以前|截止)?"
)
_YEAR_END_RE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:年底|年末|12月底)(?:前|之前|以前)?(?:完成)?")


class Measure(BaseModel):
    """A target or actual: comparator, number, unit, or a date, or a qualitative phrase."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field("", title="原文")
    kind: MeasureKind = Field("empty", title="类型")
    comparator_given: bool = Field(False, title="带比较符")
    value: Decimal | None = Field(None, title="数值")
    low: Decimal | None = Field(None, title="区间下限")
    high: Decimal | None = Field(None, title="区间上限")
    unit: str | None = Field(None, title="计量单位")
    date: dt.date | None = Field(None, title="日期")
    note: str = Field("", title="读取说明")  # a repair of the printed text, e.g. OCR `290%` read as `≥90%`

    @property
    def is_numeric(self) -> bool:
        return self.kind in COMPARISONS or self.kind in ("value", "range")

    @property
    def is_qualitative(self) -> bool:
        return self.kind == "qualitative"


def parse_measure(raw: str | None) -> Measure:
    """Parse a cell's text into a Measure; never raises."""
    text = clean_cell(raw)
    norm = normalize_value_text(text)
    if not norm:
        return Measure(text=text, kind="empty")
    for parser in (_parse_date, _parse_range, _parse_comparison):
        measure = parser(text, norm)
        if measure is not None:
            return measure
    return Measure(text=text, kind="qualitative")


def _parse_date(text: str, norm: str) -> Measure | None:
    match = _DATE_RE.fullmatch(norm)
    if match:
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        return Measure(text=text, kind="deadline", date=day)
    match = _YEAR_END_RE.fullmatch(norm)
    if match:
        day = dt.date(int(match["y"]), 12, 31) if match["y"] else None
        return Measure(text=text, kind="deadline", date=day)
    return None


def _parse_range(text: str, norm: str) -> Measure | None:
    match = _RANGE_RE.fullmatch(norm)
    if not match:
        return None
    low, high = Decimal(match["lo"]), Decimal(match["hi"])
    if low > high:
        return None
    unit = _unit(match["unit"] or match["u1"])
    low, high, unit = _per_mille(low, unit), _per_mille(high, unit), _unit_after_per_mille(unit)
    return Measure(text=text, kind="range", comparator_given=True, low=low, high=high, unit=unit)


def _parse_comparison(text: str, norm: str) -> Measure | None:
    kind, body = _split_comparator(norm)
    match = _NUMBER_RE.fullmatch(body)
    if not match:
        match = _number_after_symbol(norm)
        if match is None:
            return None
        kind = match[0]
        match = match[1]
    value = Decimal(match["num"])
    unit = _unit(match["unit"])
    if match["wan"]:
        value *= 10000
    value, unit = _per_mille(value, unit), _unit_after_per_mille(unit)
    given = kind is not None
    return Measure(text=text, kind=kind or "value", comparator_given=given, value=value, unit=unit)


def _split_comparator(norm: str) -> tuple[str | None, str]:
    for word, kind in _PREFIX_WORDS:
        if norm.startswith(word):
            return kind, _strip_suffix(norm[len(word):])[1]
    suffix_kind, body = _strip_suffix(norm)
    return suffix_kind, body


def _strip_suffix(norm: str) -> tuple[str | None, str]:
    for word, kind in _SUFFIX_WORDS:
        if norm.endswith(word) and len(norm) > len(word):
            return kind, norm[: -len(word)]
    return None, norm


def _number_after_symbol(norm: str) -> tuple[str, re.Match[str]] | None:
    """`满意度≥90%`: a comparator symbol inside the text, followed by a number."""
    for symbol, kind in (("≥", "ge"), ("≤", "le"), (">", "gt"), ("<", "lt"), ("=", "eq")):
        head, sep, tail = norm.partition(symbol)
        if sep and head and not any(ch.isdigit() for ch in head):
            match = _NUMBER_RE.fullmatch(_strip_suffix(tail)[1])
            if match:
                return kind, match
    return None


def _unit(unit: str | None) -> str | None:
    if not unit:
        return None
    return "%" if unit == "百分比" else unit


def _per_mille(value: Decimal, unit: str | None) -> Decimal:
    return value / 10 if unit == "‰" else value


def _unit_after_per_mille(unit: str | None) -> str | None:
    return "%" if unit == "‰" else unit
