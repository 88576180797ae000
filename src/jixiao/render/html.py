"""One self-contained HTML page per evaluation: the tables, the scorecard and the
findings. No script, no external resource; the web app embeds the same page."""

from __future__ import annotations

import html
from collections.abc import Iterable

from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import SEVERITY_TITLES, Finding
from jixiao.model.money import fmt
from jixiao.model.scorecard import STATUS_TITLES, Scorecard
from jixiao.render.layout import Grid, ScoreChoice, tables
from jixiao.render.narrative import outline

CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","宋体",serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.92em}
td,th{border:1px solid #444;padding:3px 6px;vertical-align:middle}th{background:#f2f2f2;font-weight:600}
caption{font-weight:bold;margin:.5em}.remark{color:#555;font-size:.9em}
.ok{color:#1b7f3b}.bad{color:#b00020;font-weight:bold}.open{color:#a66300}
.error{color:#b00020}.warning{color:#a66300}.info{color:#006a8e}
"""


def page(ev: Evaluation, card: Scorecard, findings: Iterable[Finding] = (), scores: ScoreChoice = "stated") -> str:
    title = html.escape(ev.title or ev.display_name)
    parts = [f"<h1>{title}</h1>", _summary(ev, card), "<h2>报告正文</h2>", _text(ev), "<h2>附表</h2>"]
    parts += [_grid(grid) for grid in tables(ev, card, scores)]
    parts += ["<h2>评分复核</h2>", _scorecard(card), *(_scorecard(child) for child in card.children)]
    parts += ["<h2>审核意见</h2>", _findings(list(findings))]
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")


def _summary(ev: Evaluation, card: Scorecard) -> str:
    recomputed = str(card.total) if card.total is not None else f"{card.total_low}–{card.total_high}"
    stated = fmt(ev.stated.total) if ev.stated.total is not None else "—"
    return (f"<p>单位：{html.escape(ev.unit.name or '—')}　年度：{ev.fiscal_year or '—'}　"
            f"填报总分：{stated}　重算总分：{recomputed}　评分规则：{card.profile}</p>")


def _text(ev: Evaluation) -> str:
    out = []
    for heading in outline(ev):
        tag = "h3" if heading.level == 1 else "h4"
        out.append(f"<{tag}>{html.escape(heading.number + heading.text)}</{tag}>")
        out += [f"<p>{html.escape(line)}</p>" for line in heading.paragraphs]
    return "".join(out)


def _grid(grid: Grid) -> str:
    rows = []
    for row in grid.rows:
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
            cells.append(f"<{tag}{span}>{'<br>'.join(html.escape(t) for t in cell.text.split(chr(10)))}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    remark = f'<p class="remark">{html.escape(grid.remark)}</p>' if grid.remark else ""
    return f"<table><caption>{html.escape(grid.title)}</caption>{''.join(rows)}</table>{remark}"


def _scorecard(card: Scorecard) -> str:
    rows = []
    for line in card.lines:
        recomputed = fmt(line.recomputed) if line.recomputed is not None else f"[{line.low}, {line.high}{')' if line.high_open else ']'}"
        css = {"ok": "ok", "differs": "bad", "outside_band": "bad"}.get(line.status, "open")
        detail = "；".join([line.explanation, *line.notes])
        rows.append(f"<tr><td>{html.escape(line.label)}</td><td>{fmt(line.weight)}</td><td>{recomputed}</td>"
                    f"<td>{fmt(line.stated)}</td><td class=\"{css}\">{STATUS_TITLES[line.status]}</td>"
                    f"<td>{html.escape(detail)}</td></tr>")
    total = str(card.total) if card.total is not None else f"{card.total_low}–{card.total_high}"
    head = "<tr><th>指标</th><th>分值</th><th>重算</th><th>填报</th><th>状态</th><th>计算过程</th></tr>"
    return (f"<table><caption>{html.escape(card.name)}：重算总分 {total}，填报总分 {fmt(card.stated_total)}</caption>"
            f"{head}{''.join(rows)}</table>")


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return "<p>未发现问题。</p>"
    rows = "".join(f'<tr><td>{f.code}</td><td class="{f.severity}">{SEVERITY_TITLES[f.severity]}</td>'
                   f"<td>{html.escape(f.where.place() if f.where else '')}</td><td>{html.escape(f.message)}</td></tr>"
                   for f in findings)
    return f"<table><tr><th>代码</th><th>级别</th><th>位置</th><th>说明</th></tr>{rows}</table>"
