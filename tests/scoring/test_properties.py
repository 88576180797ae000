"""Properties that must hold for any evaluation: scores within weights, total within the
maximum, grade matching the total's band."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model.evaluation import Evaluation
from jixiao.rules import load_profile
from jixiao.scoring import score

PROFILES = ["mof-2020", "hubei", "jiangxi", "guangxi"]
amounts = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
numbers = st.decimals(min_value=-50, max_value=5000, places=2, allow_nan=False, allow_infinity=False)
comparators = st.sampled_from(["≥", "≤", "=", "＞", "＜", "", "≧", "≦"])
units = st.sampled_from(["%", "个", "次", "万元", "元", "人", ""])
qualitative = st.sampled_from(["效果明显", "部分达成", "未完成", "有效促进", "基本达成", "见附件", ""])


@st.composite
def cell(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(qualitative)
    if kind == 1:
        return f"{draw(st.integers(2019, 2025))}-{draw(st.integers(1, 12))}-{draw(st.integers(1, 28))}"
    return f"{draw(comparators)}{draw(numbers)}{draw(units)}"


@st.composite
def evaluations(draw: st.DrawFn) -> tuple[Evaluation, str]:
    n = draw(st.integers(0, 8))
    weights = [draw(st.integers(1, 20)) for _ in range(n)]
    indicators = [{
        "name": draw(st.sampled_from(["培训次数", "事故率", "单位成本", "满意度", "完成时间"])),
        "target": draw(cell()), "actual": draw(cell()), "weight": w,
        "score": draw(st.one_of(st.none(), st.decimals(0, w, places=2))),
    } for w in weights]
    funds = {"total": {"budget": draw(amounts), "executed": draw(amounts)}}
    data = {"kind": "project", "fiscal_year": 2023, "funds": funds, "indicators": indicators}
    return Evaluation.model_validate(data), draw(st.sampled_from(PROFILES))


@settings(max_examples=300, deadline=None)
@given(evaluations())
def test_scores_stay_within_weights_total_and_bands(case: tuple[Evaluation, str]) -> None:
    evaluation, profile_id = case
    profile = load_profile(profile_id)
    card = score(evaluation, profile)
    for line in card.lines:
        assert Decimal(0) <= line.low <= line.high <= line.weight
        if line.recomputed is not None:
            assert line.low <= line.recomputed <= line.high
    indicator_weights = sum((i.weight for i in evaluation.indicators), Decimal(0))
    assert card.total_high <= profile.weights.execution + indicator_weights
    if indicator_weights + profile.weights.execution <= profile.total_max:
        assert card.total_high <= profile.total_max
    assert card.grade_range == (profile.grade_for(card.total_low), profile.grade_for(card.total_high))
    if card.total is not None:
        assert card.grade == _band(card.total)


def _band(total: Decimal) -> str:
    return "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
