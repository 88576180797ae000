"""Qualitative rows and deadlines: the score is the unit's judgment inside a tier band.

The engine validates a stated qualitative score against its tier's band (rules.md §1.5);
it does not invent one. The tier comes from the actual's wording (§3.3).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jixiao.model.indicator import Indicator
from jixiao.model.money import fmt, round2
from jixiao.rules.schema import Profile, Tier
from jixiao.scoring.verdict import Verdict


def tier_of(ind: Indicator, profile: Profile) -> int | None:
    """0, 1 or 2 (tier 1–3) from the actual's wording; None when it cannot be told."""
    actual = ind.actual.text.strip()
    if actual and actual == ind.target.text.strip():
        return 0
    for index in (2, 1, 0):  # most specific first: 未完成 contains 完成
        if any(word in actual for word in profile.qualitative.tiers[index].keywords):
            return index
    return None


def band(tier: Tier, weight: Decimal) -> tuple[Decimal, Decimal]:
    return round2(weight * tier.low), round2(weight * tier.high)


def score_qualitative(ind: Indicator, weight: Decimal, profile: Profile) -> Verdict:
    index = tier_of(ind, profile)
    if index is None:
        if ind.actual.kind == "empty":
            return Verdict.unknown(weight, "实际完成值为空，无法判断档次")
        return Verdict.unknown(weight, f"无法从实际完成值“{ind.actual.text}”判断档次")
    return tier_verdict(index, weight, profile, why=f"实际完成值“{ind.actual.text}”")


def tier_verdict(index: int, weight: Decimal, profile: Profile, why: str) -> Verdict:
    tier = profile.qualitative.tiers[index]
    low, high = band(tier, weight)
    closing = ")" if tier.high_open else "]"
    explanation = f"{why}，定性第{'一二三'[index]}档“{tier.label}”，得分区间 [{low}, {high}{closing}"
    return Verdict("tiers", explanation, low=low, high=high, high_open=tier.high_open)


def score_deadline(ind: Indicator, weight: Decimal, profile: Profile, year: int | None) -> Verdict:
    due = ind.target.date or (dt.date(year, 12, 31) if year else None)
    done = ind.actual.date if ind.actual.kind == "deadline" else None
    if ind.actual.text.strip() == ind.target.text.strip() and ind.actual.text.strip():
        return Verdict.point("deadline", (weight, f"按期完成（{ind.actual.text.strip()}），{fmt(weight)} × 1"))
    if done is None or due is None:
        return _deadline_by_words(ind, weight, profile)
    if done <= due:
        return Verdict.point("deadline", (weight, f"完成 {done} ≤ 期限 {due}，{fmt(weight)} × 1"))
    if profile.deadline.late == "proportional":
        start = dt.date(due.year, 1, 1)
        share = max(Decimal(0), 1 - Decimal((done - due).days) / Decimal((due - start).days))
        return Verdict.point("deadline", (weight * share, f"逾期 {(done - due).days} 天，{fmt(weight)} × {round2(share)}"))
    return tier_verdict(1, weight, profile, why=f"完成 {done} 晚于期限 {due}")


def _deadline_by_words(ind: Indicator, weight: Decimal, profile: Profile) -> Verdict:
    index = tier_of(ind, profile)
    if index == 0:
        return Verdict.point("deadline", (weight, f"“{ind.actual.text}”，按期完成，{fmt(weight)} × 1"))
    if index is None:
        return Verdict.unknown(weight, f"无法从“{ind.actual.text}”判断是否按期完成")
    return tier_verdict(index, weight, profile, why=f"实际完成值“{ind.actual.text}”")
