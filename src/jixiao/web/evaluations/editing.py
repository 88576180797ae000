"""The edit form's fields ↔ the Evaluation. Field names are paths into the model
(`funds.total.budget`, `ind-3-target`); the Evaluation is rebuilt on top of the stored data,
so what the form does not show (projects, sections, sources) is kept."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict
from pydantic import ValidationError

from jixiao.model.evaluation import Evaluation
from jixiao.strict_yaml import describe_validation_error

SCALARS: tuple[tuple[str, str], ...] = (
    ("title", "标题"), ("fiscal_year", "年度"), ("unit.name", "单位名称"),
    ("unit.staffing.authorized", "编制数"), ("unit.staffing.serving", "在职人数"),
    ("funds.total.initial_budget", "年初预算数"), ("funds.total.budget", "全年预算数"), ("funds.total.executed", "全年执行数"),
    ("funds.basic.budget", "基本支出预算"), ("funds.basic.executed", "基本支出执行"),
    ("funds.personnel.executed", "人员经费"), ("funds.public.executed", "公用经费"),
    ("funds.project.budget", "项目支出预算"), ("funds.project.executed", "项目支出执行"),
    ("goals.expected", "预期目标"), ("goals.achieved", "实际完成情况"),
    ("stated.execution_weight", "执行率分值"), ("stated.execution_rate", "执行率(%)"),
    ("stated.execution_score", "执行率得分"), ("stated.total", "总分"), ("stated.grade", "等级"),
)
ROW_FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "deviation_note")
LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
LEVEL2 = ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
          "可持续影响指标", "服务对象满意度指标")


@dataclass
class Row:
    index: int
    values: dict[str, str]


@dataclass
class Form:
    values: dict[str, str]
    rows: list[Row]
    sections: list[dict[str, str]]  # heading and text of each narrative section


def initial(data: dict[str, Any]) -> Form:
    """Form values from stored data."""
    values = {path: _text(_get(data, path)) for path, _ in SCALARS}
    rows = [Row(i, {f: _text(_measure(r.get(f))) for f in ROW_FIELDS}) for i, r in enumerate(data.get("indicators", []))]
    sections = [{"heading": s.get("heading", ""), "text": s.get("text", "")} for s in data.get("sections", [])]
    return Form(values, rows, sections)


def posted(post: QueryDict) -> Form:
    """Form values as the user sent them (kept when a save is refused)."""
    values = {path: post.get(path, "") for path, _ in SCALARS}
    indexes = sorted({int(k.split("-")[1]) for k in post if k.startswith("ind-") and k.split("-")[1].isdigit()})
    rows = [Row(i, {f: post.get(f"ind-{i}-{f}", "") for f in ROW_FIELDS} | {
        "order": post.get(f"ind-{i}-order", str(i)), "delete": post.get(f"ind-{i}-delete", "")}) for i in indexes]
    count = sum(1 for key in post if key.startswith("sec-") and key.endswith("-heading"))
    sections = [{"heading": post.get(f"sec-{i}-heading", ""), "text": post.get(f"sec-{i}-text", "")} for i in range(count)]
    return Form(values, rows, sections)


def evaluation_from(form: Form, base: dict[str, Any]) -> tuple[Evaluation | None, str]:
    """The Evaluation the form describes, or the reason it is not valid."""
    values, rows = form.values, form.rows
    data = copy.deepcopy(base)
    stored = data.get("sections", [])
    data["sections"] = [{**(stored[i] if i < len(stored) else {}), **s} for i, s in enumerate(form.sections)
                        if s["heading"].strip()] if form.sections or not stored else stored
    for path, _ in SCALARS:
        _set(data, path, values.get(path, "").strip() or None)
    kept = [r for r in rows if not r.values.get("delete") and any(r.values.get(f) for f in ROW_FIELDS)]
    kept.sort(key=lambda r: (_number(r.values.get("order", "")), r.index))
    data["indicators"] = [{f: (r.values.get(f, "").strip() or None) if f in ("weight", "score") else r.values.get(f, "")
                           for f in ROW_FIELDS} for r in kept]
    try:
        return Evaluation.model_validate(data), ""
    except ValidationError as exc:
        return None, describe_validation_error(exc, "表单")


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 1e9


def _get(data: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    if value is None:
        data.pop(leaf, None)
    else:
        data[leaf] = value


def _measure(value: Any) -> Any:
    return value.get("text", "") if isinstance(value, dict) else value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def part(data: dict[str, Any], project: int | None) -> dict[str, Any] | None:
    """The part of the stored data the form edits: the evaluation or one of its projects."""
    if project is None:
        return data
    projects = data.get("projects", [])
    return projects[project] if 0 <= project < len(projects) else None


def whole(data: dict[str, Any], project: int | None, edited: Evaluation) -> Evaluation:
    """The whole evaluation with the edited part put back."""
    if project is None:
        return edited
    merged = copy.deepcopy(data)
    merged["projects"][project] = edited.model_dump(mode="json", exclude_defaults=True)
    return Evaluation.model_validate(merged)
