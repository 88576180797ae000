"""Projects described in prose (a department report's 项目支出 section, sample 003) and
lists of projects with their amounts (“1.平安建设工作经费100万元；2.…”).

A project section is a level-2 heading under a level-1 heading about 项目支出 whose text
states the project's own money (`该项目经费共100万元`). Its figures become a child
Evaluation; the list items become `funds.project_items`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.extract.prose import fold
from jixiao.ingest.extract.sections import Part
from jixiao.model.evaluation import Figure

_OWN_MONEY = re.compile(r"(?:该|本)项目(?:经费|资金|预算)(?:共|合计|总额)?(?:为)?(\d+(?:\.\d+)?)万元")
_SPENT = re.compile(r"(?:20\d{2}年)?(?:支付|支出总计|总计支出|实际支出|共支出|支出)(?:金额)?(\d+(?:\.\d+)?)万元")
_LIST_LEAD = re.compile(r"(?:项目|专项)(?:分别为|包括|有)[:：]|其中[:：]?")
_NOT_PROJECTS = ("人员经费", "公用经费", "基本支出", "项目支出", "一般公共预算", "政府性基金", "财政拨款")
_ITEM = re.compile(r"^\s*(?:\d+[.、．])?\s*(?P<name>[^，,；;:：]+?)(?<![\d.])(?P<amount>\d+(?:\.\d+)?)万元\s*[。]?$")


@dataclass
class ProseProject:
    title: str
    heading: Paragraph
    parts: list[Part] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Split:
    projects: list[ProseProject]
    own: list[Part]  # the report's own text
    intro: list[Part]  # the 项目支出 section's text before its first project: all projects


def project_sections(parts: list[Part]) -> Split:
    """Split parts into prose projects, the 项目支出 section's intro and the rest."""
    candidates: list[ProseProject] = []
    own: list[Part] = []
    intro: list[Part] = []
    in_projects, current = False, None
    for part in parts:
        heading = part.heading
        if heading is not None and heading.level == 1:
            in_projects, current = "项目" in heading.title and "支出" in heading.title, None
        elif heading is not None and heading.level == 2 and in_projects:
            current = ProseProject(heading.title, heading.paragraph)
            candidates.append(current)
        if current is not None:
            current.parts.append(part)
        else:
            (intro if in_projects else own).append(part)
    projects = [p for p in candidates if any(_OWN_MONEY.search(fold(part.text)) for part in p.parts)]
    for project in candidates:
        if project not in projects:
            own.extend(project.parts)
    return Split(projects, own, intro)


def own_money(doc: Document, project: ProseProject) -> list[Figure]:
    """`该项目经费共100万元，2024年支付100万元` → the project's budget and spending."""
    figures = []
    for part in project.parts:
        for paragraph in _paragraphs(part):
            text = fold(paragraph.text)
            budget = _OWN_MONEY.search(text)
            if budget:
                figures.append(_money(doc, paragraph, "funds.total.budget", "项目经费", budget))
                spent = _SPENT.search(text, budget.end())
                if spent:
                    figures.append(_money(doc, paragraph, "funds.total.executed", "项目支出", spent))
    return figures


def _paragraphs(part: Part) -> list[Paragraph]:
    return ([part.heading.paragraph] if part.heading else []) + part.paragraphs


def _money(doc: Document, paragraph: Paragraph, key: str, label: str, match: re.Match[str]) -> Figure:
    return Figure(key=key, label=label, value=Decimal(match[1]), unit="万元", origin="prose",
                  source=doc.ref(paragraph, text=match.group(0)))


def listed_items(doc: Document, paragraph: Paragraph) -> list[tuple[str, Decimal, str]]:
    """Named amounts after `项目分别为：` or `其中` in one paragraph: (name, amount, snippet)."""
    text = fold(paragraph.text)
    lead = _LIST_LEAD.search(text)
    if lead is None or "项目" not in text[: lead.end()]:
        return []
    tail = re.split(r"。", text[lead.end():])[0]
    items = []
    for piece in re.split(r"[；;，,]", tail):
        match = _ITEM.match(piece)
        if match and not any(word in match["name"] for word in _NOT_PROJECTS) and not match["name"].endswith("合计"):
            items.append((match["name"].strip(), Decimal(match["amount"]), piece.strip()))
    return items if len(items) >= 2 else []
