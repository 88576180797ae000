"""Everything that changes an evaluation: create, save (versioned, refusing stale
versions, no version when nothing changed), restore, import, and the workflow, driven by
one TRANSITIONS table. Every write is checked against the database's limits first, so
SQLite and PostgreSQL accept and refuse the same things."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from pydantic import ValidationError

from jixiao.model.evaluation import Evaluation
from jixiao.web.evaluations.analysis import summary
from jixiao.web.evaluations.importing import read_upload
from jixiao.web.evaluations.limits import YEARS, clean_text, clip
from jixiao.web.evaluations.models import EvaluationRecord, Event, Status, Version
from jixiao.web.org.models import Organisation
from jixiao.web.org.scope import units_for

MAX_DATA_CHARS = 4_000_000  # the stored JSON of one evaluation (a large report is some 100 000)


class WorkflowError(Exception):
    """The action is not allowed now (its message is for the user); `field` names the form
    field it concerns, if any."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class StaleVersion(WorkflowError):
    """Someone saved in the meantime."""

    def __init__(self, message: str, current: int) -> None:
        super().__init__(message)
        self.current = current


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
ACTIONS = {action: step.title for (_, action), step in TRANSITIONS.items()}
EDITABLE = (Status.DRAFT, Status.RETURNED)


def _storable(ev: Evaluation) -> tuple[Evaluation, dict[str, Any]]:
    """The evaluation as it will be stored (characters no database or worksheet takes
    dropped) and its JSON, refused when too large."""
    dumped = ev.model_dump(mode="json", exclude_defaults=True)
    data: dict[str, Any] = clean_text(dumped)  # type: ignore[assignment]
    if len(json.dumps(data, ensure_ascii=False)) > MAX_DATA_CHARS:
        raise WorkflowError(f"自评数据过大（超过 {MAX_DATA_CHARS // 1_000_000} 百万字符），未保存；请删去重复或无关的内容")
    return (ev if data == dumped else Evaluation.model_validate(data)), data


def _check_unique(unit: Organisation, ev: Evaluation, pk: int | None = None) -> None:
    other = EvaluationRecord.objects.filter(unit=unit, fiscal_year=ev.fiscal_year, kind=ev.kind).exclude(pk=pk).first()
    if other is not None and ev.fiscal_year is not None:
        raise WorkflowError(f"{unit}已有 {ev.fiscal_year} 年度的此类自评（“{other.title}”），不能重复", "fiscal_year")


def _write(record: EvaluationRecord) -> None:
    """Save, turning a unique-constraint race into the same message as the check before."""
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        raise WorkflowError(f"{record.unit}已有 {record.fiscal_year} 年度的此类自评，不能重复", "fiscal_year") from None


@transaction.atomic
def create(unit: Organisation, ev: Evaluation, user: object, source_name: str = "") -> EvaluationRecord:
    ev, data = _storable(ev)
    _check_unique(unit, ev)
    record = EvaluationRecord(unit=unit, data=data, source_name=clip(source_name, _field("source_name")), **summary(ev))
    _write(record)
    Version.objects.create(record=record, number=1, data=record.data, author=user, note="创建")
    return record


@transaction.atomic
def save(record: EvaluationRecord, ev: Evaluation, user: object, expected_version: int, note: str = "") -> EvaluationRecord:
    """A new version, unless the data is what is stored already (then nothing happens)."""
    locked = EvaluationRecord.objects.select_for_update().get(pk=record.pk)
    if locked.status not in EDITABLE:
        raise WorkflowError(f"“{locked.get_status_display()}”状态的自评不能修改")
    if locked.version != expected_version:
        raise StaleVersion(f"他人已于此期间保存了第 {locked.version} 版；您的修改未保存，请核对后再保存", locked.version)
    ev, data = _storable(ev)
    if data == locked.data:
        return locked
    _check_unique(locked.unit, ev, locked.pk)
    locked.version += 1
    locked.data = data
    for key, value in summary(ev).items():
        setattr(locked, key, value)
    _write(locked)
    Version.objects.create(record=locked, number=locked.version, data=data, author=user,
                           note=clip(note or "修改", Version._meta.get_field("note")))
    return locked


def restore(record: EvaluationRecord, number: int, user: object, expected_version: int) -> EvaluationRecord:
    old = record.versions.filter(number=number).first()
    if old is None:
        raise WorkflowError(f"没有第 {number} 版")
    try:
        ev = Evaluation.model_validate(old.data)
    except ValidationError:
        raise WorkflowError(f"第 {number} 版的数据不符合现在的格式，无法恢复") from None
    return save(record, ev, user, expected_version, note=f"恢复第 {number} 版")


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
        raise WorkflowError(f"“{locked.get_status_display()}”状态下不能{ACTIONS.get(action, '执行此操作')}")
    if not _may(user, locked, step.role):
        raise WorkflowError(f"您没有权限{step.title}")
    if action == "return" and not comment.strip():
        raise WorkflowError("退回时须写明意见", "comment")
    Event.objects.create(record=locked, action=action, from_status=locked.status, to_status=step.to, actor=user,
                         comment=comment, finding_code=clip(finding_code, Event._meta.get_field("finding_code")),
                         field=clip(field, Event._meta.get_field("field")))
    locked.status = step.to
    locked.save(update_fields=["status", "updated_at"])
    return locked


@dataclass
class Imported:
    record: EvaluationRecord
    created: bool
    changed: bool
    missing: list[str]


def import_file(upload: UploadedFile, unit: Organisation, user: object, year: int | None = None,
                confirm_unit: bool = False) -> Imported:
    """An uploaded report read by the same pipeline as the command line; for a unit, year
    and kind already stored it becomes a new version (none when nothing differs)."""
    reading = read_upload(upload, unit, year, confirm_unit)
    ev, name = reading.evaluation, upload.name or ""
    existing = EvaluationRecord.objects.filter(unit=unit, fiscal_year=ev.fiscal_year, kind=ev.kind).first()
    if existing is None:
        return Imported(create(unit, ev, user, source_name=name), True, True, reading.missing)
    saved = save(existing, ev, user, existing.version, note=f"导入 {name}")
    return Imported(saved, False, saved.version != existing.version, reading.missing)


def copy_for_next_year(record: EvaluationRecord, user: object) -> EvaluationRecord:
    """A draft for the next year: same unit and indicators (targets kept), results cleared."""
    try:
        ev = Evaluation.model_validate(record.data)
    except ValidationError:
        raise WorkflowError("此自评的数据不符合现在的格式，无法复制") from None
    if ev.fiscal_year is None or ev.fiscal_year >= YEARS[1]:
        raise WorkflowError("此自评没有年度（或已是最后可用年度），无法复制为下一年度")
    year = ev.fiscal_year + 1
    blank = Evaluation(kind=ev.kind, fiscal_year=year, title=ev.title.replace(str(ev.fiscal_year), str(year)),
                       unit=ev.unit, goals={"expected": ev.goals.expected},
                       indicators=[i.model_copy(update={"actual": None, "score": None, "deviation_note": "", "source": None})
                                   for i in ev.indicators],
                       stated={"execution_weight": ev.stated.execution_weight, "level1_weights": ev.stated.level1_weights})
    return create(record.unit, Evaluation.model_validate(blank.model_dump()), user, source_name=f"复制自 {record.title}")


def _field(name: str) -> Any:
    return EvaluationRecord._meta.get_field(name)
