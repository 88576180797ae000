"""The 绩效自评表 (部门整体 or 项目支出): unit, funds block, goals, indicator rows, total.

Recognised by its headers in any column order; merged 一级/二级 labels are carried down,
a missing 一级 label is inferred from its 二级 label, and `产出指标(50分)` gives the
stated 一级 weight. Every value is recorded as a Figure with its cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from jixiao.ingest.document import Block, Cell, Document, Table
from jixiao.ingest.extract.cells import cell_at, find_columns, number, squash
from jixiao.model.evaluation import Figure
from jixiao.model.source import SourceRef

INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称", "绩效指标名称"),
    "target": ("年度指标值", "指标值", "年度目标值", "目标值", "预期指标值"),
    "actual": ("实际完成值", "全年实际值", "实际值", "完成值"),
    "weight": ("分值", "权重"),
    "score": ("得分", "自评得分"),
    "note": ("偏差原因", "未完成原因", "偏差分析"),
}
FUND_COLUMNS: dict[str, tuple[str, ...]] = {
    "initial_budget": ("年初预算数",),
    "budget": ("全年预算数", "调整后预算数"),
    "executed": ("全年执行数", "全年实际执行数", "实际执行数"),
    "weight": ("分值",),
    "rate": ("执行率",),
    "score": ("得分",),
}
FUND_ROWS: tuple[tuple[str, str], ...] = (
    ("年度资金总额", "total"), ("当年财政拨款", "current_year"), ("上年结转", "carried_over"),
    ("其他资金", "other"), ("一般公共预算", "general_budget"), ("政府性基金", "government_fund"),
)
SPLIT_LABELS: dict[str, tuple[str, str]] = {
    "一般公共预算": ("source", "general_budget"), "政府性基金拨款": ("source", "government_fund"),
    "政府性基金": ("source", "government_fund"), "纳入专户管理的非税收入拨款": ("source", "special_account"),
    "其他资金": ("source", "other"), "基本支出": ("nature", "basic"), "项目支出": ("nature", "project"),
}
LEVEL1_OF_LEVEL2 = (("数量", "产出指标"), ("质量", "产出指标"), ("时效", "产出指标"), ("成本", "产出指标"),
                    ("效益", "效益指标"), ("可持续", "效益指标"), ("满意", "满意度指标"))
_WEIGHT_IN_LABEL = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_PAIR = re.compile(r"([\u4e00-\u9fff]+)[：:]\s*(-?\d+(?:\.\d+)?)")


@dataclass
class SelfTable:
    """What one 自评表 says, as Evaluation fields plus the figures behind them."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    provenance: dict[str, SourceRef] = field(default_factory=dict)

    def set(self, path: str, value: Any, ref: SourceRef, label: str = "") -> None:
        target = self.data
        *parents, leaf = path.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
        self.provenance[path] = ref
        if isinstance(value, Decimal):
            self.figures.append(Figure(key=path, label=label, value=value, origin="table", source=ref))


def is_self_table(table: Table) -> bool:
    return any(_is_indicator_header(row) for row in table.rows)


def _is_indicator_header(row: list[Cell]) -> bool:
    return len(find_columns(row, INDICATOR_COLUMNS)) >= 5


def joined_forms(doc: Document) -> list[Table]:
    """The document's tables, a 自评表 written as two tables read as one: the part with the
    names, funds and goals, directly followed (no text between) by the part that starts with
    the indicator header, which a writer splits off so that its header repeats on each page."""
    tables: list[Table] = []
    previous: Block | None = None
    for block in doc.blocks:
        if isinstance(block, Table):
            if isinstance(previous, Table) and tables and _continues_form(tables[-1], block):
                tables[-1] = Table(index=tables[-1].index, rows=tables[-1].rows + _shifted(block, len(tables[-1].rows)),
                                   line=tables[-1].line, page=tables[-1].page, sheet=tables[-1].sheet)
            else:
                tables.append(block)
        previous = block
    return tables


def _continues_form(upper: Table, lower: Table) -> bool:
    return bool(lower.rows) and _is_indicator_header(lower.rows[0]) and not is_self_table(upper) \
        and any(len(find_columns(row, FUND_COLUMNS)) >= 3 for row in upper.rows)


