"""score(evaluation, profile) -> Scorecard. Recomputes; never edits what the report says."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.evaluation import Evaluation
from jixiao.model.indicator import Indicator
from jixiao.model.money import round2
from jixiao.model.scorecard import Scorecard, ScoreLine
from jixiao.rules.schema import Profile
from jixiao.scoring.execution import execution_weight, score_execution
from jixiao.scoring.qualitative import score_deadline, score_qualitative
from jixiao.scoring.quantitative import score_quantitative
from jixiao.scoring.verdict import Verdict

def score(ev: Evaluation, profile: Profile) -> Scorecard:
    slack = profile.rounding.tolerance_per_term
    execution = score_execution(ev, profile)
    lines = [_line("execution", "预算执行率", "", execution, ev.stated.execution_score,
                   execution_weight(ev, profile), slack)]
    lines += [_indicator_line(i, ind, ev, profile) for i, ind in enumerate(ev.indicators)]
    low = sum((_low(line) for line in lines), Decimal("0.00"))
    high = sum((_high(line) for line in lines), Decimal("0.00"))
    grades = (profile.grade_for(round2(low)), profile.grade_for(round2(high)))
    return Scorecard(
        name=ev.display_name,
        profile=profile.id,
        lines=lines,
        total_low=low,
        total_high=high,
        total_max=profile.total_max,
        stated_total=ev.stated.total,
        grade=grades[0] if grades[0] == grades[1] else None,
        grade_range=grades,
        stated_grade=ev.stated.grade,
        total_matches=_total_matches(ev.stated.total, low, high, slack * len(lines)) if ev.indicators else None,
        has_indicators=bool(ev.indicators),
        notes=_profile_notes(ev, profile),
        children=[score(child, profile) for child in ev.projects],
    )


def _profile_notes(ev: Evaluation, profile: Profile) -> list[str]:
    """A year no profile covers (2018, 2019 reports) is scored by the nearest one, and says so."""
    year = ev.fiscal_year
    if year is None or profile.fiscal_years.covers(year):
        return []
    years = profile.fiscal_years
    span = f"{years.start}–{years.end or ''}"
    return [f"评分规则“{profile.id}”适用于 {span} 年度，本报告为 {year} 年度，按最接近年度的规则评分"]


def indicator_verdict(ind: Indicator, ev: Evaluation, profile: Profile) -> Verdict:
    if ind.weight is None:
        return Verdict("not_computable", "未填分值，无法计分", low=Decimal("0.00"), high=Decimal("0.00"))
    kind = ind.target.kind
    if kind == "qualitative":
        return score_qualitative(ind, ind.weight, profile)
    if kind == "deadline":
        return score_deadline(ind, ind.weight, profile, ev.fiscal_year)
    if kind == "empty":
        return Verdict.unknown(ind.weight, "年度指标值为空，无法重算")
    return score_quantitative(ind, ind.weight, profile)


def _indicator_line(index: int, ind: Indicator, ev: Evaluation, profile: Profile) -> ScoreLine:
    verdict = indicator_verdict(ind, ev, profile)
    return _line(f"indicators[{index}]", ind.label, ind.level1, verdict, ind.score, ind.weight,
                 profile.rounding.tolerance_per_term, ind)


def _line(key: str, label: str, level1: str, v: Verdict, stated: Decimal | None,
          weight: Decimal | None, slack: Decimal, ind: Indicator | None = None) -> ScoreLine:
    recomputed, status = _compare(v, stated, slack)
    return ScoreLine(
        key=key, label=label, level1=level1, formula=v.formula, explanation=v.explanation,
        weight=weight,
        recomputed=recomputed, low=v.low, high=v.high, high_open=v.high_open, stated=stated,
        status=status, ratio=v.ratio, notes=v.notes, flags=v.flags, source=ind.source if ind else None,
    )


def _compare(v: Verdict, stated: Decimal | None, slack: Decimal) -> tuple[Decimal | None, str]:
    """A point verdict is compared; a band accepts the stated score when it lies inside."""
    if v.value is not None:
        if stated is None:
            return v.value, "not_stated"
        return v.value, "ok" if abs(v.value - stated) <= slack else "differs"
    if v.formula == "not_computable":
        return None, "not_computable"
    if stated is None:
        return None, "not_stated"
    inside = v.low <= stated and (stated < v.high if v.high_open else stated <= v.high)
    return (round2(stated), "ok") if inside else (None, "outside_band")


def _low(line: ScoreLine) -> Decimal:
    return line.recomputed if line.recomputed is not None else line.low


def _high(line: ScoreLine) -> Decimal:
    return line.recomputed if line.recomputed is not None else line.high


def _total_matches(stated: Decimal | None, low: Decimal, high: Decimal, slack: Decimal) -> bool | None:
    if stated is None:
        return None
    return low - slack <= stated <= high + slack
