"""Where a value came from: a place in a source file a person can open."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class SourceRef(BaseModel):
    """A location in a source file: line (text), paragraph, page, table cell."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str | None = Field(None, title="文件")
    line: int | None = Field(None, title="行号", ge=1)
    paragraph: int | None = Field(None, title="段落号", ge=1)
    page: int | None = Field(None, title="页码", ge=1)
    sheet: str | None = Field(None, title="工作表")
    table: int | None = Field(None, title="表格序号", ge=1)
    row: int | None = Field(None, title="行", ge=1)
    column: int | None = Field(None, title="列", ge=1)
    text: str | None = Field(None, title="原文")

    def place(self) -> str:
        """A short Chinese description, e.g. `第12行 表2 第7行 第5列`."""
        parts = []
        if self.page:
            parts.append(f"第{self.page}页")
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.line:
            parts.append(f"第{self.line}行")
        if self.paragraph:
            parts.append(f"第{self.paragraph}段")
        if self.table:
            parts.append(f"表{self.table}")
        if self.row:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(f"第{self.column}列")
        return " ".join(parts)

    def __str__(self) -> str:
        where = self.place()
        return f"{self.file}:{where}" if self.file else where
