"""The web app: login everywhere, access enforced in the querysets (guessing another unit's
id gives 404 for reading, acting, exporting), CSRF on every form, the workflow, versions
and refusal of stale saves, import of a report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from jixiao.ingest import read_evaluation
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import EvaluationRecord, Status

from .factory import REPORTS, client_for

pytestmark = pytest.mark.django_db


def test_login_required_everywhere_but_login(world: dict) -> None:
    anonymous = Client()
    pk = world["own"].pk
    urls = [reverse(name) for name in ("queue", "import", "spotcheck", "dashboard")]
    urls += [reverse(name, args=[pk]) for name in ("detail", "versions", "edit", "report")]
    urls += [reverse("version", args=[pk, 1]), reverse("export", args=[pk, "json"])]
    for url in urls:
        response = anonymous.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert anonymous.get(reverse("login")).status_code == 200


def test_summary_columns_are_computed(world: dict) -> None:
    record = world["own"]
    assert (record.stated_total, record.recomputed_total, record.errors) == (98, 98, 0)
    assert record.warnings > 0 and record.versions.count() == 1


def test_a_filer_sees_only_their_units(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    listing = client.get(reverse("queue")).content.decode()
    assert listing.count("/e/") == 1 and f"/e/{world['own'].pk}/" in listing


@pytest.mark.parametrize("method, name, args", [
    ("get", "detail", []), ("get", "versions", []), ("get", "version", [1]), ("get", "export", ["json"]),
    ("get", "export", ["docx"]), ("post", "act", []), ("post", "restore", []), ("get", "edit", []), ("post", "edit", []),
    ("post", "preview", []), ("get", "report", []), ("post", "copy", []),
])
def test_guessing_another_units_id_is_404(world: dict, method: str, name: str, args: list[str]) -> None:
    client = client_for(world["users"]["filer"])
    url = reverse(name, args=[world["foreign"].pk, *args])
    response = getattr(client, method)(url, {"action": "submit", "number": 1, "version": 1})
    assert response.status_code == 404
    assert EvaluationRecord.objects.get(pk=world["foreign"].pk).status == Status.DRAFT


def test_reviewers_see_their_scope(world: dict) -> None:
    department = client_for(world["users"]["reviewer"]).get(reverse("queue")).content.decode()
    assert f"/e/{world['own'].pk}/" in department and f"/e/{world['foreign'].pk}/" not in department
    bureau = client_for(world["users"]["bureau"]).get(reverse("queue")).content.decode()
    assert f"/e/{world['own'].pk}/" in bureau and f"/e/{world['foreign'].pk}/" in bureau


@pytest.mark.parametrize("name", ["act", "edit", "preview", "restore", "copy", "import", "logout"])
def test_csrf_is_enforced_on_every_form(world: dict, name: str) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["users"]["filer"])
    url = reverse(name) if name in ("import", "logout") else reverse(name, args=[world["own"].pk])
    assert client.post(url, {"action": "submit"}).status_code == 403
    assert EvaluationRecord.objects.get(pk=world["own"].pk).status == Status.DRAFT


def test_the_whole_workflow(world: dict) -> None:
    filer, reviewer = client_for(world["users"]["filer"]), client_for(world["users"]["reviewer"])
    pk = world["own"].pk
    post = lambda c, action, comment="": c.post(reverse("act", args=[pk]), {"action": action, "comment": comment})  # noqa: E731
    post(filer, "approve")  # a filer cannot approve
    assert EvaluationRecord.objects.get(pk=pk).status == Status.DRAFT
    post(filer, "submit")
    post(reviewer, "return")  # a return needs a comment
    assert EvaluationRecord.objects.get(pk=pk).status == Status.SUBMITTED
    reviewer.post(reverse("act", args=[pk]), {"action": "return", "comment": "请说明扣分原因", "field": "总分",
                                              "finding": "JX404"})
    assert EvaluationRecord.objects.get(pk=pk).status == Status.RETURNED
    post(filer, "submit")
    post(reviewer, "approve")
    post(reviewer, "publish")
    record = EvaluationRecord.objects.get(pk=pk)
    assert record.status == Status.PUBLISHED
    assert [e.action for e in record.events.all()] == ["submit", "return", "submit", "approve", "publish"]
    returned = record.events.get(action="return")
    assert (returned.comment, returned.field, returned.finding_code) == ("请说明扣分原因", "总分", "JX404")
    with pytest.raises(services.WorkflowError, match="已公开"):
        services.save(record, read_evaluation(REPORTS / "000_1c537258e20f2a87.txt"), world["users"]["filer"], record.version)


def test_a_stale_save_is_refused_and_history_kept(world: dict) -> None:
    record, user = world["own"], world["users"]["filer"]
    ev = read_evaluation(REPORTS / "004_66e78293cd0851a8.txt")
    saved = services.save(record, ev, user, expected_version=1)
    assert saved.version == 2 and saved.errors == 2
    with pytest.raises(services.StaleVersion, match="他人已于此期间保存了第 2 版"):
        services.save(record, ev, user, expected_version=1)
    restored = services.restore(saved, 1, user, expected_version=2)
    assert restored.version == 3 and restored.errors == 0
    assert [v.number for v in restored.versions.all()] == [3, 2, 1]


def test_import_a_report_as_a_new_version_of_the_units_year(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    with (REPORTS / "004_66e78293cd0851a8.txt").open("rb") as handle:  # another unit's report, confirmed
        response = client.post(reverse("import"), {"unit": world["mine"].pk, "file": handle, "confirm_unit": "on"})
    record = EvaluationRecord.objects.get(pk=world["own"].pk)  # same unit, 2023, department: one evaluation
    assert response.status_code == 302 and response.url == reverse("detail", args=[record.pk])
    assert record.version == 2 and record.errors == 2 and record.versions.get(number=2).note == "导入 004_66e78293cd0851a8.txt"
    assert record.data["provenance"]["funds.total.budget"]["file"] == "004_66e78293cd0851a8.txt"
    page = client.get(reverse("detail", args=[record.pk])).content.decode()
    assert "JX303" in page and "区委办专项" in client.get(reverse("report", args=[record.pk])).content.decode()
    assert ">错误</td>" in page and ">error</td>" not in page and ">warning</td>" not in page  # Chinese for users
    old = client.get(reverse("version", args=[record.pk, 1])).content.decode()
    assert "政法专项" in old and "区委办专项" not in old


def test_import_into_a_new_unit_year(world: dict) -> None:
    from jixiao.web.org.models import Membership, Organisation

    office = Organisation.objects.create(name="丙单位", kind="unit", parent=world["mine"].parent)
    Membership.objects.create(user=world["users"]["filer"], organisation=office, role="filer")
    with (REPORTS / "003_99975e7492d10c60.txt").open("rb") as handle:
        client_for(world["users"]["filer"]).post(reverse("import"), {"unit": office.pk, "file": handle, "confirm_unit": "on"})
    record = EvaluationRecord.objects.get(unit=office)
    assert (record.fiscal_year, record.stated_total, record.grade) == (2024, Decimal("86.28"), "良")


def test_import_refuses_a_bad_file_clearly(world: dict) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(world["users"]["filer"])
    bad = SimpleUploadedFile("report.docx", b"not a zip")
    response = client.post(reverse("import"), {"unit": world["mine"].pk, "file": bad})
    page = response.content.decode()
    assert response.status_code == 400 and "report.docx: 扩展名为“.docx”，但内容不是Word 文档" in page and "jixiao-upload" not in page


def test_export_own_evaluation(world: dict) -> None:
    client = client_for(world["users"]["filer"])
    response = client.get(reverse("export", args=[world["own"].pk, "xlsx"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_restore_through_the_page(world: dict) -> None:
    record, client = world["own"], client_for(world["users"]["filer"])
    services.save(record, read_evaluation(REPORTS / "004_66e78293cd0851a8.txt"), world["users"]["filer"], 1)
    response = client.post(reverse("restore", args=[record.pk]), {"number": 1, "version": 2})
    record.refresh_from_db()
    assert response.status_code == 302 and record.version == 3 and record.errors == 0
    stale = client.post(reverse("restore", args=[record.pk]), {"number": 2, "version": 2}, follow=True)
    assert "他人已于此期间保存了第 3 版" in stale.content.decode()


def test_no_second_evaluation_for_the_same_unit_year_and_kind(world: dict) -> None:
    with pytest.raises(services.WorkflowError, match="已有 2023 年度的此类自评"):
        services.create(world["mine"], read_evaluation(REPORTS / "000_1c537258e20f2a87.txt"), world["users"]["filer"])
