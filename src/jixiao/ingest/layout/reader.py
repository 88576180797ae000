"""Read a Form from the pieces of a flattened self-evaluation form, in printed order.

The form's own structure drives the reading: labels of the header block take the value
after them; the funds header collects columns until a row label (年度资金总额, 其中：…)
starts the rows; 一级/二级/三级指标 start the indicator block, whose rows begin at a level
label, a `指标1:` prefix, or when the previous row is full; 总分 ends it. Pieces keep
their place, so every value read can point at the paragraph it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.ingest.forms import FUND_COLUMNS, INDICATOR_COLUMNS, column_of, label_key, level_of
from jixiao.ingest.layout.form import Form, FundRow, IndicatorRow
from jixiao.ingest.layout.lexer import Lexeme
from jixiao.ingest.layout.pieces import Piece
from jixiao.ingest.layout.rows import fill_cell, read_joined_rows

FUND_LABELS = ("项目资金", "预算执行情况", "预算资金", "资金投入情况", "资金情况", "年度预算申请", "整体支出规模",
               "项目资金情况")
SCORE_LABELS = ("自评得分",)
SIGNATURE_LABELS = ("填报日期", "填表人", "联系电话", "单位负责人", "单位负责人签字")
ENDING_SECTIONS = ("偏差大或目标未完成原因分析", "改进措施及结果应用方案", "备注", "说明")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ROW_PREFIX = re.compile(r"^(?:指标|任务)\d+")
_COLON_VALUE = re.compile(r"^[:：]\s*\d+(?:\.\d+)?(?![\d.%])")
_LABEL_PAIR = re.compile(r"[\u4e00-\u9fff][:：]\d")
_PAIR_VALUE = re.compile(r"\d+(?:\.\d+)?(?:%|万元|万|元)?")


@dataclass
class FormReader:
    form: Form = field(default_factory=Form)
    forms: list[Form] = field(default_factory=list)  # finished forms (a text may hold several)
    held: list[Lexeme] = field(default_factory=list)  # run-together text of one indicator row
    mode: str | None = None  # names, fund_header, funds, goals, ind_header, ind_rows, total, after
    pending: tuple[str, Piece] | None = None  # a header-block label waiting for its value
    open_name: int | None = None  # index in form.names of a value that may continue
    fund_column: str | None = None
    fund_row: FundRow | None = None
    goal: str | None = None
    row: IndicatorRow | None = None
    level_weight_for: IndicatorRow | None = None
    used: dict[int, int] = field(default_factory=dict)  # id(paragraph) → first offset read from it

    def feed(self, lexeme: Lexeme) -> None:
        if self._holds(lexeme):
            self.held.append(lexeme)
        else:
            self._release()
            self._dispatch(lexeme)
        if self.mode != "after" and (self.mode is not None or lexeme.kind != "text"):
            key = id(lexeme.piece.paragraph)
            self.used[key] = min(self.used.get(key, lexeme.piece.start), lexeme.piece.start)

    def _holds(self, lexeme: Lexeme) -> bool:
        """Inside indicator rows, run-together text is one piece until a level, 总分 or section:
        the column words in it (`执行率`, `完成率`) are the row's text, not labels."""
        if self.mode != "ind_rows" or not lexeme.inside or lexeme.kind in ("level", "total", "section"):
            return False
        if lexeme.kind.startswith("name:"):
            return False
        return not self.held or self.held[0].piece.paragraph is lexeme.piece.paragraph

    def _release(self) -> None:
        if self.held:
            first, last = self.held[0].piece, self.held[-1].piece
            self.held = []
            self._value(first.spanning(last))

    def _dispatch(self, lexeme: Lexeme) -> None:
        kind, piece = lexeme.kind, lexeme.piece
        if kind != "text":
            self.open_name = None
        if kind.startswith("name:"):
            self._name_label(kind[5:], piece)
        elif kind == "stop":
            self._stop(piece)
        elif kind == "column":
            self._column(piece)
        elif kind.startswith("fund_row:"):
            self._fund_row(kind[9:], piece)
        elif kind == "level":
            self._level(piece)
        elif kind == "total":
            self._close_row()
            self.mode = "total"
        elif kind.startswith("goal:"):
            self.mode, self.goal = "goals", kind[5:]
            if kind[5:] not in self.form.goal_labels:
                self.form.goal_labels.append(kind[5:])
        elif kind == "section":
            self._section(piece)
        else:
            self._value(piece)

    def finish(self) -> list[Form]:
        self._release()
        self._close_row()
        return [*self.forms, self.form]

    def _next_form(self) -> None:
        """A new form's header after this one's indicators: two tables in one text."""
        self._close_row()
        self.forms.append(self.form)
        self.form = Form()
        self.mode = None
        self.fund_row = self.row = self.level_weight_for = None
    # header block -------------------------------------------------------------------
    def _name_label(self, path: str, piece: Piece) -> None:
        if self.mode in ("ind_rows", "total", "after") and self.form.has_content():
            self._next_form()
        self.pending = (path, piece)
        self.mode = "names" if self.mode in (None, "names", "fund_header") else self.mode

    def _stop(self, piece: Piece) -> None:
        word = label_key(piece.text)
        if self.mode in ("ind_rows", "total") and word not in FUND_LABELS:
            return self._value(piece)
        if word in SCORE_LABELS:
            self.form.score_label = piece
            self.pending = None
        elif any(word.startswith(label) for label in FUND_LABELS):
            self.form.fund_label = piece
            self.mode, self.pending = "fund_header", None
        elif word in SIGNATURE_LABELS:
            self.form.signature.append((piece, None))
            self.pending = ("signature", piece)
        else:
            self.pending = ("skip", piece)

    # funds block --------------------------------------------------------------------
    def _column(self, piece: Piece) -> None:
        fund = column_of(piece.text, FUND_COLUMNS)
        indicator = column_of(piece.text, INDICATOR_COLUMNS)
        if self.mode == "ind_rows" or (self.mode == "goals" and indicator not in ("level1", "level2", "name")):
            return self._value(piece)
        if self.mode == "ind_header" and indicator:
            self.form.indicator_columns.append((indicator, piece))
        elif indicator and (not fund or indicator in ("level1", "level2", "name", "target", "actual")):
            self.mode = "ind_header"
            self.form.indicator_columns.append((indicator, piece))
        elif fund and not self.form.fund_rows:
            if fund in dict(self.form.fund_columns):  # the header starts again: what came before was not it
                self.form.fund_columns, self.form.fund_pairs = [], {}
            self.mode, self.fund_column, self.pending = "fund_header", fund, None
            self.form.fund_columns.append((fund, piece))

    def _fund_row(self, key: str, piece: Piece) -> None:
        if self.mode in ("ind_rows", "ind_header", "total"):
            return self._value(piece)
        self.fund_row = FundRow(piece, key)
        self.form.fund_rows.append(self.fund_row)
        self.mode, self.pending = "funds", None

    # indicator block ----------------------------------------------------------------
    def _level(self, piece: Piece) -> None:
        if self.mode not in ("ind_header", "ind_rows"):
            if not self.form.indicator_columns:
                return
        self._close_row()
        self.mode = "ind_rows"
        row = IndicatorRow()
        if level_of(piece.text) == 1:
            row.level1 = piece
            self.level_weight_for = row
        else:
            row.level2 = piece
            self.level_weight_for = None
        self.row = row

    def _section(self, piece: Piece) -> None:
        word = label_key(piece.text)
        self.pending = None
        if any(word.startswith(s) for s in ENDING_SECTIONS) and self.mode in ("ind_rows", "total"):
            self._close_row()
            self.mode = "after"
        elif self.mode in ("funds", "goals", "names", "fund_header"):
            self.mode = None

    def _close_row(self) -> None:
        if self.row is not None and (self.row.cells or self.row.level1 or self.row.level2):
            if self.row not in self.form.rows:
                self.form.rows.append(self.row)
        self.row = None

    # values -------------------------------------------------------------------------
    def _value(self, piece: Piece) -> None:
        key = piece.key.lstrip(":：")
        if self._header_score(piece, key) or self._name_value(piece, key):
            return
        if self.mode == "fund_header" and self.fund_column and key:
            if _PAIR_VALUE.fullmatch(key):
                self.form.fund_pairs.setdefault(self.fund_column, piece)
        elif self.mode == "funds" and self.fund_row is not None:
            if _COLON_VALUE.match(piece.paragraph.text[piece.start - 1: piece.end]) and not self.fund_row.values:
                self.form.splits.append((self.fund_row.label, piece))  # `一般公共预算：2456.18`
                self.form.fund_rows.remove(self.fund_row)
                self.fund_row = None
            elif _LABEL_PAIR.search(piece.key):
                self.form.splits.append((piece, piece))  # `拨款:项目支出:156.2`
            else:
                self.fund_row.values.append(piece)
        elif self.mode == "goals" and self.goal and key:
            self.form.goal_values.append(piece)
        elif self.mode == "ind_header":
            self._after_header(piece, key)
        elif self.mode == "ind_rows":
            self._row_piece(piece, key)
        elif self.mode == "total" and key:
            self.form.total.append(piece)

    def _header_score(self, piece: Piece, key: str) -> bool:
        if self.form.score_label is None or self.form.score is not None or not _NUMBER.fullmatch(key):
            return False
        if self.mode in (None, "names"):
            self.form.score = piece
            return True
        return False

    def _name_value(self, piece: Piece, key: str) -> bool:
        if self.pending is not None:
            path, label = self.pending
            self.pending = None
            if path == "signature" and key:
                self.form.signature[-1] = (label, piece)
                return True
            if path not in ("skip", "signature") and key:
                self.form.names.append((path, label, piece))
                self.open_name = len(self.form.names) - 1 if not piece.row_end else None
            return True
        if self.open_name is not None and self.mode == "names" and key and not piece.joined:
            path, label, value = self.form.names[self.open_name]
            if value.paragraph is piece.paragraph:
                self.form.names[self.open_name] = (path, label, value.spanning(piece))
                self.open_name = None if piece.row_end else self.open_name
                return True
        return False

    def _after_header(self, piece: Piece, key: str) -> None:
        """A bare number closing the header is its section's score: that column holds 得分."""
        if _NUMBER.fullmatch(key) and "score" not in dict(self.form.indicator_columns):
            self.form.indicator_columns.append(("score", piece))
            return
        if key:
            self.mode = "ind_rows"
            self._row_piece(piece, key)

    def _row_piece(self, piece: Piece, key: str) -> None:
        if self.row is not None and self.level_weight_for is self.row and not self.row.cells \
                and _NUMBER.fullmatch(key) and not piece.joined:
            self.row.cells["level_weight"] = piece
            return
        if piece.joined:
            self._joined_rows(piece)
            return
        if not key and (self.row is None or not self.row.cells):
            return
        if self.row is None or (_ROW_PREFIX.match(key) and "name" in self.row.cells):
            self._close_row()
            self.row = IndicatorRow()
        if not fill_cell(self.row, self.form.value_columns(), piece):
            self._close_row()
            self.row = IndicatorRow()
            fill_cell(self.row, self.form.value_columns(), piece)
        if piece.row_end and self.row.has_values():
            self._close_row()

    def _joined_rows(self, piece: Piece) -> None:
        first = self.row if self.row is not None and "name" not in self.row.cells else None
        rows, note = read_joined_rows(piece, self.form.value_columns(), first, self.level_weight_for is first)
        if note is not None and self.form.rows and "note" in self.form.value_columns() and not rows:
            self.form.rows[-1].cells.setdefault("note", note)
        for row in rows:
            if row is not self.row:
                self._close_row()
                self.row = row
        self._close_row()
