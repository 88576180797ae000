"""A small factory for the web tests: a bureau, a department, two units with their users,
one evaluation each (from sample 000), clients, and the editor's POST data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.ingest import read_evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.editing import initial, part
from jixiao.web.evaluations.models import EvaluationRecord
from jixiao.web.org.models import Membership, Organisation

REPORTS = Path(__file__).parents[2] / "examples" / "reports"
SAMPLE = REPORTS / "000_1c537258e20f2a87.txt"


def make_world() -> dict[str, Any]:
    bureau = Organisation.objects.create(name="财政局", kind="bureau")
    department = Organisation.objects.create(name="主管部门", kind="department", parent=bureau)
    mine = Organisation.objects.create(name="中共岳阳市君山区委政法委员会", kind="unit", parent=department)
    other = Organisation.objects.create(name="乙单位", kind="unit", parent=bureau)
    users = {}
    for name, org, role in (("filer", mine, "filer"), ("other", other, "filer"), ("reviewer", department, "reviewer"),
                            ("bureau", bureau, "reviewer"), ("colleague", mine, "filer")):
        users[name] = get_user_model().objects.create_user(name, password="pw-Jixiao-2024", first_name=name)
        Membership.objects.create(user=users[name], organisation=org, role=role)
    ev = read_evaluation(SAMPLE)
    own = services.create(mine, ev, users["filer"])
    foreign = services.create(other, ev, users["other"])
    return {"users": users, "own": own, "foreign": foreign, "mine": mine, "other_unit": other, "department": department}


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(record: EvaluationRecord, project: int | None = None, version: int | None = None) -> dict[str, str]:
    """What the editor page posts for the stored data, unchanged."""
    record.refresh_from_db()
    form = initial(part(record.data, project))
    rows = [{"id": row.id, "order": row.order, "delete": False, **row.values} for row in form.rows]
    return {"version": str(version or record.version), **form.values, "indicators": json.dumps(rows, ensure_ascii=False),
            "sections": json.dumps(form.sections, ensure_ascii=False)}


def rows_of(data: dict[str, str]) -> list[dict[str, Any]]:
    return json.loads(data["indicators"])


def with_rows(data: dict[str, str], rows: list[dict[str, Any]]) -> dict[str, str]:
    return {**data, "indicators": json.dumps(rows, ensure_ascii=False)}


def sections_of(data: dict[str, str]) -> list[dict[str, str]]:
    return json.loads(data["sections"])


def with_sections(data: dict[str, str], sections: list[dict[str, str]]) -> dict[str, str]:
    return {**data, "sections": json.dumps(sections, ensure_ascii=False)}


def pages_of(record: EvaluationRecord, every: bool = True) -> list[str]:
    """The pages that show this record or list it; `every`: with its versions, the editor and
    the exports too (PDF aside: it needs LibreOffice and is tested on its own)."""
    from django.urls import reverse

    pk = record.pk
    urls = [reverse("detail", args=[pk]), reverse("report", args=[pk]), reverse("queue"),
            reverse("queue") + "?format=findings", reverse("dashboard"), reverse("spotcheck")]
    if every:
        urls += [reverse("versions", args=[pk]), reverse("edit", args=[pk]), reverse("queue") + "?format=xlsx",
                 reverse("dashboard") + "?format=json"]
        urls += [reverse("version", args=[pk, v.number]) for v in record.versions.all()]
        urls += [reverse("export", args=[pk, to]) for to in ("json", "html", "xlsx", "docx")]
    return urls


def assert_pages_render(client: Client, record: EvaluationRecord, every: bool = True) -> None:
    for url in pages_of(record, every):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
