"""Filling in: the form saves a new version, rows can be added, removed and reordered,
the live preview re-scores without saving, a stale save keeps the user's input, and last
year's evaluation can start this year's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.web.evaluations.editing import initial
from jixiao.web.evaluations.models import EvaluationRecord

from .test_web import client_for, world  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def form_data(record: EvaluationRecord) -> dict[str, str]:
    form = initial(record.data)
    data = {"version": str(record.version), **form.values}
    for row in form.rows:
        data.update({f"ind-{row.index}-{k}": v for k, v in row.values.items()})
        data[f"ind-{row.index}-order"] = str(row.index)
    for index, section in enumerate(form.sections):
        data[f"sec-{index}-heading"], data[f"sec-{index}-text"] = section["heading"], section["text"]
    return data


def test_edit_page_shows_the_data(world: dict) -> None:
    page = client_for(world["users"]["filer"]).get(reverse("edit", args=[world["own"].pk])).content.decode()
    assert 'name="funds.total.budget" value="734.38"' in page and page.count('<tr id="row-') == 12
    assert "htmx.min.js" in page and "https://" not in page


def test_others_cannot_open_the_editor(world: dict) -> None:
    reviewer = client_for(world["users"]["reviewer"])  # reviewers review, they do not fill in
    assert reviewer.get(reverse("edit", args=[world["own"].pk])).status_code == 404
    assert client_for(world["users"]["filer"]).get(reverse("edit", args=[world["foreign"].pk])).status_code == 404


def test_save_remove_reorder_and_add(world: dict) -> None:
    record = world["own"]
    data = form_data(record)
    data["ind-1-score"] = "4"  # 大走访 now 4 of 5
    data["ind-0-delete"] = "1"  # drop the first row
    data["ind-2-order"] = "-1"  # move the third row first
    data.update({"ind-99-level1": "产出指标", "ind-99-level2": "数量指标", "ind-99-name": "新增指标",
                 "ind-99-target": "≥5次", "ind-99-actual": "5次", "ind-99-weight": "0", "ind-99-order": "99"})
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), data)
    assert response.status_code == 302
    record.refresh_from_db()
    names = [i["name"] for i in record.data["indicators"]]
    assert record.version == 2 and len(names) == 12
    assert names[0] == "开展平安考评及公众安全感测评" and names[-1] == "新增指标" and "发放反邪防邪宣传资料、对重点人员实施监控" not in names
    assert record.data["indicators"][1]["score"] == "4"


def test_a_stale_save_keeps_the_input(world: dict) -> None:
    record = world["own"]
    data = form_data(record)
    data["version"] = "0"
    data["goals.achieved"] = "我刚刚写下的一大段完成情况说明"
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), data)
    page = response.content.decode()
    assert response.status_code == 409 and "他人已于此期间保存了第 1 版" in page
    assert "我刚刚写下的一大段完成情况说明" in page
    record.refresh_from_db()
    assert record.version == 1


def test_invalid_input_is_explained_not_lost(world: dict) -> None:
    data = form_data(world["own"])
    data["ind-0-weight"] = "五分"
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[world["own"].pk]), data)
    assert response.status_code == 409 and "“五分”不是数字" in response.content.decode()
    assert 'value="五分"' in response.content.decode()


def test_live_preview_rescored_without_saving(world: dict) -> None:
    data = form_data(world["own"])
    data["ind-1-actual"] = "10次"  # ≥12次 missed: 5 × 10/12 = 4.17
    response = client_for(world["users"]["filer"]).post(reverse("preview", args=[world["own"].pk]), data)
    fragment = response.content.decode()
    assert "5 × min(1, 10/12) = 4.17" in fragment and "JX405" in fragment
    world["own"].refresh_from_db()
    assert world["own"].version == 1


def test_new_row_fragment(world: dict) -> None:
    fragment = client_for(world["users"]["filer"]).get(reverse("new_row", args=[world["own"].pk]), {"index": 40}).content.decode()
    assert 'name="ind-40-target"' in fragment and "<option>产出指标</option>" in fragment


def test_copy_last_year(world: dict) -> None:
    response = client_for(world["users"]["filer"]).post(reverse("copy", args=[world["own"].pk]))
    created = EvaluationRecord.objects.latest("pk")
    assert response.url == reverse("edit", args=[created.pk])
    assert created.fiscal_year == 2024 and created.status == "draft"
    first = created.data["indicators"][0]
    assert first["target"]["text"] == "≥8000份" and first.get("actual", {}).get("text", "") == "" and "score" not in first


def test_narrative_sections_are_edited_and_kept(world: dict) -> None:
    record = world["own"]
    data = form_data(record)
    heading = next(k for k, v in data.items() if v == "存在的问题及原因分析")
    data[heading.replace("heading", "text")] = "资金拨付滞后，已建立月度调度机制。"
    client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), data)
    record.refresh_from_db()
    section = next(s for s in record.data["sections"] if s["heading"] == "存在的问题及原因分析")
    assert section["text"] == "资金拨付滞后，已建立月度调度机制。" and section["source"]["line"] > 0
    assert len(record.data["sections"]) == len(initial(record.versions.get(number=1).data).sections)


def test_a_project_table_is_edited_in_place(world: dict) -> None:
    record = world["own"]
    project = record.data["projects"][0]
    client = client_for(world["users"]["filer"])
    page = client.get(reverse("edit", args=[record.pk]) + "?project=0").content.decode()
    assert "项目“政法专项”" in page and page.count('<tr id="row-') == 13
    form = initial(project)
    data = {"version": "1", **form.values}
    for row in form.rows:
        data.update({f"ind-{row.index}-{k}": v for k, v in row.values.items()})
    data["ind-10-deviation_note"] = "生态效益难以量化，酌情扣1分"
    response = client.post(reverse("edit", args=[record.pk]) + "?project=0", data)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.data["projects"][0]["indicators"][10]["deviation_note"] == "生态效益难以量化，酌情扣1分"
    assert record.data["indicators"] == world["own"].versions.get(number=1).data["indicators"]  # the department's untouched
    assert client.get(reverse("edit", args=[record.pk]) + "?project=9").status_code == 404
