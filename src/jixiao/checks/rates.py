"""Rates stated in prose, with the amounts they can be checked against.

A rate (执行率, 支付率, 完成率, 到位率, 使用率, 发放率) is checked against the amounts stated
with it: the pair in its own sentence whose quotient it is (`应到位68万元,实际到位21万元,
到位率30.88%`), or, when the sentence has none, the pair a label names earlier in the
paragraph (`年初预算收入785.59万元,决算数为885.63万元。……年初预算收入完成率为100%`).
Words of nothing spent (`实际未到位`, `未支付`) count as an amount of 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.fold import fold

_RATE = re.compile(r"(?P<label>[\u4e00-\u9fff]{0,10}?)(?P<kind>执行率|完成率|支付率|使用率|到位率|发放率)"
                   r"(?:为|是|达到?|仅)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%")
_AMOUNT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>万元|萬元|元|万)(?!/)")
_GENERIC = re.compile(r"^(?:本年|全年|总|整体)?(?:预算|资金|项目|专项资金|经费)?")  # not a subject of its own
_NOTHING = re.compile(r"未到位|未支付|未使用|未拨付|未执行")


@dataclass(frozen=True)
class RateStatement:
    rate: Decimal
    printed: str  # as printed: `30.88`, `100`
    label: str  # `资金执行率`, `年初预算收入完成率`
    pairs: tuple[tuple[Decimal, Decimal], ...]  # (base, part) candidates, in the order they were stated
    from_label: bool  # the pair was found through the label in another sentence
    snippet: str
    paragraph: Paragraph


def rate_statements(doc: Document) -> list[RateStatement]:
    found = []
    for paragraph in doc.paragraphs:
        text = fold(paragraph.text).text
        for sentence in re.split(r"(?<=[。；;])", text):
            for match in _RATE.finditer(sentence):
                found.append(_statement(match, sentence, text, paragraph))
    return found


def _statement(match: re.Match[str], sentence: str, paragraph_text: str, paragraph: Paragraph) -> RateStatement:
    before = sentence[: match.start()]
    amounts = _amounts(before)
    from_label = False
    if len(amounts) < 2 and len(re.sub(_GENERIC, "", match["label"])) >= 4:
        amounts, from_label = _by_label(match["label"], paragraph_text), True
    pairs = tuple((a, b) for a, b in combinations(amounts, 2))
    return RateStatement(Decimal(match["rate"]), match["rate"], match["label"] + match["kind"], pairs, from_label,
                         match.group(0), paragraph)


def _amounts(text: str) -> list[Decimal]:
    values = [Decimal(m["value"]) for m in _AMOUNT.finditer(text)]
    return values + [Decimal(0)] if _NOTHING.search(text) else values


def _by_label(label: str, text: str) -> list[Decimal]:
    """`年初预算收入…完成率`: the amount stated after that label, and the next one with it."""
    subject = re.sub(r"^(?:本年|全年|资金|项目)", "", label)
    for sentence in re.split(r"(?<=[。；;])", text):
        position = sentence.find(subject)
        if position < 0 or _RATE.search(sentence[position:position + len(subject) + 4]):
            continue
        values = [Decimal(m["value"]) for m in _AMOUNT.finditer(sentence[position:])][:2]
        if len(values) == 2:
            return values
    return []


def consistent(rate: Decimal, printed: str, base: Decimal, part: Decimal) -> bool:
    """part ÷ base rounds to the rate as printed (`96%` for 96.45%, `30.88%` to 0.01)."""
    if base == 0:
        return part == 0 and rate == 0
    decimals = len(printed.partition(".")[2])
    computed = part / base * 100
    return abs(computed - rate) <= Decimal(5) / Decimal(10) ** (decimals + 1) + Decimal("0.005")
