"""Properties: whatever is typed into any field of the editor (and whatever a tampered
client sends for its tables), the app answers without a server error; whatever values a
stored record holds (as an import may bring them), every page of it still renders."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import Evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.editing import ROW_FIELDS, SCALARS
from jixiao.web.evaluations.models import EvaluationRecord

from .factory import SAMPLE, client_for, form_data, rows_of

pytestmark = pytest.mark.django_db
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

HOSTILE = ["", " ", "0", "-0", "-5", "100", "0.0001", "99.9999", "1000000", "9999999999.999999", "99999999999999999999",
           "1e999999", "1E-999999", "NaN", "-Infinity", "inf", "2023年", "20%", "１２３", "1,234.5", "5.", ".5", "0x10", "½",
           "٣", "\x00", "\ud800", "'; DROP TABLE x;--", "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "\r\n\r\n",
           "优秀（92分）", "优", "≥-5%", "≤-1e9次", "2023、12、31", "2100年底前", "a" * 5000]
values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60),
                   st.decimals(allow_nan=True, allow_infinity=True).map(str), st.integers().map(str))
typed = values.filter(lambda v: "\ud800" not in v)  # a browser cannot send a lone surrogate in a form field
row_ids = st.one_of(st.none(), st.integers(min_value=-2, max_value=14), st.sampled_from(["3", 1.5, True, [1]]))
rows = st.lists(st.fixed_dictionaries({"id": row_ids, **{name: values for name in (*ROW_FIELDS, "order")},
                                       "delete": st.sampled_from([False, True, "yes", None])}), max_size=16)
tables = st.one_of(rows.map(lambda r: json.dumps(r, ensure_ascii=True)), st.sampled_from(["", "[", "null", '{"a":1}', "[1]"]))
scalars = st.dictionaries(st.sampled_from([spec.path for spec in SCALARS]), typed, max_size=len(SCALARS))


def assert_every_page_renders(world: dict) -> None:
    record = EvaluationRecord.objects.get(pk=world["own"].pk)
    pk = record.pk
    shown = [reverse("detail", args=[pk]), reverse("queue") + "?format=findings", reverse("dashboard") + "?format=json"]
    own = [reverse("report", args=[pk]), reverse("versions", args=[pk]), reverse("version", args=[pk, record.version]),
           reverse("edit", args=[pk]), reverse("edit", args=[pk]) + "?project=0", reverse("queue"), reverse("spotcheck"),
           reverse("export", args=[pk, "json"])]
    filer, reviewer = client_for(world["users"]["filer"]), client_for(world["users"]["reviewer"])
    for client, urls in ((filer, shown + own), (reviewer, shown)):
        for url in urls:
            assert client.get(url).status_code == 200, url
    for to in ("html", "xlsx"):  # a file, or (a record the rules cannot score) a message why not
        response = filer.get(reverse("export", args=[pk, to]), follow=True)
        assert response.status_code == 200 and (response.redirect_chain == [] or "无法导出" in response.content.decode())


def post(client: Client, url: str, data: dict[str, str], allowed: set[int]) -> None:
    response = client.post(url, data)
    assert response.status_code in allowed, (url, response.status_code)


@SETTINGS
@given(changed=scalars, indicators=st.one_of(st.none(), tables), keep_rows=st.booleans(), data=st.data())
def test_no_input_breaks_the_editor_or_a_page(world: dict, changed: dict, indicators: str | None, keep_rows: bool,
                                              data: st.DataObject) -> None:
    record = EvaluationRecord.objects.get(pk=world["own"].pk)
    form = {**form_data(record), **changed}
    if keep_rows:  # the stored rows with random values in random cells: mostly well-formed tables
        table = rows_of(form)
        for row in table:
            row.update(data.draw(st.dictionaries(st.sampled_from(ROW_FIELDS), values, max_size=2)))
        form["indicators"] = json.dumps(table, ensure_ascii=True)
    elif indicators is not None:
        form["indicators"] = indicators
    filer = client_for(world["users"]["filer"])
    post(filer, reverse("preview", args=[record.pk]), form, {200})
    post(filer, reverse("edit", args=[record.pk]), form, {302, 400})
    assert_every_page_renders(world)


numbers = st.one_of(st.sampled_from(["-5", "0", "1000000", "1e20", "1e999999", "-1e999999", "NaN", "Infinity", "0.000001"]),
                    st.decimals(allow_nan=False, allow_infinity=True).map(str))
paths = ["stated.total", "stated.execution_rate", "stated.execution_score", "stated.execution_weight", "funds.total.budget",
         "funds.total.executed", "funds.total.initial_budget", "funds.project.budget", "funds.basic.executed"]


@SETTINGS
@given(figures=st.dictionaries(st.sampled_from(paths), numbers), cells=st.lists(
    st.tuples(st.integers(0, 11), st.sampled_from(["weight", "score", "target", "actual"]), st.one_of(numbers, values)),
    max_size=6), grade=st.one_of(st.none(), st.text(max_size=40)))
def test_no_stored_value_breaks_a_page(world: dict, figures: dict, cells: list, grade: str | None) -> None:
    data = read_evaluation(SAMPLE).model_dump(mode="json", exclude_defaults=True)
    for path, value in figures.items():
        group, *rest = path.split(".")
        target = data.setdefault(group, {})
        for name in rest[:-1]:
            target = target.setdefault(name, {})
        target[rest[-1]] = value
    for index, column, value in cells:
        data["indicators"][index][column] = value
    data["stated"]["grade"] = grade
    record = EvaluationRecord.objects.get(pk=world["own"].pk)
    try:
        ev = Evaluation.model_validate(data)
    except ValidationError:
        return  # the model refuses it (NaN, Infinity): it cannot be stored
    services.save(record, ev, world["users"]["filer"], record.version)
    assert_every_page_renders(world)
