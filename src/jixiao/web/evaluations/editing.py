"""The editor's form ↔ the stored data.

Scalar fields are posted by their path in the model (`funds.total.budget`); each table is
posted as one JSON field (`indicators`, `sections`, written by static/jixiao/editor.js), so
a table of any length is a single form field. Every value is checked by a form field
(checking.py) and a problem is shown beside the field it concerns.

A save stores exactly what changed. A field whose text is what the form showed keeps its
stored value and its source location; a changed value loses its location (it is no longer
what the file said), but an indicator row keeps the location of its row unless its name
changed; a new row left blank is ignored. The part edited is the evaluation itself or one
of its projects (`part` / `whole`).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.http import QueryDict

from jixiao.web.evaluations.fields import SURROGATE, normalize_newlines
from jixiao.web.evaluations.limits import Bounds


@dataclass(frozen=True)
class Spec:
    path: str
    label: str
    kind: str = "money"  # text, longtext, year, count, money, score, rate, grade
    max_length: int = 300


SCALARS: tuple[Spec, ...] = (
    Spec("title", "标题", "text"), Spec("fiscal_year", "年度", "year"), Spec("unit.name", "单位名称", "text", 200),
    Spec("unit.staffing.authorized", "编制数", "count"), Spec("unit.staffing.serving", "在职人数", "count"),
    Spec("funds.total.initial_budget", "年初预算数"), Spec("funds.total.budget", "全年预算数"),
    Spec("funds.total.executed", "全年执行数"), Spec("funds.basic.budget", "基本支出预算"),
    Spec("funds.basic.executed", "基本支出执行"), Spec("funds.personnel.executed", "人员经费"),
    Spec("funds.public.executed", "公用经费"), Spec("funds.project.budget", "项目支出预算"),
    Spec("funds.project.executed", "项目支出执行"),
    Spec("goals.expected", "预期目标", "longtext", 20000), Spec("goals.achieved", "实际完成情况", "longtext", 20000),
    Spec("stated.execution_weight", "执行率分值", "score"), Spec("stated.execution_rate", "执行率(%)", "rate"),
    Spec("stated.execution_score", "执行率得分", "score"), Spec("stated.total", "总分", "score"),
    Spec("stated.grade", "等级", "grade"),
)
LABELS = {spec.path: spec.label for spec in SCALARS}
REQUIRED = {"title", "fiscal_year", "unit.name"}  # of an evaluation; a project needs its title only
ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_note")
ROW_LABELS = dict(zip(ROW_FIELDS, ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因")))
LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
LEVEL2 = ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
          "可持续影响指标", "服务对象满意度指标")
ORDER = Bounds(Decimal(-1_000_000), Decimal(1_000_000), 4)  # the 顺序 column
MAX_ROWS, MAX_SECTIONS = 2000, 1000
MISSING_TABLE = "表格数据缺失：本页用浏览器的 JavaScript 提交表格，请启用后重新打开本页"


@dataclass
class Row:
    id: int | None  # index in the stored table the form was made from; None for a new row
    values: dict[str, str]
    order: str = ""
    delete: bool = False


@dataclass
class Form:
    values: dict[str, str]
    rows: list[Row]
    sections: list[dict[str, str]]  # heading and text of each narrative section
    errors: dict[str, str] = field(default_factory=dict)  # field key (path, ind-3-score, sec-0-text) → message
    problems: list[str] = field(default_factory=list)  # about the form as a whole

    @property
    def valid(self) -> bool:
        return not self.errors and not self.problems


# --- stored data → form ---------------------------------------------------------------

def initial(data: dict[str, Any]) -> Form:
    """The form showing stored data."""
    values = {spec.path: _text(_get(data, spec.path)) for spec in SCALARS}
    rows = [Row(i, {f: _text(_measure(r.get(f))) for f in ROW_FIELDS}, str(i)) for i, r in enumerate(data.get("indicators", []))]
    sections = [{"heading": s.get("heading", ""), "text": s.get("text", "")} for s in data.get("sections", [])]
    return Form(values, rows, sections)


# --- the request → form ---------------------------------------------------------------

def posted(post: QueryDict, shown: Form) -> Form:
    """The form as the user sent it. A scalar field missing from the request keeps what
    was shown; a table missing or malformed is a problem (never read as "no rows")."""
    values = {spec.path: post[spec.path] if spec.path in post else shown.values[spec.path] for spec in SCALARS}
    form = Form(values, [], [])
    rows = _table(post, "indicators", MAX_ROWS, form)
    form.rows = [_row(item, index, len(shown.rows), form) for index, item in enumerate(rows)]
    ids = [row.id for row in form.rows if row.id is not None]
    if len(ids) != len(set(ids)):
        form.problems.append("表格数据无效：同一行出现两次，请重新打开本页")
    sections = _table(post, "sections", MAX_SECTIONS, form)
    form.sections = [{"heading": _string(item.get("heading")), "text": _string(item.get("text"))} for item in sections]
    if sections and len(sections) != len(shown.sections):
        form.problems.append("表格数据无效：报告章节数与页面不符，请重新打开本页")
    return form


def _table(post: QueryDict, name: str, limit: int, form: Form) -> list[dict[str, Any]]:
    if name not in post:
        form.problems.append(MISSING_TABLE)
        return []
    try:
        items = json.loads(post[name])
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        form.problems.append("表格数据无效，请重新打开本页")
        return []
    if len(items) > limit:
        form.problems.append(f"表格最多 {limit} 行")
        return []
    return items


def _row(item: dict[str, Any], index: int, stored_rows: int, form: Form) -> Row:
    row_id = item.get("id")
    if row_id is not None and (type(row_id) is not int or not 0 <= row_id < stored_rows):
        form.problems.append("表格数据无效：行号不符，请重新打开本页")
        row_id = None
    return Row(row_id, {f: _string(item.get(f)) for f in ROW_FIELDS}, _string(item.get("order")), item.get("delete") is True)


def _string(value: Any) -> str:
    """A cell as text; a lone surrogate (only a tampered client sends one) becomes U+FFFD."""
    text = value if isinstance(value, str) else "" if value is None else json.dumps(value)[:100]
    return SURROGATE.sub("\ufffd", text)


# --- form → stored data ---------------------------------------------------------------

def build(form: Form, clean: dict[str, Any], shown: dict[str, Any], onto: dict[str, Any]) -> dict[str, Any]:
    """`onto` with the form's fields set: what the user changed (compared with `shown`, the
    data the form was made from) takes the typed value; the rest keeps `shown`'s value."""
    data = copy.deepcopy(onto)
    provenance = data.setdefault("provenance", {})
    for spec in SCALARS:
        if _same(form.values[spec.path], _text(_get(shown, spec.path)), spec.kind == "longtext"):
            _set(data, spec.path, copy.deepcopy(_get(shown, spec.path)))
            _set(provenance, spec.path, shown.get("provenance", {}).get(spec.path), dotted=False)
        else:
            _set(data, spec.path, _stored(clean["values"][spec.path]))
            provenance.pop(spec.path, None)
    data["indicators"] = _rows(form, clean["rows"], shown.get("indicators", []))
    data["sections"] = _sections(form, clean["sections"], shown.get("sections", []))
    return data


