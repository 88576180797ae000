"""A save from the editor, start to finish: check every field, build exactly what changed,
and refuse a stale save in a way that cannot be bypassed.

The form carries the version it was made from (`version`). A save against any other
version is refused and the form comes back with that same base version, the other
person's changes (a diff) and the user's input, so pressing 保存 again is refused again.
The user then chooses knowingly: `resolve=merge` shows the form with both edits put
together (based on the version now stored), `resolve=overwrite` with `seen=N` saves the
user's input over version N, and only over N.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from pydantic import ValidationError

from jixiao.model.evaluation import Evaluation
from jixiao.strict_yaml import describe_validation_error
from jixiao.web.evaluations import checking, editing, merge, services
from jixiao.web.evaluations.editing import Form
from jixiao.web.evaluations.models import EvaluationRecord, Version


@dataclass
class Outcome:
    status: str  # saved, unchanged, invalid, conflict, merged
    form: Form
    version: int  # the version the form shown next is based on
    record: EvaluationRecord
    changes: list[merge.Change] = field(default_factory=list)  # a conflict: what the other person changed
    savers: QuerySet[Version] | None = None  # a conflict: the versions saved since
    notes: list[str] = field(default_factory=list)  # a merge: the fields both changed


def number(text: str | None) -> int | None:
    """A version number from a request, or None."""
    return int(text) if text and text.isascii() and text.isdigit() and len(text) < 10 else None


def submit(record: EvaluationRecord, project: int | None, post: dict[str, str], user: object) -> Outcome:
    base_number = number(post.get("version"))
    base = record.versions.filter(number=base_number).first() if base_number else None
    shown = editing.part(base.data, project) if base else None
    if shown is None:
        form = editing.posted(post, editing.initial(editing.part(record.data, project) or {}))
        form.problems.append("表单的版本号缺失或无效，未保存；请复制您的修改，重新打开本页后再填入")
        return Outcome("invalid", form, record.version, record)
    form = editing.posted(post, editing.initial(shown))
    clean = checking.validate(form, project is not None)
    if not form.valid:
        return Outcome("invalid", form, base.number, record)
    if post.get("resolve") == "merge":
        return _merge(record, project, base, form)
    seen = number(post.get("seen")) if post.get("resolve") == "overwrite" else None
    return _save(record, project, base, form, clean, seen or base.number, user)


def _save(record: EvaluationRecord, project: int | None, base: Version, form: Form, clean: dict, expected: int,
          user: object) -> Outcome:
    current = EvaluationRecord.objects.get(pk=record.pk)
    onto = editing.part(current.data, project)
    if onto is None:
        form.problems.append("此项目已不在当前版本中（可能已被恢复为旧版本），未保存")
        return Outcome("invalid", form, base.number, current)
    shown = editing.part(base.data, project)
    try:
        ev = Evaluation.model_validate(editing.whole(current.data, project, editing.build(form, clean, shown, onto)))
        saved = services.save(current, ev, user, expected, note="覆盖他人修改" if expected != base.number else "修改")
    except ValidationError as exc:
        form.problems.append(describe_validation_error(exc, "表单"))
    except services.StaleVersion as exc:
        return _conflict(current, project, base, form, exc.current)
    except services.WorkflowError as exc:
        _place(form, exc)
    else:
        return Outcome("saved" if saved.version != current.version else "unchanged", form, saved.version, saved)
    return Outcome("invalid", form, base.number, current)


def _place(form: Form, exc: services.WorkflowError) -> None:
    if exc.field in editing.LABELS:
        form.errors[exc.field] = str(exc)
    else:
        form.problems.append(str(exc))


def _conflict(record: EvaluationRecord, project: int | None, base: Version, form: Form, current: int) -> Outcome:
    record.refresh_from_db()
    theirs = editing.part(record.data, project) or {}
    changes = merge.changes(editing.initial(editing.part(base.data, project) or {}), editing.initial(theirs), form)
    savers = record.versions.filter(number__gt=base.number).select_related("author").order_by("number")
    return Outcome("conflict", form, base.number, record, changes=changes, savers=savers)


def _merge(record: EvaluationRecord, project: int | None, base: Version, form: Form) -> Outcome:
    record.refresh_from_db()
    theirs = editing.part(record.data, project)
    if theirs is None:
        form.problems.append("此项目已不在当前版本中，无法合并")
        return Outcome("invalid", form, base.number, record)
    merged, notes = merge.merge(editing.initial(editing.part(base.data, project) or {}), editing.initial(theirs), form)
    return Outcome("merged", merged, record.version, record, notes=notes)
