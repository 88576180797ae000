"""Indicator rows of a flattened form: cells filled by type, or rows cut from run-together text.

With separators (one cell per paragraph, ` | `, spaces), each piece goes to the next
column that accepts it: 分值 and 得分 take only points (0–100), 计量单位 a unit,
指标性质 a comparator; a piece that fits nowhere starts the next row.

Without separators (`产出指标数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10`), rows
end at a run of digits that cannot continue a value (the 分值/得分), or, in forms
without scores, after a pair of values (`100%100%`). A row's text is then read from the
right: the digits, the 实际完成值, the 年度指标值, and what is left is the 三级指标:

    渔船补贴发放率100%100%10      → 渔船补贴发放率 | 100% | 100% | 10
    业务收入超上年度增收27万元1313 → 业务收入 | 超上年度 | 增收27万元 | 13 | 13
    医疗文书及时率按规定时限43     → 医疗文书及时率 | 按规定时限 | — | 4 | 3
"""

from __future__ import annotations

import re

from jixiao.ingest.layout.digits import POINTS, split_points
from jixiao.ingest.layout.form import IndicatorRow
from jixiao.ingest.layout.pieces import Piece
from jixiao.ingest.layout.values import (
    COMPARATORS, GAIN_WORDS, MEASURE, TARGET_OPENERS, is_value, leading_result, trailing_measure, trailing_result,
)

EMPTY_MARKS = ("", "-", "—", "--", "/", "——", "无数据")
_UNIT_WORDS = re.compile(r"^(?:[\u4e00-\u9fff%‰/a-zA-Z²]{1,5}|定性|定量)$")
_NATURE = ("=", "≥", "≤", ">", "<", ">=", "<=", "正向", "反向", "定性")
_PLACEHOLDER = re.compile(r"^(?:\.{2,}|…+|⋯+)$")
_ROW_START = re.compile(r"(?:指标|任务)\d+[:：.、]?")
_RUN = re.compile(r"\d+(?:\.\d+)?")
_CONTINUES = re.compile(r"^(?:[%‰.]|万|亿|元|个|人|次|件|份|篇|场|项|户|家|座|台|套|辆|天|日|月|年|亩|吨|公里|米|册|本|期|批|小时|"
                        r"学时|架|起|种|条|处|宗|名|位|周|轮|倍|km)")
OPTIONAL = ("unit", "nature", "weight", "note", "ignored", "rate")


def fits(column: str, key: str) -> bool:
    if key in EMPTY_MARKS:
        return column not in ("name",)
    if column in ("weight", "score", "level_weight"):
        return bool(POINTS.fullmatch(key.rstrip("分")))
    if column == "unit":
        return bool(_UNIT_WORDS.match(key)) and not is_value(key)
    if column == "nature":
        return key in _NATURE
    return True


def fill_cell(row: IndicatorRow, columns: list[str], piece: Piece) -> bool:
    """Put a separated cell into the next column that accepts it; False when the row is full."""
    key = piece.key
    if _PLACEHOLDER.match(key):
        return True
    open_columns = [c for c in columns if c not in row.cells]
    for index, column in enumerate(open_columns):
        if fits(column, key):
            row.cells[column] = piece
            return True
        if column not in OPTIONAL:
            return False
    return False


# Joined text -------------------------------------------------------------------------


def read_joined_rows(piece: Piece, columns: list[str], first: IndicatorRow | None,
                     level_weight: bool) -> tuple[list[IndicatorRow], Piece | None]:
    """The rows in a piece of run-together text, and text after the last row (a note)."""
    key = piece.key
    start = 0
    rows: list[IndicatorRow] = []
    if first is not None and level_weight:
        match = re.match(r"\d+(?:\.\d+)?(?=\D|$)", key)
        if match:
            first.cells["level_weight"] = piece.sub(0, match.end())
            start = match.end()
    scored = "score" in columns or "weight" in columns
    for begin, end in _segments(key, start):
        ends = _score_ends(key, begin, end) if scored else _pair_ends(key, begin, end)
        if scored and not ends:
            ends = _last_run_end(key, begin, end)
        cursor = begin
        for row_end in ends:
            row = first if first is not None and not rows else IndicatorRow()
            if _read_row(piece, cursor, row_end, columns, row):
                rows.append(row)
            elif re.search(r"\d", piece.key[cursor:row_end]):
                rows.append(_unread(piece, cursor, row_end, row))
            cursor = row_end
        if cursor < end and rows and "note" in columns and not _has_value_text(key[cursor:end]):
            rows[-1].cells.setdefault("note", piece.sub(cursor, end))
        elif cursor < end and not ends:
            row = first if first is not None and not rows else IndicatorRow()
            if _read_row(piece, cursor, end, columns, row, tail=True):
                rows.append(row)
    return rows, None


def _unread(piece: Piece, begin: int, end: int, row: IndicatorRow) -> IndicatorRow:
    """A row whose values ran together past telling apart: its text as the name, and a note."""
    row.cells["name"] = piece.sub(begin, end)
    row.repairs["row"] = "数字连写，无法确定指标值、实际完成值与得分的分隔"
    return row


