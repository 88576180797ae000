"""The checks of every field of the editor, as Django forms: the scalar fields by their kind
(money, score, year…), each indicator row (a score above its weight is refused) and each
narrative section. A problem is kept under the field's key in `Form.errors`, shown beside it."""

from __future__ import annotations

from typing import Any

from django import forms

from jixiao.web.evaluations.editing import ORDER, REQUIRED, SCALARS, Form, Spec
from jixiao.web.evaluations.fields import GradeField, NumberField, TextField, YearField
from jixiao.web.evaluations.limits import COUNT, MONEY, RATE, SCORE, Bounds

BOUNDS: dict[str, Bounds] = {"money": MONEY, "score": SCORE, "rate": RATE, "count": COUNT}


class RowForm(forms.Form):
    level1 = TextField(max_length=50, required=False)
    level2 = TextField(max_length=50, required=False)
    name = TextField(max_length=500, required=False)
    target = TextField(max_length=500, required=False)
    actual = TextField(max_length=500, required=False)
    weight = NumberField(SCORE, required=False)
    score = NumberField(SCORE, required=False)
    deviation_note = TextField(max_length=5000, required=False, multiline=True)
    order = NumberField(ORDER, required=False)

    def clean(self) -> dict[str, Any]:
        weight, score = self.cleaned_data.get("weight"), self.cleaned_data.get("score")
        if weight is not None and score is not None and score > weight:
            self.add_error("score", f"得分 {score} 超过分值 {weight}")
        return self.cleaned_data


class SectionForm(forms.Form):
    heading = TextField(max_length=300, required=False)
    text = TextField(max_length=100_000, required=False, multiline=True)


def _scalar_form(project: bool) -> type[forms.Form]:
    fields = {spec.path: _field(spec, required=spec.path == "title" or (not project and spec.path in REQUIRED))
              for spec in SCALARS}
    return type("ScalarForm", (forms.Form,), fields)


def _field(spec: Spec, required: bool) -> forms.Field:
    if spec.kind in BOUNDS:
        return NumberField(BOUNDS[spec.kind], required=required)
    if spec.kind == "year":
        return YearField(required=required)
    if spec.kind == "grade":
        return GradeField(required=False)
    return TextField(max_length=spec.max_length, required=required, multiline=spec.kind == "longtext")


def validate(form: Form, project: bool) -> dict[str, Any]:
    """The typed values of every field; problems go to `form.errors` beside their field."""
    scalars = _scalar_form(project)(data=form.values)
    _collect(scalars, form, "")
    clean = dict(scalars.cleaned_data)
    weight, score = clean.get("stated.execution_weight"), clean.get("stated.execution_score")
    if weight is not None and score is not None and score > weight:
        form.errors["stated.execution_score"] = f"执行率得分 {score} 超过分值 {weight}"
    rows = [RowForm(data={**row.values, "order": row.order}) for row in form.rows]
    for index, row in enumerate(rows):
        _collect(row, form, f"ind-{index}-")
    sections = [SectionForm(data=section) for section in form.sections]
    for index, section in enumerate(sections):
        _collect(section, form, f"sec-{index}-")
    return {"values": clean, "rows": [r.cleaned_data for r in rows], "sections": [s.cleaned_data for s in sections]}


def _collect(django_form: forms.Form, form: Form, prefix: str) -> None:
    if not django_form.is_valid():
        for name, messages in django_form.errors.items():
            form.errors[f"{prefix}{name}"] = "；".join(messages)
