"""预算执行率 and its score (rules.md §2): rate = 全年执行数 / 全年预算数."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.evaluation import Evaluation
from jixiao.model.money import fmt, round2
from jixiao.rules.schema import Profile
from jixiao.scoring import formulas
from jixiao.scoring.verdict import Verdict


def execution_weight(ev: Evaluation, profile: Profile) -> Decimal:
    """The 分值 the table states, else the profile's."""
    return ev.stated.execution_weight if ev.stated.execution_weight is not None else profile.weights.execution


def score_execution(ev: Evaluation, profile: Profile) -> Verdict:
    w = execution_weight(ev, profile)
    budget, executed = ev.funds.total.budget, ev.funds.total.executed
    if budget is None or executed is None:
        return Verdict.unknown(w, "缺少全年预算数或全年执行数，无法重算预算执行率")
    if budget == 0:
        return _zero_budget(w, executed, profile)
    rate = executed / budget
    verdict = _banded(w, rate, profile) if profile.execution.formula == "bands" else Verdict.point(
        "proportional", formulas.execution_proportional(w, budget, executed, profile.execution.cap)
    )
    verdict.ratio = rate
    if rate > 1:
        verdict.flag("over_execution", f"执行率 {round2(rate * 100)}% 超过 100%：全年预算数可能不是调整后预算")
    return verdict


def _zero_budget(w: Decimal, executed: Decimal, profile: Profile) -> Verdict:
    if executed == 0:
        return Verdict.point("proportional", (Decimal(0), "全年预算数与执行数均为 0，执行率无定义"))
    if profile.execution.zero_budget_full_when_spent:
        return Verdict.point("proportional", (w, f"全年预算数为 0 而执行 {fmt(executed)}，按 100% 计，{fmt(w)} × 1"))
    verdict = Verdict.point("proportional", (Decimal(0), f"全年预算数为 0 而执行 {fmt(executed)}"))
    verdict.flag("spent_without_budget", "无预算而有支出")
    return verdict


def _banded(w: Decimal, rate: Decimal, profile: Profile) -> Verdict:
    bands = profile.execution.bands
    effective = min(rate, Decimal(1)) if profile.execution.over_100_full_marks else rate
    band = next(b for b in bands if effective >= b.min_rate)
    scaled = band.score * w / bands[0].score
    shown = f"执行率 {round2(rate * 100)}%，≥{fmt(band.min_rate * 100)}% 档"
    if w != bands[0].score:
        shown += f"，{fmt(band.score)} × {fmt(w)}/{fmt(bands[0].score)}"
    return Verdict.point("bands", (scaled, shown))
