"""The self-evaluation report as .docx: the standard outline (narrative.py) rendered
through a docxtpl template a bureau can restyle, with the 基础数据表, the 自评表 and
one 项目支出绩效自评表 per project as attachments, merged cells as in the official layout.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate

from jixiao.model.evaluation import Evaluation
from jixiao.model.scorecard import Scorecard
from jixiao.render.layout import Grid, ScoreChoice, place, tables
from jixiao.render.narrative import outline

TEMPLATE = "templates/report.docx"
# Column widths (cm) filling the 15.6 cm text width of an A4 page with official margins.
WIDTHS = {7: (4.2, 1.9, 1.9, 1.9, 1.9, 1.9, 1.9), 9: (1.3, 1.5, 1.6, 3.2, 1.8, 1.8, 1.2, 1.2, 2.0)}


def write_report(ev: Evaluation, card: Scorecard | None, path: Path, scores: ScoreChoice = "stated",
                 template: Path | None = None) -> Path:
    source = template or Path(str(resources.files("jixiao.render").joinpath(TEMPLATE)))
    document = DocxTemplate(str(source))
    attachments = document.new_subdoc()
    for number, grid in enumerate(tables(ev, card, scores), start=1):
        _attachment(attachments, grid, number)
    title = ev.title or f"{ev.fiscal_year or ''}年度{ev.unit.name}绩效自评报告"
    document.render({"title": title, "headings": outline(ev), "attachments": attachments}, autoescape=True)
    document.save(str(path))
    return path


def _attachment(doc: object, grid: Grid, number: int) -> None:
    doc.add_page_break()  # type: ignore[attr-defined]
    lead = doc.add_paragraph(f"附件{number}")  # type: ignore[attr-defined]
    lead.paragraph_format.first_line_indent = Pt(0)
    heading = doc.add_paragraph(grid.title)  # type: ignore[attr-defined]
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _table(doc, grid)
    if grid.remark:
        doc.add_paragraph(grid.remark)  # type: ignore[attr-defined]


def _table(doc: object, grid: Grid) -> None:
    table = doc.add_table(rows=len(grid.rows), cols=grid.width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, grid_column, width in zip(table.columns, table._tbl.tblGrid.gridCol_lst, WIDTHS[grid.width]):
        grid_column.w = Cm(width)  # LibreOffice lays out from the grid, Word from the cells
        for cell in column.cells:
            cell.width = Cm(width)
    for row in table.rows:  # a printed form keeps each row on one page
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for r, c, cell in place(grid):
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        lines = cell.text.split("\n") if cell.text else [""]
        paragraph = target.paragraphs[0]
        for extra in target.paragraphs[1:]:
            extra._element.getparent().remove(extra._element)
        paragraph.text = lines[0]
        for line in lines[1:]:
            target.add_paragraph(line)
        for item in target.paragraphs:
            item.paragraph_format.first_line_indent = Pt(0)
            item.paragraph_format.line_spacing = 1.0
            item.alignment = WD_ALIGN_PARAGRAPH.CENTER if cell.header else WD_ALIGN_PARAGRAPH.LEFT
            for run in item.runs:
                run.font.size = Pt(10.5)
                run.font.bold = cell.header