def _rows(form: Form, clean: list[dict[str, Any]], stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = sorted(range(len(form.rows)), key=lambda i: (clean[i]["order"] if clean[i]["order"] is not None else i, i))
    result = []
    for i in ordered:
        row = form.rows[i]
        if row.delete or (row.id is None and not any(row.values[f].strip() for f in ROW_FIELDS[2:])):
            continue
        result.append(_row_data(row, clean[i], stored[row.id] if row.id is not None else {}))
    return result


def _row_data(row: Row, clean: dict[str, Any], stored: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(stored)
    for name in ROW_FIELDS:
        if _same(row.values[name], _text(_measure(stored.get(name))), name == "deviation_note") and stored:
            continue
        _set(data, name, _stored(clean[name]))
        if name == "name":
            data.pop("source", None)
    return data


def _sections(form: Form, clean: list[dict[str, Any]], stored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not form.sections:
        return copy.deepcopy(stored)
    result = []
    for posted, typed, section in zip(form.sections, clean, stored):
        if not posted["heading"].strip():
            continue  # a cleared heading removes the section
        data = copy.deepcopy(section)
        for name in ("heading", "text"):
            if not _same(posted[name], section.get(name, ""), name == "text"):
                _set(data, name, _stored(typed[name]))
        result.append(data)
    return result


def _same(posted: str, shown: str, multiline: bool) -> bool:
    """Whether the user left a field as shown (browsers send CR LF in a textarea and drop
    line breaks from a one-line input)."""
    if multiline:
        return normalize_newlines(posted) == normalize_newlines(shown)
    return posted == shown or posted == shown.replace("\r", "").replace("\n", "")


def _stored(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    return None if value == "" else value


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _set(data: dict[str, Any], path: str, value: Any, dotted: bool = True) -> None:
    *parents, leaf = path.split(".") if dotted else [path]
    for part in parents:
        if value is None and not isinstance(data.get(part), dict):
            return
        data = data.setdefault(part, {})
    if value is None:
        data.pop(leaf, None)
    else:
        data[leaf] = value


def _measure(value: Any) -> Any:
    return value.get("text", "") if isinstance(value, dict) else value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# --- the part of an evaluation the form edits -----------------------------------------

def part(data: dict[str, Any], project: int | None) -> dict[str, Any] | None:
    """The evaluation or one of its projects."""
    if project is None:
        return data
    projects = data.get("projects", [])
    return projects[project] if 0 <= project < len(projects) else None


def whole(data: dict[str, Any], project: int | None, edited: dict[str, Any]) -> dict[str, Any]:
    """The whole evaluation's data with the edited part put back."""
    if project is None:
        return edited
    merged = copy.deepcopy(data)
    merged["projects"][project] = edited
    return merged
