"""Sentence-level readers the arithmetic checks use on a report's text: stated shares
(“基本支出585.38万元…占支出总额47.95%”) and stated sums (“合计支付38.39万元”).

They read; they never judge. Each returns the numbers with the paragraph they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.extract.prose import fold

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*万元")
_TOTAL_THEN_PARTS = re.compile(r"(?P<label>[\u4e00-\u9fff]{0,8}?)(?P<total>\d+(?:\.\d+)?)\s*万元[,，]\s*其中")
_SHARE = re.compile(r"(?P<amount>\d+(?:\.\d+)?)\s*万元[^。；;%]{0,40}?占[^。；;%\d]{0,8}?(?P<share>\d+(?:\.\d+)?)\s*%")
_SUM_WORD = re.compile(r"(?:合计|共计|总计)(?P<verb>支付|支出|拨付|使用)?(?P<total>\d+(?:\.\d+)?)\s*万元")
_PAREN = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Share:
    amount: Decimal
    share: Decimal
    base: Decimal
    snippet: str
    paragraph: Paragraph


@dataclass(frozen=True)
class StatedSum:
    total: Decimal
    parts: tuple[Decimal, ...]
    snippet: str
    paragraph: Paragraph


def sentences(paragraph: Paragraph) -> list[str]:
    return [s for s in re.split(r"(?<=。)", fold(paragraph.text)) if s.strip()]


def shares(doc: Document) -> list[Share]:
    """`总额 X万元，其中：A万元…占…Y%` — each share with the total it is a share of."""
    found = []
    for paragraph in doc.paragraphs:
        for sentence in sentences(paragraph):
            head = _TOTAL_THEN_PARTS.search(sentence)
            if head is None:
                continue
            base = Decimal(head["total"])
            tail = _PAREN.sub("", sentence[head.end():])
            for match in _SHARE.finditer(tail):
                found.append(Share(Decimal(match["amount"]), Decimal(match["share"]), base, match.group(0), paragraph))
    return found


def stated_sums(doc: Document) -> list[StatedSum]:
    """`…实际支付26.19万元，…已全额支付，…实际支付2.2万元，合计支付38.39万元`: the sum and
    the amounts paid before it in the same sentence (an amount followed by 已全额支付 counts)."""
    found = []
    for paragraph in doc.paragraphs:
        for sentence in sentences(paragraph):
            total = _SUM_WORD.search(sentence)
            if total is None or total["verb"] is None:
                continue
            parts = _paid_amounts(_PAREN.sub("", sentence[: total.start()]), total["verb"])
            if len(parts) >= 2:
                found.append(StatedSum(Decimal(total["total"]), tuple(parts), total.group(0), paragraph))
    return found


def _paid_amounts(text: str, verb: str) -> list[Decimal]:
    parts: list[Decimal] = []
    last: Decimal | None = None
    for clause in re.split(r"[,，；;]", text):
        amounts = [Decimal(a) for a in _AMOUNT.findall(clause)]
        if verb in clause and amounts:
            parts.append(amounts[-1])
        elif verb in clause and "全额" in clause and last is not None:
            parts.append(last)
        if amounts:
            last = amounts[-1]
    return parts
