"""JX7xx budget behaviour: execution above 100% or far below, large mid-year budget
adjustments, 三公经费 rising, a high total beside a low execution rate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject, money
from jixiao.ingest.document import Document
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt, round2

LINES = (("total", "资金总额"), ("basic", "基本支出"), ("project", "项目支出"))
_SPENDING = re.compile(r"执行|支出|支付|结余|结转|到位|拨付|进度")
_REASON = re.compile(r"原因|因为|由于|主要是|导致|未到位|尚未|结余|滞后|较慢|据实|按进度")


def explained(doc: Document, topic: re.Pattern[str]) -> bool:
    """Some sentence of the report speaks of the topic and gives a reason for it."""
    for paragraph in doc.paragraphs:
        for sentence in re.split(r"(?<=[。；;])", fold(paragraph.text).text):
            if topic.search(sentence) and _REASON.search(sentence):
                return True
    return False


@check("JX701", "over-execution", "执行数超过预算数", "warning")
def over_execution(s: Subject) -> Iterator[Draft]:
    """全年执行数超过全年预算数（执行率超过100%）。

    Why: 超预算支出通常说明所填“预算数”不是调整后预算，或存在无预算支出，需要说明。

    Example: 基本支出预算285.44万元，决算325.69万元，执行率114.10%。
    """
    for name, title in LINES:
        line = getattr(s.evaluation.funds, name)
        if line.budget and line.executed is not None and line.executed > line.budget:
            rate = round2(line.executed / line.budget * 100)
            yield Draft(f"{title}执行 {money(line.executed)}，超过预算 {money(line.budget)}，执行率 {rate}%",
                        s.at(f"funds.{name}.executed") or s.at(f"funds.{name}.budget"))
    total, rate = s.evaluation.funds.total, s.evaluation.stated.execution_rate
    if rate is not None and rate > 100 and (total.budget is None or total.executed is None):
        yield Draft(f"执行率 {fmt(rate)}% 超过 100%，而没有列出全年预算数和全年执行数，无从核对",
                    s.at("stated.execution_rate"))


@check("JX702", "low-execution", "预算执行率偏低", "warning")
def low_execution(s: Subject, *, threshold: float = 0.9) -> Iterator[Draft]:
    """全年执行数低于全年预算数的设定比例（默认 90%）。

    Why: 执行率低说明资金沉淀、项目进度滞后或预算编制不实，是绩效评价的重点。

    Example: 预算100万元，执行80万元，执行率80%，报告未说明原因。报告说明了原因（资金未到位、按进度结算、
    资金结余）时不提示。
    """
    line = s.evaluation.funds.total
    if line.budget and line.executed is not None and line.executed / line.budget < Decimal(str(threshold)):
        if s.document is not None and explained(s.document, _SPENDING):
            return  # the report gives the reason (funds not received, paid on progress, 结余)
        rate = round2(line.executed / line.budget * 100)
        yield Draft(f"全年执行 {money(line.executed)}，预算 {money(line.budget)}，执行率仅 {rate}%",
                    s.at("funds.total.executed"))


@check("JX703", "large-budget-adjustment", "年中预算调整幅度大", "warning")
def large_budget_adjustment(s: Subject, *, threshold: float = 0.2) -> Iterator[Draft]:
    """全年预算数与年初预算数相差超过设定比例（默认 20%）。

    Why: 年中大幅追加或调减预算，说明年初预算编制不够准确；执行率以调整后预算计，容易掩盖问题。

    Example: 年初预算461.28万元，全年预算734.38万元，调增59.20%。
    """
    line = s.evaluation.funds.total
    if not line.initial_budget or line.budget is None:
        return
    change = (line.budget - line.initial_budget) / line.initial_budget
    if abs(change) > Decimal(str(threshold)):
        verb = "调增" if change > 0 else "调减"
        yield Draft(f"年初预算 {money(line.initial_budget)}，全年预算 {money(line.budget)}，{verb} {fmt(round2(abs(change) * 100))}%",
                    s.at("funds.total.budget"), [r for r in (s.at("funds.total.initial_budget"),) if r])


@check("JX704", "three-public-rising", "三公经费上升或超预算", "warning")
def three_public_rising(s: Subject) -> Iterator[Draft]:
    """三公经费本年决算数高于上年决算数，或高于本年预算数。

    Why: 中央八项规定要求严控三公经费，“只减不增”；超预算或同比上升都需要说明。

    Example: 三公经费上年决算5.32万元，本年决算6.00万元。
    """
    line = next((l for l in s.evaluation.basic_data if l.key == "three_public"), None)
    if line is None or line.actual is None:
        return
    if line.prior_actual is not None and line.actual > line.prior_actual:
        yield Draft(f"三公经费本年决算 {money(line.actual)}，高于上年决算 {money(line.prior_actual)}", line.source)
    if line.budget is not None and line.actual > line.budget:
        yield Draft(f"三公经费本年决算 {money(line.actual)}，超过本年预算 {money(line.budget)}", line.source)


@check("JX705", "high-score-low-execution", "执行率低而总分高", "warning")
def high_score_low_execution(s: Subject, *, rate: float = 0.8, score: int = 90) -> Iterator[Draft]:
    """预算执行率低于设定值（默认 80%），而自评总分仍在设定分数（默认 90 分）以上。

    Why: 有的省份按执行率封顶总分（执行率70%–80%总分不超过89分等）；资金没花出去却自评优秀，
    结论难以令人信服。

    Example: 执行率75%，自评总分95分。
    """
    line, total = s.evaluation.funds.total, s.evaluation.stated.total
    if line.budget and line.executed is not None and total is not None:
        actual = line.executed / line.budget
        if actual < Decimal(str(rate)) and total >= score:
            yield Draft(f"执行率 {round2(actual * 100)}%，自评总分却为 {fmt(total)} 分", s.at("stated.total"))


@check("JX706", "basic-data-jump", "基础数据表年度间变动大", "info")
def basic_data_jump(s: Subject, *, threshold: float = 0.5) -> Iterator[Draft]:
    """基础数据表中某项经费本年决算数比上年决算数增加或减少超过设定比例（默认 50%）。

    Why: 公用经费、会议培训费等大起大落需要说明原因；也常见于抄错年度或单位（万元写成元）。

    Example: 公务接待费上年决算2.00万元，本年决算5.32万元，增加166.00% → 提示。
    """
    for line in s.evaluation.basic_data:
        if line.prior_actual and line.actual is not None and line.prior_actual >= Decimal("0.5"):
            change = (line.actual - line.prior_actual) / line.prior_actual
            if abs(change) > Decimal(str(threshold)):
                verb = "增加" if change > 0 else "减少"
                yield Draft(f"“{line.label or line.key}”上年决算 {money(line.prior_actual)}，本年决算 {money(line.actual)}，"
                            f"{verb} {fmt(round2(abs(change) * 100))}%", line.source)
