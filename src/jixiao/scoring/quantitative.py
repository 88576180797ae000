"""Scoring of quantitative rows: ≥ > = ≤ <, bare values, ranges, zero targets (rules.md §3)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.indicator import Indicator
from jixiao.model.measure import Measure
from jixiao.model.money import fmt, round2
from jixiao.rules.schema import Profile
from jixiao.scoring import formulas
from jixiao.scoring.verdict import Remarks, Verdict

# rules.md §3.2: names of things to minimise, so a bare target is an upper bound.
MINIMISE_WORDS = (
    "事故", "发案", "案件发生", "投诉", "差错", "失误", "超支", "超标", "违规", "违纪", "死亡",
    "伤亡", "损失", "逾期", "延误", "返工", "空置", "闲置", "流失", "结余率", "调整率", "成本",
    "费用", "支出不超过", "单价",
)
_UNIT_FACTORS = {("元", "万元"): Decimal("0.0001"), ("万元", "元"): Decimal(10000)}


def score_quantitative(ind: Indicator, weight: Decimal, profile: Profile) -> Verdict:
    target, notes = ind.target, Remarks()
    actual = _actual_value(ind.actual, notes)
    if actual is None:
        reason = "实际完成值为空" if ind.actual.kind == "empty" else f"实际完成值“{ind.actual.text}”不是数值"
        return Verdict.unknown(weight, f"{reason}，无法重算")
    converted = _in_target_unit(actual, ind.actual.unit, target.unit)
    if converted is None:
        return Verdict.unknown(weight, f"计量单位不一致（{target.unit} 与 {ind.actual.unit}），无法重算")
    if target.kind == "range":
        verdict = _range(weight, target, converted)
    else:
        verdict = _directed(_direction(ind, notes), weight, target.value, converted, profile)
        _check_overshoot(verdict, weight, target.value, converted, profile)
    verdict.notes[:0], verdict.flags[:0] = notes.notes, notes.flags
    return verdict


def _actual_value(actual: Measure, notes: Remarks) -> Decimal | None:
    if actual.kind == "value":
        return actual.value
    if actual.kind in ("ge", "gt", "le", "lt", "eq"):
        notes.flag("actual_not_value", f"实际完成值“{actual.text}”带比较符，不是实测值，按其界值 {fmt(actual.value)} 计分")
        return actual.value
    if actual.kind == "range":
        notes.flag("actual_not_value", f"实际完成值“{actual.text}”是区间，按下限 {fmt(actual.low)} 计分")
        return actual.low
    return None


def _in_target_unit(value: Decimal, unit: str | None, target_unit: str | None) -> Decimal | None:
    if not unit or not target_unit or unit == target_unit:
        return value
    factor = _UNIT_FACTORS.get((unit, target_unit))
    return value * factor if factor is not None else None


def _direction(ind: Indicator, notes: Remarks) -> str:
    kind = ind.target.kind
    if kind != "value":
        return kind
    if ind.target.value == 0:
        direction = "eq"
    elif any(word in ind.name for word in MINIMISE_WORDS) or "成本" in ind.level2:
        direction = "le"
    else:
        direction = "ge"
    shown = {"eq": "=", "le": "≤", "ge": "≥"}[direction]
    notes.flag("no_comparator", f"指标值“{ind.target.text}”无比较符，按“{shown}”计分（jixiao 默认）")
    return direction


def _directed(direction: str, w: Decimal, t: Decimal, a: Decimal, profile: Profile) -> Verdict:
    if t == 0 and direction in ("eq", "le", "lt"):
        return Verdict.point("zero_target", formulas.zero_target(w, a))
    if t < 0 and direction in ("le", "lt"):
        met = a <= t
        computed = (w if met else Decimal(0), f"指标值 {fmt(t)}，完成值 {fmt(a)}，{'达到' if met else '未达到'}")
        return Verdict.point("reverse_binary", computed, notes=["指标值为负，只判断是否达到"])
    if direction in ("le", "lt"):
        rule = formulas.reverse_linear if profile.quantitative.le == "linear" else formulas.reverse_ratio
        return Verdict.point(f"reverse_{profile.quantitative.le}", rule(w, t, a))
    if t <= 0:
        met = a >= t
        computed = (w if met else Decimal(0), f"指标值 {fmt(t)}，完成值 {fmt(a)}，{'达到' if met else '未达到'}")
        return Verdict.point("positive", computed, notes=["指标值不大于 0，正向指标恒能达到"])
    verdict = Verdict.point("positive", formulas.positive(w, t, a), ratio=a / t)
    if direction == "gt" and a == t:
        verdict.flag("gt_equal", "完成值等于指标值，未严格“大于”，按满分计（jixiao 默认）")
    if direction == "eq" and a > t:
        verdict.flag("eq_exceeded", "完成值超过“=”指标值")
    return verdict


def _check_overshoot(verdict: Verdict, w: Decimal, t: Decimal, a: Decimal, profile: Profile) -> None:
    """Flag (and, where a profile says so, deduct) actuals far above a positive target."""
    rule = profile.quantitative.overshoot
    if verdict.formula != "positive" or t < 0:
        return
    if t == 0:
        if rule.zero_target_flag_at is not None and a >= rule.zero_target_flag_at:
            verdict.flag("overshoot", f"指标值为 0 而完成值 {fmt(a)} ≥ {fmt(rule.zero_target_flag_at)}，须说明原因")
        return
    ratio = a / t
    if ratio < rule.flag_at:
        return
    verdict.flag("overshoot", f"完成值为指标值的 {round2(ratio)} 倍（≥{fmt(rule.flag_at)}），须分析原因")
    if rule.deduct:
        share = max(rule.floor, 1 - (ratio - rule.flag_at))
        verdict.value = verdict.low = verdict.high = round2(w * share)
        verdict.explanation += f"；超额调减：{fmt(w)} × max({fmt(rule.floor)}, 1 − ({round2(ratio)} − {fmt(rule.flag_at)})) = {verdict.value}"


def _range(w: Decimal, target: Measure, a: Decimal) -> Verdict:
    assert target.low is not None and target.high is not None
    if a > target.high and target.unit == "%" and target.high == 100:
        return Verdict.unknown(w, f"完成值 {fmt(a)}% 超过 100%，不可能")
    return Verdict.point("range", formulas.in_range(w, target.low, target.high, a))


in_target_unit = _in_target_unit  # for checks that ask whether two units compare
