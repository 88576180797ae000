"""The funds rows and the 总分 of a Form: values to columns, runs of digits split by arithmetic.

Separated values go to the columns in order. A run of digits (`2456.182456.182456.1810100%10`)
is split by `digits.split_run`, confirmed by the rate (执行数 ÷ 预算数), the 分值 and, for
年度资金总额, the sum of its 其中 rows; the 其中 rows carry no 分值 or 得分. A row that no
reading confirms stays empty and the Form records a notice for it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.ingest.layout.digits import Check, split_run, split_points
from jixiao.ingest.layout.form import Form, FundRow
from jixiao.ingest.layout.pieces import Piece

KINDS = {"initial_budget": "amount", "budget": "amount", "executed": "amount", "weight": "points",
         "rate": "rate", "score": "points"}
_PLACEHOLDERS = "—-–/"
_RUN = re.compile(r"[\d.%—\-–/]+")
_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)\s*分")
EMPTY = ("", "-", "—", "——", "/", "--")


def read_funds(form: Form) -> list[FundRow]:
    columns = [name for name, _ in form.fund_columns]
    sub_rows = [r for r in form.fund_rows if r.key != "total"]
    for row in sub_rows:
        _read_row(form, row, [c for c in columns if c not in ("weight", "score")], Check())
    sums = _sums(sub_rows, columns)
    for row in form.fund_rows:
        if row.key == "total":
            _read_row(form, row, columns, Check(weight=execution_weight(form), sums=sums))
    return form.fund_rows


def _read_row(form: Form, row: FundRow, columns: list[str], check: Check) -> None:
    values = [v for v in row.values if v.key.lstrip(":：") not in EMPTY or not v.joined]
    if len(values) == 1 and values[0].joined:
        _split(form, row, values[0], columns, check)
        return
    for column, piece in zip(columns, values):
        if piece.key not in EMPTY:
            row.cells[column] = piece


def _split(form: Form, row: FundRow, piece: Piece, columns: list[str], check: Check) -> None:
    key = piece.key.lstrip(":：")
    offset = len(piece.key) - len(key)
    match = _RUN.match(key)
    if not match:
        return
    kept = [i for i, ch in enumerate(match.group(0)) if ch not in _PLACEHOLDERS]  # `—` marks an empty cell
    run = "".join(match.group(0)[i] for i in kept).rstrip(".")
    wanted = [(name, KINDS[name]) for name in columns]
    optional = tuple(name for name in ("score", "weight", "initial_budget", "executed", "budget") if name in columns)
    reading = split_run(run, wanted, check, optional=optional)
    if reading is None:
        form.notices.append((f"资金行“{row.label.text}”的数字连写为“{run}”，无法按表中算术关系确定分隔，未读取", piece))
        return
    for name, (start, end) in reading.items():
        row.cells[name] = piece.sub(offset + kept[start], offset + kept[end - 1] + 1)
    if sum(end - start for start, end in reading.values()) < len(run):
        form.notices.append((f"资金行“{row.label.text}”的数字连写为“{run}”，空格位置无法确定，部分栏目未读取", piece))


def _sums(rows: list[FundRow], columns: list[str]) -> dict[str, Decimal]:
    """Column sums of the 其中 rows that were read, for amounts only."""
    sums: dict[str, Decimal] = {}
    read = [r for r in rows if r.cells]
    if not read:
        return sums
    for name in ("initial_budget", "budget", "executed"):
        values = [_number(r.cells[name]) for r in read if name in r.cells]
        if values and all(v is not None for v in values) and len(values) == len(read):
            sums[name] = sum(values, Decimal(0))  # type: ignore[arg-type]
    return sums


def _number(piece: Piece) -> Decimal | None:
    try:
        return Decimal(piece.key.rstrip("%"))
    except ArithmeticError:
        return None


def execution_weight(form: Form) -> Decimal | None:
    """The execution 分值 a funds header states (`预算执行情况（万元）（20分）`)."""
    for piece in [form.fund_label, *[p for _, p in form.fund_columns]]:
        if piece is not None:
            match = _WEIGHT.search(piece.key)
            if match:
                return Decimal(match[1])
    return None


def read_total(form: Form) -> dict[str, Piece]:
    """The 总分 row's values: 分值 and 得分 when the form has both, else 得分."""
    columns = form.value_columns()
    values = [p for p in form.total if p.key not in EMPTY]
    if not values:
        return {}
    both = "weight" in columns and "score" in columns
    if len(values) >= 2 and both:
        return {"weight": values[0], "score": values[1]}
    key = values[0].key
    if both and values[0].joined and split_points(key):
        readings = _total_readings(form, key)
        if len(readings) == 1:
            weight, score = readings[0]
            return {"weight": values[0].sub(0, len(weight)), "score": values[0].sub(len(weight), len(key))}
    if re.fullmatch(r"\d+(?:\.\d+)?", key):
        return {"score" if "score" in columns else "weight": values[0]}
    return {}


def _total_readings(form: Form, run: str) -> list[tuple[str, str]]:
    """`10098` as 总分 100 | 得分 98, when the rows' scores confirm it (or it is the only reading)."""
    readings = [(w, s) for w, s in split_points(run) if Decimal(w) == 100 or len(split_points(run)) == 1]
    scores = [_number(r.cells["score"]) for r in form.rows if "score" in r.cells]
    if scores and all(s is not None for s in scores):
        total = sum(scores, Decimal(0))  # type: ignore[arg-type]
        confirmed = [(w, s) for w, s in readings if Decimal(s) == total]
        return confirmed or readings
    return readings
