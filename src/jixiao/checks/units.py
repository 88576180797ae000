"""JX309 and JX409: units that cannot be right.

Budgets are kept in 万元. A total printed as `3.6元` or `100元` is, by its size, a slip for
万元 (extraction keeps the printed number and notes the slip); the same budget printed once
in 元 and once in 万元 is one of them wrong. An amount followed by 万 and a character that
is no unit (`71.01万地`) is garbled. An indicator labelled `(%)` whose values are thousands
is not a percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt

_GARBLED = re.compile(r"(?P<amount>\d+(?:\.\d+)?)万(?P<next>[^元人次亩吨件个户家册份头只株平方公里元\d\s，,。；;、)）%])")
_MONEY_VERB = re.compile(r"支付|支出|到位|下达|安排|拨付|资金|经费")
_PERCENT_LABEL = re.compile(r"[（(]\s*%\s*[)）]")


@check("JX309", "money-unit-slip", "金额单位有误", "error")
def money_unit_slip(s: Subject) -> Iterator[Draft]:
    """预算、执行等总额写成“元”而按数量级应为“万元”，或同一笔资金一处写“元”一处写“万元”，
    或金额后的单位写错（“71.01万地”）。

    Why: 金额单位差一万倍，汇总、复核和执行率计算都会因此出错；报告的金额一律以万元计。

    Example: “市级资金配套3.6元”，而慰问120人、每人300元 → 错误；“支付71.01万地” → 警告。
    """
    yield from _slips(s)
    if s.document is not None and s.is_root:
        yield from _garbled(s)


def _slips(s: Subject) -> Iterator[Draft]:
    for figure in s.evaluation.figures:
        if "元" not in figure.note:
            continue
        if "按数量级应为万元" in figure.note:
            yield Draft(f"“{figure.source.text if figure.source else figure.label}”写作“元”，按数量级应为万元",
                        figure.source, evidence=figure.source.text if figure.source else "")
        elif "折合" in figure.note and _also_in_wan(s, figure):
            printed = figure.value * 10000 if figure.value is not None else Decimal(0)
            yield Draft(f"同一笔资金一处写作 {fmt(printed)} 元，另一处写作 {fmt(printed)} 万元", figure.source,
                        evidence=figure.source.text if figure.source else "")


def _also_in_wan(s: Subject, figure: object) -> bool:
    printed = figure.value * 10000  # type: ignore[attr-defined]
    return any(f.key == figure.key and f.value == printed and not f.note for f in s.evaluation.figures)  # type: ignore[attr-defined]


def _garbled(s: Subject) -> Iterator[Draft]:
    for paragraph in s.document.paragraphs:  # type: ignore[union-attr]
        text = fold(paragraph.text).text
        for match in _GARBLED.finditer(text):
            if _MONEY_VERB.search(text[max(0, match.start() - 12): match.start()]):
                yield Draft(f"金额“{match.group(0)}”的单位有误，应为万元", s.document.ref(paragraph, text=match.group(0)),  # type: ignore[union-attr]
                            evidence=match.group(0), severity="warning")


@check("JX409", "unit-label-mismatch", "指标名称标注的单位与数值不符", "warning")
def unit_label_mismatch(s: Subject) -> Iterator[Draft]:
    """指标名称标明“(%)”，而指标值或完成值是几千上万的数，显然不是百分比。

    Why: 单位不清，得分按比例计算就失去依据，读者也无从判断完成程度。

    Example: “新型经营主体实现产值(%)”指标值8000、完成值12767.36 → 警告。
    """
    for indicator in s.evaluation.indicators:
        if not _PERCENT_LABEL.search(indicator.name):
            continue
        values = [m.value for m in (indicator.target, indicator.actual) if m.value is not None and m.unit in (None, "%")]
        if values and max(values) > 1000:
            yield Draft(f"“{indicator.name}”标为百分比，指标值 {indicator.target.text}、完成值 {indicator.actual.text} 却不是",
                        indicator.source)
