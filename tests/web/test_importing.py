"""Imports (issue 13, problem 5): only a self-evaluation is imported (or the user is told
what was not found), into its own unit (or the user confirms), with the year known;
messages name the user's file; size and time are limited per upload; a big input never
bloats the database or makes the lists load it."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from jixiao.ingest import read_evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import EvaluationRecord

from .factory import REPORTS, SAMPLE, client_for

pytestmark = pytest.mark.django_db
FOREIGN = REPORTS / "004_66e78293cd0851a8.txt"  # 中共岳阳市君山区委办公室, 2023


def upload(world: dict, name: str, content: bytes, **fields: str):  # noqa: ANN201 - a response
    data = {"unit": world["mine"].pk, "file": SimpleUploadedFile(name, content), **fields}
    return client_for(world["users"]["filer"]).post(reverse("import"), data)


def versions(world: dict) -> int:
    return EvaluationRecord.objects.get(pk=world["own"].pk).version


def test_a_text_that_is_not_a_report_is_refused(world: dict) -> None:
    response = upload(world, "会议通知.txt", "关于召开全区安全生产工作会议的通知\n\n各单位：定于下周一召开会议。\n".encode())
    page = response.content.decode()
    assert response.status_code == 400 and "“会议通知.txt”不像绩效自评报告：未找到年度、单位名称、绩效指标表、总分、资金情况" in page
    assert EvaluationRecord.objects.count() == 2


def test_another_units_report_is_not_imported_without_confirmation(world: dict) -> None:
    response = upload(world, "办公室自评.txt", FOREIGN.read_bytes())
    page = response.content.decode()
    assert response.status_code == 400 and "所述单位为“中共岳阳市君山区委办公室”，与所选“中共岳阳市君山区委政法委员会”不符" in page
    assert page.index('name="unit"') < page.index("不符")  # the message sits by the unit field
    assert versions(world) == 1
    confirmed = upload(world, "办公室自评.txt", FOREIGN.read_bytes(), confirm_unit="on")
    assert confirmed.status_code == 302 and versions(world) == 2


def test_the_units_own_report_again_makes_no_version(world: dict) -> None:
    upload(world, "000.txt", SAMPLE.read_bytes())  # the sources now name 000.txt: version 2
    response = upload(world, "000.txt", SAMPLE.read_bytes())
    assert response.status_code == 302 and versions(world) == 2
    assert [str(m) for m in response.wsgi_request._messages][0].startswith("导入的内容与")


def test_messages_name_the_users_file(world: dict) -> None:
    page = upload(world, "我的 报告.docx", b"PK\x03\x04 broken zip").content.decode()
    assert "我的 报告.docx" in page and "jixiao-upload" not in page and "/tmp" not in page


@pytest.mark.parametrize("name, megabytes, message", [("大.txt", 3, "上限为 2 MB"), ("大.docx", 21, "过大（超过 20 MB），未上传"),
                                                      ("脚本.exe", 1, "不支持“.exe”格式")])
def test_size_and_format_are_limited_per_upload(world: dict, name: str, megabytes: int, message: str) -> None:
    page = upload(world, name, b"x" * (megabytes * 1024 * 1024)).content.decode()
    assert message in page and f"“{name}”" in page


def test_an_upload_beyond_every_limit_is_not_even_received(world: dict) -> None:
    response = upload(world, "巨大.pdf", b"%PDF" + b"0" * (21 * 1024 * 1024))
    page = response.content.decode()
    assert response.status_code == 400 and "“巨大.pdf”过大（超过 20 MB），未上传" in page and "必填" not in page


@override_settings(JIXIAO_IMPORT_SECONDS=1)
def test_a_file_that_reads_too_long_is_stopped(world: dict) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    text = "\n".join(lines * (1_900_000 // len(SAMPLE.read_bytes())))  # just under the 2 MB limit
    page = upload(world, "很长的报告.txt", text.encode()).content.decode()
    assert "“很长的报告.txt”在 1 秒内未能读完，已停止读取" in page and versions(world) == 1


def test_a_report_without_a_year_asks_for_it(world: dict) -> None:
    data = read_evaluation(SAMPLE).model_dump(mode="json", exclude_defaults=True, exclude={"fiscal_year", "projects"})
    content = json.dumps(data, ensure_ascii=False).encode()
    asked = upload(world, "无年度.json", content)
    assert asked.status_code == 400 and "未找到年度，请在“年度”栏填写" in asked.content.decode()
    assert "所述年度为 2023，与所填 2024 不符" in upload(world, "000.txt", SAMPLE.read_bytes(), year="2024").content.decode()
    assert upload(world, "无年度.json", content, year="2025年").status_code == 302
    assert EvaluationRecord.objects.filter(fiscal_year=2025, unit=world["mine"]).exists()


def test_characters_no_database_stores_are_dropped(world: dict) -> None:
    data = read_evaluation(SAMPLE).model_dump(mode="json", exclude_defaults=True)
    data["title"] = "自评\u0000报告"
    content = json.dumps(data, ensure_ascii=False).encode()
    assert upload(world, "nul.json", content, confirm_unit="on").status_code == 302
    assert EvaluationRecord.objects.get(pk=world["own"].pk).data["title"] == "自评报告"


def test_a_huge_evaluation_is_refused_before_the_database(world: dict) -> None:
    ev = read_evaluation(SAMPLE)
    huge = ev.model_copy(update={"goals": ev.goals.model_copy(update={"achieved": "完" * 4_100_000})})
    with pytest.raises(services.WorkflowError, match="自评数据过大"):
        services.save(world["own"], huge, world["users"]["filer"], 1)
    assert versions(world) == 1


def test_lists_never_load_the_evaluations_data(world: dict) -> None:
    client = client_for(world["users"]["bureau"])
    for url in (reverse("queue"), reverse("spotcheck"), reverse("dashboard"), reverse("queue") + "?format=xlsx"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        selects = [q["sql"] for q in queries if "evaluations_evaluationrecord" in q["sql"] and q["sql"].startswith("SELECT")]
        assert selects and not any('"evaluations_evaluationrecord"."data"' in sql for sql in selects), url
