"""JX414–JX418: how the indicators are set and answered.

Units that cannot be compared, a cost indicator that is only the whole budget again, a
band word (`达成预期指标`) where a result belongs, one indicator listed under two
categories, and a claim that everything was achieved beside rows that were not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt
from jixiao.scoring.quantitative import in_target_unit

_BAND_WORD = re.compile(r"(?:部分|基本|未)?(?:达成|达到|完成)(?:了)?(?:预期|年度)(?:绩效)?(?:指标|目标)?(?:值)?[。.]?")
_ALL_DONE = re.compile(r"(?:目标|指标)(?:均已|已)?全部完成|全面完成(?:了)?(?:年度)?(?:绩效)?目标|目标未偏离|未发生偏离|没有偏离|无偏差")


@check("JX414", "unit-mismatch", "指标值与完成值的计量单位不一致", "warning")
def unit_mismatch(s: Subject) -> Iterator[Draft]:
    """年度指标值与实际完成值用了不同的计量单位，且无法换算（如“个”与“人次”）。

    Why: 单位不同就无法比较是否完成，得分也无法按比例计算；多是填错了行或单位。

    Example: 指标值“≥500人次”，实际完成值“12场” → 警告。
    """
    for indicator in s.evaluation.indicators:
        target, actual = indicator.target, indicator.actual
        if target.unit and actual.unit and target.unit != actual.unit and actual.value is not None \
                and in_target_unit(actual.value, actual.unit, target.unit) is None:
            yield Draft(f"“{indicator.label}”指标值“{target.text}”与完成值“{actual.text}”单位不同，无法比较",
                        indicator.source)


@check("JX415", "all-done-claimed", "称目标全部完成而有指标未完成", "warning")
def all_done_claimed(s: Subject) -> Iterator[Draft]:
    """正文称“目标全部完成”“目标未偏离”，表中却有指标扣分、未达指标值，或预算执行率不足 90%。

    Why: 文字结论与表中数据相反，读者不知道该信哪一个；扣分或未完成的指标应当如实说明。

    Example: “年度绩效目标已全部完成”，而“培训人次”指标值≥500、完成420，得分8（分值10） → 警告。
    """
    if s.document is None or not s.is_root:
        return
    claim = next(((p, m) for p in s.document.paragraphs for m in [_ALL_DONE.search(fold(p.text).text)] if m), None)
    if claim is None:
        return
    short = [i for i in s.evaluation.indicators if i.weight is not None and i.score is not None and i.score < i.weight]
    total = s.evaluation.funds.total
    low = total.budget and total.executed is not None and total.executed / total.budget < 0.9
    if short or low:
        what = f"“{short[0].label}”得分 {fmt(short[0].score)}（分值 {fmt(short[0].weight)}）" if short else \
            f"预算执行率 {fmt(round(total.executed / total.budget * 100, 2))}%"  # type: ignore[operator]
        yield Draft(f"称“{claim[1].group(0)}”，而{what}", s.document.ref(claim[0], text=claim[1].group(0)))


@check("JX416", "cost-equals-budget", "成本指标只是预算总额", "info")
def cost_equals_budget(s: Subject) -> Iterator[Draft]:
    """成本指标的指标值等于整个项目的全年预算数。

    Why: 成本指标应反映单位成本或成本控制（如每公里养护成本），照搬预算总额不能衡量成本效益。

    Example: 成本指标“项目总成本 ≤150万元”，全年预算数150万元 → 提示。
    """
    budget = s.evaluation.funds.total.budget
    for indicator in s.evaluation.indicators:
        target = indicator.target
        if budget and "成本" in indicator.level2 + indicator.level1 and target.unit == "万元" and target.value == budget:
            yield Draft(f"成本指标“{indicator.label}”的指标值“{target.text}”就是全年预算数 {fmt(budget)} 万元",
                        indicator.source)


@check("JX417", "band-word-as-actual", "实际完成值写成评分档次", "warning")
def band_word_as_actual(s: Subject) -> Iterator[Draft]:
    """实际完成值写的是评分档次用语（“达成预期指标”），而不是实际完成的情况。

    Why: “达成预期指标”是定性指标打分的档次，不是完成情况；写成这样，完成程度无从核对。

    Example: 指标值“群众满意度≥90%”，实际完成值“达成预期指标” → 警告。
    """
    for indicator in s.evaluation.indicators:
        if _BAND_WORD.fullmatch(indicator.actual.text.strip()):
            yield Draft(f"“{indicator.label}”的实际完成值写作“{indicator.actual.text}”，是评分档次而非完成情况",
                        indicator.source)


@check("JX418", "indicator-listed-twice", "同一指标列在两个类别下", "warning")
def indicator_listed_twice(s: Subject) -> Iterator[Draft]:
    """同一个三级指标（名称相同）出现在两个不同的二级指标下。

    Why: 一个指标重复计入两类，分值被重复计算，指标体系也失去结构。

    Example: “群众满意度”既在“社会效益指标”下，又在“服务对象满意度指标”下 → 警告。
    """
    seen: dict[str, set[str]] = defaultdict(set)
    first: dict[str, object] = {}
    for indicator in s.evaluation.indicators:
        name = re.sub(r"^(?:指标|任务)\d+[:：.、]?", "", fold(indicator.name).text.strip())
        if name and indicator.level2:
            seen[name].add(indicator.level2)
            first.setdefault(name, indicator.source)
    for name, levels in seen.items():
        if len(levels) > 1:
            yield Draft(f"指标“{name}”同时列在{'、'.join(sorted(levels))}下", first[name])  # type: ignore[arg-type]
