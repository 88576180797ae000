"""One row of a 绩效自评表: 一级/二级/三级指标, target, actual, weight, score, note."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from jixiao.model.measure import Measure, parse_measure
from jixiao.model.money import Score
from jixiao.model.source import SourceRef


def _as_measure(value: Any) -> Any:
    """Accept the cell text (`≥8000份`), a bare number or date, or a parsed Measure."""
    if value is None:
        return parse_measure(None)
    if isinstance(value, dt.date):
        return parse_measure(value.isoformat())
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        return parse_measure(format(value, "f") if isinstance(value, Decimal) else str(value))
    if isinstance(value, dict) and set(value) == {"text"}:
        return parse_measure(value["text"])
    return value


MeasureField = Annotated[
    Measure, BeforeValidator(_as_measure, json_schema_input_type=str | Measure | None)
]


class Indicator(BaseModel):
    """A 三级指标 row as the report states it; nothing here is recomputed."""

    model_config = ConfigDict(extra="forbid")

    level1: str = Field("", title="一级指标")
    level2: str = Field("", title="二级指标")
    name: str = Field("", title="三级指标")
    target: MeasureField = Field(default_factory=Measure, title="年度指标值")
    actual: MeasureField = Field(default_factory=Measure, title="实际完成值")
    weight: Score | None = Field(None, title="分值")
    score: Score | None = Field(None, title="得分")
    deviation_note: str = Field("", title="偏差原因分析及改进措施")
    source: SourceRef | None = Field(None, title="来源位置")

    @property
    def label(self) -> str:
        return self.name or self.level2 or self.level1 or "（未命名指标）"
