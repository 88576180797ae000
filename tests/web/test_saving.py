"""No edit is ever lost and a save stores exactly what changed (issue 13, problems 3 and 4):
a stale save is refused every time until the user merges or overwrites knowingly, with a
diff of the other person's changes; tables of any length save; an unchanged form stores
nothing; sources, line breaks and untouched values are kept; blank new rows are ignored."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.urls import reverse

from jixiao.web.evaluations.models import EvaluationRecord

from .factory import client_for, form_data, rows_of, sections_of, with_rows, with_sections

pytestmark = pytest.mark.django_db


def edit(world: dict, user: str, data: dict[str, str], project: int | None = None):  # noqa: ANN201 - a response
    url = reverse("edit", args=[world["own"].pk]) + (f"?project={project}" if project is not None else "")
    return client_for(world["users"][user]).post(url, data)


def current(world: dict) -> EvaluationRecord:
    return EvaluationRecord.objects.get(pk=world["own"].pk)


@pytest.fixture
def conflict(world: dict) -> dict:
    """The colleague saves 总分 97 and a row's score while the filer edits from version 1."""
    data = form_data(world["own"])
    world["mine"] = {**data, "goals.achieved": "我写的完成情况", "stated.total": "96"}  # the filer's page, from version 1
    rows = rows_of(data)
    rows[3]["score"] = "4"
    assert edit(world, "colleague", with_rows({**data, "stated.total": "97"}, rows)).status_code == 302
    return world


def test_a_stale_save_is_refused_again_and_again(conflict: dict) -> None:
    first = edit(conflict, "filer", conflict["mine"])
    page = first.content.decode()
    assert first.status_code == 409 and 'name="version" value="1"' in page and 'name="seen" value="2"' in page
    again = edit(conflict, "filer", conflict["mine"])  # 保存 pressed again: still refused
    assert again.status_code == 409
    record = current(conflict)
    assert record.version == 2 and record.data["stated"]["total"] == "97" and record.data["goals"].get("achieved") != "我写的完成情况"


def test_the_refusal_shows_what_the_other_person_changed(conflict: dict) -> None:
    response = edit(conflict, "filer", conflict["mine"])
    changes = {c.place: (c.before, c.after, c.mine, c.conflict) for c in response.context["outcome"].changes}
    assert changes["总分"] == ("98", "97", "96", True)
    score = next(key for key in changes if key.startswith("第4行") and key.endswith("得分"))
    assert changes[score] == ("5", "4", "5", False)
    page = response.content.decode()
    assert "colleague" in page and "保存了第 2 版" in page and "（冲突）" in page and "我写的完成情况" in page


def test_merge_keeps_both_edits_and_names_the_conflict(conflict: dict) -> None:
    response = edit(conflict, "filer", {**conflict["mine"], "resolve": "merge", "seen": "2"})
    assert response.status_code == 200 and current(conflict).version == 2  # nothing saved yet
    outcome = response.context["outcome"]
    assert outcome.version == 2 and outcome.form.values["goals.achieved"] == "我写的完成情况"
    assert outcome.form.values["stated.total"] == "96" and any("总分" in note for note in outcome.notes)
    assert outcome.form.rows[3].values["score"] == "4"  # the colleague's change, taken
    merged = {**form_data(current(conflict)), **outcome.form.values,
              "indicators": json.dumps([{"id": r.id, "order": r.order, **r.values} for r in outcome.form.rows])}
    assert edit(conflict, "filer", merged).status_code == 302
    record = current(conflict)
    assert record.version == 3 and record.data["goals"]["achieved"] == "我写的完成情况"
    assert record.data["indicators"][3]["score"] == "4" and record.data["stated"]["total"] == "96"


def test_overwrite_is_only_over_the_version_seen(conflict: dict) -> None:
    stale_seen = edit(conflict, "filer", {**conflict["mine"], "resolve": "overwrite", "seen": "1"})
    assert stale_seen.status_code == 409
    saved = edit(conflict, "filer", {**conflict["mine"], "resolve": "overwrite", "seen": "2"})
    record = current(conflict)
    assert saved.status_code == 302 and record.version == 3 and record.data["stated"]["total"] == "96"
    assert record.data["indicators"][3]["score"] == "5" and record.versions.get(number=3).note == "覆盖他人修改"


def test_overwrite_after_a_third_save_is_refused(conflict: dict) -> None:
    edit(conflict, "colleague", {**form_data(current(conflict)), "stated.total": "95"})
    response = edit(conflict, "filer", {**conflict["mine"], "resolve": "overwrite", "seen": "2"})
    assert response.status_code == 409 and current(conflict).data["stated"]["total"] == "95"


