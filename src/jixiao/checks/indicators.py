"""JX4xx indicator quality: unmeasurable targets, qualitative share, actuals that are not
values, deductions without a reason, full marks for a missed target, targets far exceeded,
targets without comparator or unit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.model.indicator import Indicator
from jixiao.model.scorecard import ScoreLine
from jixiao.model.money import fmt


def _flagged(s: Subject, flag: str) -> Iterator[tuple[ScoreLine, Indicator]]:
    """Score lines the engine flagged, with their indicator rows."""
    for index, line in enumerate(s.scorecard.lines[1:]):
        if flag in line.flags:
            yield line, s.evaluation.indicators[index]


@check("JX401", "unmeasurable-target", "指标值无法衡量", "info")
def unmeasurable_target(s: Subject) -> Iterator[Draft]:
    """年度指标值是定性描述（如“效果明显”“有效促进”），无法客观衡量。

    Why: 101号要求指标值“量化易评”，定性指标也应有可评判的标准；“效果明显”对“效果明显”
    的自评无从复核。

    Example: 年度指标值“效果明显”，实际完成值“效果明显”。
    """
    for indicator in s.evaluation.indicators:
        if indicator.target.kind == "qualitative":
            yield Draft(f"“{indicator.label}”的指标值“{indicator.target.text}”为定性描述，无法衡量", indicator.source)


@check("JX402", "qualitative-share", "定性指标占比", "info")
def qualitative_share(s: Subject, *, max_share: float | None = None) -> Iterator[Draft]:
    """绩效指标中定性指标的比例（按分值计）；超过设定上限时为警告。

    Why: 各地普遍要求“定量指标为主”；定性指标比例越高，自评越难复核。全国文件未给出上限，
    可用 max_share 设定（如 0.3）。

    Example: 12 个指标中 4 个定性，分值 30/90 = 33%。
    """
    rows = [i for i in s.evaluation.indicators if i.weight is not None]
    if not rows:
        return
    qualitative = [i for i in rows if i.target.kind == "qualitative"]
    total = sum((i.weight for i in rows), Decimal(0))
    share = sum((i.weight for i in qualitative), Decimal(0)) / total if total else Decimal(0)
    if not qualitative:
        return
    over = max_share is not None and share > Decimal(str(max_share))
    yield Draft(f"{len(rows)} 个指标中 {len(qualitative)} 个为定性指标，分值占 {round(share * 100)}%",
                qualitative[0].source, severity="warning" if over else None)


@check("JX403", "actual-not-a-value", "实际完成值不是实测值", "info")
def actual_not_a_value(s: Subject) -> Iterator[Draft]:
    """实际完成值带比较符（如“≧95%”“=100%”“≤100%”），不是实际测得的数值。

    Why: 实际完成值应是实际达到的数，写成“≥95%”只说明不低于某数，无法据以计分和复核。

    Example: 满意度 指标值“≧90%”，实际完成值“≧95%”（提示）；实际完成值照抄指标值“≥90%”（警告）。
    """
    for indicator in s.evaluation.indicators:
        if indicator.actual.comparator_given and indicator.actual.kind in ("ge", "gt", "le", "lt", "eq", "range"):
            restated = indicator.actual.text == indicator.target.text
            tail = "，与指标值一字不差" if restated else ""
            yield Draft(f"“{indicator.label}”的实际完成值“{indicator.actual.text}”带比较符，不是实测值{tail}",
                        indicator.source, severity="warning" if restated else None)


@check("JX404", "deduction-without-reason", "扣分未说明原因", "warning")
def deduction_without_reason(s: Subject) -> Iterator[Draft]:
    """得分低于分值，但“偏差原因分析及改进措施”为空。

    Why: 10号要求对未完成绩效目标或偏离较大的指标分析原因、提出改进措施；扣分不说理由，
    审核人员无法判断扣分是否恰当。

    Example: 分值10、得分9，偏差原因一栏空白。
    """
    for indicator in s.evaluation.indicators:
        if indicator.score is not None and indicator.weight is not None and indicator.score < indicator.weight \
                and not indicator.deviation_note.strip():
            yield Draft(f"“{indicator.label}”分值 {fmt(indicator.weight)}、得分 {fmt(indicator.score)}，未填偏差原因",
                        indicator.source)


@check("JX405", "full-marks-target-missed", "未达目标仍得满分", "error")
def full_marks_target_missed(s: Subject) -> Iterator[Draft]:
    """实际完成值未达到指标值，却给了满分。

    Why: “严禁刻意抬高分数”（财政部自评通知）；未完成目标应按比例计分。

    Example: 指标值≥12次、完成10次，分值5、得分5 → 错误。
    """
    for line in s.scorecard.lines[1:]:
        if line.stated is not None and line.stated == line.weight and line.recomputed is not None \
                and line.recomputed < line.weight:
            yield Draft(f"“{line.label}”未达指标值却得满分 {fmt(line.stated)}：{line.explanation}", line.source)


@check("JX406", "target-far-exceeded", "大幅超额完成未说明原因", "warning")
def target_far_exceeded(s: Subject) -> Iterator[Draft]:
    """实际完成值达到指标值的 130% 以上（阈值取自评分规则），而偏差原因一栏为空。

    Why: 10号要求对完成值高于指标值较多的分析原因；若因年初指标值设定偏低，应按偏离度调减分值。

    Example: 指标值“≥2个”，完成“3个”（150%），偏差原因空白。
    """
    for line, indicator in _flagged(s, "overshoot"):
        if not indicator.deviation_note.strip():
            ratio = f"，为指标值的 {fmt(round(line.ratio * 100))}%" if line.ratio is not None else ""
            yield Draft(f"“{line.label}”指标值“{indicator.target.text}”，完成“{indicator.actual.text}”{ratio}，未说明原因",
                        line.source)


@check("JX407", "target-without-comparator", "指标值没有比较符", "info")
def target_without_comparator(s: Subject) -> Iterator[Draft]:
    """年度指标值只有数值（如“100%”“3人”“0”），没有“≥ ≤ =”等比较符。

    Why: 没有比较符就不知道指标是正向还是反向，计分方向只能推断（jixiao 默认按名称判断）。

    Example: 事故率 指标值“0”，应写作“=0”或“≤0”。
    """
    for line, indicator in _flagged(s, "no_comparator"):
        yield Draft(f"“{line.label}”的指标值“{indicator.target.text}”没有比较符", line.source)


@check("JX408", "target-without-unit", "指标值没有计量单位", "info")
def target_without_unit(s: Subject) -> Iterator[Draft]:
    """数值型指标值没有计量单位（如“≥500”），目标是 0 的除外。

    Why: 没有单位的数无法与实际完成值核对（500 人？500 次？）。

    Example: 培训 指标值“≥500”。
    """
    for indicator in s.evaluation.indicators:
        target = indicator.target
        if target.kind in ("ge", "gt", "le", "lt", "eq", "value") and not target.unit and target.value != 0:
            yield Draft(f"“{indicator.label}”的指标值“{target.text}”没有计量单位", indicator.source)


_NEGATIVE = re.compile(r"事故|投诉|违规|违法|差错|损失|发生|不合格|超支|超标|死亡|伤亡|欠|率|时间|成本|费用|支出|天数|时长")


@check("JX412", "quantity-as-upper-bound", "数量指标写成上限", "warning")
def quantity_as_upper_bound(s: Subject) -> Iterator[Draft]:
    """数量指标（要做成多少）的指标值写成“≤4”“不超过”这样的上限。

    Why: 产出数量应写下限；写成上限，一件不做也算达标，指标失去约束力。事故数、投诉数、
    成本一类越少越好的指标写上限是对的。

    Example: “开展精品示范村建设数量 ≤4” → 警告。
    """
    for indicator in s.evaluation.indicators:
        if "数量" in indicator.level2 and indicator.target.kind in ("le", "lt") and not _NEGATIVE.search(indicator.name):
            yield Draft(f"数量指标“{indicator.name}”的指标值“{indicator.target.text}”是上限，完成零件也算达标",
                        indicator.source)
