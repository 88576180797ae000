"""The tables as an .xlsx workbook: one sheet per table, merged cells as in the official
layout, formulas for 执行率, 执行率得分 and totals (so edits in Excel keep the sums right),
A4 print set-up. Where a stated value disagrees with its formula, the stated value is kept
as a constant and the cell carries a comment saying so."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.render.layout import Grid, GridCell, place

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = Font(name="宋体", size=10)
WIDTHS = {"basic_data": (30, 9, 9, 9, 9, 9, 9), "department": (8, 10, 10, 24, 12, 12, 8, 8, 22),
          "project": (8, 10, 10, 24, 12, 12, 8, 8, 22)}


def write_workbook(grids: list[Grid], path: Path, text: list[str] | None = None) -> Path:
    """The tables, one sheet each; `text` (the report's lines) goes first, in column A."""
    book = Workbook()
    book.remove(book.active)
    if text:
        body = book.create_sheet("报告正文")
        for line in text:
            body.append([line])
        body.column_dimensions["A"].width = 100
    for index, grid in enumerate(grids, start=1):
        _sheet(book.create_sheet(_sheet_name(grid, index)), grid)
    book.save(path)
    return path


def _sheet_name(grid: Grid, index: int) -> str:
    short = {"basic_data": "基础数据表", "department": "部门整体自评表", "project": "项目自评表"}[grid.kind]
    return f"{index}-{short}"[:31]


def _sheet(sheet: Worksheet, grid: Grid) -> None:
    sheet.cell(1, 1, grid.title).font = Font(name="黑体", size=14, bold=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    offset = 2
    for r, c, cell in place(grid):
        _cell(sheet, r + offset, c + 1, cell, offset)
    for row in sheet.iter_rows(min_row=offset, max_row=offset + len(grid.rows) - 1, max_col=grid.width):
        for item in row:
            item.border = BORDER
    for index, width in enumerate(WIDTHS[grid.kind], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if grid.remark:
        sheet.cell(offset + len(grid.rows) + 1, 1, grid.remark).font = FONT
    _row_heights(sheet, grid, offset)
    _print_setup(sheet, grid)


def _row_heights(sheet: Worksheet, grid: Grid, offset: int) -> None:
    """Merged cells do not grow with their text in any spreadsheet: size rows by estimate."""
    widths = WIDTHS[grid.kind]
    lines: dict[int, float] = {}
    for r, c, cell in place(grid):
        if not cell.text or cell.rowspan > 1:
            continue
        chars_per_line = max(sum(widths[c:c + cell.colspan]) / 1.9, 1)  # a 10-point CJK character ≈ 1.9 width units
        lines[r] = max(lines.get(r, 1), sum(-(-len(part) // chars_per_line) or 1 for part in cell.text.split("\n")))
    for r, count in lines.items():
        if count > 1:
            sheet.row_dimensions[r + offset].height = 14 * count


def _formula(formula: str, row: int, offset: int) -> str:
    """Grid rows to sheet rows: the grid starts at sheet row `offset`."""
    located = re.sub(r"\{row:(\d+)\}", lambda m: str(int(m[1]) + offset - 1), formula)
    return located.replace("{r}", str(row))


def _cell(sheet: Worksheet, row: int, column: int, cell: GridCell, offset: int) -> None:
    target = sheet.cell(row, column)
    if cell.formula:
        target.value = _formula(cell.formula, row, offset)
    elif cell.number is not None:
        target.value = cell.number
    else:
        target.value = cell.text or None
    if cell.percent and cell.number is not None:
        target.number_format = "0." + "0" * (-cell.number.as_tuple().exponent - 2) + "%" \
            if cell.number.as_tuple().exponent < -2 else "0%"
    elif cell.number is not None and not cell.formula:
        places = max(-cell.number.as_tuple().exponent, 0)
        target.number_format = "0." + "0" * places if places else "0"
    elif cell.formula and "ROUND(MIN" in cell.formula:
        target.number_format = "0.00"
    target.font = Font(name="宋体", size=10, bold=cell.header)
    target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if cell.header else "left")
    if cell.header:
        target.fill = PatternFill("solid", fgColor="F2F2F2")
    if cell.note:
        target.comment = Comment(cell.note, "jixiao")
    if cell.rowspan > 1 or cell.colspan > 1:
        sheet.merge_cells(start_row=row, start_column=column, end_row=row + cell.rowspan - 1,
                          end_column=column + cell.colspan - 1)


def _print_setup(sheet: Worksheet, grid: Grid) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if grid.kind != "basic_data" else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
