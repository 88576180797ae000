"""Split a run of digits whose cells lost their separators, only where arithmetic confirms it.

`10001000100%20` under 预算数 | 执行数 | 执行率 | 得分 can be cut many ways; only
1000 | 1000 | 100% | 20 makes the rate equal executed ÷ budget and the score at most its
分值. `1.561.56120` is 1.56 | 1.56 | 1 (a fraction) | 20. A split is accepted when every
reading that passes the form's arithmetic gives the same values; otherwise nothing is
returned and the caller records that the row could not be read. Never a guess.

Column kinds: `amount` (万元), `rate` (percent, or a fraction when printed without `%`),
`points` (分值 / 得分, 0–100).

Arithmetic alone can leave more than one reading: `390390100%` is 390 | 390 | 100%, but
also 3903901 | 0 | 0% (nothing spent of 39亿). Of the confirmed readings the one with the
shortest amounts wins (the rate keeps its digits), then the one whose amounts share one
number of decimals (`2456.18 | 2456.18`, not `2456.1 | 82456.1`); a tie is no reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from decimal import Decimal, InvalidOperation

AMOUNT = re.compile(r"(?:0|[1-9]\d{0,8})(?:\.\d{1,6})?")
RATE = re.compile(r"(?:0|[1-9]\d{0,3})(?:\.\d{1,2})?")
POINTS = re.compile(r"(?:0|[1-9]\d?|100)(?:\.\d{1,2})?")
PATTERNS = {"amount": AMOUNT, "rate": RATE, "points": POINTS}
MAX_RUN = 40  # longer runs are not a row of a form
MAX_EMPTY = 2  # empty cells a run may have lost


@dataclass(frozen=True)
class Check:
    """What a reading must satisfy: columns by name, the rate's tolerance, known sums."""

    budget: str = "budget"
    executed: str = "executed"
    weight: Decimal | None = None  # the execution 分值 when the header states it (20分)
    sums: dict[str, Decimal] = field(default_factory=dict)  # 其中 rows added up, by column


def split_run(run: str, columns: list[tuple[str, str]], check: Check,
              optional: tuple[str, ...] = ()) -> dict[str, tuple[int, int]] | None:
    """The confirmed reading of `run` as `columns` [(name, kind)]: column → (start, end).

    Columns named in `optional` may be absent (an empty cell); a reading without them
    must still be confirmed by the rate or by the 其中 sums. When the confirmed readings
    disagree only about some columns, the columns they agree on are returned (a run
    `303010100%` with one empty cell: 分值 10 and 执行率 100% whichever cell is empty)."""
    if not run or len(run) > MAX_RUN:
        return None
    if run.endswith("%") and RATE.fullmatch(run[:-1]) and any(name == "rate" for name, _ in columns):
        return {"rate": (0, len(run))}  # a lone percent can only be the rate
    for missing in range(0, min(len(optional), MAX_EMPTY) + 1):  # fewest empty cells first
        readings = [reading for wanted in _column_sets(columns, optional, missing)
                    for reading in _readings(run, tuple(wanted))
                    if _confirmed(reading, check, full=missing == 0)]
        if readings:
            return _best(readings)
    return None


def _best(readings: list[dict[str, str]]) -> dict[str, tuple[int, int]] | None:
    """Spans of the columns on which the plainest confirmed readings all agree."""
    if not readings:
        return None
    ranked = sorted(readings, key=_plainness)
    best = [_positions(r) for r in ranked if _plainness(r) == _plainness(ranked[0])]
    agreed = {name: span for name, span in best[0].items() if all(r.get(name) == span for r in best)}
    return agreed or None


def _positions(reading: dict[str, str]) -> dict[str, tuple[int, int]]:
    spans, position = {}, 0
    for name, token in reading.items():
        spans[name] = (position, position + len(token))
        position += len(token)
    return spans


def _plainness(reading: dict[str, str]) -> tuple[int, int, int]:
    """Fewest empty cells, then shortest amounts, then one number of decimals."""
    amounts = [text for name, text in reading.items() if name in AMOUNT_COLUMNS]
    digits = sum(len(text.replace(".", "")) for text in amounts)
    decimals = {len(text.partition(".")[2]) for text in amounts}
    return -len(reading), digits, len(decimals)


