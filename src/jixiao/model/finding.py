"""A Finding: one inconsistency, with the numbers that show it and where to look."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.source import SourceRef

Severity = Literal["error", "warning", "info"]
SEVERITY_TITLES: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Finding(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(title="代码")
    slug: str = Field(title="名称")
    severity: Severity = Field(title="级别")
    message: str = Field(title="说明")
    file: str = Field("", title="文件")
    subject: str = Field("", title="评价对象")
    where: SourceRef | None = Field(None, title="位置")
    related: list[SourceRef] = Field(default_factory=list, title="相关位置")
    evidence: str = Field("", title="原文")
    why: str = Field("", title="为何重要")

    @property
    def place(self) -> str:
        return self.where.place() if self.where else ""
