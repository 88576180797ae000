"""One self-contained HTML page per evaluation: the report as the unit wrote it (its text,
its 落款 and its forms), then jixiao's review — scorecard and findings — as an appendix.
No script, no external resource; the web app embeds the same page.

Headings are `h1`–`h6` by level so that the page reads back to the same sections; each
form is laid out as in the .docx (docx.py), its repeated header rows in `thead`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import SEVERITY_TITLES, Finding
from jixiao.model.money import fmt
from jixiao.model.scorecard import STATUS_TITLES, Scorecard
from jixiao.render.grid import Grid, GridCell, ScoreChoice
from jixiao.render.layout import tables
from jixiao.render.narrative import closing, outline, title_of
from jixiao.render.text import clean

CSS = """
body{font-family:"FangSong_GB2312","仿宋_GB2312","FangSong","Noto Serif CJK SC","Source Han Serif SC",serif;
margin:2em auto;max-width:1000px;color:#222;line-height:1.75}
h1{font-family:"方正小标宋简体","Noto Serif CJK SC",serif;font-size:1.6em;text-align:center;font-weight:600}
h1.section,h2,h3,h4,h5,h6{font-size:1.05em;margin:1em 0 .3em;font-weight:normal;text-align:left}
h1.section{font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif}h2{font-family:"楷体_GB2312","KaiTi","Noto Serif CJK SC",serif}
h3{font-weight:bold}p{text-indent:2em;margin:.2em 0}p.closing{text-align:right;text-indent:0;margin-right:4em}
.form{break-before:page;margin-top:3em}.form p{text-indent:0}.form .label{font-family:"黑体","Noto Sans CJK SC",sans-serif}
.form .caption{text-align:center;font-size:1.2em;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em;line-height:1.4}thead{display:table-header-group}
table.upper{margin-bottom:0}table.upper+table{margin-top:0;border-top:none}
td,th{border:1px solid #222;padding:3px 5px;vertical-align:middle;font-weight:normal}th{background:#f2f2f2}
td.right{text-align:right;white-space:nowrap}td.center,th{text-align:center}
.review{border-top:3px double #888;margin-top:3em}.review h2{font-family:sans-serif;font-size:1.2em}
.ok{color:#1b7f3b}.bad{color:#b00020;font-weight:bold}.open{color:#a66300}
.error{color:#b00020}.warning{color:#a66300}.info{color:#006a8e}
"""


def page(ev: Evaluation, card: Scorecard, findings: Iterable[Finding] = (), scores: ScoreChoice = "stated") -> str:
    title = text(title_of(ev))
    parts = [f"<h1>{title}</h1>", _report(ev)]
    parts += [_form(grid, number) for number, grid in enumerate(tables(ev, card, scores), start=1)]
    parts += ['<aside class="review"><h2>评分复核（jixiao）</h2>', _summary(ev, card), _scorecard(card),
              *(_scorecard(child) for child in card.children), "<h2>审核意见（jixiao）</h2>", _findings(list(findings)),
              "</aside>"]  # an aside: the review beside the report, not part of it (readers skip asides)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{CSS}</style></head><body>{''.join(parts)}</body></html>")


def text(value: str) -> str:
    return html.escape(clean(value))


def _report(ev: Evaluation) -> str:
    out = []
    for heading in outline(ev):
        if heading.text:
            level = min(heading.level, 6)
            css = ' class="section"' if level == 1 else ""
            out.append(f"<h{level}{css}>{text(heading.number + heading.text)}</h{level}>")
        out += [f"<p>{text(line)}</p>" for line in heading.paragraphs]
    out += [f'<p class="closing">{text(line)}</p>' for line in closing(ev)]
    return "".join(out)


def _form(grid: Grid, number: int) -> str:
    """The form as the .docx has it: the part above the repeated header, then the part whose
    header rows (`thead`) a printed page repeats; the two tables touch and read as one."""
    rows = [f"<tr>{''.join(_cell(cell) for cell in row)}</tr>" for row in grid.rows]
    upper = f'<table class="upper"><tbody>{"".join(rows[:grid.split])}</tbody></table>' if grid.split else ""
    head, body = rows[grid.split:grid.split + grid.repeat], rows[grid.split + grid.repeat:]
    notes = "".join(f"<p>{text(line)}</p>" for line in (grid.remark, grid.signature) if line)
    return (f'<section class="form"><p class="label">附件{number}</p><p class="caption">{text(grid.title)}</p>{upper}'
            f"<table><thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>{notes}</section>")


def _cell(cell: GridCell) -> str:
    tag = "th" if cell.header else "td"
    span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    css = f' class="{cell.alignment}"' if tag == "td" and cell.alignment != "left" else ""
    return f"<{tag}{span}{css}>{'<br>'.join(text(line) for line in cell.text.split(chr(10)))}</{tag}>"


def _summary(ev: Evaluation, card: Scorecard) -> str:
    recomputed = str(card.total) if card.total is not None else f"{card.total_low}–{card.total_high}"
    stated = fmt(ev.stated.total) if ev.stated.total is not None else "—"
    return (f"<p>单位：{text(ev.unit.name or '—')}　年度：{ev.fiscal_year or '—'}　"
            f"填报总分：{stated}　重算总分：{recomputed}　评分规则：{text(card.profile)}</p>")


def _scorecard(card: Scorecard) -> str:
    rows = []
    for line in card.lines:
        recomputed = fmt(line.recomputed) if line.recomputed is not None else f"[{line.low}, {line.high}{')' if line.high_open else ']'}"
        css = {"ok": "ok", "differs": "bad", "outside_band": "bad"}.get(line.status, "open")
        detail = "；".join([line.explanation, *line.notes])
        rows.append(f"<tr><td>{text(line.label)}</td><td>{fmt(line.weight)}</td><td>{recomputed}</td>"
                    f"<td>{fmt(line.stated)}</td><td class=\"{css}\">{STATUS_TITLES[line.status]}</td>"
                    f"<td>{text(detail)}</td></tr>")
    total = str(card.total) if card.total is not None else f"{card.total_low}–{card.total_high}"
    head = "<tr><th>指标</th><th>分值</th><th>重算</th><th>填报</th><th>状态</th><th>计算过程</th></tr>"
    return (f"<p>{text(card.name)}：重算总分 {total}，填报总分 {fmt(card.stated_total)}</p>"
            f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return "<p>未发现问题。</p>"
    rows = "".join(f'<tr><td>{f.code}</td><td class="{f.severity}">{SEVERITY_TITLES[f.severity]}</td>'
                   f"<td>{text(f.where.place() if f.where else '')}</td><td>{text(f.message)}</td></tr>"
                   for f in findings)
    return f"<table><thead><tr><th>代码</th><th>级别</th><th>位置</th><th>说明</th></tr></thead><tbody>{rows}</tbody></table>"
