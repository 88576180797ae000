"""Everything that changes an evaluation: create, save (versioned, refusing stale
versions), restore, import, and the workflow, driven by one TRANSITIONS table."""

from __future__ import annotations

import tempfile
from collections import Counter
from decimal import Decimal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.subject import Subject
from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import Evaluation
from jixiao.rules import profile_for
from jixiao.scoring import score
from jixiao.web.evaluations.models import EvaluationRecord, Event, Status, Version
from jixiao.web.org.models import Organisation
from jixiao.web.org.scope import units_for


class WorkflowError(Exception):
    """The action is not allowed now (its message is for the user)."""


class StaleVersion(WorkflowError):
    """Someone saved in the meantime."""


@dataclass(frozen=True)
class Step:
    to: Status
    role: str  # filer or reviewer, for the record's unit
    title: str


TRANSITIONS: dict[tuple[str, str], Step] = {
    (Status.DRAFT, "submit"): Step(Status.SUBMITTED, "filer", "提交"),
    (Status.RETURNED, "submit"): Step(Status.SUBMITTED, "filer", "重新提交"),
    (Status.SUBMITTED, "return"): Step(Status.RETURNED, "reviewer", "退回"),
    (Status.SUBMITTED, "approve"): Step(Status.APPROVED, "reviewer", "审核通过"),
    (Status.APPROVED, "publish"): Step(Status.PUBLISHED, "reviewer", "公开"),
}
EDITABLE = (Status.DRAFT, Status.RETURNED)


def summary(ev: Evaluation) -> dict[str, Any]:
    """The indexed columns: totals, grade, counts of findings, all-full-marks tables."""
    profile = profile_for(None, ev.fiscal_year)
    card = score(ev, profile)
    findings = check_subject(Subject(ev, card, profile), CheckOptions())
    counts = Counter(f.severity for f in findings)
    rows = [i for i in ev.indicators if i.weight is not None and i.score is not None]
    total = ev.funds.total
    rate = (total.executed / total.budget * 100).quantize(Decimal("0.01")) if total.budget and total.executed is not None else None
    return {"fiscal_year": ev.fiscal_year, "kind": ev.kind, "title": ev.display_name[:300],
            "stated_total": ev.stated.total, "recomputed_total": card.total, "grade": ev.stated.grade or "",
            "errors": counts["error"], "warnings": counts["warning"],
            "all_full_marks": bool(rows) and all(i.score == i.weight for i in rows),
            "finding_codes": dict(Counter(f.code for f in findings)), "execution_rate": rate}


def _data(ev: Evaluation) -> dict[str, Any]:
    return ev.model_dump(mode="json", exclude_defaults=True)


@transaction.atomic
def create(unit: Organisation, ev: Evaluation, user: object, source_name: str = "") -> EvaluationRecord:
    if EvaluationRecord.objects.filter(unit=unit, fiscal_year=ev.fiscal_year, kind=ev.kind).exists():
        raise WorkflowError(f"{unit}已有 {ev.fiscal_year or ''} 年度的此类自评，不能重复新建")
    record = EvaluationRecord.objects.create(unit=unit, data=_data(ev), source_name=source_name, **summary(ev))
    Version.objects.create(record=record, number=1, data=record.data, author=user, note="创建")
    return record


@transaction.atomic
def save(record: EvaluationRecord, ev: Evaluation, user: object, expected_version: int, note: str = "") -> EvaluationRecord:
    locked = EvaluationRecord.objects.select_for_update().get(pk=record.pk)
    if locked.status not in EDITABLE:
        raise WorkflowError(f"“{locked.get_status_display()}”状态的自评不能修改")
    if locked.version != expected_version:
        raise StaleVersion(f"他人已于此期间保存了第 {locked.version} 版；您的修改未保存，请核对后再保存")
    locked.version += 1
    locked.data = _data(ev)
    for key, value in summary(ev).items():
        setattr(locked, key, value)
    locked.save()
    Version.objects.create(record=locked, number=locked.version, data=locked.data, author=user, note=note or "修改")
    return locked


def restore(record: EvaluationRecord, number: int, user: object, expected_version: int) -> EvaluationRecord:
    old = record.versions.get(number=number)
    return save(record, Evaluation.model_validate(old.data), user, expected_version, note=f"恢复第 {number} 版")


def allowed_actions(record: EvaluationRecord, user: object) -> list[tuple[str, str]]:
    return [(action, step.title) for (state, action), step in TRANSITIONS.items()
            if state == record.status and _may(user, record, step.role)]


def _may(user: object, record: EvaluationRecord, role: str) -> bool:
    return units_for(user, (role,)).filter(pk=record.unit_id).exists()


@transaction.atomic
def act(record: EvaluationRecord, action: str, user: object, comment: str = "", finding_code: str = "",
        field: str = "") -> EvaluationRecord:
    locked = EvaluationRecord.objects.select_for_update().get(pk=record.pk)
    step = TRANSITIONS.get((locked.status, action))
    if step is None:
        raise WorkflowError(f"“{locked.get_status_display()}”状态下不能{action}")
    if not _may(user, locked, step.role):
        raise WorkflowError(f"您没有权限{step.title}")
    if action == "return" and not comment.strip():
        raise WorkflowError("退回时须写明意见")
    Event.objects.create(record=locked, action=action, from_status=locked.status, to_status=step.to, actor=user,
                         comment=comment, finding_code=finding_code, field=field)
    locked.status = step.to
    locked.save(update_fields=["status", "updated_at"])
    return locked


def import_file(name: str, content: bytes, unit: Organisation, user: object) -> EvaluationRecord:
    """An uploaded report or data file read by the same pipeline as the command line."""
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        ev = read_evaluation(path)
    ev = Evaluation.model_validate(_relabel(ev.model_dump(), str(path), name))
    existing = EvaluationRecord.objects.filter(unit=unit, fiscal_year=ev.fiscal_year, kind=ev.kind).first()
    if existing is not None:  # the same unit, year and kind: the upload is a new version of it
        return save(existing, ev, user, existing.version, note=f"导入 {name}")
    return create(unit, ev, user, source_name=name)


def _relabel(value: Any, old: str, new: str) -> Any:
    """Every source location names the uploaded file, not the temporary copy."""
    if isinstance(value, dict):
        return {k: new if k == "file" and v == old else _relabel(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_relabel(v, old, new) for v in value]
    return value


def copy_for_next_year(record: EvaluationRecord, user: object) -> EvaluationRecord:
    """A draft for the next year: same unit and indicators (targets kept), results cleared."""
    ev = Evaluation.model_validate(record.data)
    year = (ev.fiscal_year or 0) + 1 if ev.fiscal_year else None
    blank = Evaluation(kind=ev.kind, fiscal_year=year, title=ev.title.replace(str(ev.fiscal_year), str(year)) if year else ev.title,
                       unit=ev.unit, goals={"expected": ev.goals.expected},
                       indicators=[i.model_copy(update={"actual": None, "score": None, "deviation_note": "", "source": None})
                                   for i in ev.indicators],
                       stated={"execution_weight": ev.stated.execution_weight, "level1_weights": ev.stated.level1_weights})
    existing = EvaluationRecord.objects.filter(unit=record.unit, fiscal_year=year, kind=ev.kind).first()
    if existing is not None:
        raise WorkflowError(f"{record.unit}已有 {year} 年度的自评（“{existing.title}”）")
    return create(record.unit, Evaluation.model_validate(blank.model_dump()), user, source_name=f"复制自 {record.title}")
