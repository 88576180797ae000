"""Write a Document (as read from a sample's text) as .docx, .xlsx, .html and .pdf, with
merged cells as in the official layout, so each reader can be checked against the text.

The grid follows the converter's conventions in reverse: rows align at their right edge;
a row shorter than the widest spans its first cell over the leading columns; a leading
empty cell under a cell that starts in the same column with the same span continues a
vertical merge.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import openpyxl
from docx.oxml import OxmlElement
from openpyxl.styles import Alignment

from jixiao.ingest.document import Document, Paragraph, Table
from jixiao.ingest.readers.office import soffice


@dataclass
class Slot:
    text: str
    column: int  # 0-based grid column
    span: int
    merged_up: bool = False  # continues a vertical merge from the row above
    rowspan: int = 1  # for origins: rows the merge covers


def grid(table: Table) -> tuple[int, list[list[Slot]]]:
    width = max(len(row) for row in table.rows)
    rows: list[list[Slot]] = []
    for row in table.rows:
        first = width - len(row)
        slots = [Slot(cell.text, first + i if i else 0, (first + 1) if i == 0 else 1) for i, cell in enumerate(row)]
        rows.append(slots)
    for r in range(1, len(rows)):
        above = {slot.column: slot for slot in rows[r - 1]}
        for slot in rows[r]:
            if slot.text:
                break
            origin = above.get(slot.column)
            if origin is not None and origin.span == slot.span and (origin.text or origin.merged_up):
                slot.merged_up = True
    for r in range(len(rows) - 1, -1, -1):  # count rowspans bottom-up
        below = {s.column: s for s in rows[r + 1]} if r + 1 < len(rows) else {}
        for slot in rows[r]:
            under = below.get(slot.column)
            if under is not None and under.merged_up:
                slot.rowspan = under.rowspan + 1
    return width, rows


def write_docx(doc: Document, path: Path) -> Path:
    word = docx.Document()
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            word.add_paragraph(block.text)
        else:
            _docx_table(word, block)
    word.save(str(path))
    return path


def _docx_table(word: docx.document.Document, table: Table) -> None:
    width, rows = grid(table)
    out = word.add_table(rows=len(rows), cols=width)
    out.style = "Table Grid"
    for row in out.rows:  # printed forms keep a row on one page
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for r, slots in enumerate(rows):
        for slot in slots:
            cell = out.cell(r, slot.column)
            if slot.span > 1:
                cell = cell.merge(out.cell(r, slot.column + slot.span - 1))
            if not slot.merged_up:
                lines = slot.text.split("\n")
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    for r, slots in enumerate(rows):  # vertical merges after the horizontal ones
        for slot in slots:
            if slot.rowspan > 1 and not slot.merged_up:
                top = out.cell(r, slot.column)
                top.merge(out.cell(r + slot.rowspan - 1, slot.column))
                _keep_text(top, slot.text)


def _keep_text(cell: docx.table._Cell, text: str) -> None:
    """python-docx's merge concatenates the merged cells' paragraphs; keep the origin's."""
    for paragraph in cell.paragraphs[1:]:
        paragraph._element.getparent().remove(paragraph._element)
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def write_xlsx(doc: Document, path: Path) -> Path:
    book = openpyxl.Workbook()
    body = book.active
    body.title = "正文"
    for paragraph in doc.paragraphs:
        body.append([paragraph.text])
    for table in doc.tables:
        _xlsx_table(book.create_sheet(f"表{table.index}"), table)
    book.save(path)
    return path


def _xlsx_table(sheet: openpyxl.worksheet.worksheet.Worksheet, table: Table) -> None:
    _, rows = grid(table)
    for r, slots in enumerate(rows, start=1):
        for slot in slots:
            if slot.merged_up:
                continue
            cell = sheet.cell(r, slot.column + 1, slot.text or None)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if slot.span > 1 or slot.rowspan > 1:
                sheet.merge_cells(start_row=r, start_column=slot.column + 1,
                                  end_row=r + slot.rowspan - 1, end_column=slot.column + slot.span)


def write_html(doc: Document, path: Path) -> Path:
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>自评报告</title></head><body>']
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{_escape(block.text)}</p>")
        else:
            out.append(_html_table(block))
    out.append("</body></html>")
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _html_table(table: Table) -> str:
    _, rows = grid(table)
    html = ['<table border="1">']
    for slots in rows:
        cells = []
        for slot in slots:
            if slot.merged_up:
                continue
            attrs = (f' colspan="{slot.span}"' if slot.span > 1 else "") + (
                f' rowspan="{slot.rowspan}"' if slot.rowspan > 1 else "")
            cells.append(f"<td{attrs}>{'<br>'.join(_escape(t) for t in slot.text.split(chr(10)))}</td>")
        html.append("<tr>" + "".join(cells) + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_pdf(doc: Document, path: Path) -> Path:
    """Through LibreOffice from the .docx, as a unit's Word file is printed to PDF."""
    source = write_docx(doc, path.with_suffix(".docx"))
    program = soffice()
    assert program is not None
    profile = path.parent / "lo-profile"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(path.parent), str(source)], check=True, capture_output=True, timeout=180)
    return path.with_suffix(".pdf")
