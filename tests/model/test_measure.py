"""Every value form of issue 2 and rules.md §3.1, parsed; odd input never raises."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.model.measure import parse_measure

D = Decimal
FORMS = [
    # text, kind, comparator_given, value, unit
    ("≥8000份", "ge", True, D(8000), "份"),
    ("≧38个", "ge", True, D(38), "个"),
    ("≤1%", "le", True, D(1), "%"),
    ("≦80万元", "le", True, D(80), "万元"),
    ("=100%", "eq", True, D(100), "%"),
    ("100%", "value", False, D(100), "%"),
    ("0", "value", False, D(0), None),
    ("3轮次", "value", False, D(3), "轮次"),
    ("850篇、条", "value", False, D(850), "篇、条"),
    ("≥90%", "ge", True, D(90), "%"),
    ("　≧９５％", "ge", True, D(95), "%"),
    ("＞95%", "gt", True, D(95), "%"),
    ("＜5%", "lt", True, D(5), "%"),
    (">=60次", "ge", True, D(60), "次"),
    ("＞＝60次", "ge", True, D(60), "次"),
    ("95%以上", "ge", True, D(95), "%"),
    ("100人及以上", "ge", True, D(100), "人"),
    ("不低于98%", "ge", True, D(98), "%"),
    ("不超过734.38万元", "le", True, D("734.38"), "万元"),
    ("控制在100万元以内", "le", True, D(100), "万元"),
    ("达到100%", "ge", True, D(100), "%"),
    ("≥100百分比", "ge", True, D(100), "%"),
    ("8,000份", "value", False, D(8000), "份"),
    ("1.2万人", "value", False, D(12000), "人"),
    ("3‰", "value", False, D("0.3"), "%"),
    ("满意度≥90%", "ge", True, D(90), "%"),
    ("≤734.38万元", "le", True, D("734.38"), "万元"),
    ("0起", "value", False, D(0), "起"),
]


@pytest.mark.parametrize(("text", "kind", "given_", "value", "unit"), FORMS)
def test_comparisons_and_values(text: str, kind: str, given_: bool, value: Decimal, unit: str | None) -> None:
    measure = parse_measure(text)
    assert (measure.kind, measure.comparator_given, measure.value, measure.unit) == (kind, given_, value, unit)
    assert measure.text == text.strip("\u3000 ")


@pytest.mark.parametrize("text", ["2023、12、31", "2023.12.31", "2023-12-31", "2023/12/31",
                                  "2023年12月31日", "2023年12月31日前", "２０２３－１２－３１"])
def test_dates(text: str) -> None:
    measure = parse_measure(text)
    assert (measure.kind, measure.date) == ("deadline", dt.date(2023, 12, 31))


def test_year_end_without_a_year_is_a_deadline_without_date() -> None:
    assert (parse_measure("年底前").kind, parse_measure("年底前").date) == ("deadline", None)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("90%-100%", D(90), D(100), "%"),
    ("90-100%", D(90), D(100), "%"),
    ("９０～１００％", D(90), D(100), "%"),
    ("95%–98%", D(95), D(98), "%"),
    ("5至8名", D(5), D(8), "名"),
])
def test_ranges(text: str, low: Decimal, high: Decimal, unit: str) -> None:
    measure = parse_measure(text)
    assert (measure.kind, measure.low, measure.high, measure.unit) == ("range", low, high, unit)


@pytest.mark.parametrize("text", ["效果明显", "有效促进", "有效增强", "达成预期指标", "2023、13、45", "100-90%"])
def test_qualitative_keeps_text(text: str) -> None:
    measure = parse_measure(text)
    assert measure.kind == "qualitative"
    assert measure.text == text


@pytest.mark.parametrize("text", ["", "   ", "\u3000", None])
def test_empty(text: str | None) -> None:
    assert parse_measure(text).kind == "empty"


@given(st.text(max_size=40))
def test_never_raises_and_keeps_text(text: str) -> None:
    measure = parse_measure(text)
    assert measure.kind
    assert measure.text == text.replace("\u3000", " ").replace("\xa0", " ").strip()
