"""Excel (.xlsx): each sheet becomes a table; a sheet that uses only column A holds
text, one paragraph a row (reports pasted into Excel).

Merged ranges: the top-left cell carries the spans; cells a vertical merge covers become
empty cells (as in converted text), cells a horizontal merge covers are left out. Values
are shown as Excel shows them (`100%` for 1 formatted as a percentage). A formula whose
value was never cached (files written by tools, not Excel) is computed when it uses only
what `formula.evaluate` knows, else kept as its text.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.errors import InputError
from jixiao.ingest.document import Cell, Document, Paragraph, Table
from jixiao.ingest.readers.formula import FormulaError, evaluate
from jixiao.ingest.readers.package import check_package

MAX_ROWS = 5000
MAX_COLUMNS = 200


def read(path: Path) -> Document:
    check_package(path, "xl/workbook.xml", "Excel 工作簿", "Excel（.xls）")
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    doc = Document(path=str(path), format="xlsx")
    for sheet in values.worksheets:
        _check_size(path, sheet)
        if sheet.max_column == 1:
            _paragraphs(doc, sheet)
        else:
            doc.blocks.append(_table(sheet, formulas[sheet.title], len(doc.tables) + 1))
    return doc


def _paragraphs(doc: Document, sheet: Worksheet) -> None:
    for (value,) in sheet.iter_rows(min_col=1, max_col=1, values_only=True):
        text = str(value).strip() if value is not None else ""
        if text:
            doc.blocks.append(Paragraph(text=text, index=len(doc.paragraphs) + 1))


def _check_size(path: Path, sheet: Worksheet) -> None:
    if sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLUMNS:
        raise InputError(f"{path}: 工作表“{sheet.title}”有 {sheet.max_row} 行 {sheet.max_column} 列，"
                         f"超过上限（{MAX_ROWS} 行、{MAX_COLUMNS} 列），不像是一份自评表")


def _table(sheet: Worksheet, formula_sheet: Worksheet, index: int) -> Table:
    origins, covered = _merges(sheet)
    table = Table(index=index, sheet=sheet.title)
    for r in range(1, sheet.max_row + 1):
        row = []
        for c in range(1, sheet.max_column + 1):
            if covered.get((r, c)) == "horizontal":
                continue
            text = "" if (r, c) in covered else _shown(sheet.cell(r, c), formula_sheet.cell(r, c).value, formula_sheet)
            rowspan, colspan = origins.get((r, c), (1, 1))
            row.append(Cell(text, len(table.rows) + 1, len(row) + 1, rowspan=rowspan, colspan=colspan))
        if any(cell.text for cell in row) or table.rows:
            table.rows.append(row)
    while table.rows and not any(cell.text for cell in table.rows[-1]):
        table.rows.pop()
    return table


def _merges(sheet: Worksheet) -> tuple[dict[tuple[int, int], tuple[int, int]], dict[tuple[int, int], str]]:
    origins, covered = {}, {}
    for merged in sheet.merged_cells.ranges:
        origins[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                     merged.max_col - merged.min_col + 1)
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if (r, c) != (merged.min_row, merged.min_col):
                    covered[(r, c)] = "horizontal" if c != merged.min_col else "vertical"
    return origins, covered


def _shown(cell: Any, formula: Any, formula_sheet: Worksheet) -> str:
    value = cell.value
    if value is None and isinstance(formula, str) and formula.startswith("="):
        try:
            value = evaluate(formula, lambda r, c: formula_sheet.cell(r, c).value)
        except (FormulaError, ArithmeticError):
            return formula
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        places = _decimals(cell.number_format or "")
        if "%" in (cell.number_format or ""):
            number *= 100
        shown = _plain(number) if places is None else format(number.quantize(Decimal(1).scaleb(-places)), "f")
        return f"{shown}%" if "%" in (cell.number_format or "") else shown
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _decimals(number_format: str) -> int | None:
    """Decimal places a fixed format shows (`0.00` → 2, `0%` → 0); None for General."""
    match = re.fullmatch(r"[#,]*0(?:\.(0+))?%?", number_format)
    return len(match[1] or "") if match else None


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
