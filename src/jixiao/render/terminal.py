"""Scorecards on the terminal (rich): a table of lines, then the totals and grade."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from jixiao.model.money import fmt
from jixiao.model.scorecard import STATUS_TITLES, Scorecard, ScoreLine

_STATUS_STYLE = {"ok": "green", "differs": "bold red", "outside_band": "bold red",
                 "not_computable": "yellow", "not_stated": "yellow"}


def print_scorecard(console: Console, card: Scorecard, depth: int = 0) -> None:
    if not card.has_indicators:
        console.print(f"[bold]{card.name}[/]")
        console.print(total_sentence(card))
        for child in card.children:
            print_scorecard(console, child, depth + 1)
        return
    table = Table(title=f"{card.name}（评分规则 {card.profile}）", title_justify="left",
                  show_lines=False, expand=False)
    for column in ("指标", "分值", "重算", "填报", "状态", "计算过程"):
        table.add_column(column, overflow="fold")
    for line in card.lines:
        table.add_row(*_cells(line))
    console.print(table)
    console.print(total_sentence(card))
    for note in card.notes:
        console.print(escape(note), style="yellow")
    for child in card.children:
        console.print()
        print_scorecard(console, child, depth + 1)


def _cells(line: ScoreLine) -> tuple[str, ...]:
    recomputed = fmt(line.recomputed) if line.recomputed is not None else _range(line)
    style = _STATUS_STYLE[line.status]
    detail = "；".join([line.explanation, *line.notes])
    return (line.label, fmt(line.weight), recomputed, fmt(line.stated),
            f"[{style}]{STATUS_TITLES[line.status]}[/]", detail)


def _range(line: ScoreLine) -> str:
    return f"[{fmt(line.low)}, {fmt(line.high)}{')' if line.high_open else ']'}"


def total_sentence(card: Scorecard) -> str:
    """`重算总分 98.00（优）；填报总分 98，一致。`"""
    if not card.has_indicators:
        stated = f"报告所述总分 {fmt(card.stated_total)}" if card.stated_total is not None else "报告未述总分"
        grade = f"、等级“{card.stated_grade}”" if card.stated_grade else ""
        return f"[yellow]没有绩效指标表，无法重算总分[/]；{stated}{grade}。"
    if card.total is not None:
        recomputed = f"重算总分 {card.total}（{card.grade}）"
    else:
        grades = card.grade or "–".join(card.grade_range)
        recomputed = f"重算总分在 {card.total_low}–{card.total_high} 之间（{grades}）"
    if card.stated_total is None:
        return f"{recomputed}；报告未填总分。"
    verdict = {True: "[green]一致[/]", False: "[bold red]不一致[/]"}[bool(card.total_matches)]
    grade = f"、等级“{card.stated_grade}”" if card.stated_grade else ""
    return f"{recomputed}；填报总分 {fmt(card.stated_total)}{grade}，{verdict}。"
