"""JX2xx scoring: weights, scores against weights, totals, grades, recomputed vs stated."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt, tolerance

LEVEL1_DEFAULTS = (("产出", "output"), ("效益", "effect"), ("满意", "satisfaction"))


def _weights(s: Subject) -> list[Decimal]:
    return [i.weight for i in s.evaluation.indicators if i.weight is not None]


def complete_table(s: Subject) -> bool:
    """The indicator table reaches its 总分 row: an excerpt cut off part-way cannot be added up."""
    if s.document is None:
        return True  # entered data, not an excerpt
    return s.evaluation.stated.total is not None or any(f.key == "stated.total_weight" for f in s.evaluation.figures)


def weighted(s: Subject) -> bool:
    """Every indicator row carries its 分值 (forms without a 分值 column have nothing to add up)."""
    rows = s.evaluation.indicators
    return bool(rows) and all(i.weight is not None for i in rows)


def score_severity(stated: Decimal, recomputed: Decimal) -> str | None:
    """A stated score against the rules' one: within 0.05 is rounding (None); below is a
    conservative score (info); up to one point above is rounding in the unit's favour
    (warning); more is an error."""
    difference = stated - recomputed
    if abs(difference) <= Decimal("0.05"):
        return None
    if difference < 0:
        return "info"
    return "warning" if difference <= 1 else "error"


@check("JX201", "weights-total", "分值合计不等于满分", "error")
def weights_total(s: Subject) -> Iterator[Draft]:
    """预算执行率分值与各指标分值之和不等于满分（通常100分）。

    Why: 财预〔2020〕10号要求预算执行率与一级指标权重合计100%；合计不对，总分就失去可比性。

    Example: 执行率10 + 产出50 + 效益30 + 满意度10 = 100（相符）。
    """
    if not weighted(s) or not complete_table(s):
        return
    execution = s.scorecard.lines[0].weight or Decimal(0)
    total = execution + sum(_weights(s), Decimal(0))
    if total != s.profile.total_max:
        yield Draft(f"预算执行率 {fmt(execution)} 分 + 指标分值 {fmt(total - execution)} 分 = {fmt(total)} 分，"
                    f"不等于满分 {fmt(s.profile.total_max)} 分", s.evaluation.indicators[0].source)


@check("JX202", "level1-weights", "一级指标分值与标注或规定不符", "error")
def level1_weights(s: Subject) -> Iterator[Draft]:
    """一级指标下各三级指标分值之和与表中标注的“（50分）”不符（错误），或与规则默认权重不同（提示）。

    Why: 表中标注的一级分值是对外承诺的权重结构；下级分值合计应等于上级（W3）。10号原则上为
    产出50、效益30、满意度10，如有特殊情况可调整，故与默认不同仅作提示。

    Example: 产出指标(50分) 下七行分值 5+5+5+5+10+10+10 = 50（相符）。
    """
    yield from _stated_scheme(s)
    sums: dict[str, Decimal] = defaultdict(Decimal)
    first: dict[str, object] = {}
    for indicator in s.evaluation.indicators:
        if indicator.weight is not None and indicator.level1:
            sums[indicator.level1] += indicator.weight
            first.setdefault(indicator.level1, indicator.source)
    for level1, total in sums.items():
        stated = s.evaluation.stated.level1_weights.get(level1)
        if stated is not None and stated != total:
            yield Draft(f"“{level1}”标注 {fmt(stated)} 分，其下各指标分值合计 {fmt(total)} 分", first[level1])  # type: ignore[arg-type]
            continue
        default = next((getattr(s.profile.weights, attr) for word, attr in LEVEL1_DEFAULTS if word in level1), None)
        if default is not None and total != default and _national_levels(sums):
            yield Draft(f"“{level1}”分值合计 {fmt(total)} 分，规则 {s.profile.id} 默认为 {fmt(default)} 分",
                        first[level1], severity="info")  # type: ignore[arg-type]


_SCHEME_PART = re.compile(r"(?P<name>(?:产出|效益|满意度|服务对象满意度|成本|预算执行)[\u4e00-\u9fff]{0,6}?)\s*"
                          r"(?P<share>\d+(?:\.\d+)?)\s*[%分]")


def _stated_scheme(s: Subject) -> Iterator[Draft]:
    """`指标权重统一设置为：产出指标50%、效益指标30%、服务对象满意度指标10%` should make 100."""
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        for sentence in re.split(r"(?<=[。；;])", fold(paragraph.text).text):
            parts = list(_SCHEME_PART.finditer(sentence)) if "权重" in sentence else []
            total = sum((Decimal(m["share"]) for m in parts), Decimal(0))
            if len(parts) >= 2 and total != 100:
                shown = "、".join(m.group(0) for m in parts)
                yield Draft(f"所述权重 {shown} 合计 {fmt(total)}，不是 100", s.document.ref(paragraph, text=shown),
                            severity="warning")


def _national_levels(sums: dict[str, Decimal]) -> bool:
    """The table uses the national 一级 set (产出、效益、满意度[、成本]); a province's own set
    (管理指标, 效果指标) has its own weights and is not held to the national ones."""
    return all(any(word in level1 for word in ("产出", "效益", "满意", "成本")) for level1 in sums)


@check("JX203", "score-above-weight", "得分超过分值或为负", "error")
def score_above_weight(s: Subject) -> Iterator[Draft]:
    """某行得分大于其分值，或小于 0。

    Why: 得分不能大于分值（W5），这是各地自评系统导入时的硬校验。

    Example: 分值5、得分6 → 错误。
    """
    for indicator in s.evaluation.indicators:
        if indicator.score is None or indicator.weight is None:
            continue
        if indicator.score > indicator.weight or indicator.score < 0:
            yield Draft(f"“{indicator.label}”得分 {fmt(indicator.score)} 超出 0–{fmt(indicator.weight)} 分",
                        indicator.source)


@check("JX204", "total-vs-rows", "总分不等于各项得分之和", "error")
def total_vs_rows(s: Subject) -> Iterator[Draft]:
    """所填总分不等于预算执行率得分与各指标得分之和。

    Why: 总分由各项指标得分汇总形成（10号），不等于各项之和说明总分或某项得分填错。

    Example: 10 + 50 + 28 + 10 = 98，总分98（相符）。
    """
    ev = s.evaluation
    rows = [i.score for i in ev.indicators if i.score is not None]
    if ev.stated.total is None or not rows or ev.stated.execution_score is None:
        return
    if len(rows) < len(ev.indicators) or ev.notices:  # a row's score was not read: the sum cannot be made
        return
    parts = [ev.stated.execution_score, *rows]
    total = sum(parts, Decimal(0))
    if abs(total - ev.stated.total) > tolerance(len(parts)):
        yield Draft(f"预算执行率得分与各指标得分合计 {fmt(total)} 分，而总分填 {fmt(ev.stated.total)} 分",
                    s.at("stated.total"))


@check("JX205", "grade-vs-total", "等级与总分不符", "error")
def grade_vs_total(s: Subject) -> Iterator[Draft]:
    """所述等级与所述总分所在的等级区间不符。

    Why: 等级由总分决定：90（含）以上为优，80（含）–90为良，60（含）–80为中，60以下为差。

    Example: 总分86.28，等级“良”（相符）；总分88，等级“优” → 错误。
    """
    ev = s.evaluation
    if ev.stated.total is None or not ev.stated.grade:
        return
    band = s.profile.grade_for(ev.stated.total)
    if ev.stated.grade != band:
        yield Draft(f"总分 {fmt(ev.stated.total)} 分应为“{band}”，报告写作“{ev.stated.grade}”",
                    s.at("stated.grade"), [r for r in (s.at("stated.total"),) if r])


@check("JX206", "score-recomputed", "指标得分与按规则重算不符", "error")
def score_recomputed(s: Subject) -> Iterator[Draft]:
    """指标得分与按评分规则重算的得分不符，或定性指标得分超出其档次区间。

    Why: 定量指标完成即满分、未完成按比例计分；定性指标按三档区间确定分值（10号）。不符说明
    计分有误或打分偏高。指标值无比较符、方向系推断时，仅作警告。

    Example: 指标值≥12次、完成10次、分值5，应得 5 × 10/12 = 4.17 分，填报5分 → 错误。
    """
    for line in s.scorecard.lines[1:]:
        if line.status == "outside_band":
            closing = ")" if line.high_open else "]"
            yield Draft(f"“{line.label}”填报 {fmt(line.stated)} 分，超出所在档次区间 [{line.low}, {line.high}{closing}；"
                        f"{line.explanation}", line.source)
        elif line.status == "differs" and not _full_marks_miss(line):
            severity = score_severity(line.stated, line.recomputed)  # type: ignore[arg-type]
            if severity is None:
                continue
            if "no_comparator" in line.flags and severity == "error":
                severity = "warning"
            yield Draft(f"“{line.label}”填报 {fmt(line.stated)} 分，按规则应为 {line.recomputed} 分：{line.explanation}",
                        line.source, severity=severity)  # type: ignore[arg-type]


def _full_marks_miss(line: object) -> bool:
    return line.stated == line.weight and line.recomputed is not None and line.recomputed < line.weight  # type: ignore[attr-defined]


@check("JX207", "execution-score", "预算执行率得分与执行率不符", "error")
def execution_score(s: Subject) -> Iterator[Draft]:
    """预算执行率得分与“分值 × min(执行数/预算数, 1)”不符。

    Why: 执行率得分按全年执行数与全年（调整后）预算数之比计算，是总分的一部分。

    Example: 预算100万元、执行90万元、分值10，应得9分，填报10分 → 警告（向有利方向取整）；
    填报8分 → 提示（偏保守）；应得8.62分填报9分 → 警告；应得2.89分填报2.9分 → 舍入，不报。
    """
    line = s.scorecard.lines[0]
    if line.status == "differs" and line.stated is not None and line.recomputed is not None:
        severity = score_severity(line.stated, line.recomputed)
        if severity is not None:
            yield Draft(f"预算执行率得分填 {fmt(line.stated)} 分，应为 {line.recomputed} 分：{line.explanation}",
                        s.at("stated.execution_score"), severity=severity)  # type: ignore[arg-type]


@check("JX208", "total-recomputed", "总分与按规则重算不符", "error")
def total_recomputed(s: Subject) -> Iterator[Draft]:
    """所填总分不在按规则重算的总分（或其允许区间）之内。

    Why: 重算总分是对自评的复核；超出说明打分整体偏高或偏低。

    Example: 重算总分 95.17，填报 98 → 错误；填报 94（低于重算）只作提示：打分保守不是差错。
    """
    card = s.scorecard
    if card.total_matches is not False or card.stated_total is None or not weighted(s):
        return
    execution = card.lines[0].weight or Decimal(0)
    if execution + sum(_weights(s), Decimal(0)) != s.profile.total_max:
        return  # the weights themselves do not add up (JX201): a recomputed total means nothing
    shown = str(card.total) if card.total is not None else f"{card.total_low}–{card.total_high}"
    nearest = card.total_high if card.stated_total > card.total_high else card.total_low
    severity = score_severity(card.stated_total, nearest)
    if severity is not None:
        yield Draft(f"填报总分 {fmt(card.stated_total)} 分，按规则重算为 {shown} 分", s.at("stated.total"),
                    severity=severity)  # type: ignore[arg-type]


@check("JX209", "score-uncapped", "得分按比例计算未封顶", "error")
def score_uncapped(s: Subject) -> Iterator[Draft]:
    """没有分值栏的自评表中，超额完成的指标得分等于“分值 × 实际/目标”而超过了分值。

    Why: 定量指标超额完成也只得满分（10号：得分不得突破分值）。表中不印分值时，得分除以
    “实际/目标”正好得到一个整数分值、而得分又大于它，说明按比例计算时忘了封顶，总分被抬高。

    Example: 指标值8000、完成12767.36、得分31.9：31.9 ÷ (12767.36/8000) = 19.99，即分值20而得分31.9 → 错误。
    """
    for indicator in s.evaluation.indicators:
        implied = _implied_weight(indicator)
        if implied is not None:
            yield Draft(f"“{indicator.label}”得分 {fmt(indicator.score)} = {fmt(implied)} × "
                        f"{fmt(indicator.actual.value)}/{fmt(indicator.target.value)}，按完成比例计算而未封顶，"
                        f"应不超过分值 {fmt(implied)} 分", indicator.source)


def _implied_weight(indicator: object) -> Decimal | None:
    target, actual, score = indicator.target, indicator.actual, indicator.score  # type: ignore[attr-defined]
    if indicator.weight is not None or score is None or score == score.to_integral_value():  # type: ignore[attr-defined]
        return None
    if not (target.is_numeric and actual.is_numeric and target.value and actual.value) or target.kind in ("le", "lt"):
        return None
    ratio = actual.value / target.value
    if ratio <= Decimal("1.02"):
        return None
    implied = score / ratio
    weight = implied.to_integral_value()
    if weight >= 3 and abs(implied - weight) <= Decimal("0.06") and score > weight + Decimal("0.05"):
        return weight
    return None
