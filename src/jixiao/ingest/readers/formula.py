"""A small evaluator for the spreadsheet formulas jixiao writes (and simple ones like them):
numbers, cell references, ranges, + - * /, parentheses, SUM MIN MAX ROUND ABS.

Files written by tools other than Excel carry no cached values for their formulas; this
computes them, in Decimal. Anything else is left as formula text (never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from openpyxl.utils import column_index_from_string

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<range>\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)"
                    r"|(?P<ref>\$?[A-Z]{1,3}\$?\d+)|(?P<func>[A-Z]+)\(|(?P<op>[-+*/(),]))")
Lookup = Callable[[int, int], object]


class FormulaError(ValueError):
    """The formula uses something this evaluator does not know."""


def evaluate(formula: str, lookup: Lookup, depth: int = 0) -> Decimal:
    if depth > 50:
        raise FormulaError("circular or too deep")
    tokens = _tokens(formula.lstrip("="))
    parser = _Parser(tokens, lambda r, c: _value(lookup(r, c), lookup, depth))
    result = parser.expression()
    if parser.position != len(tokens):
        raise FormulaError(formula)
    return result


def _value(raw: object, lookup: Lookup, depth: int) -> Decimal:
    if raw is None or raw == "":
        return Decimal(0)
    if isinstance(raw, str) and raw.startswith("="):
        return evaluate(raw, lookup, depth + 1)
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        return Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    raise FormulaError(f"not a number: {raw!r}")


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens, position = [], 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        if match is None:
            raise FormulaError(text)
        tokens.append(next((k, v) for k, v in match.groupdict().items() if v is not None))
        position = match.end()
    return tokens


def _cell(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"\$?([A-Z]+)\$?(\d+)", ref)
    assert match
    return int(match[2]), column_index_from_string(match[1])


FUNCTIONS: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "SUM": lambda a: sum(a, Decimal(0)),
    "MIN": min,
    "MAX": max,
    "ABS": lambda a: abs(a[0]),
    "ROUND": lambda a: a[0].quantize(Decimal(1).scaleb(-int(a[1])), rounding=ROUND_HALF_UP),
}


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], cell: Callable[[int, int], Decimal]) -> None:
        self.tokens, self.position, self.cell = tokens, 0, cell

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FormulaError("unexpected end")
        self.position += 1
        return token

    def expression(self) -> Decimal:
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            value = value + self.term() if self.take()[1] == "+" else value - self.term()
        return value

    def term(self) -> Decimal:
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            if self.take()[1] == "*":
                value *= self.factor()
            else:
                divisor = self.factor()
                if divisor == 0:
                    raise FormulaError("#DIV/0!")
                value /= divisor
        return value

    def factor(self) -> Decimal:
        kind, text = self.take()
        if kind == "num":
            return Decimal(text)
        if kind == "ref":
            return self.cell(*_cell(text))
        if kind == "op" and text == "-":
            return -self.factor()
        if kind == "op" and text == "(":
            value = self.expression()
            self._expect(")")
            return value
        if kind == "func" and text in FUNCTIONS:
            return FUNCTIONS[text](self.arguments())
        raise FormulaError(text)

    def arguments(self) -> list[Decimal]:
        values: list[Decimal] = []
        while True:
            if self.peek() and self.peek()[0] == "range":  # type: ignore[index]
                values += self._range(self.take()[1])
            else:
                values.append(self.expression())
            kind, text = self.take()
            if text == ")":
                return values
            if text != ",":
                raise FormulaError(text)

    def _range(self, text: str) -> list[Decimal]:
        (r1, c1), (r2, c2) = (_cell(part) for part in text.split(":"))
        return [self.cell(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def _expect(self, text: str) -> None:
        if self.take()[1] != text:
            raise FormulaError(f"expected {text}")
