"""Filling in: the form saves a new version, rows can be added, removed and reordered,
the live preview re-scores without saving, a stale save keeps the user's input, and last
year's evaluation can start this year's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.web.evaluations.editing import initial
from jixiao.web.evaluations.models import EvaluationRecord

from .factory import client_for, form_data, rows_of, sections_of, with_rows, with_sections

pytestmark = pytest.mark.django_db


def test_edit_page_shows_the_data(world: dict) -> None:
    page = client_for(world["users"]["filer"]).get(reverse("edit", args=[world["own"].pk])).content.decode()
    assert 'name="funds.total.budget" value="734.38"' in page and page.count('<tr class="ind-row" data-id="') == 12
    assert "htmx.min.js" in page and "editor.js" in page and "https://" not in page and "<script>" not in page


def test_others_cannot_open_the_editor(world: dict) -> None:
    reviewer = client_for(world["users"]["reviewer"])  # reviewers review, they do not fill in
    assert reviewer.get(reverse("edit", args=[world["own"].pk])).status_code == 404
    assert client_for(world["users"]["filer"]).get(reverse("edit", args=[world["foreign"].pk])).status_code == 404


def test_save_remove_reorder_and_add(world: dict) -> None:
    record = world["own"]
    data = form_data(record)
    rows = rows_of(data)
    rows[1]["score"] = "4"  # 大走访 now 4 of 5
    rows[0]["delete"] = True  # drop the first row
    rows[2]["order"] = "-1"  # move the third row first
    rows.append({"id": None, "level1": "产出指标", "level2": "数量指标", "name": "新增指标", "target": "≥5次",
                 "actual": "5次", "weight": "0", "score": "", "deviation_note": "", "order": "99"})
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), with_rows(data, rows))
    assert response.status_code == 302
    record.refresh_from_db()
    names = [i["name"] for i in record.data["indicators"]]
    assert record.version == 2 and len(names) == 12
    assert names[0] == "开展平安考评及公众安全感测评" and names[-1] == "新增指标" and "发放反邪防邪宣传资料、对重点人员实施监控" not in names
    assert record.data["indicators"][1]["score"] == "4"


def test_a_stale_save_keeps_the_input(world: dict) -> None:
    record = world["own"]
    client_for(world["users"]["colleague"]).post(reverse("edit", args=[record.pk]),
                                                 {**form_data(record), "stated.total": "97"})
    data = {**form_data(record, version=1), "goals.achieved": "我刚刚写下的一大段完成情况说明"}
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), data)
    page = response.content.decode()
    assert response.status_code == 409 and "他人已保存了新版本" in page
    assert "我刚刚写下的一大段完成情况说明" in page
    record.refresh_from_db()
    assert record.version == 2 and record.data["stated"]["total"] == "97"


def test_invalid_input_is_explained_not_lost(world: dict) -> None:
    data = form_data(world["own"])
    rows = rows_of(data)
    rows[0]["weight"] = "五分"
    response = client_for(world["users"]["filer"]).post(reverse("edit", args=[world["own"].pk]), with_rows(data, rows))
    page = response.content.decode()
    assert response.status_code == 400 and "“五分”不是数字" in page and 'value="五分"' in page
    world["own"].refresh_from_db()
    assert world["own"].version == 1


def test_live_preview_rescored_without_saving(world: dict) -> None:
    data = form_data(world["own"])
    rows = rows_of(data)
    rows[1]["actual"] = "10次"  # ≥12次 missed: 5 × 10/12 = 4.17
    response = client_for(world["users"]["filer"]).post(reverse("preview", args=[world["own"].pk]), with_rows(data, rows))
    fragment = response.content.decode()
    assert "5 × min(1, 10/12) = 4.17" in fragment and "JX405" in fragment
    world["own"].refresh_from_db()
    assert world["own"].version == 1


def test_live_preview_names_the_fields_in_error(world: dict) -> None:
    data = {**form_data(world["own"]), "funds.total.budget": "-5"}
    fragment = client_for(world["users"]["filer"]).post(reverse("preview", args=[world["own"].pk]), data).content.decode()
    assert "全年预算数：不能为负数" in fragment


def test_new_row_template_is_on_the_page(world: dict) -> None:
    page = client_for(world["users"]["filer"]).get(reverse("edit", args=[world["own"].pk])).content.decode()
    template = page[page.index('<template id="new-row">'):page.index("</template>")]
    assert '<tr class="ind-row">' in template and "<option>产出指标</option>" in template and "data-id" not in template


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
    sections = sections_of(data)
    problems = next(s for s in sections if s["heading"] == "存在的问题及原因分析")
    problems["text"] = "资金拨付滞后，\r\n已建立月度调度机制。"
    client_for(world["users"]["filer"]).post(reverse("edit", args=[record.pk]), with_sections(data, sections))
    record.refresh_from_db()
    section = next(s for s in record.data["sections"] if s["heading"] == "存在的问题及原因分析")
    assert section["text"] == "资金拨付滞后，\n已建立月度调度机制。" and section["source"]["line"] > 0
    assert len(record.data["sections"]) == len(initial(record.versions.get(number=1).data).sections)


def test_a_project_table_is_edited_in_place(world: dict) -> None:
    record = world["own"]
    client = client_for(world["users"]["filer"])
    page = client.get(reverse("edit", args=[record.pk]) + "?project=0").content.decode()
    assert "项目“政法专项”" in page and page.count('<tr class="ind-row" data-id="') == 13
    data = form_data(record, project=0)
    rows = rows_of(data)
    rows[10]["deviation_note"] = "生态效益难以量化，酌情扣1分"
    response = client.post(reverse("edit", args=[record.pk]) + "?project=0", with_rows(data, rows))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.data["projects"][0]["indicators"][10]["deviation_note"] == "生态效益难以量化，酌情扣1分"
    assert record.data["indicators"] == world["own"].versions.get(number=1).data["indicators"]  # the department's untouched
    assert client.get(reverse("edit", args=[record.pk]) + "?project=9").status_code == 404
    assert client.get(reverse("edit", args=[record.pk]) + "?project=abc").status_code == 404
