"""The report's text in the standard outline, with every figure taken from the model.

Sections whose substance is the unit's own account (绩效情况, 问题, 改进措施, 应用和公开,
其他) take the report's own text when it has such a section; the money sections are written
from the funds. The outline and numbering (一、（一）1.（1）) follow the Hunan department
template (rules.md §7.1); a project or special-fund report uses the same frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.model.evaluation import Evaluation, FundLine, Section
from jixiao.model.money import amount_text as fmt  # amounts keep the report's own digits

CN = "一二三四五六七八九十"


@dataclass
class Heading:
    number: str
    text: str
    level: int
    paragraphs: list[str] = field(default_factory=list)


OWN_TEXT = (  # (outline heading, keywords of the report's own section to take the text from)
    ("部门整体支出绩效情况", ("整体支出绩效", "绩效情况", "绩效自评情况分析", "预算支出绩效情况", "绩效自评结果")),
    ("存在的问题及原因分析", ("存在的问题", "存在问题")),
    ("下一步改进措施", ("改进措施", "建议")),
    ("绩效自评结果拟应用和公开情况", ("应用", "公开")),
    ("其他需要说明的情况", ("其他需要说明",)),
)


def outline(ev: Evaluation) -> list[Heading]:
    year = f"{ev.fiscal_year}年" if ev.fiscal_year else "本年度"
    headings = [
        Heading("一、", "部门（单位）基本情况", 1),
        Heading("（一）", "单位基本情况", 2, _unit(ev)),
        Heading("二、", "一般公共预算支出情况", 1, _totals(ev, year)),
        Heading("（一）", "基本支出情况", 2, _basic(ev, year)),
        Heading("（二）", "项目支出情况", 2, _projects(ev, year)),
        Heading("三、", "政府性基金预算支出情况", 1, [_source_line(ev, "government_fund")]),
        Heading("四、", "国有资本经营预算支出情况", 1, [_source_line(ev, "state_capital")]),
        Heading("五、", "社会保险基金预算支出情况", 1, [_source_line(ev, "social_insurance")]),
    ]
    for index, (title, keywords) in enumerate(OWN_TEXT, start=5):
        heading = Heading(f"{CN[index]}、", title, 1, _result(ev) if index == 5 else [])
        headings.append(heading)
        headings += _own_sections(ev, keywords, heading)
    return headings


def _unit(ev: Evaluation) -> list[str]:
    year = f"{ev.fiscal_year}年度" if ev.fiscal_year else "本年度"
    lines = [f"{ev.unit.name}是本报告的评价单位，本报告评价其{year}的预算支出绩效。"] if ev.unit.name else []
    staff = ev.unit.staffing
    parts = [f"在职人员{staff.serving}人" if staff.serving is not None else "",
             f"离退休人员{staff.retired}人" if staff.retired is not None else ""]
    parts = [p for p in parts if p]
    if staff.total is not None:
        lines.append(f"年末共有人员{staff.total}人" + (f"，其中：{'，'.join(parts)}。" if parts else "。"))
    elif parts:
        lines.append(f"年末{'，'.join(parts)}。")
    return lines


def _amount(label: str, value: Decimal | None) -> str:
    return f"{label}{fmt(value)}万元" if value is not None else ""


def _totals(ev: Evaluation, year: str) -> list[str]:
    funds = ev.funds
    sentences = []
    for column, lead in (("budget", f"{year}全年预算资金"), ("executed", "全年实际支出")):
        total = getattr(funds.total, column)
        parts = [_amount("基本支出", getattr(funds.basic, column)), _amount("项目支出", getattr(funds.project, column))]
        parts = [p for p in parts if p]
        if total is not None:
            sentences.append(f"{lead}{fmt(total)}万元" + (f"，其中：{'，'.join(parts)}。" if parts else "。"))
    if ev.funds.total.initial_budget is not None:
        sentences.append(f"年初预算{fmt(ev.funds.total.initial_budget)}万元。")
    if ev.stated.execution_rate is not None:
        sentences.append(f"预算执行率{fmt(ev.stated.execution_rate)}%。")
    return ["".join(sentences)] if sentences else ["（报告未说明。）"]


def _line_sentence(name: str, line: FundLine, subparts: str = "") -> str:
    if line.budget is not None and line.executed is not None:
        return f"{name}预算{fmt(line.budget)}万元，{name}决算{fmt(line.executed)}万元{subparts}。"
    if line.budget is not None:
        return f"{name}预算{fmt(line.budget)}万元{subparts}。"
    if line.executed is not None:
        return f"全年{name}{fmt(line.executed)}万元{subparts}。"
    return ""


def _basic(ev: Evaluation, year: str) -> list[str]:
    funds = ev.funds
    parts = [_amount("人员经费", funds.personnel.executed), _amount("公用经费", funds.public.executed)]
    parts = [p for p in parts if p]
    subparts = f"，其中{'，'.join(parts)}" if parts else ""
    sentence = _line_sentence("基本支出", funds.basic, subparts if funds.basic.budget is None else "")
    if parts and (funds.basic.budget is not None or not sentence):
        sentence += f"决算数中{'，'.join(parts)}。"
    return [sentence or "（报告未说明。）"]


def _projects(ev: Evaluation, year: str) -> list[str]:
    funds = ev.funds
    sentence = _line_sentence("项目支出", funds.project)
    items = [(i.label, i.executed if i.executed is not None else i.budget) for i in funds.project_items]
    if items and all(value is not None for _, value in items):
        column = "决算" if all(i.executed is not None for i in funds.project_items) else "预算"
        listed = "，".join(f"{name}{fmt(value)}万元" for name, value in items)
        sentence += f"项目支出{column}明细中，其中{listed}。"
    return [sentence or "（报告未说明。）"]


def _source_line(ev: Evaluation, source: str) -> str:
    line = next((l for l in ev.funds.by_source if l.source == source), None)
    if line is None or (line.budget is None and line.executed is None):
        return "无此项支出。"
    return _line_sentence("该项资金", line) or "无此项支出。"


def _result(ev: Evaluation) -> list[str]:
    if ev.stated.total is None and not ev.stated.grade:
        return []
    score = f"自评得分{fmt(ev.stated.total)}分" if ev.stated.total is not None else ""
    grade = f"等级为“{ev.stated.grade}”" if ev.stated.grade else ""
    return [f"经自评，{'，'.join(p for p in (score, grade) if p)}。"]


def _own_sections(ev: Evaluation, keywords: tuple[str, ...], heading: Heading) -> list[Heading]:
    """The report's own section matching the keywords: its text and its sub-sections."""
    sections = ev.sections
    start = next((i for i, s in enumerate(sections) if s.level == 1 and any(k in s.heading for k in keywords)), None)
    if start is None:
        heading.paragraphs = heading.paragraphs or ["无。"]
        return []
    heading.paragraphs += _lines(sections[start])
    return [Heading(_number(s), s.heading, s.level, _lines(s)) for s in _subsections(sections, start)]


def _subsections(sections: list[Section], start: int) -> list[Section]:
    found = []
    for section in sections[start + 1:]:
        if section.level <= sections[start].level:
            break
        found.append(section)
    return found


def _number(section: Section) -> str:
    number = section.number
    if section.level == 2:
        return f"（{number}）"
    if section.level == 4:
        return f"（{number}）"
    return f"{number}."


def _lines(section: Section) -> list[str]:
    return [line for line in section.text.split("\n") if line.strip()]


def report_lines(ev: Evaluation, title: str) -> list[str]:
    """The report as plain lines: the title, then each heading and its paragraphs."""
    lines = [title]
    for heading in outline(ev):
        lines.append(f"{heading.number}{heading.text}")
        lines += heading.paragraphs
    return lines
