"""Figures for the bureau: the queue and its findings as workbooks, and the dashboard's
series (the same data the page charts, served as JSON too)."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from jixiao.model.finding import SEVERITY_TITLES
from jixiao.render.text import safe_row
from jixiao.web.evaluations.analysis import analyse
from jixiao.web.evaluations.models import EvaluationRecord, Status

QUEUE_COLUMNS = (("unit", "单位"), ("fiscal_year", "年度"), ("title", "标题"), ("status", "状态"),
                 ("stated_total", "填报总分"), ("recomputed_total", "重算总分"), ("grade", "等级"),
                 ("execution_rate", "执行率(%)"), ("errors", "错误"), ("warnings", "警告"))


def _cell(value: Any) -> Any:
    """A value for the dashboard's JSON: numbers as numbers (a chart's scale, not money kept),
    text without control characters."""
    if isinstance(value, Decimal):
        return float(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def queue_workbook(records: QuerySet[EvaluationRecord]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "自评列表"
    sheet.append([title for _, title in QUEUE_COLUMNS])
    for record in records:
        sheet.append(safe_row(sheet, [str(record.unit), record.fiscal_year, record.title, record.get_status_display(),
                                      *(getattr(record, key) for key, _ in QUEUE_COLUMNS[4:])]))
    return book


def findings_workbook(records: QuerySet[EvaluationRecord]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "审核意见"
    sheet.append(["单位", "标题", "级别", "代码", "说明", "位置"])
    for record in records.defer(None):
        analysis = analyse(record.data)
        if analysis.problem:
            sheet.append(safe_row(sheet, [str(record.unit), record.title, SEVERITY_TITLES["error"], "", analysis.problem, ""]))
        for finding in analysis.findings:
            sheet.append(safe_row(sheet, [str(record.unit), record.title, SEVERITY_TITLES[finding.severity], finding.code,
                                          finding.message, finding.place]))
    return book


def dashboard_data(records: QuerySet[EvaluationRecord], unit_id: str | None = None) -> dict[str, Any]:
    records = list(records.defer("data").select_related("unit", "unit__parent"))
    grades = Counter(r.grade or "未述" for r in records)
    codes: Counter[str] = Counter()
    progress: dict[str, Counter[str]] = defaultdict(Counter)
    for record in records:
        codes.update(record.finding_codes)
        progress[str(record.unit.parent or "—")][record.get_status_display()] += 1
    unit = next((r.unit for r in records if str(r.unit_id) == str(unit_id)), records[0].unit if records else None)
    history = sorted((r for r in records if unit and r.unit_id == unit.pk and r.fiscal_year), key=lambda r: r.fiscal_year)
    return {
        "grades": [[g, grades[g]] for g in ("优", "良", "中", "差", "未述") if grades[g]],
        "totals": [[str(r.unit), _cell(r.stated_total), _cell(r.recomputed_total)] for r in records
                   if r.stated_total is not None and r.recomputed_total is not None],
        "execution": [[str(r.unit), _cell(r.execution_rate)] for r in records if r.execution_rate is not None],
        "codes": codes.most_common(15),
        "progress": {"departments": list(progress), "statuses": [label for _, label in Status.choices],
                     "counts": [[progress[d][label] for d in progress] for _, label in Status.choices]},
        "unit": str(unit) if unit else "", "units": sorted({(r.unit_id, str(r.unit)) for r in records}),
        "history": [[r.fiscal_year, _cell(r.stated_total), _cell(r.recomputed_total)] for r in history],
    }
