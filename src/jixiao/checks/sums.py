"""Totals stated in prose and the parts the report lists for them (the readers of JX106).

Three shapes besides `…合计支付38.39万元` in one sentence (`prose.stated_sums`):

    下达…资金2263万元。其中：A1435万元，B25万元，……      a 其中 sentence after the total
    年度预算资金总额: 321.25 ⏎ 其中:中央补助 166.00 ⏎ 市级资金 136.00 ⏎ …   a block of lines
    目前共支付资金1696.76万元。⏎ 分别项目为①…支付21万元；②…1605万元；…   items after the total

Each part of a list of items is the item's amount stated with the total's own verb
(`实际到位` for 实际到位, `支付` for 支付), else its first amount; `未支付` is 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.fold import fold

_AMOUNT = re.compile(r"(?P<value>\d+(?:\.\d+)?)\s*万(?:元)?")
_TAIL_TOTAL = re.compile(r"(?P<label>[\u4e00-\u9fff]{0,6}?)(?P<total>\d+(?:\.\d+)?)\s*万元\s*[。;；]?\s*$")
_OPENS_PARTS = re.compile(r"^\s*其中[:：,，]?")
_BLOCK_TOTAL = re.compile(r"^[\u4e00-\u9fff（）()]*(?:总额|合计)[)）]?\s*[:：]\s*(?P<total>\d+(?:\.\d+)?)\s*$")
_BLOCK_PART = re.compile(r"^(?:其中[:：])?[\u4e00-\u9fff（）()]{2,20}?\s*(?P<value>\d+(?:\.\d+)?)\s*$")
_ITEMS_OPEN = re.compile(r"^\s*(?:分别(?:项目)?为|分项目如下|具体为|其中[:：])")
_ITEM_MARK = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]|(?<![\d.])[1-9](?=[\u4e00-\u9fff])|[（(][1-9][)）]")
_TOTAL_VERB = re.compile(r"(?:共|已|合计)?(?P<label>实际到位|应到位|支付|到位|执行|支出)[\u4e00-\u9fff]{0,2}?"
                         r"(?P<total>\d+(?:\.\d+)?)\s*万元")
_NOTHING = ("未到位", "未支付", "未使用")


@dataclass(frozen=True)
class ListedSum:
    total: Decimal
    parts: tuple[Decimal, ...]
    snippet: str
    paragraph: Paragraph
    exhaustive: bool  # the parts are the whole: an error when they do not add up


def listed_sums(doc: Document) -> list[ListedSum]:
    paragraphs = doc.paragraphs
    found: list[ListedSum] = []
    for index, paragraph in enumerate(paragraphs):
        found += _parts_sentence(paragraph)
        found += _line_block(paragraphs, index)
        if index + 1 < len(paragraphs):
            found += _itemised(paragraph, paragraphs[index + 1])
    return found


def _parts_sentence(paragraph: Paragraph) -> list[ListedSum]:
    """A sentence ending in a total, then a 其中 sentence listing its parts."""
    sentences = re.split(r"(?<=[。])", fold(paragraph.text).text)
    found = []
    for head, tail in zip(sentences, sentences[1:]):
        total = _TAIL_TOTAL.search(head)
        if total is None or not _OPENS_PARTS.match(tail):
            continue
        parts = [Decimal(m["value"]) for m in _AMOUNT.finditer(tail)]
        if len(parts) >= 2:
            found.append(ListedSum(Decimal(total["total"]), tuple(parts), total.group(0).strip("。"), paragraph,
                                   exhaustive=len(parts) >= 3))
    return found


def _line_block(paragraphs: list[Paragraph], index: int) -> list[ListedSum]:
    """`年度预算资金总额: 321.25` and the `其中:` lines under it, each a label and a number."""
    total = _BLOCK_TOTAL.match(fold(paragraphs[index].text).text.strip())
    if total is None:
        return []
    parts = []
    for paragraph in paragraphs[index + 1: index + 12]:
        part = _BLOCK_PART.match(fold(paragraph.text).text.strip())
        if part is None:
            break
        parts.append(Decimal(part["value"]))
    if len(parts) < 2:
        return []
    return [ListedSum(Decimal(total["total"]), tuple(parts), total.group(0), paragraphs[index], exhaustive=True)]


def _itemised(paragraph: Paragraph, following: Paragraph) -> list[ListedSum]:
    """A total (`共支付资金1696.76万元`) and the numbered items of the next paragraph."""
    text, items_text = fold(paragraph.text).text, fold(following.text).text
    if not _ITEMS_OPEN.match(items_text):
        return []
    items = [part for part in _ITEM_MARK.split(items_text)[1:] if part.strip()]
    if len(items) < 2:
        return []
    found = []
    for total in _TOTAL_VERB.finditer(text):
        parts = [_item_amount(item, total["label"]) for item in items]
        if all(p is not None for p in parts):
            found.append(ListedSum(Decimal(total["total"]), tuple(parts), total.group(0), paragraph,  # type: ignore[arg-type]
                                   exhaustive=True))
    return found


def _item_amount(item: str, label: str) -> Decimal | None:
    match = re.search(rf"{label}(?P<value>\d+(?:\.\d+)?)\s*万", item)
    if match:
        return Decimal(match["value"])
    if any(nothing in item for nothing in _NOTHING) and label[-2:] in ("到位", "支付"):
        return Decimal(0)
    first = _AMOUNT.search(item)
    return Decimal(first["value"]) if first else None
