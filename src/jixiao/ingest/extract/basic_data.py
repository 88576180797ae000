"""The 部门整体支出绩效评价基础数据表: staffing, 三公经费, 项目支出, 公用经费, 采购.

Columns are read from the header (`2022年决算数 | 2023年预算数 | 2023年决算数`): the
earlier year's 决算 is the prior-year actual. The current year's 项目支出 and 公用经费
are also recorded as figures of the funds they restate, so the audit can compare them
with the 自评表 and the prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.document import Cell, Document, Table
from jixiao.ingest.extract.cells import number, squash
from jixiao.model.evaluation import BasicDataLine, Figure
from jixiao.model.source import SourceRef

ROW_KEYS: tuple[tuple[str, str], ...] = (
    ("三公经费", "three_public"), ("公务用车购置和维护", "vehicles"), ("公车购置", "vehicle_purchase"),
    ("公车运行维护", "vehicle_operation"), ("出国", "overseas"), ("公务接待", "reception"),
    ("项目支出", "project"), ("公用经费", "public"), ("办公经费", "office"),
    ("水费、电费、差旅费", "utilities_travel"), ("会议费、培训费", "meetings_training"),
    ("政府采购金额", "procurement"), ("部门基本支出预算调整", "basic_adjustment"),
)
RESTATED = {("project", "budget"): "funds.project.budget", ("project", "actual"): "funds.project.executed",
            ("public", "budget"): "funds.public.budget", ("public", "actual"): "funds.public.executed"}
_YEAR = re.compile(r"(20\d{2})年")
_ITEM = re.compile(r"^\d+[、.](.+)$")


@dataclass
class BasicData:
    lines: list[BasicDataLine] = field(default_factory=list)
    staffing: dict[str, int] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    provenance: dict[str, SourceRef] = field(default_factory=dict)
    year: int | None = None


def is_basic_data_table(table: Table) -> bool:
    labels = {squash(c.text) for row in table.rows[:4] for c in row}
    return any(label.startswith(("财政供养人员情况", "经费控制情况")) for label in labels)


def read_basic_data(doc: Document, table: Table) -> BasicData:
    result = BasicData()
    columns: dict[int, str] = {}
    in_projects = False
    for index, row in enumerate(table.rows):
        label = squash(row[0].text)
        if label.startswith("财政供养人员情况") and index + 1 < len(table.rows):
            _read_staffing(doc, table, row, table.rows[index + 1], result)
        elif label.startswith("经费控制情况"):
            columns = _money_columns(row, result)
        elif columns and len(row) > 1:
            in_projects = _read_money_row(doc, table, row, columns, in_projects, result)
    return result


def _read_staffing(doc: Document, table: Table, header: list[Cell], values: list[Cell], result: BasicData) -> None:
    for index, cell in enumerate(header):
        label = squash(cell.text)
        field_name = "authorized" if label == "编制数" else "serving" if "在职" in label else None
        value = number(values[index].text) if field_name and index < len(values) else None
        if field_name and value is not None:
            result.staffing[field_name] = int(value)
            ref = doc.ref(table, values[index])
            result.provenance[f"unit.staffing.{field_name}"] = ref
            result.figures.append(Figure(key=f"unit.staffing.{field_name}", label=label, value=value,
                                         unit="人", origin="table", source=ref))
        year = _YEAR.search(label)
        if year:
            result.year = int(year[1])


def _money_columns(header: list[Cell], result: BasicData) -> dict[int, str]:
    years = [int(y) for c in header for y in _YEAR.findall(c.text)]
    current = max(years) if years else result.year
    result.year = result.year or current
    columns = {}
    for index, cell in enumerate(header[1:], start=1):
        text, year = squash(cell.text), _YEAR.search(cell.text)
        if "预算" in text:
            columns[index] = "budget"
        elif "决算" in text:
            columns[index] = "actual" if year is None or int(year[1]) == current else "prior_actual"
    return columns


def _read_money_row(doc: Document, table: Table, row: list[Cell], columns: dict[int, str],
                    in_projects: bool, result: BasicData) -> bool:
    """Read one 经费控制 row; returns whether the following rows list 项目支出 items."""
    label = squash(row[0].text).rstrip("：:")
    key = next((k for name, k in ROW_KEYS if name in label), None)
    item = _ITEM.match(label)
    if key is None and in_projects and item:
        key, label = "project_item", item[1]
    still_in_projects = key in ("project", "project_item") or (key is None and in_projects)
    values = {columns[i]: number(row[i].text) for i in columns if i < len(row)}
    values = {k: v for k, v in values.items() if v is not None}
    if key is not None and values:
        result.lines.append(BasicDataLine(key=key, label=label, source=doc.ref(table, row[0]), **values))
        _record(doc, table, row, columns, key, label, result)
    return still_in_projects


def _record(doc: Document, table: Table, row: list[Cell], columns: dict[int, str], key: str,
            label: str, result: BasicData) -> None:
    for index, column in columns.items():
        value = number(row[index].text) if index < len(row) else None
        if value is None:
            continue
        ref = doc.ref(table, row[index])
        figure_key = RESTATED.get((key, column), f"basic_data.{key}:{label}.{column}")
        result.figures.append(Figure(key=figure_key, label=f"基础数据表 {label}", value=value,
                                     origin="table", source=ref))
