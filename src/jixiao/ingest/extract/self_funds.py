"""The funds block of a 绩效自评表: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分.

Rows are found by their labels (`forms.FUND_ROWS`): 年度资金总额 fills `funds.total`,
其中 lines fill `funds.by_source`. The execution 分值 comes from its column, else from
the block's header (`预算执行情况（万元）（20分）`). A rate printed as a fraction (`0.1`,
`1`, the Hubei and Yunnan forms) is recorded in percent, and the figure says so. Some
forms give the totals as `预算数: 2.38` pairs instead of rows.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.ingest.document import Cell, Document, Table
from jixiao.ingest.extract.cells import cell_at, find_columns, number, number_unit, squash
from jixiao.ingest.forms import FUND_COLUMNS, column_of, fund_row, label_key

if TYPE_CHECKING:
    from jixiao.ingest.extract.self_table import SelfTable

SPLIT_LABELS: dict[str, tuple[str, str]] = {
    "一般公共预算": ("source", "general_budget"), "政府性基金拨款": ("source", "government_fund"),
    "政府性基金": ("source", "government_fund"), "纳入专户管理的非税收入拨款": ("source", "special_account"),
    "其他资金": ("source", "other"), "基本支出": ("nature", "basic"), "项目支出": ("nature", "project"),
}
_PAIR = re.compile(r"([\u4e00-\u9fff]+)[：:]\s*(-?\d+(?:\.\d+)?)")
_WEIGHT = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分")
PAIR_COLUMNS = ("initial_budget", "budget", "executed", "rate")


def read_funds(doc: Document, table: Table, result: SelfTable) -> None:
    for index, row in enumerate(table.rows):
        columns = find_columns(row, FUND_COLUMNS)
        if {"budget", "executed"} <= columns.keys() or ({"budget", "rate"} <= columns.keys() and len(columns) >= 3):
            for data_row in table.rows[index + 1: index + 8]:
                _read_row(doc, table, row, data_row, columns, result)
            _header_weight(doc, table, row, result)
            break
    _read_pairs(doc, table, result)


def has_funds(table: Table) -> bool:
    for index, row in enumerate(table.rows[:-1]):
        columns = find_columns(row, FUND_COLUMNS)
        if {"budget", "executed"} <= columns.keys() and any(_row_key(r) for r in table.rows[index + 1: index + 4]):
            return True
    return False


def _row_key(row: list[Cell]) -> str | None:
    label = next((c.text for c in row if c.flat), "")
    return fund_row(label) if label else None


def _read_row(doc: Document, table: Table, header: list[Cell], row: list[Cell],
              columns: dict[str, int], result: SelfTable) -> None:
    key = _row_key(row)
    if key is None:
        return
    label = next(c.flat for c in row if c.flat)
    path = "funds.total" if key == "total" else f"funds.by_source.{key}"
    for column in ("initial_budget", "budget", "executed"):
        cell = cell_at(row, len(header), columns[column]) if column in columns else None
        value = number(cell.text) if cell else None
        if value is not None:
            result.set(f"{path}.{column}", value, doc.ref(table, cell), label=label)
    if key in ("total", "current_year"):
        _read_execution(doc, table, header, row, columns, result)


def _read_execution(doc: Document, table: Table, header: list[Cell], row: list[Cell],
                    columns: dict[str, int], result: SelfTable) -> None:
    for column, path in (("weight", "stated.execution_weight"), ("rate", "stated.execution_rate"),
                         ("score", "stated.execution_score")):
        cell = cell_at(row, len(header), columns[column]) if column in columns else None
        if cell is not None and column == "rate":
            _read_rate(doc, table, cell, row, header, columns, result)
            continue
        value = number(cell.text) if cell else None
        if value is not None:
            result.set(path, value, doc.ref(table, cell), label=squash(header[columns[column]].text))


def _read_rate(doc: Document, table: Table, cell: Cell, row: list[Cell], header: list[Cell],
               columns: dict[str, int], result: SelfTable) -> None:
    value = number(cell.text)
    if value is None:
        return
    note = ""
    if "%" not in cell.text and "％" not in cell.text and value <= Decimal("1.5") and not _percent_fits(
            value, row, header, columns):
        value, note = value * 100, f"执行率按小数填报（{cell.flat}），即 {value * 100:f}%"
    result.set("stated.execution_rate", value, doc.ref(table, cell), label="执行率", note=note)


def _percent_fits(value: Decimal, row: list[Cell], header: list[Cell], columns: dict[str, int]) -> bool:
    """A bare rate ≤ 1.5 is a percent only when the amounts say so (1.2 of 100 spent)."""
    amounts = [number(c.text) if c else None for c in
               (cell_at(row, len(header), columns[k]) if k in columns else None for k in ("budget", "executed"))]
    budget, executed = amounts
    if not budget or executed is None:
        return False
    computed = executed / budget * 100
    return abs(computed - value) < abs(computed - value * 100)


def _header_weight(doc: Document, table: Table, header: list[Cell], result: SelfTable) -> None:
    """`预算执行情况（万元）（20分）`: the execution 分值 stated in the block's header."""
    if "execution_weight" in result.data.get("stated", {}):
        return
    for cell in header:
        match = _WEIGHT.search(cell.flat)
        if match and column_of(cell.text, FUND_COLUMNS) in (None, "score", "weight"):
            result.set("stated.execution_weight", Decimal(match[1]), doc.ref(table, cell, text=cell.flat),
                       label="预算执行分值")
            return


def _read_pairs(doc: Document, table: Table, result: SelfTable) -> None:
    """`预算数 | 2.38`, `执行数 | 2.38`: totals given as label–value pairs."""
    for row in table.rows:
        for index, cell in enumerate(row[:-1]):
            column = column_of(cell.text, FUND_COLUMNS)
            found = number_unit(row[index + 1].text) if column in PAIR_COLUMNS else None
            if found is None or found[1] not in ("", "万", "万元", "%"):
                continue
            path = "stated.execution_rate" if column == "rate" else f"funds.total.{column}"
            if path not in result.provenance:
                result.set(path, found[0], doc.ref(table, row[index + 1]), label=label_key(cell.text))


def read_splits(doc: Document, table: Table, result: SelfTable) -> None:
    """`其中：一般公共预算：734.38` and `其中：基本支出：316.71` cells (年度预算申请)."""
    for row in table.rows:
        for cell in row:
            for label, amount in _PAIR.findall(cell.flat.replace("其中", "")):
                kind = SPLIT_LABELS.get(label)
                if kind is None:
                    continue
                path = f"funds.by_source.{kind[1]}.budget" if kind[0] == "source" else f"funds.{kind[1]}.budget"
                result.set(path, Decimal(amount), doc.ref(table, cell), label=label)

