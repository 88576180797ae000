"""An Evaluation: one self-evaluation (部门整体, 项目 or 专项资金) as its report states it.

Values are what the report says; the scoring engine recomputes beside them and never
overwrites. `provenance` maps a field path (`funds.total.executed`) to where it was read.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.indicator import Indicator
from jixiao.model.money import Money, Score
from jixiao.model.source import SourceRef

EvaluationKind = Literal["department", "project", "special_fund"]
KIND_TITLES: dict[str, str] = {
    "department": "部门整体支出",
    "project": "项目支出",
    "special_fund": "专项资金",
}

FundSource = Literal[
    "general_budget",  # 一般公共预算
    "government_fund",  # 政府性基金
    "state_capital",  # 国有资本经营
    "social_insurance",  # 社会保险基金
    "special_account",  # 纳入专户管理的非税收入
    "current_year",  # 当年财政拨款
    "carried_over",  # 上年结转
    "other",  # 其他资金
    "central",  # 中央财政资金（转移支付）
    "local",  # 地方资金（转移支付）
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Staffing(_Strict):
    authorized: int | None = Field(None, title="编制数", ge=0)
    serving: int | None = Field(None, title="实际在职人数", ge=0)
    retired: int | None = Field(None, title="离退休人数", ge=0)
    total: int | None = Field(None, title="总人数", ge=0)


class Unit(_Strict):
    name: str = Field("", title="单位名称")
    department: str = Field("", title="主管部门")
    implementer: str = Field("", title="实施单位")
    region: str = Field("", title="地区")
    staffing: Staffing = Field(default_factory=Staffing, title="人员情况")


class FundLine(_Strict):
    """年初预算数 / 全年预算数 / 全年执行数 of one line of the funds block (万元)."""

    label: str = Field("", title="名称")
    initial_budget: Money | None = Field(None, title="年初预算数")
    budget: Money | None = Field(None, title="全年预算数")
    executed: Money | None = Field(None, title="全年执行数")


class SourceLine(FundLine):
    source: FundSource = Field(title="资金来源")


class Funds(_Strict):
    """The funds block: the total, by source, and by nature (基本 = 人员 + 公用; 项目)."""

    total: FundLine = Field(default_factory=FundLine, title="年度资金总额")
    by_source: list[SourceLine] = Field(default_factory=list, title="按来源分")
    basic: FundLine = Field(default_factory=FundLine, title="基本支出")
    personnel: FundLine = Field(default_factory=FundLine, title="人员经费")
    public: FundLine = Field(default_factory=FundLine, title="公用经费")
    project: FundLine = Field(default_factory=FundLine, title="项目支出")
    project_items: list[FundLine] = Field(default_factory=list, title="项目支出明细")


BasicDataKey = Literal[
    "three_public",  # 三公经费
    "vehicles",  # 公务用车购置和维护经费
    "vehicle_purchase",  # 公车购置
    "vehicle_operation",  # 公车运行维护
    "overseas",  # 出国经费
    "reception",  # 公务接待
    "project",  # 项目支出
    "project_item",  # 项目支出 其中一项
    "public",  # 公用经费
    "office",  # 办公经费
    "utilities_travel",  # 水费、电费、差旅费
    "meetings_training",  # 会议费、培训费
    "procurement",  # 政府采购金额
    "basic_adjustment",  # 部门基本支出预算调整
    "other",
]


class BasicDataLine(_Strict):
    """A row of the 基础数据表 经费控制情况: prior-year actual, budget, actual (万元)."""

    key: BasicDataKey = Field(title="项目")
    label: str = Field("", title="名称")
    prior_actual: Money | None = Field(None, title="上年决算数")
    budget: Money | None = Field(None, title="本年预算数")
    actual: Money | None = Field(None, title="本年决算数")
    source: SourceRef | None = Field(None, title="来源位置")


class Goals(_Strict):
    expected: str = Field("", title="预期目标")
    achieved: str = Field("", title="实际完成情况")


class Stated(_Strict):
    """Results as the report states them (自评表 and prose)."""

    level1_weights: dict[str, Score] = Field(default_factory=dict, title="一级指标分值")
    execution_weight: Score | None = Field(None, title="预算执行率分值")
    execution_rate: Score | None = Field(None, title="预算执行率(%)")
    execution_score: Score | None = Field(None, title="预算执行率得分")
    total: Score | None = Field(None, title="总分")
    grade: str | None = Field(None, title="等级")


FigureOrigin = Literal["table", "prose"]


class Figure(_Strict):
    """One figure as stated somewhere in the report, e.g. 基本支出 316.71 in a sentence.

    `key` names the quantity (`funds.basic.executed`, `stated.total`, `project:政法专项.budget`);
    the same key stated twice with different values is an inconsistency the audit reports.
    """

    key: str = Field(title="数据项")
    label: str = Field("", title="名称")
    value: Score | None = Field(None, title="数值")
    text: str = Field("", title="文字值")
    unit: str = Field("", title="单位")
    origin: FigureOrigin = Field(title="出处类型")
    source: SourceRef | None = Field(None, title="来源位置")
    note: str = Field("", title="读取说明")  # how the printed text was read, e.g. a fraction rate or a 元 slip


class Notice(_Strict):
    """What reading could not do or had to assume, and where: a row it could not split,
    a year no profile covers. Shown to the user; never silently dropped."""

    code: str = Field(title="代码")  # e.g. `row-unread`, `profile-fallback`
    message: str = Field(title="说明")
    source: SourceRef | None = Field(None, title="来源位置")


class Section(_Strict):
    heading: str = Field(title="标题")
    number: str = Field("", title="编号")
    level: int = Field(1, title="层级", ge=1)
    text: str = Field("", title="正文")
    source: SourceRef | None = Field(None, title="来源位置")


class Evaluation(_Strict):
    """One self-evaluation, possibly with child project evaluations."""

    kind: EvaluationKind = Field(title="评价类型")
    fiscal_year: int | None = Field(None, title="年度", ge=1990, le=2100)
    title: str = Field("", title="标题")
    unit: Unit = Field(default_factory=Unit, title="单位")
    funds: Funds = Field(default_factory=Funds, title="资金")
    basic_data: list[BasicDataLine] = Field(default_factory=list, title="基础数据表")
    goals: Goals = Field(default_factory=Goals, title="年度总体目标")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标")
    stated: Stated = Field(default_factory=Stated, title="填报结果")
    sections: list[Section] = Field(default_factory=list, title="报告章节")
    projects: list[Evaluation] = Field(default_factory=list, title="项目支出自评")
    figures: list[Figure] = Field(default_factory=list, title="报告所述数据")
    notices: list[Notice] = Field(default_factory=list, title="读取说明")
    provenance: dict[str, SourceRef] = Field(default_factory=dict, title="来源位置")

    @property
    def display_name(self) -> str:
        return self.title or self.unit.name or KIND_TITLES[self.kind]
