"""Text that every writer can hold: what XML 1.0 and spreadsheets cannot store is cleaned
out, nothing else is touched, and spreadsheet text stays text.

Reports converted from Word carry a vertical tab (`\\x0b`) where the author typed a manual
line break, and a form feed where there was a page break: both become a line break. Other
control characters, lone surrogates and the two non-characters U+FFFE/U+FFFF are dropped.
`≥98%`, `<`, `&` and every other character are kept as they are; escaping is each
format's own job (the XML and HTML writers escape, openpyxl escapes).

In a spreadsheet a string that starts with `=` is a formula: `=100%` would become 1 and
`=HYPERLINK(…)` a link. `text_cell` and `safe_row` write strings as text whatever they
start with, for every workbook jixiao writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

_BREAKS = re.compile(r"\r\n?|[\x0b\x0c]")
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EXCEL_MAX_CHARS = 32767  # characters a spreadsheet cell holds


def clean(text: str) -> str:
    """`text` with line breaks unified to `\\n` and characters XML cannot hold removed."""
    if text.isprintable():  # the usual case: nothing to do
        return text
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))


def text_cell(sheet: Worksheet, value: str, write_only: bool = False) -> Cell | WriteOnlyCell:
    """A string cell that stays a string in Excel and LibreOffice, even when it starts with `=`."""
    cell = WriteOnlyCell(sheet) if write_only else Cell(sheet)
    set_text(cell, value)
    return cell


def set_text(cell: Cell | WriteOnlyCell, value: str) -> None:
    text = clean(value)[:EXCEL_MAX_CHARS]
    cell.value = text
    cell.data_type = "s"
    if text.startswith(("=", "+", "-", "@")):
        cell.quotePrefix = True  # edited in Excel, it stays text


def safe_row(sheet: Worksheet, values: Iterable[Any]) -> list[Any]:
    """Values for `sheet.append`: strings become text cells, everything else is kept."""
    write_only = not isinstance(sheet, Worksheet)
    return [text_cell(sheet, value, write_only) if isinstance(value, str) else value for value in values]
