"""The self-evaluation report as .docx: the unit's own text (narrative.py) through a docxtpl
template a bureau can restyle, then one attachment per form (layout.py) with its title,
its note and the 填表人 / 填报日期 / 联系电话 / 单位负责人签字 line.

Tables are written as WordprocessingML directly, one pass over the grid: python-docx's
`table.cell()` walks the whole table for every call, which made rendering quadratic in
the number of rows. A form that runs over pages is written as two tables with nothing
between them: the part above the indicator header, and the part whose header rows Word and
LibreOffice repeat at the top of every page (`w:tblHeader` works only on a table's first
rows). Column widths are fitted so that no number has to break (grid.widths()).
"""

from __future__ import annotations

from html import escape
from importlib import resources
from pathlib import Path

from docxtpl import DocxTemplate

from jixiao.model.evaluation import Evaluation
from jixiao.model.scorecard import Scorecard
from jixiao.render.grid import Grid, GridCell, ScoreChoice, place, widths
from jixiao.render.layout import tables
from jixiao.render.narrative import closing, outline, title_of
from jixiao.render.text import clean

TEMPLATE = "templates/report.docx"
TEXT_WIDTH = 8845  # twips: A4 less the 公文 margins (28 mm + 26 mm) = 156 mm
EM, PADDING = 210, 280  # twips: one em of 10.5 pt table text; cell margins, rules and a little air
BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
JOIN = ('<w:p><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
        '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')


class Xml:
    """Ready WordprocessingML for `{{p attachments }}` (the template engine inserts it as is)."""

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml

    __str__ = __html__


def write_report(ev: Evaluation, card: Scorecard | None, path: Path, scores: ScoreChoice = "stated",
                 template: Path | None = None) -> Path:
    source = template or Path(str(resources.files("jixiao.render").joinpath(TEMPLATE)))
    document = DocxTemplate(str(source))
    attachments = Xml("".join(attachment(grid, number) for number, grid in enumerate(tables(ev, card, scores), start=1)))
    context = {"title": title_of(ev), "headings": outline(ev), "closing": closing(ev), "attachments": attachments}
    document.render(context, autoescape=True)
    document.save(str(path))
    return path


def attachment(grid: Grid, number: int) -> str:
    """附件N, the form's title, the table, its note and the signature line."""
    parts = [paragraph(f"附件{number}", "AttachmentLabel"), paragraph(grid.title, "FormTitle")]
    column_widths = [round(w) for w in widths(grid, TEXT_WIDTH, EM, PADDING)]
    rows = table_rows(grid, column_widths)
    if grid.split:
        parts += [table(rows[:grid.split], column_widths), JOIN, table(rows[grid.split:], column_widths, grid.repeat)]
    else:
        parts.append(table(rows, column_widths, grid.repeat))
    parts += [paragraph(text, "FormNote") for text in (grid.remark, grid.signature) if text]
    return "".join(parts)


def paragraph(text: str, style: str, align: str | None = None) -> str:
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(clean(text), quote=False)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{run}</w:p>'


def table(rows: list[str], column_widths: list[int], repeat: int = 0) -> str:
    """A ruled table of fixed column widths; its first `repeat` rows repeat on every page,
    and no row breaks across pages (a form's row is read as one)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in column_widths)
    body = "".join(f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if index < repeat else ''}</w:trPr>{cells}</w:tr>"
                   for index, cells in enumerate(rows))
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(column_widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>')


def table_rows(grid: Grid, column_widths: list[int]) -> list[str]:
    """Each row's cells: origins of merges carry gridSpan / vMerge restart, positions a merge
    from above covers get a vMerge continuation, so every row spans the full grid."""
    at: dict[tuple[int, int], tuple[int, GridCell]] = {}
    for r, c, cell in place(grid):
        for dr in range(cell.rowspan):
            at[(r + dr, c)] = (r, cell)
    rows = []
    for r in range(len(grid.rows)):
        cells, c = [], 0
        while c < grid.width:
            origin, cell = at.get((r, c), (r, GridCell()))
            span = min(cell.colspan, grid.width - c)
            cells.append(_cell(cell, sum(column_widths[c:c + span]), span, origin == r))
            c += span
        rows.append("".join(cells))
    return rows


def _cell(cell: GridCell, width: int, span: int, origin: bool) -> str:
    merge = ('<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else "") if origin else "<w:vMerge/>"
    spans = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    properties = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{spans}{merge}<w:vAlign w:val="center"/></w:tcPr>'
    lines = clean(cell.text).split("\n") if origin and cell.text else [""]
    return f"<w:tc>{properties}{''.join(paragraph(line, 'TableText', cell.alignment) for line in lines)}</w:tc>"
