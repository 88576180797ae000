"""Thin views: parse the request, call a selector or a service, render. Every fetch goes
through `visible_to` (or `editable_by`), so guessing another unit's id gives a 404."""

from __future__ import annotations

import io
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.subject import Subject
from jixiao.errors import InputError
from jixiao.model.evaluation import Evaluation
from jixiao.render.docx import write_report
from jixiao.render.html import page
from jixiao.render.layout import tables
from jixiao.render.narrative import report_lines
from jixiao.render.pdf import to_pdf
from jixiao.render.xlsx import write_workbook
from jixiao.rules import profile_for
from jixiao.scoring import score
from jixiao.web.evaluations import editing, selectors, services
from jixiao.web.evaluations.editing import SCALARS
from jixiao.web.evaluations.models import Status
from jixiao.web.evaluations.reports import dashboard_data, findings_workbook, queue_workbook
from jixiao.web.org.models import Organisation
from jixiao.web.org.scope import units_for

FIELD_LABELS = ["绩效指标表", "报告正文", *(label for _, label in SCALARS)]  # what a return comment may point at
EXPORTS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "pdf": "application/pdf", "html": "text/html; charset=utf-8", "json": "application/json"}


def queue(request: HttpRequest) -> HttpResponse:
    params = request.GET.dict()
    records = selectors.filtered(request.user, params)
    if request.GET.get("format") == "xlsx":
        return _xlsx_response(queue_workbook(records), "自评列表.xlsx")
    if request.GET.get("format") == "findings":
        return _xlsx_response(findings_workbook(records), "审核意见.xlsx")
    departments = Organisation.objects.filter(kind="department", children__evaluations__in=selectors.visible_to(request.user)).distinct()
    return render(request, "evaluations/queue.html", {
        "records": records, "statuses": Status.choices, "params": params, "departments": departments,
        "query": request.GET.urlencode()})


def spot_check(request: HttpRequest) -> HttpResponse:
    share = min(max(float(request.GET.get("share", "0.2") or 0.2), 0.0), 1.0)
    seed = request.GET.get("seed") or str(int(time.time()))
    records = selectors.spot_check(request.user, share, seed)
    return render(request, "evaluations/spotcheck.html", {"records": records, "share": share, "seed": seed})


def dashboard(request: HttpRequest) -> HttpResponse:
    data = dashboard_data(selectors.visible_to(request.user), request.GET.get("unit"))
    if request.GET.get("format") == "json":
        return JsonResponse(data)
    return render(request, "evaluations/dashboard.html", {"data": data})


