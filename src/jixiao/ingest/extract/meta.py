"""Title, fiscal year, kind and unit name of a report.

The title is the run of short paragraphs before the first heading, without `附件2`
(`2024年度陇南市委政法委部门预算执行` + `情况的自评报告`). The year is the title's, else
the most frequent `20xx年` of the text, else of the tables' first rows (a workbook's form
titles). The unit is the title without year and report
words, else a table's 部门名称, else the subject of the first sentence naming it.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.extract.sections import Part

_ATTACHMENT = re.compile(r"^附件\s*\d*(?:[-—－]\d+)?[:：]?\s*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_REPORT_WORDS = re.compile(
    r"(?:关于)?(?:部门整体支出|整体支出|部门预算执行情况的?|部门预算项目支出|项目支出|专项资金)?"
    r"(?:绩效)?自评(?:价)?(?:报告|报表|表)$"
)
_UNIT_SUBJECT = re.compile(
    r"^\s*([\u4e00-\u9fff（）()]{3,30}?(?:委员会|办公室|政法委|委办|局|委|政府|中心|院|所|站|馆|学校|医院))"
    r"(?:（以下简称[^）]*）)?(?:是|设|为|系|内设)"
)


def title_of(parts: list[Part]) -> tuple[str, list[Paragraph]]:
    lead = [p for p in parts[0].paragraphs[:4] if not _ATTACHMENT.match(p.text) and len(p.text) <= 60]
    title_paragraphs = []
    for paragraph in lead:
        if title_paragraphs and title_paragraphs[-1].index + 1 != paragraph.index:
            break
        title_paragraphs.append(paragraph)
    return "".join(p.text.strip() for p in title_paragraphs), title_paragraphs


def year_of(title: str, doc: Document) -> int | None:
    match = _YEAR.search(title)
    if match:
        return int(match[1])
    counts = Counter(int(y) for p in doc.paragraphs for y in _YEAR.findall(p.text))
    if not counts:  # a workbook: the forms' titles are their first rows
        counts = Counter(int(y) for t in doc.tables for cell in t.rows[0][:1] if t.rows
                         for y in _YEAR.findall(cell.text))
    return counts.most_common(1)[0][0] if counts else None


def kind_of(title: str) -> str | None:
    if "专项资金" in title:
        return "special_fund"
    if "整体" in title or "部门预算执行" in title or "部门" in title:
        return "department"
    if "项目" in title:
        return "project"
    return None


def unit_from_title(title: str) -> str:
    """`2023年度某委整体支出绩效自评报告` → 某委; a title that is not a report's gives none."""
    name = re.sub(r"^\s*(?:19|20)\d{2}\s*年度?", "", title)
    if not _REPORT_WORDS.search(name):
        return ""
    name = _REPORT_WORDS.sub("", name).strip()
    return name if 2 <= len(name) <= 40 else ""


def unit_from_prose(paragraphs: list[Paragraph]) -> tuple[str, Paragraph] | None:
    for paragraph in paragraphs[:30]:
        match = _UNIT_SUBJECT.match(paragraph.text)
        if match:
            return match[1], paragraph
    return None
