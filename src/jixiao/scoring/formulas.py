"""Named scoring formulas (pure). Each returns the unrounded score and the arithmetic
with its numbers, e.g. `5 × min(1, 14/12)`; Verdict.point appends `= 5.00`. No formula
ever divides by a zero target or actual (rules.md §3.4 e, f).
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.money import fmt

ONE = Decimal(1)


def _shown(expr: str, value: Decimal) -> tuple[Decimal, str]:
    return value, expr


def positive(w: Decimal, t: Decimal, a: Decimal) -> tuple[Decimal, str]:
    """正向 (≥, >, =): full marks when met, else w × a / t (t > 0)."""
    a = max(a, Decimal(0))
    return _shown(f"{fmt(w)} × min(1, {fmt(a)}/{fmt(t)})", w * min(ONE, a / t))


def reverse_ratio(w: Decimal, t: Decimal, a: Decimal) -> tuple[Decimal, str]:
    """反向 (≤, <) by ratio: full marks when a ≤ t, else w × t / a."""
    if a <= t:
        return _shown(f"{fmt(a)} ≤ {fmt(t)}，{fmt(w)} × 1", w)
    return _shown(f"{fmt(w)} × min(1, {fmt(t)}/{fmt(a)})", w * t / a)


def reverse_linear(w: Decimal, t: Decimal, a: Decimal) -> tuple[Decimal, str]:
    """反向 linear (S7): w × (1 − (a − t)/t) for t < a < 2t, 0 from 2t."""
    if a <= t:
        return _shown(f"{fmt(a)} ≤ {fmt(t)}，{fmt(w)} × 1", w)
    if a >= 2 * t:
        return _shown(f"{fmt(a)} ≥ 2 × {fmt(t)}，0", Decimal(0))
    return _shown(f"{fmt(w)} × (1 − ({fmt(a)} − {fmt(t)})/{fmt(t)})", w * (1 - (a - t) / t))


def zero_target(w: Decimal, a: Decimal) -> tuple[Decimal, str]:
    """Target 0 (事故率 0): full marks when a ≤ 0, else 0."""
    if a <= 0:
        return _shown(f"指标值 0，完成值 {fmt(a)} ≤ 0，{fmt(w)} × 1", w)
    return _shown(f"指标值 0，完成值 {fmt(a)} > 0，0", Decimal(0))


def in_range(w: Decimal, lo: Decimal, hi: Decimal, a: Decimal) -> tuple[Decimal, str]:
    """Range [lo, hi]: full marks inside, w × a / lo below, w × hi / a above."""
    if lo <= a <= hi:
        return _shown(f"{fmt(lo)} ≤ {fmt(a)} ≤ {fmt(hi)}，{fmt(w)} × 1", w)
    if a < lo:
        if lo == 0:
            return _shown(f"{fmt(a)} < 0", Decimal(0))
        return _shown(f"{fmt(w)} × {fmt(max(a, Decimal(0)))}/{fmt(lo)}", w * max(a, Decimal(0)) / lo)
    return _shown(f"{fmt(w)} × {fmt(hi)}/{fmt(a)}", w * hi / a)


def execution_proportional(w: Decimal, budget: Decimal, executed: Decimal, cap: Decimal) -> tuple[Decimal, str]:
    """预算执行率: w × min(B/A, cap)."""
    rate = executed / budget
    return _shown(f"{fmt(w)} × min({fmt(cap)}, {fmt(executed)}/{fmt(budget)})", w * min(rate, cap))