def test_a_form_without_its_version_is_refused(world: dict) -> None:
    for version in ("", "abc", "0", "99"):
        response = edit(world, "filer", {**form_data(world["own"]), "version": version, "stated.total": "90"})
        assert response.status_code == 400 and "版本号缺失或无效" in response.content.decode()
    assert current(world).version == 1


def test_two_hundred_indicator_rows_save(world: dict) -> None:
    data = form_data(world["own"])
    rows = rows_of(data) + [{"id": None, "order": str(100 + i), "level1": "产出指标", "level2": "数量指标",
                             "name": f"指标{i}", "target": "≥10次", "actual": "12次", "weight": "0.25", "score": "0.25",
                             "deviation_note": ""} for i in range(200)]
    payload = with_rows(data, rows)
    assert len(payload) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS / 10  # a table is one field, whatever its length
    response = edit(world, "filer", payload)
    assert response.status_code == 302
    record = current(world)
    assert len(record.data["indicators"]) == 212 and record.data["indicators"][-1]["name"] == "指标199"
    page = client_for(world["users"]["filer"]).get(reverse("edit", args=[record.pk])).content.decode()
    assert page.count('<tr class="ind-row" data-id="') == 212


def test_an_unchanged_form_stores_nothing(world: dict) -> None:
    before = current(world).data
    response = edit(world, "filer", form_data(world["own"]))
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    record = current(world)
    assert messages == ["没有修改，未生成新版本"] and record.version == 1 and record.versions.count() == 1
    assert record.data == before


def test_line_breaks_as_browsers_send_them_change_nothing(world: dict) -> None:
    data = form_data(world["own"])
    crlf = {key: value.replace("\n", "\r\n") for key, value in data.items() if key.startswith("goals.")}
    sections = [{**s, "text": s["text"].replace("\n", "\r\n")} for s in sections_of(data)]
    assert any("\r\n" in s["text"] for s in sections)
    edit(world, "filer", with_sections({**data, **crlf}, sections))
    assert current(world).version == 1
    sections[1]["text"] += "\r\n补充一句。"
    edit(world, "filer", with_sections({**data, **crlf}, sections))
    record = current(world)
    assert record.version == 2 and "\r" not in json.dumps(record.data, ensure_ascii=False)
    assert record.data["sections"][1]["text"].endswith("\n补充一句。")


def test_a_save_keeps_every_source_it_did_not_change(world: dict) -> None:
    before = current(world).data
    data = form_data(world["own"])
    rows = rows_of(data)
    rows[2]["score"] = "4"
    edit(world, "filer", with_rows({**data, "funds.total.executed": "700"}, rows))
    after = current(world).data
    assert all("source" in row for row in after["indicators"])  # the edited row names its row still
    assert after["indicators"][2]["source"] == before["indicators"][2]["source"]
    assert "funds.total.executed" not in after["provenance"]  # no longer what the file said
    assert {k: v for k, v in before["provenance"].items() if k != "funds.total.executed"} == after["provenance"]
    assert after["figures"] == before["figures"] and after["basic_data"] == before["basic_data"]
    findings = client_for(world["users"]["filer"]).get(reverse("detail", args=[world["own"].pk])).context["findings"]
    deductions = [f for f in findings if f.code == "JX404"]  # a deduction without a reason: the edited row among them
    assert len(deductions) == 5 and all(f.place for f in deductions)


def test_blank_added_rows_are_ignored(world: dict) -> None:
    data = form_data(world["own"])
    blank = {"id": None, "order": "12", "level1": "产出指标", "level2": "数量指标", "name": " ", "target": "",
             "actual": "", "weight": "", "score": "", "deviation_note": ""}
    response = edit(world, "filer", with_rows(data, rows_of(data) + [blank, dict(blank, order="13")]))
    assert response.status_code == 302 and current(world).version == 1 and len(current(world).data["indicators"]) == 12


def test_a_project_save_keeps_a_colleagues_edit_elsewhere(world: dict) -> None:
    project = form_data(world["own"], project=0)
    edit(world, "colleague", {**form_data(world["own"]), "stated.total": "97"})
    rows = rows_of(project)
    rows[0]["deviation_note"] = "项目说明"
    refused = edit(world, "filer", with_rows(project, rows), project=0)
    assert refused.status_code == 409 and "与您的修改没有冲突" in refused.content.decode()
    merged = edit(world, "filer", {**with_rows(project, rows), "resolve": "overwrite", "seen": "2"}, project=0)
    record = current(world)
    assert merged.status_code == 302 and record.data["stated"]["total"] == "97"
    assert record.data["projects"][0]["indicators"][0]["deviation_note"] == "项目说明"
