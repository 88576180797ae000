"""The 绩效自评表 (部门整体, 项目支出 or 专项资金): unit, funds block, goals, indicator rows, total.

Recognised by its headers in any column order and in the words of any province
(`forms.py`); merged 一级/二级 labels are carried down, a missing 一级 label is inferred
from its 二级 label, and `产出指标(50分)` gives the stated 一级 weight. Every value is
recorded as a Figure with its cell. The funds block is read by `self_funds.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from jixiao.ingest.document import Block, Cell, Document, Table
from jixiao.ingest.extract.cells import cell_at, find_columns, number, squash
from jixiao.ingest.extract.self_funds import has_funds, read_funds, read_splits
from jixiao.ingest.forms import FUND_COLUMNS, INDICATOR_COLUMNS, TOTAL_LABELS, label_key, name_field
from jixiao.model.evaluation import Figure
from jixiao.model.measure import Measure, parse_measure
from jixiao.model.normalize import normalize_value_text
from jixiao.model.source import SourceRef

LEVEL1_OF_LEVEL2 = (("数量", "产出指标"), ("质量", "产出指标"), ("时效", "产出指标"), ("成本", "产出指标"),
                    ("效益", "效益指标"), ("可持续", "效益指标"), ("满意", "满意度指标"))
_WEIGHT_IN_LABEL = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
HEADER_MIN = 4  # columns an indicator header names (一级/二级/三级/指标值/…)
GRADE_LABELS = ("自评等级", "等级", "评价等级", "绩效等级")
SCORE_LABELS = ("自评得分", "总得分")


@dataclass
class SelfTable:
    """What one 自评表 says, as Evaluation fields plus the figures behind them."""

    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    provenance: dict[str, SourceRef] = field(default_factory=dict)

    def set(self, path: str, value: Any, ref: SourceRef, label: str = "", note: str = "") -> None:
        target = self.data
        *parents, leaf = path.split(".")
        for part in parents:
            target = target.setdefault(part, {})
        target[leaf] = value
        self.provenance[path] = ref
        if isinstance(value, Decimal):
            self.figures.append(Figure(key=path, label=label, value=value, origin="table", source=ref, note=note))


def indicator_header(row: list[Cell]) -> dict[str, int] | None:
    columns = find_columns(row, INDICATOR_COLUMNS)
    named = {k for k in columns if k not in ("ignored", "rate")}
    has_name = bool({"name", "level2"} & named)
    return columns if len(named) >= HEADER_MIN and has_name and ({"target", "actual"} & named) else None


def is_self_table(table: Table) -> bool:
    return any(indicator_header(row) for row in table.rows) or has_funds(table)


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
    return bool(lower.rows) and indicator_header(lower.rows[0]) is not None \
        and not any(indicator_header(row) for row in upper.rows) \
        and any(len(find_columns(row, FUND_COLUMNS)) >= 3 for row in upper.rows)


def _shifted(table: Table, offset: int) -> list[list[Cell]]:
    return [[replace(cell, row=cell.row + offset) for cell in row] for row in table.rows]


def read_self_table(doc: Document, table: Table) -> SelfTable:
    kind = "project" if _has_label(table, ("项目支出名称", "项目名称")) else "department"
    result = SelfTable(kind=kind)
    _read_names(doc, table, result)
    read_funds(doc, table, result)
    read_splits(doc, table, result)
    _read_goals(doc, table, result)
    _read_indicators(doc, table, result)
    for message, cell in table.notices:
        result.data.setdefault("notices", []).append(
            {"code": "row-unread", "message": message, "source": doc.ref(table, cell)})
    return result


def _has_label(table: Table, labels: tuple[str, ...]) -> bool:
    return any(label_key(c.text) in labels for row in table.rows for c in row)


def _value_after(row: list[Cell], labels: tuple[str, ...]) -> tuple[Cell, Cell] | None:
    for index, cell in enumerate(row[:-1]):
        if label_key(cell.text) in labels and row[index + 1].flat:
            return cell, row[index + 1]
    return None


def _read_names(doc: Document, table: Table, result: SelfTable) -> None:
    for row in table.rows[:8]:
        for index, cell in enumerate(row[:-1]):
            path = name_field(cell.text)
            value = row[index + 1]
            if path and value.flat and name_field(value.text) is None and path not in result.provenance:
                result.set(path, value.flat, doc.ref(table, value))
        found = _value_after(row, SCORE_LABELS)
        if found and number(found[1].text) is not None:
            result.set("stated.total", number(found[1].text), doc.ref(table, found[1]), label="自评得分")


def _read_goals(doc: Document, table: Table, result: SelfTable) -> None:
    for index, row in enumerate(table.rows[:-1]):
        labels = [squash(c.text) for c in row]
        if "预期目标" in labels and "实际完成情况" in labels:
            data = table.rows[index + 1]
            for label, path in (("预期目标", "goals.expected"), ("实际完成情况", "goals.achieved")):
                cell = cell_at(data, len(row), labels.index(label))
                if cell is not None and cell.flat:
                    result.set(path, _lines(cell.text), doc.ref(table, cell))
            return


def _lines(text: str) -> str:
    """A goals cell keeps its lines (one goal each), without blank lines or padding."""
    return "\n".join(line.strip(" \u3000\xa0\t") for line in text.splitlines() if line.strip(" \u3000\xa0\t"))


def _read_indicators(doc: Document, table: Table, result: SelfTable) -> None:
    start = next((i for i, row in enumerate(table.rows) if indicator_header(row)), None)
    if start is None:
        return
    header = table.rows[start]
    columns = indicator_header(header) or {}
    rows: list[dict[str, Any]] = []
    level1 = level2 = ""
    for position, row in enumerate(table.rows[start + 1:], start=start + 1):
        if indicator_header(row):  # the header again, where the table goes on over a page
            continue
        if any(label_key(c.text) in TOTAL_LABELS for c in row[:2]):
            _read_total(doc, table, header, row, columns, result)
            _read_grade(doc, table, table.rows[position + 1:], result)
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
    if not (name or target or actual) or not (target or actual or _flat(values.get("score"))) and _is_placeholder(name):
        return None
    anchor = values.get("name") or values.get("target")
    target_measure, actual_measure = repair_ocr_percent(target, actual)
    return {
        "level1": level1 or infer_level1(level2),
        "level2": level2,
        "name": name,
        "target": target_measure,
        "actual": actual_measure,
        "weight": number(_flat(values.get("weight"))),
        "score": number(_flat(values.get("score"))),
        "deviation_note": _flat(values.get("note")),
        "source": doc.ref(table, anchor, text=name or target) if anchor else doc.ref(table),
    }


_OCR_GE = re.compile(r"2((?:[5-9]\d|100)(?:\.\d+)?)\s*[%％]")


def repair_ocr_percent(target: str, actual: str) -> tuple[Measure, Measure]:
    """`290%` beside `100%`: OCR read `≥90%` as `290%`. Repaired only when both values are
    percents, the other is a rate between 50% and 100% and the suspect is 2 followed by
    50–100 (a real over-achievement beside a low target stays as printed); the text
    stays as printed and the measure says how it was read."""
    measures = [parse_measure(target), parse_measure(actual)]
    for index, text in enumerate((target, actual)):
        other = measures[1 - index]
        match = _OCR_GE.fullmatch(normalize_value_text(text))
        if match and other.unit == "%" and other.value is not None and 50 <= other.value <= 100:
            read = parse_measure(f"≥{match[1]}%")
            note = f"原文“{text}”按 OCR 误识读作“≥{match[1]}%”"
            measures[index] = read.model_copy(update={"text": text, "note": note})
    return measures[0], measures[1]


def _is_placeholder(name: str) -> bool:
    """`指标2`, `……`: an unused row of the template."""
    return bool(re.fullmatch(r"(?:指标|任务)?\d*[:：.、]?|[.…。]*", name))


def infer_level1(level2: str) -> str:
    return next((level1 for word, level1 in LEVEL1_OF_LEVEL2 if word in level2), "")


def _carried(previous: str, level2: str) -> str:
    """The 一级 label merged down from above, unless the 二级 label belongs elsewhere."""
    inferred = infer_level1(level2)
    if not previous or (inferred and inferred[:2] not in previous):
        return inferred or previous
    return previous


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
