"""The Scorecard: recomputed scores beside stated ones, each line explaining itself.

Where the rules leave a range (a qualitative tier, a late deadline), a line carries the
allowed range `[low, high]` instead of a made-up number; the total is then a range too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.money import Score
from jixiao.model.source import SourceRef

LineStatus = Literal["ok", "differs", "outside_band", "not_computable", "not_stated"]
LineFlag = Literal[
    "overshoot",  # actual ≥ flag_at × target: the rules ask for a reason
    "actual_not_value",  # actual written with a comparator or as a range
    "no_comparator",  # bare target; direction inferred (rules.md §3.2)
    "gt_equal",  # "> t" met only with equality
    "eq_exceeded",  # "= t" exceeded
    "over_execution",  # execution rate above 100%
    "spent_without_budget",  # 全年预算数 0 with spending
]
STATUS_TITLES: dict[str, str] = {
    "ok": "一致",
    "differs": "不一致",
    "outside_band": "超出档次区间",
    "not_computable": "无法重算",
    "not_stated": "未填报得分",
}


class ScoreLine(BaseModel):
    """One recomputed score: the execution rate or one indicator row."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(title="位置键")  # "execution" or "indicators[3]"
    label: str = Field(title="指标")
    level1: str = Field("", title="一级指标")
    formula: str = Field(title="计分方法")
    explanation: str = Field(title="计算过程")
    weight: Score | None = Field(None, title="分值")
    recomputed: Score | None = Field(None, title="重算得分")
    low: Score = Field(title="允许下限")
    high: Score = Field(title="允许上限")
    high_open: bool = Field(False, title="上限不含")
    stated: Score | None = Field(None, title="填报得分")
    status: LineStatus = Field(title="状态")
    ratio: Score | None = Field(None, title="完成值/指标值")
    notes: list[str] = Field(default_factory=list, title="说明")
    flags: list[LineFlag] = Field(default_factory=list, title="提示")
    source: SourceRef | None = Field(None, title="来源位置")

    @property
    def is_point(self) -> bool:
        return self.recomputed is not None


class Scorecard(BaseModel):
    """Recomputed scores of one Evaluation under one profile; child projects nested."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(title="评价对象")
    profile: str = Field(title="评分规则")
    lines: list[ScoreLine] = Field(default_factory=list, title="逐项得分")
    total_low: Score = Field(title="重算总分下限")
    total_high: Score = Field(title="重算总分上限")
    total_max: Score = Field(title="满分")
    stated_total: Score | None = Field(None, title="填报总分")
    grade: str | None = Field(None, title="重算等级")
    grade_range: tuple[str, str] = Field(title="等级范围")
    stated_grade: str | None = Field(None, title="填报等级")
    total_matches: bool | None = Field(None, title="总分一致")
    has_indicators: bool = Field(True, title="有绩效指标表")
    notes: list[str] = Field(default_factory=list, title="评分说明")  # e.g. the profile does not cover the year
    children: list[Scorecard] = Field(default_factory=list, title="项目评分")

    @property
    def total(self) -> Decimal | None:
        """The recomputed total when the rules fix it to one number."""
        return self.total_low if self.total_low == self.total_high else None
