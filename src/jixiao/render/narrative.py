"""The report's text: the unit's own sections, in full and in its own order, numbering and
words, then the 落款 (signing unit and a date line left blank for the unit to fill).

Nothing is written that the report does not state: no generated sentences, no “无。” under a
heading the report lacks. A heading without text stays a heading without text, a visible
gap for the editor. `STANDARD_OUTLINE` (the Hunan department template, rules.md §7.1) is the
frame offered to a unit that writes a new report (the YAML template, the web editor); a
report that has its own outline keeps it.

Each heading is printed with the numbering its level and number call for, as GB/T 9704
orders them (`一、`, `（一）`, `1.`, `（1）`), the form jixiao's own extraction reads back to
the same section; an Arabic number at level 1 or 2 is what a converter makes of Word's
automatic numbering (`1、 部门基本情况`) and keeps its trailing space.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.model.evaluation import Evaluation, Section
from jixiao.render.text import clean

STANDARD_OUTLINE: tuple[tuple[str, str, int], ...] = (  # (number, heading, level)
    ("一", "部门（单位）基本情况", 1), ("一", "单位基本情况", 2), ("二", "机构设置与人员情况", 2),
    ("二", "一般公共预算支出情况", 1), ("一", "基本支出情况", 2), ("二", "项目支出情况", 2),
    ("三", "政府性基金预算支出情况", 1), ("四", "国有资本经营预算支出情况", 1), ("五", "社会保险基金预算支出情况", 1),
    ("六", "部门整体支出绩效情况", 1), ("七", "存在的问题及原因分析", 1), ("八", "下一步改进措施", 1),
    ("九", "部门整体支出绩效自评结果拟应用和公开情况", 1), ("十", "其他需要说明的情况", 1),
)
DATE_LINE = "年　　月　　日"  # the signing date: the report states none, the unit fills it in


@dataclass
class Heading:
    number: str  # as printed, with its punctuation: `一、`, `（二）`, `3.`
    text: str
    level: int
    paragraphs: list[str] = field(default_factory=list)


def outline(ev: Evaluation) -> list[Heading]:
    """The report's sections as headings with their paragraphs, exactly as stated."""
    return [Heading(printed_number(s) if s.heading else "", clean(s.heading), s.level, lines(s.text))
            for s in ev.sections]


def printed_number(section: Section) -> str:
    number, level = section.number, section.level
    if not number:
        return ""
    arabic = number.isdigit()
    if level == 1:
        return f"{number}、 " if arabic else f"{number}、"
    if level == 2:
        return f"（{number}） " if arabic else f"（{number}）"
    if level == 3:
        return f"{number}."
    return f"（{number}）"


def lines(text: str) -> list[str]:
    """Paragraphs of a section's text (one per line; blank lines are not paragraphs)."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]


def title_of(ev: Evaluation) -> str:
    """The report's own title; a report without one is named by its year, unit and kind."""
    if ev.title:
        return clean(ev.title)
    year = f"{ev.fiscal_year}年度" if ev.fiscal_year else ""
    kind = {"department": "部门整体支出", "project": "项目支出", "special_fund": "专项资金"}[ev.kind]
    return clean(f"{year}{ev.unit.name}{kind}绩效自评报告")


def closing(ev: Evaluation) -> list[str]:
    """The 落款 under the report's text: the unit's name as stated, and the date line."""
    if not ev.sections:
        return []
    return [line for line in (clean(ev.unit.name), DATE_LINE) if line]


def report_lines(ev: Evaluation, title: str | None = None) -> list[str]:
    """The report as plain lines: title, each heading and its paragraphs, the 落款."""
    found = [clean(title) if title else title_of(ev)]
    for heading in outline(ev):
        if heading.text:
            found.append(f"{heading.number}{heading.text}")
        found += heading.paragraphs
    return found + closing(ev)