def _shifted(table: Table, offset: int) -> list[list[Cell]]:
    return [[replace(cell, row=cell.row + offset) for cell in row] for row in table.rows]


def read_self_table(doc: Document, table: Table) -> SelfTable:
    kind = "project" if _has_label(table, ("项目支出名称", "项目名称")) else "department"
    result = SelfTable(kind=kind)
    _read_names(doc, table, result)
    _read_funds(doc, table, result)
    _read_splits(doc, table, result)
    _read_goals(doc, table, result)
    _read_indicators(doc, table, result)
    return result


def _has_label(table: Table, labels: tuple[str, ...]) -> bool:
    return any(squash(c.text) in labels for row in table.rows for c in row)


def _value_after(row: list[Cell], labels: tuple[str, ...]) -> tuple[Cell, Cell] | None:
    for index, cell in enumerate(row[:-1]):
        if squash(cell.text) in labels and row[index + 1].flat:
            return cell, row[index + 1]
    return None


def _read_names(doc: Document, table: Table, result: SelfTable) -> None:
    fields = (
        (("市级预算部门名称", "预算部门名称", "部门名称", "单位名称", "预算单位名称"), "unit.name"),
        (("项目支出名称", "项目名称"), "title"),
        (("主管部门",), "unit.department"),
        (("实施单位",), "unit.implementer"),
    )
    for row in table.rows[:4]:
        for labels, path in fields:
            found = _value_after(row, labels)
            if found:
                result.set(path, found[1].flat, doc.ref(table, found[1]))


def _read_funds(doc: Document, table: Table, result: SelfTable) -> None:
    for index, row in enumerate(table.rows):
        columns = find_columns(row, FUND_COLUMNS)
        if {"budget", "executed"} <= columns.keys():
            for data_row in table.rows[index + 1: index + 8]:
                _read_fund_row(doc, table, row, data_row, columns, result)
            return


def _read_fund_row(doc: Document, table: Table, header: list[Cell], row: list[Cell],
                   columns: dict[str, int], result: SelfTable) -> None:
    label = next((c.flat for c in row if c.flat), "")
    key = next((k for name, k in FUND_ROWS if name in label), None)
    if key is None:
        return
    path = "funds.total" if key == "total" else f"funds.by_source.{key}"
    for column in ("initial_budget", "budget", "executed"):
        cell = cell_at(row, len(header), columns[column]) if column in columns else None
        value = number(cell.text) if cell else None
        if value is not None:
            result.set(f"{path}.{column}", value, doc.ref(table, cell), label=label)
    if key in ("total", "current_year") and "stated.execution_score" not in result.data.get("stated", {}):
        _read_execution(doc, table, header, row, columns, result)


def _read_execution(doc: Document, table: Table, header: list[Cell], row: list[Cell],
                    columns: dict[str, int], result: SelfTable) -> None:
    for column, path in (("weight", "stated.execution_weight"), ("rate", "stated.execution_rate"),
                         ("score", "stated.execution_score")):
        cell = cell_at(row, len(header), columns[column]) if column in columns else None
        value = number(cell.text) if cell else None
        if value is not None:
            result.set(path, value, doc.ref(table, cell), label=squash(header[columns[column]].text))


def _read_splits(doc: Document, table: Table, result: SelfTable) -> None:
    """`其中：一般公共预算：734.38` and `其中：基本支出：316.71` cells (年度预算申请)."""
    for row in table.rows:
        for cell in row:
            for label, amount in _PAIR.findall(cell.flat.replace("其中", "")):
                kind = SPLIT_LABELS.get(label)
                if kind is None:
                    continue
                path = f"funds.by_source.{kind[1]}.budget" if kind[0] == "source" else f"funds.{kind[1]}.budget"
                result.set(path, Decimal(amount), doc.ref(table, cell), label=label)


def _read_goals(doc: Document, table: Table, result: SelfTable) -> None:
    for index, row in enumerate(table.rows[:-1]):
        labels = [squash(c.text) for c in row]
        if "预期目标" in labels and "实际完成情况" in labels:
            data = table.rows[index + 1]
            for label, path in (("预期目标", "goals.expected"), ("实际完成情况", "goals.achieved")):
                cell = cell_at(data, len(row), labels.index(label))
                if cell is not None and cell.flat:
                    result.set(path, cell.flat, doc.ref(table, cell))
            return


