"""Decimal helpers for money (万元) and scores: one place for rounding and tolerance.

A sum of n values each rounded to 0.01 may differ from the rounded total by up to
n × 0.005; `tolerance(n)` is that bound, so every check decides "rounding vs error"
the same way.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")


def to_decimal(value: Any) -> Decimal | None:
    """Coerce user input to Decimal; floats go through their shortest repr."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError("布尔值不是金额或分值")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if text == "":
            return None
        try:
            return Decimal(text)
        except ArithmeticError:
            raise ValueError(f"“{value}”不是数字") from None
    raise ValueError(f"“{value}”不是数字")


def round2(value: Decimal) -> Decimal:
    """Round half-up to 0.01, as the rules ask for every row score."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def tolerance(terms: int) -> Decimal:
    """The largest difference that rounding of `terms` addends to 0.01 can explain."""
    return HALF_CENT * max(terms, 1)


def fmt(value: Decimal | None) -> str:
    """A number as a person writes it: no exponent, no trailing zeros after the point."""
    if value is None:
        return "—"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def amount_text(value: Decimal) -> str:
    """An amount exactly as stated: 277.20 stays 277.20 (its digits are the report's)."""
    return format(value, "f")


Money = Annotated[
    Decimal,
    BeforeValidator(to_decimal),
    PlainSerializer(lambda v: format(v, "f"), return_type=str, when_used="json"),
]
"""An amount in 万元 (Decimal). Input may be a number or a numeric string."""

Score = Money
"""A score or weight (Decimal)."""