def _xlsx_response(book: object, name: str) -> HttpResponse:
    stream = io.BytesIO()
    book.save(stream)  # type: ignore[attr-defined]
    response = HttpResponse(stream.getvalue(), content_type=EXPORTS["xlsx"])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=None, label="单位")
    file = forms.FileField(label="自评报告或数据文件")

    def __init__(self, user: object, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_for(user, ("filer",))


def import_report(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            record = services.import_file(upload.name, upload.read(), form.cleaned_data["unit"], request.user)
        except services.WorkflowError as exc:
            form.add_error("file", str(exc))
        except InputError as exc:
            form.add_error("file", str(exc).replace(str(Path(tempfile.gettempdir())), ""))
        else:
            messages.success(request, f"已导入“{record.title}”：错误 {record.errors} 条，警告 {record.warnings} 条")
            return redirect("detail", pk=record.pk)
    return render(request, "evaluations/import.html", {"form": form})


def _subject(record: object) -> Subject:
    return _subject_of(Evaluation.model_validate(record.data))  # type: ignore[attr-defined]


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    subject = _subject(record)
    findings = check_subject(subject, CheckOptions())
    return render(request, "evaluations/detail.html", {
        "record": record, "findings": findings, "actions": services.allowed_actions(record, request.user),
        "events": record.events.select_related("actor"), "report": page(subject.evaluation, subject.scorecard, findings),
        "can_edit": selectors.editable_by(request.user).filter(pk=pk).exists() and record.status in services.EDITABLE,
        "fields": FIELD_LABELS, "projects": [p.get("title", f"项目{i + 1}") for i, p in enumerate(record.data.get("projects", []))],
    })


@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    try:
        services.act(record, request.POST.get("action", ""), request.user, request.POST.get("comment", ""),
                     request.POST.get("finding", ""), request.POST.get("field", ""))
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("detail", pk=pk)


def versions(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    return render(request, "evaluations/versions.html", {"record": record, "versions": record.versions.select_related("author")})


def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One kept version, shown as the report page it was."""
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    kept = get_object_or_404(record.versions, number=number)
    subject = _subject_of(Evaluation.model_validate(kept.data))
    return HttpResponse(page(subject.evaluation, subject.scorecard, check_subject(subject, CheckOptions())))


@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    try:
        services.restore(record, int(request.POST["number"]), request.user, int(request.POST["version"]))
        messages.success(request, f"已恢复第 {request.POST['number']} 版")
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("versions", pk=pk)


def export(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    if to not in EXPORTS:
        return HttpResponse("不支持的格式", status=400)
    subject = _subject(record)
    folder = Path(tempfile.mkdtemp(prefix="jixiao-export-"))
    target = folder / f"evaluation-{record.pk}.{to}"
    _write(subject, to, target)
    return FileResponse(target.open("rb"), as_attachment=True, filename=f"{record.title}.{to}", content_type=EXPORTS[to])


def _write(subject: Subject, to: str, target: Path) -> None:
    ev, card = subject.evaluation, subject.scorecard
    if to in ("docx", "pdf"):
        report = write_report(ev, card, target.with_suffix(".docx"))
        if to == "pdf":
            to_pdf([report], target.parent)
    elif to == "xlsx":
        write_workbook(tables(ev, card), target, report_lines(ev, ev.display_name))
    elif to == "html":
        target.write_text(page(ev, card, check_subject(subject, CheckOptions())), encoding="utf-8")
    else:
        target.write_text(ev.model_dump_json(indent=2, exclude_defaults=True), encoding="utf-8")


def _edit_context(record: object, form: object, error: str = "", project: int | None = None) -> dict:
    rows = form.rows  # type: ignore[attr-defined]
    name = editing.part(record.data, project).get("title", "") if project is not None else ""  # type: ignore[attr-defined,union-attr]
    return {"record": record, "values": form.values, "rows": rows, "sections": form.sections,  # type: ignore[attr-defined]
            "project": project, "project_name": name, "query": f"?project={project}" if project is not None else "",
            "scalars": editing.SCALARS, "error": error, "level1": editing.LEVEL1, "level2": editing.LEVEL2,
            "next_index": max([r.index for r in rows], default=-1) + 1}


def _project(request: HttpRequest) -> int | None:
    value = request.GET.get("project", "")
    return int(value) if value.isdigit() else None


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The evaluation's own tables and text, or (?project=N) one of its project tables."""
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    project = _project(request)
    base = editing.part(record.data, project)
    if base is None:
        raise Http404("没有这个项目")
    if request.method != "POST":
        return render(request, "evaluations/edit.html", _edit_context(record, editing.initial(base), project=project))
    form = editing.posted(request.POST)
    ev, error = editing.evaluation_from(form, base)
    if ev is not None:
        try:
            services.save(record, editing.whole(record.data, project, ev), request.user, int(request.POST.get("version", "0")))
        except services.WorkflowError as exc:
            error = str(exc)
        else:
            messages.success(request, "已保存")
            return redirect("detail", pk=pk)
    return render(request, "evaluations/edit.html", _edit_context(record, form, error, project), status=409 if error else 200)


@require_POST
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Live re-score and findings for the form as it stands (nothing is saved)."""
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    base = editing.part(record.data, _project(request))
    if base is None:
        raise Http404("没有这个项目")
    ev, error = editing.evaluation_from(editing.posted(request.POST), base)
    if ev is None:
        return render(request, "evaluations/_preview.html", {"error": error})
    subject = _subject_of(ev)
    return render(request, "evaluations/_preview.html", {
        "card": subject.scorecard, "findings": check_subject(subject, CheckOptions())})


def new_row(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(selectors.editable_by(request.user), pk=pk)
    index = int(request.GET.get("index", "0"))
    return render(request, "evaluations/_row.html", {"row": editing.Row(index, {}), "level1": editing.LEVEL1,
                                                     "level2": editing.LEVEL2})


@require_POST
def copy_next_year(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    try:
        created = services.copy_for_next_year(record, request.user)
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("detail", pk=pk)
    messages.success(request, f"已按上年自评新建“{created.title}”，请填写本年完成情况")
    return redirect("edit", pk=created.pk)


def _subject_of(ev: Evaluation) -> Subject:
    profile = profile_for(None, ev.fiscal_year)
    return Subject(ev, score(ev, profile), profile)