def _read_indicators(doc: Document, table: Table, result: SelfTable) -> None:
    start = next(i for i, row in enumerate(table.rows) if len(find_columns(row, INDICATOR_COLUMNS)) >= 5)
    header = table.rows[start]
    columns = find_columns(header, INDICATOR_COLUMNS)
    rows: list[dict[str, Any]] = []
    level1 = level2 = ""
    for row in table.rows[start + 1:]:
        if _is_indicator_header(row):  # the header again, where the table goes on over a page
            continue
        if squash(row[0].text) in ("总分", "合计", "总计"):
            _read_total(doc, table, header, row, columns, result)
            _read_grade(doc, table, table.rows[table.rows.index(row) + 1:], result)
            break
        values = {name: cell_at(row, len(header), index) for name, index in columns.items()}
        stated_level1 = _level1(values.get("level1"), "", result, doc, table)
        level2 = _flat(values.get("level2")) or level2
        level1 = stated_level1 or _carried(level1, level2)
        indicator = _indicator(doc, table, values, level1, level2)
        if indicator is not None:
            rows.append(indicator)
    result.data["indicators"] = rows


def _flat(cell: Cell | None) -> str:
    return cell.flat if cell is not None else ""


def _level1(cell: Cell | None, previous: str, result: SelfTable, doc: Document, table: Table) -> str:
    text = _flat(cell)
    if not text:
        return previous
    weight = _WEIGHT_IN_LABEL.search(text)
    label = _WEIGHT_IN_LABEL.sub("", text).strip()
    if weight and cell is not None:
        result.data.setdefault("stated", {}).setdefault("level1_weights", {})[label] = Decimal(weight[1])
        result.figures.append(Figure(key=f"stated.level1_weights.{label}", label=label,
                                     value=Decimal(weight[1]), origin="table", source=doc.ref(table, cell)))
    return label


def _indicator(doc: Document, table: Table, values: dict[str, Cell | None], level1: str, level2: str) -> dict[str, Any] | None:
    name, target, actual = _flat(values.get("name")), _flat(values.get("target")), _flat(values.get("actual"))
    if not (name or target or actual):
        return None
    anchor = values.get("name") or values.get("target")
    return {
        "level1": level1 or _infer_level1(level2),
        "level2": level2,
        "name": name,
        "target": target,
        "actual": actual,
        "weight": number(_flat(values.get("weight"))),
        "score": number(_flat(values.get("score"))),
        "deviation_note": _flat(values.get("note")),
        "source": doc.ref(table, anchor, text=name or target) if anchor else doc.ref(table),
    }


def _infer_level1(level2: str) -> str:
    return next((level1 for word, level1 in LEVEL1_OF_LEVEL2 if word in level2), "")


def _carried(previous: str, level2: str) -> str:
    """The 一级 label merged down from above, unless the 二级 label belongs elsewhere."""
    inferred = _infer_level1(level2)
    if not previous or (inferred and inferred[:2] not in previous):
        return inferred or previous
    return previous


GRADE_LABELS = ("自评等级", "等级", "评价等级", "绩效等级")


def _read_grade(doc: Document, table: Table, rest: list[list[Cell]], result: SelfTable) -> None:
    """A 自评等级 row after 总分 (jixiao's tables and some provincial ones carry it)."""
    for row in rest[:2]:
        found = _value_after(row, GRADE_LABELS)
        if found and found[1].flat in ("优", "良", "中", "差"):
            result.set("stated.grade", found[1].flat, doc.ref(table, found[1]))
            result.figures.append(Figure(key="stated.grade", label="等级", text=found[1].flat, origin="table",
                                         source=doc.ref(table, found[1])))


def _read_total(doc: Document, table: Table, header: list[Cell], row: list[Cell],
                columns: dict[str, int], result: SelfTable) -> None:
    for column, path in (("score", "stated.total"), ("weight", "stated.total_weight")):
        cell = cell_at(row, len(header), columns[column]) if column in columns else None
        value = number(cell.text) if cell else None
        if value is None:
            continue
        if path == "stated.total":
            result.set(path, value, doc.ref(table, cell), label="总分")
        else:
            result.figures.append(Figure(key=path, label="总分分值", value=value, origin="table",
                                         source=doc.ref(table, cell)))
