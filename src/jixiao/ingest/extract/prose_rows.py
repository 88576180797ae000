"""Indicator results stated in sentences, as prose reports give them.

    1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;
    优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%
    布防飞机数量≥6架,实际布防6架
    养老金领取人数全年平均数年初任务数101974人,全年完成值103119人
    当年人才驿站组织活动数量>=28次40次143%           (a table row left inside a sentence)
    (2)质量指标 ⏎ 救助资金发放准确率100%。           (a result under its 二级 heading)

Each becomes an indicator with the name, 指标值, 实际完成值 and, where stated, 得分, all
cut from the printed text. The last form gives only the 实际完成值, and only when the name
is one of a rate, a count or a time (…率, …数, …时间), so a sentence like `按照7000元/人
进行补助` is not taken for an indicator.
"""

from __future__ import annotations

import re
from typing import Any

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.fold import Folded, fold
from jixiao.ingest.forms import level_of
from jixiao.ingest.layout.values import MEASURE

_M = rf"(?:{MEASURE.pattern})"
_CMP_M = rf"(?:[≥≤><=]|>=|<=|不低于|不少于|不超过|不高于){_M}"
_NAME = r"(?P<name>[\u4e00-\u9fff][^，,;；。:：\d≥≤><=]{1,40}?)"
_TARGET = rf"(?P<target>{_CMP_M}|{_M})"
_ACTUAL = rf"(?P<actual>{_CMP_M}|{_M})"
PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(_NAME + r"[，,]?(?:年初|初)?目标值(?:为|是)?" + _TARGET + r"[，,]?实际完成值(?:为|是)?" + _ACTUAL
               + r"(?:[，,]?(?:自评)?得分(?P<score>\d+(?:\.\d+)?)分)?"),
    re.compile(_NAME + r"指标(?:值)?为" + _TARGET + r"[，,]?实际完成值?为" + _ACTUAL),
    re.compile(_NAME + r"(?:年初任务数|年度目标值|年初目标|计划数?|目标)" + _TARGET + r"[，,](?:全年完成值|实际完成值|实际完成|完成)"
               + _ACTUAL),
    re.compile(_NAME + rf"(?P<target>{_CMP_M})[，,]实际[\u4e00-\u9fff]{{0,6}}?" + _ACTUAL),
    re.compile(_NAME + rf"(?P<target>{_CMP_M})(?P<actual>{_M})(?:\d+(?:\.\d+)?%)?"),
)
_RESULT_ONLY = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff][^，,;；。:：\d]{1,30}(?:率|度|数|时间|次数|人数))(?:为|达到|达)?"
                          rf"(?P<actual>{_M})[。，,；;]")
_HINT = re.compile(r"目标|任务数|指标|完成值|实际|[≥≤<>=]\d")  # a sentence that may state an indicator
_LEVEL_PREFIX = re.compile(r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|满意度)指标[。.]?\s*")
_ITEM = re.compile(r"^\s*(?:[（(]?\d{1,2}[)）.、．]|[一二三四五六七八九十]+、)\s*")


def indicators_in(doc: Document, paragraphs: list[Paragraph]) -> list[dict[str, Any]]:
    """Indicator rows stated in these paragraphs, in reading order."""
    rows: list[dict[str, Any]] = []
    level2 = ""
    for paragraph in paragraphs:
        folded = fold(paragraph.text)
        heading = _level_heading(folded.text)
        if heading:
            level2 = heading
            rest = folded.text[_ITEM.match(folded.text).end() + len(heading):] if _ITEM.match(folded.text) else ""
            if not rest.strip(" 。.,，"):
                continue
        found = _sentence_rows(doc, paragraph, folded, level2)
        if not found and level2:
            found = _result_only(doc, paragraph, folded, level2)
        rows += found
    return rows


def _level_heading(text: str) -> str:
    """`(2)质量指标` / `1.数量指标。`: the 二级 label a numbered heading names."""
    item = _ITEM.match(text)
    if not item:
        return ""
    match = re.match(r"[\u4e00-\u9fff]{2,10}?(?:指标|目标)", text[item.end():])
    return match.group(0) if match and level_of(match.group(0)) else ""


def _sentence_rows(doc: Document, paragraph: Paragraph, folded: Folded, level2: str) -> list[dict[str, Any]]:
    """Matches of every pattern, earliest first, none overlapping (the earlier pattern wins a tie)."""
    if not _HINT.search(folded.text):
        return []
    matches = [(m.start(), order, m) for order, p in enumerate(PATTERNS) for m in p.finditer(folded.text)]
    rows, taken = [], -1
    for start, _, match in sorted(matches, key=lambda item: (item[0], item[1])):
        if start >= taken:
            rows.append(_row(doc, paragraph, folded, match, level2))
            taken = match.end()
    return rows


def _result_only(doc: Document, paragraph: Paragraph, folded: Folded, level2: str) -> list[dict[str, Any]]:
    match = _RESULT_ONLY.match(folded.text + "。")
    return [_row(doc, paragraph, folded, match, level2)] if match and match.end() <= len(folded.text) + 1 else []


def _row(doc: Document, paragraph: Paragraph, folded: Folded, match: re.Match[str], level2: str) -> dict[str, Any]:
    def printed(group: str) -> str:
        if group not in match.groupdict() or match[group] is None:
            return ""
        return folded.original(match.start(group), match.end(group)).strip()

    name = _LEVEL_PREFIX.sub("", _ITEM.sub("", printed("name")))
    return {
        "level2": level2,
        "name": name,
        "target": printed("target"),
        "actual": printed("actual"),
        "score": printed("score") or None,
        "source": doc.ref(paragraph, text=folded.original(match.start(), match.end())),
    }