def _segments(key: str, start: int) -> list[tuple[int, int]]:
    """Split at row prefixes (`指标1:`, `任务2:`): each prefix opens a row."""
    cuts = [m.start() for m in _ROW_START.finditer(key) if m.start() >= start]
    bounds = [start, *[c for c in cuts if c > start], len(key)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _score_ends(key: str, begin: int, end: int) -> list[int]:
    """Row ends: after a digit run that no unit, `%` or digit continues (a 分值/得分)."""
    ends = []
    for match in _RUN.finditer(key, begin, end):
        after = key[match.end():end]
        before = key[begin:match.start()]
        if not before or _CONTINUES.match(after) or before.endswith(("第", "(", "（")) or _ROW_START.fullmatch(
                key[max(begin, match.start() - 3):match.end()]):
            continue
        if after.startswith(("、", ":", "：")):
            continue
        ends.append(match.end())
    return ends


def _last_run_end(key: str, begin: int, end: int) -> list[int]:
    """No clean score: the last digit run that closes a value (`…按规定时限43个别人…`)."""
    runs = [m for m in _RUN.finditer(key, begin, end) if m.start() > begin
            and not key[m.end():end].startswith(("%", ".")) and _values(key[begin:m.start()])]
    return [runs[-1].end()] if runs else []


def _pair_ends(key: str, begin: int, end: int) -> list[int]:
    """Row ends in forms without scores: after two values in a row (`100%100%`, `100%无`,
    `00` for 0 | 0), a measure never cut inside its digits (`5000吨` is one)."""
    ends = []
    measures = list(MEASURE.finditer(key, begin, end))
    for first, second in zip(measures, measures[1:]):
        if first.end() == second.start() and (not ends or first.start() >= ends[-1]):
            ends.append(second.end())
    for match in measures:
        if not any(match.start() < e <= match.end() for e in ends):
            stop = _doubled_digits(match.group(0)) or _result_after(key, match.end(), end)
            if stop:
                ends.append(match.start() + stop if _doubled_digits(match.group(0)) else stop)
    return sorted(set(ends))


def _doubled_digits(text: str) -> int | None:
    """`00` read as 0 | 0: a bare digit run made of the same number twice."""
    half = len(text) // 2
    return len(text) if text.isdigit() and len(text) % 2 == 0 and text[:half] == text[half:] else None


def _result_after(key: str, position: int, end: int) -> int | None:
    length = leading_result(key[position:end])
    return position + length if length else None


def _has_value_text(text: str) -> bool:
    return bool(re.search(r"\d", text))


def _read_row(piece: Piece, begin: int, end: int, columns: list[str], row: IndicatorRow, tail: bool = False) -> bool:
    """Fill `row` from key[begin:end] read right to left; False when nothing is a value."""
    key = piece.key[begin:end]
    stop = len(key)
    if ("score" in columns or "weight" in columns) and not tail:
        stop = _read_points(piece, begin, key, columns, row)
        if stop is None:
            return False
    values = _values(key[:stop])
    if not values:
        return False
    names = ["target", "actual"] if len(values) == 2 else ["target"]
    for (start, finish), column in zip(values, names):
        row.cells[column] = piece.sub(begin + start, begin + finish)
    name_end = values[0][0]
    if name_end > 0:
        row.cells.setdefault("name", piece.sub(begin, begin + name_end))
    return True


def _read_points(piece: Piece, begin: int, key: str, columns: list[str], row: IndicatorRow) -> int | None:
    """Take the trailing 分值/得分 digits; returns where the values end, or None."""
    match = re.search(r"\d+(?:\.\d+)?$", key)
    if not match:
        return None
    run = match.group(0)
    if "weight" in columns and "score" in columns:
        readings = split_points(run)
        if len(readings) != 1:
            row.repairs["points"] = f"分值与得分连写为“{run}”，无法确定分隔"
            return match.start()
        weight, score = readings[0]
        row.cells["weight"] = piece.sub(begin + match.start(), begin + match.start() + len(weight))
        row.cells["score"] = piece.sub(begin + match.start() + len(weight), begin + match.end())
    else:
        column = "score" if "score" in columns else "weight"
        if not POINTS.fullmatch(run):
            return None
        row.cells[column] = piece.sub(begin + match.start(), begin + match.end())
    return match.start()


def _values(text: str) -> list[tuple[int, int]]:
    """The target and actual spans at the end of a row's text, left to right (one or two)."""
    repeated = _repeated(text)
    if repeated:
        return repeated
    last = _take_value(text, actual=True)
    if last is None:
        return []
    before = _take_value(text[: last[0]], actual=False)
    return [before, last] if before is not None else [last]


def _repeated(text: str) -> list[tuple[int, int]] | None:
    """`100%100%`, `合格合格`, `1年1年`: the same value twice ends the text."""
    for length in range(1, min(len(text) // 2, 20) + 1):
        tail = text[-length:]
        if text[-2 * length: -length] == tail and (is_value(tail) or length >= 2) and len(text) > 2 * length - 1:
            if length == 1 and not is_value(tail):
                continue
            end = len(text)
            return [(end - 2 * length, end - length), (end - length, end)]
    return None


def _take_value(text: str, actual: bool) -> tuple[int, int] | None:
    if not text:
        return None
    start = trailing_measure(text)
    if start is not None:
        return (_with_gain_word(text, start) if actual else start), len(text)
    start = trailing_result(text)
    if start is not None and start > 0:
        return start, len(text)
    start = _opener(text)
    return (start, len(text)) if start is not None else None


def _with_gain_word(text: str, start: int) -> int:
    for word in GAIN_WORDS:
        if text[:start].endswith(word) and start - len(word) > 0:
            return start - len(word)
    return start


def _opener(text: str) -> int | None:
    """A qualitative value that opens with 按/超/不超过/无…: the last such opener, 2+ chars in."""
    best = None
    for word in TARGET_OPENERS:
        position = text.rfind(word)
        while position > 1:
            if len(text) - position <= 12 and (best is None or position > best):
                best = position
            break
    return best