AMOUNT_COLUMNS = ("initial_budget", "budget", "executed")


def _column_sets(columns: list[tuple[str, str]], optional: tuple[str, ...], missing: int) -> list[list[tuple[str, str]]]:
    """The columns with exactly `missing` of the optional ones left out."""
    return [[c for c in columns if c[0] not in left_out] for left_out in combinations(optional, missing)]


@lru_cache(maxsize=4096)
def _readings(run: str, columns: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    """Every way to cut `run` into one token per column (a `%` may only follow a rate)."""
    if not columns:
        return [{}] if run == "" else []
    (name, kind), rest = columns[0], tuple(columns[1:])
    found = []
    for end in range(1, len(run) + 1):
        token = run[:end]
        if not PATTERNS[kind].fullmatch(token):
            continue
        tail = run[end:]
        if kind == "rate" and tail.startswith("%"):
            token, tail = token + "%", tail[1:]
        elif tail.startswith("%"):
            continue
        for reading in _readings(tail, rest):
            found.append({name: token, **reading})
    return found


def _confirmed(reading: dict[str, str], check: Check, full: bool) -> bool:
    values = {name: _number(text) for name, text in reading.items()}
    if None in values.values():
        return False
    rate_ok = _rate_ok(reading, values, check)
    sums_ok = _sums_ok(values, check)
    if rate_ok is False or sums_ok is False or not _points_ok(values, check):
        return False
    return bool(rate_ok or sums_ok) or (full and rate_ok is None and sums_ok is None and _no_amounts(values))


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.rstrip("%"))
    except InvalidOperation:
        return None


def rate_percent(text: str, value: Decimal) -> Decimal:
    """A printed rate in percent: `0.1` without `%` is the fraction 10%."""
    return value if text.endswith("%") or value > Decimal("1.5") else value * 100


def _rate_ok(reading: dict[str, str], values: dict[str, Decimal], check: Check) -> bool | None:
    if "rate" not in values or check.budget not in values or check.executed not in values:
        return None
    budget, executed = values[check.budget], values[check.executed]
    if budget == 0:
        return executed == 0 and values["rate"] == 0
    printed = rate_percent(reading["rate"], values["rate"])
    computed = executed / budget * 100
    return abs(printed - computed) <= _slack(reading["rate"])


def _slack(text: str) -> Decimal:
    """How far a printed rate may sit from the computed one: its precision, generously
    (a rate printed `31.00%` for 31.08% still confirms the cut; the audit reports it)."""
    decimals = len(text.rstrip("%").partition(".")[2])
    if text.endswith("%"):
        return (Decimal("0.6"), Decimal("0.15"), Decimal("0.1"))[min(decimals, 2)]
    return min(Decimal(6), Decimal("0.6") * Decimal(10) ** (2 - decimals))  # a fraction: 0.1 is ±6 points


def _sums_ok(values: dict[str, Decimal], check: Check) -> bool | None:
    shared = [name for name in check.sums if name in values]
    if not shared:
        return None
    return all(values[name] == check.sums[name] for name in shared)


def _points_ok(values: dict[str, Decimal], check: Check) -> bool:
    weight = values.get("weight", check.weight)
    score = values.get("score")
    if weight is not None and score is not None and score > weight:
        return False
    return True


def _no_amounts(values: dict[str, Decimal]) -> bool:
    return not any(name in values for name in ("budget", "executed", "initial_budget"))


_POINT_RUN = re.compile(r"\d+(?:\.\d+)?")


def split_points(run: str) -> list[tuple[str, str]]:
    """Every reading of a run as 分值 then 得分 (`2018` → 20 | 18), score ≤ weight."""
    found = []
    for end in range(1, len(run)):
        weight, score = run[:end], run[end:]
        if POINTS.fullmatch(weight) and POINTS.fullmatch(score) and Decimal(score) <= Decimal(weight) \
                and Decimal(weight) > 0:
            found.append((weight, score))
    return found
