"""A Form back into a Table in the official layout, every cell holding its printed text.

Rows, top to bottom: the header block's `label | value` pairs; the funds header and one
row per funds line (runs of digits split by `funds.read_funds`); `其中：基本支出：…`
pairs; the goals; the indicator header (一级 | 二级 | then the columns as printed) and
its rows; the 总分 row. Extraction (`extract/self_table.py`) reads it like any table.
"""

from __future__ import annotations

from jixiao.ingest.document import Cell, Table
from jixiao.ingest.forms import INDICATOR_COLUMNS, column_of
from jixiao.ingest.layout.form import Form
from jixiao.ingest.layout.funds import read_funds, read_total
from jixiao.ingest.layout.pages import Joined
from jixiao.ingest.layout.pieces import Piece

HEADER_WORDS = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标", "target": "年度指标值",
                "actual": "实际完成值", "weight": "分值", "score": "得分", "note": "偏差原因分析及改进措施"}


class _Rows:
    def __init__(self, layout: str, joined: dict[int, Joined]) -> None:
        self.table = Table(index=0, recovered=layout)
        self.joined = joined

    def add(self, cells: list[Piece | str | None]) -> None:
        row_no = len(self.table.rows) + 1
        row = [self._cell(item, row_no, column) for column, item in enumerate(cells, start=1)]
        if self.table.line is None:
            self.table.line = next((c.line for c in row if c.line), None)
        self.table.rows.append(row)

    def _cell(self, item: Piece | str | None, row: int, column: int) -> Cell:
        if not isinstance(item, Piece):
            return Cell(item or "", row, column)
        parts = self.joined.get(id(item.paragraph))
        p = parts.locate(item.start) if parts else item.paragraph
        return Cell(item.text, row, column, line=p.line, page=p.page, paragraph=p.index)


def form_table(form: Form, layout: str, joined: dict[int, Joined] | None = None) -> Table:
    rows = _Rows(layout, joined or {})
    table = rows.table
    for _, label, value in form.names:
        rows.add([label, value])
    if form.score is not None:
        rows.add([form.score_label, form.score])
    for label, value in form.signature:
        rows.add([label, value])
    _funds(form, rows)
    _goals(form, rows)
    _indicators(form, rows)
    for message, piece in form.notices + _row_notices(form):
        table.notices.append((message, rows._cell(piece, 0, 0)))
    return table


def _row_notices(form: Form) -> list[tuple[str, Piece]]:
    found = []
    for row in form.rows:
        anchor = row.cells.get("name") or next(iter(row.cells.values()), None)
        for kind, message in row.repairs.items():
            if anchor is not None:
                tail = "，未读取" if kind == "row" else "，得分与分值未读取"
                found.append((f"指标行“{anchor.text}”：{message}{tail}", anchor))
    return found


def _funds(form: Form, rows: _Rows) -> None:
    for column, piece in form.fund_pairs.items():
        rows.add([_pair_label(form, column), piece])
    for label, value in form.splits:
        rows.add([label if label is value else label.spanning(value) if label.paragraph is value.paragraph else value])
    if not form.fund_rows:
        return
    columns = [name for name, _ in form.fund_columns]
    rows.add([form.fund_label or "项目资金（万元）", *[piece for _, piece in form.fund_columns]])
    for row in read_funds(form):
        rows.add([row.label, *[row.cells.get(name) for name in columns]])


def _pair_label(form: Form, column: str) -> Piece | str:
    return next((piece for name, piece in form.fund_columns if name == column), column)


def _goals(form: Form, rows: _Rows) -> None:
    goals = form.goals()
    if not goals:
        return
    rows.add(["年度总体目标", "预期目标", "实际完成情况"])
    rows.add(["", *[_joined(goals.get(goal, [])) for goal in ("expected", "achieved")]])


def _joined(pieces: list[Piece]) -> Piece | None:
    """The goal cells as one: a span of one paragraph, or the lines of several."""
    if not pieces:
        return None
    first, last = pieces[0], pieces[-1]
    if first.paragraph is last.paragraph:
        return first.spanning(last)
    return Piece(first.paragraph, first.start, first.end, override="\n".join(p.text for p in pieces))


def _header(printed: Piece | None, column: str) -> Piece | str:
    """The header as printed, or the form's word for a column the print did not name (a
    section score `50` standing over the 得分 column)."""
    if printed is not None and column_of(printed.text, INDICATOR_COLUMNS) == column:
        return printed
    return HEADER_WORDS.get(column, column)


def _indicators(form: Form, rows: _Rows) -> None:
    if not form.indicator_columns:
        return
    columns = form.value_columns()
    printed = dict(form.indicator_columns)
    rows.add(["一级指标", "二级指标", *[_header(printed.get(c), c) for c in columns]])
    for row in form.rows:
        if not row.cells and not (row.level1 or row.level2):
            continue
        rows.add([row.level1, row.level2, *[row.cells.get(c) for c in columns]])
    total = read_total(form)
    if total:
        rows.add(["总分", "", *[total.get(c) for c in columns]])
