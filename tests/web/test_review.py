"""The reviewer's tools: filters and risk order, spot-check samples, exports of the queue
and the findings, and the dashboard with its JSON twin."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from jixiao.ingest import read_evaluation
from jixiao.web.evaluations import services

from .factory import REPORTS, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def more(world: dict) -> dict:
    from jixiao.web.org.models import Membership, Organisation

    office = Organisation.objects.create(name="丙单位", kind="unit", parent=world["mine"].parent)
    Membership.objects.create(user=world["users"]["filer"], organisation=office, role="filer")
    world["risky"] = services.create(office, read_evaluation(REPORTS / "004_66e78293cd0851a8.txt"), world["users"]["filer"])
    return world


def test_queue_is_ranked_by_risk_and_filterable(more: dict) -> None:
    client = client_for(more["users"]["bureau"])
    page = client.get(reverse("queue")).content.decode()
    assert page.index(f"/e/{more['risky'].pk}/") < page.index(f"/e/{more['own'].pk}/")  # 2 errors first
    filtered = client.get(reverse("queue"), {"grade": "优"}).content.decode()
    assert "/e/" not in filtered  # the samples state no grade in words
    by_year = client.get(reverse("queue"), {"year": 2023, "sort": "title"}).content.decode()
    assert by_year.count("/e/") == 3


def test_queue_and_findings_export(more: dict) -> None:
    client = client_for(more["users"]["reviewer"])
    queue = openpyxl.load_workbook(io.BytesIO(client.get(reverse("queue"), {"format": "xlsx"}).content)).active
    rows = list(queue.iter_rows(values_only=True))
    assert rows[0][:3] == ("单位", "年度", "标题") and len(rows) == 3  # the reviewer's two evaluations
    findings = openpyxl.load_workbook(io.BytesIO(client.get(reverse("queue"), {"format": "findings"}).content)).active
    assert any(row[3] == "JX303" for row in findings.iter_rows(values_only=True))


def test_spot_check_takes_every_error_and_a_reproducible_share(more: dict) -> None:
    client = client_for(more["users"]["bureau"])
    first = client.get(reverse("spotcheck"), {"share": "0.5", "seed": "7"}).content.decode()
    again = client.get(reverse("spotcheck"), {"share": "0.5", "seed": "7"}).content.decode()
    drawn = lambda page: re.findall(r'href="/e/(\d+)/"', page)  # noqa: E731
    assert drawn(first) == drawn(again) and f"/e/{more['risky'].pk}/" in first and "有错误" in first
    assert first.count("随机抽取</td>") == 1  # half of the two without errors


def test_dashboard_and_its_json(more: dict) -> None:
    client = client_for(more["users"]["bureau"])
    page = client.get(reverse("dashboard")).content.decode()
    assert "echarts.min.js" in page and "https://" not in page
    data = client.get(reverse("dashboard"), {"format": "json"}).json()
    assert dict(data["codes"])["JX303"] == 1
    assert sorted(r[1] for r in data["totals"]) == [98, 98, 99]
    assert data["progress"]["departments"] and sum(map(sum, data["progress"]["counts"])) == 3


def test_the_filer_dashboard_shows_only_their_units(more: dict) -> None:
    data = client_for(more["users"]["other"]).get(reverse("dashboard"), {"format": "json"}).json()
    assert len(data["totals"]) == 1
