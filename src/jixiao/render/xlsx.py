"""The report as an .xlsx workbook: the report's text on the first sheet (one paragraph a
row, in column A), then one sheet per form, merged cells as in the official layout.

Figures are numbers; 执行率, 执行率得分, totals and the subtotals of the 基础数据表 are
formulas where the stated figures agree with them, so edits in Excel keep the sums right;
a stated figure that disagrees stays as stated and carries a comment saying what the
formula gives. Every text cell is written as text (a target such as `=100%` stays text).
Each sheet prints on A4, one page wide, wrapped, with its header rows repeated on every page.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.render.grid import Grid, GridCell, place, widths
from jixiao.render.text import EXCEL_MAX_CHARS, set_text

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT, TEXT_FONT = "宋体", "仿宋_GB2312"
SHEET_WIDTH = 100.0  # column width units (≈ one digit each) across a form
EM, PADDING = 2.0, 1.0  # width units: one em of 10-point CJK text; cell margins
TEXT_COLUMN = 84.0  # the report text: one A4 line of 12-point text
SHORT_NAMES = {"basic_data": "基础数据表", "department": "部门整体自评表", "project": "项目自评表"}


def write_workbook(grids: list[Grid], path: Path, text: list[str] | None = None) -> Path:
    """The forms, one sheet each; `text` (the report's lines, title first) goes first."""
    book = Workbook()
    book.remove(book.active)
    if text:
        _text_sheet(book.create_sheet("报告正文"), text)
    for index, grid in enumerate(grids, start=1):
        _sheet(book.create_sheet(f"{index}-{SHORT_NAMES[grid.kind]}"[:31]), grid)
    book.save(path)
    return path


def _text_sheet(sheet: Worksheet, lines: list[str]) -> None:
    sheet.column_dimensions["A"].width = TEXT_COLUMN
    row = 0
    for index, line in enumerate(lines):
        for start in range(0, max(len(line), 1), EXCEL_MAX_CHARS):  # a cell holds 32,767 characters
            row += 1
            cell = sheet.cell(row, 1)
            set_text(cell, line[start:start + EXCEL_MAX_CHARS])
            title = index == 0
            cell.font = Font(name="方正小标宋简体" if title else TEXT_FONT, size=16 if title else 12, bold=title)
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if title else "general")
            sheet.row_dimensions[row].height = 17 * max(1, -(-_ems(line) // 40))  # 40 ems a line at 12 pt
    _print_setup(sheet, f"A1:A{row}", landscape=False)


def _ems(text: str) -> float:
    return sum(1 if ord(ch) > 0x2e80 else 0.55 for ch in text)


def _sheet(sheet: Worksheet, grid: Grid) -> None:
    column_widths = widths(grid, SHEET_WIDTH, EM, PADDING)
    title = sheet.cell(1, 1)
    set_text(title, grid.title)
    title.font = Font(name=FONT, size=14, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
    sheet.row_dimensions[1].height = 28
    offset = 2
    for r, c, cell in place(grid):
        _cell(sheet, r + offset, c + 1, cell, offset)
    for row in sheet.iter_rows(min_row=offset, max_row=offset + len(grid.rows) - 1, max_col=grid.width):
        for item in row:
            item.border = BORDER
    for index, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    last = offset + len(grid.rows) - 1
    for text in (grid.remark, grid.signature):
        if text:
            last += 1
            _note_row(sheet, last, grid.width, text)
    _row_heights(sheet, grid, offset, column_widths)
    _print_setup(sheet, f"A1:{get_column_letter(grid.width)}{last}", landscape=False)
    header = offset + grid.split
    sheet.print_title_rows = f"{header}:{header + grid.repeat - 1}" if grid.repeat else "1:1"


def _note_row(sheet: Worksheet, row: int, width: int, text: str) -> None:
    cell = sheet.cell(row, 1)
    set_text(cell, text)
    cell.font, cell.alignment = Font(name=FONT, size=10), Alignment(wrap_text=True, vertical="center")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    sheet.row_dimensions[row].height = 20


def _row_heights(sheet: Worksheet, grid: Grid, offset: int, column_widths: list[float]) -> None:
    """Merged cells do not grow with their text in any spreadsheet: size rows by estimate."""
    lines: dict[int, float] = {}
    for r, c, cell in place(grid):
        if not cell.text or cell.rowspan > 1:
            continue
        per_line = max(sum(column_widths[c:c + cell.colspan]) - PADDING, 1) / EM
        count = sum(max(1, -(-_ems(part) // per_line)) for part in cell.text.split("\n"))
        lines[r] = max(lines.get(r, 1), count)
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
    elif cell.text:
        set_text(target, cell.text)
    if cell.number is not None:
        target.number_format = _number_format(cell.number, cell.percent, cell.text)
    target.font = Font(name=FONT, size=10, bold=cell.header)
    target.alignment = Alignment(wrap_text=True, vertical="center", horizontal=cell.alignment)
    if cell.header:
        target.fill = PatternFill("solid", fgColor="F2F2F2")
    if cell.note:
        target.comment = Comment(cell.note, "jixiao", width=240, height=80)
    if cell.rowspan > 1 or cell.colspan > 1:
        sheet.merge_cells(start_row=row, start_column=column, end_row=row + cell.rowspan - 1,
                          end_column=column + cell.colspan - 1)


def _number_format(number: Decimal, percent: bool, shown: str) -> str:
    """The digits the document shows: `734.00`, `10`, `99.51%`."""
    places = len(shown.rstrip("%").partition(".")[2]) if shown else max(-number.as_tuple().exponent, 0)  # type: ignore[operator]
    digits = "0." + "0" * places if places else "0"
    return f"{digits}%" if percent else digits


def _print_setup(sheet: Worksheet, area: str, landscape: bool) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top, sheet.page_margins.bottom = 0.8, 0.8
    sheet.print_area = area
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
