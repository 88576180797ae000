"""The named formulas directly, including the linear 反向 variant no shipped profile uses."""

from decimal import Decimal

from jixiao.model.money import round2
from jixiao.scoring import formulas

D = Decimal


def test_reverse_linear_worked_examples() -> None:
    assert round2(formulas.reverse_linear(D(5), D(1), D("1.5"))[0]) == D("2.50")
    assert round2(formulas.reverse_linear(D(10), D("734.38"), D(800))[0]) == D("9.11")
    assert formulas.reverse_linear(D(10), D(1), D(2))[0] == 0


def test_reverse_ratio_never_divides_by_zero_actual() -> None:
    assert formulas.reverse_ratio(D(5), D(1), D(0))[0] == 5


def test_positive_shows_its_arithmetic() -> None:
    assert formulas.positive(D(5), D(12), D(14)) == (D(5), "5 × min(1, 14/12)")
