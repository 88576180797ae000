"""Findings out: terminal text (grouped by file, `path:line:` first so editors can jump),
JSON, an .xlsx for reviewers (one row per finding) and a self-contained HTML page."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from itertools import groupby
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from rich.console import Console
from rich.markup import escape

from jixiao.model.finding import SEVERITY_TITLES, Finding
from jixiao.render.text import clean, safe_row

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
COLUMNS = (("文件", 28), ("评价对象", 24), ("级别", 6), ("代码", 8), ("说明", 70), ("位置", 24), ("行号", 6),
           ("原文", 40), ("为何重要", 50))


def summary(findings: Iterable[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return "，".join(f"{SEVERITY_TITLES[k]} {counts.get(k, 0)}" for k in ("error", "warning", "info"))


def print_findings(console: Console, findings: list[Finding]) -> None:
    for file, group in groupby(findings, key=lambda f: f.file):
        items = list(group)
        console.print(f"[bold]{escape(file)}[/]（{summary(items)}）")
        for finding in items:  # file names and messages quote report text: never read as markup
            line = f":{finding.where.line}" if finding.where and finding.where.line else ""
            place = finding.where.place() if finding.where else ""
            place = place.replace(f"第{finding.where.line}行", "").strip() if line and finding.where else place
            console.print(f"  {escape(file)}{line}: {escape(place) + ' ' if place else ''}[{STYLES[finding.severity]}]"
                          f"{finding.code} {SEVERITY_TITLES[finding.severity]}[/] {escape(finding.message)}",
                          soft_wrap=True, highlight=False)
    console.print(f"共 {len(findings)} 条：{summary(findings)}")


def findings_json(findings: list[Finding]) -> str:
    payload = {"summary": dict(Counter(f.severity for f in findings)),
               "findings": [f.model_dump(mode="json", exclude_defaults=True) for f in findings]}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def write_xlsx(findings: list[Finding], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "审核意见"
    sheet.append([title for title, _ in COLUMNS])
    for finding in findings:  # quoted report text may start with `=`: every string is written as text
        where = finding.where
        sheet.append(safe_row(sheet, [finding.file, finding.subject, SEVERITY_TITLES[finding.severity], finding.code,
                                      finding.message, where.place() if where else "", where.line if where else None,
                                      finding.evidence, finding.why]))
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)


def _text(value: str) -> str:
    return html.escape(clean(value))


def findings_html(findings: list[Finding], title: str = "jixiao 审核意见") -> str:
    rows = []
    for file, group in groupby(findings, key=lambda f: f.file):
        items = list(group)
        rows.append(f'<tr class="file"><th colspan="4">{_text(file)}（{summary(items)}）</th></tr>')
        for f in items:
            place = _text(f.where.place() if f.where else "")
            rows.append(f'<tr class="{f.severity}"><td>{f.code}</td><td>{SEVERITY_TITLES[f.severity]}</td>'
                        f"<td>{place}</td><td>{_text(f.message)}<div class=\"why\">{_text(f.why)}</div></td></tr>")
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{_text(title)}</title>
<style>
body{{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}}
tr.file th{{background:#eef3f8}}tr.error td:nth-child(2){{color:#b00020;font-weight:bold}}
tr.warning td:nth-child(2){{color:#a66300}}tr.info td:nth-child(2){{color:#006a8e}}.why{{color:#777;font-size:90%}}
</style></head><body><h1>{_text(title)}</h1><p>共 {len(findings)} 条：{summary(findings)}</p>
<table><tr><th>代码</th><th>级别</th><th>位置</th><th>说明</th></tr>{''.join(rows)}</table></body></html>"""
