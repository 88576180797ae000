"""The limits of what the web app accepts and stores, in one place.

Numbers typed into a form or a URL are plain decimals (`1,234.5`, full-width digits allowed;
no NaN, Infinity or exponent such as `1e999999`) within bounds that fit the domain: money in
万元 is never negative, a score lies between 0 and 100. Summary values are fitted to the
database columns they go into, so SQLite and PostgreSQL store the same thing and a stored
record can never overflow a column: a value that does not fit is stored as "unknown".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models

_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_MAX_NUMBER_TEXT = 40
_YEAR = re.compile(r"(\d{4})(?:年度?)?", re.ASCII)
# NUL and lone surrogates no database stores; other control characters no report means and
# no worksheet accepts.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


@dataclass(frozen=True)
class Bounds:
    """What a number field accepts: range, decimals, whether a trailing % is allowed."""

    low: Decimal
    high: Decimal
    places: int
    percent: bool = False


MONEY = Bounds(Decimal(0), Decimal("10000000000"), 6)  # 万元: up to 10^10 万元, to 0.01 元
SCORE = Bounds(Decimal(0), Decimal(100), 4)
RATE = Bounds(Decimal(0), Decimal(1000), 4, percent=True)  # 预算执行率(%)
COUNT = Bounds(Decimal(0), Decimal(10_000_000), 0)  # 编制数, 在职人数
SHARE = Bounds(Decimal(0), Decimal(1), 6, percent=True)  # 抽查比例: 0.2 or 20%
YEARS = (1990, 2100)


def short(text: str, length: int = 20) -> str:
    """A value quoted in a message, cut so a huge input cannot make a huge message."""
    return text if len(text) <= length else text[:length] + "…"


def parse_number(text: str, bounds: Bounds) -> Decimal:
    """The Decimal a person typed, or ValidationError with a Chinese message."""
    raw = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    is_percent = bounds.percent and raw.endswith("%")
    raw = raw.removesuffix("%") if is_percent else raw
    if len(raw) > _MAX_NUMBER_TEXT or not _PLAIN_NUMBER.fullmatch(raw):
        raise ValidationError(f"“{short(text)}”不是数字（请写成 12.5 这样的数）")
    value = Decimal(raw)
    if is_percent and bounds.high <= 1:
        value = value / 100
    if value < bounds.low:
        raise ValidationError("不能为负数" if bounds.low == 0 else f"不能小于 {bounds.low}")
    if value > bounds.high:
        raise ValidationError(f"不能超过 {bounds.high:,}")
    if -value.normalize().as_tuple().exponent > bounds.places:  # type: ignore[operator]
        raise ValidationError("须为整数" if bounds.places == 0 else f"最多 {bounds.places} 位小数")
    return value


def parse_year(text: str) -> int:
    """A fiscal year: `2023` or `2023年`."""
    match = _YEAR.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        raise ValidationError(f"“{short(text)}”不是年度（请写成 2023 这样的四位数）")
    year = int(match[1])
    if not YEARS[0] <= year <= YEARS[1]:
        raise ValidationError(f"年度须在 {YEARS[0]} 到 {YEARS[1]} 之间")
    return year


def fit(value: Decimal | None, field: models.Field) -> Decimal | None:
    """`value` rounded to the column's decimals, or None when it does not fit the column."""
    if value is None or not value.is_finite():
        return None
    try:
        rounded = value.quantize(Decimal(1).scaleb(-field.decimal_places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds
        return None
    return rounded if len(rounded.as_tuple().digits) <= field.max_digits else None


def clip(text: str, field: models.Field) -> str:
    """`text` cut to the column's length (PostgreSQL refuses longer text, SQLite does not)."""
    return text[: field.max_length]


def clean_text(value: object) -> object:
    """JSON without characters that cannot be stored or written out (NUL, control characters
    other than tab and line breaks, lone surrogates)."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("", value)
    if isinstance(value, dict):
        return {clean_text(k): clean_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_text(v) for v in value]
    return value

