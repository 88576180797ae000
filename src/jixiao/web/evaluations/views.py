"""Thin views: check the request with a form, call a selector or a service, render. Every
fetch goes through `visible_to` (or `editable_by`), so guessing another unit's id gives a 404;
every parameter is checked, so a tampered one gets a message, never a server error."""

from __future__ import annotations

import io
import time
from decimal import Decimal
from urllib.parse import quote

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.decorators import csp
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from jixiao.render.html import page
from jixiao.web.evaluations import checking, editing, editor, exports, selectors, services
from jixiao.web.evaluations.analysis import Analysis, analyse
from jixiao.web.evaluations.forms import ActForm, ImportForm, QueueFilter, RestoreForm, SpotCheckForm
from jixiao.web.evaluations.importing import ImportRefused
from jixiao.web.evaluations.models import EvaluationRecord
from jixiao.web.evaluations.reports import dashboard_data, findings_workbook, queue_workbook

FIELD_LABELS = ["绩效指标表", "报告正文", *editing.LABELS.values()]  # what a return comment may point at
# The report page (shown in a sandboxed frame) carries its own <style>; nothing else may run.
REPORT_CSP = {"default-src": [NONE], "style-src": [UNSAFE_INLINE], "img-src": ["data:"], "frame-ancestors": [SELF],
              "base-uri": [NONE], "form-action": [NONE], "sandbox": True}


def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilter(selectors.departments(request.user), request.GET)
    records = selectors.filtered(request.user, form.filters())
    if request.GET.get("format") == "xlsx":
        return _xlsx_response(queue_workbook(records), "自评列表.xlsx")
    if request.GET.get("format") == "findings":
        return _xlsx_response(findings_workbook(records), "审核意见.xlsx")
    return render(request, "evaluations/queue.html", {"records": records, "form": form, "query": request.GET.urlencode()})


def spot_check(request: HttpRequest) -> HttpResponse:
    form = SpotCheckForm(request.GET)
    form.is_valid()
    share = form.cleaned_data.get("share")
    share = Decimal("0.2") if share is None else share
    seed = form.cleaned_data.get("seed") or str(int(time.time()))
    records = selectors.spot_check(request.user, share, seed)
    return render(request, "evaluations/spotcheck.html", {"records": records, "share": share, "seed": seed, "form": form,
                                                          "percent": (share * 100).normalize()})


def dashboard(request: HttpRequest) -> HttpResponse:
    data = dashboard_data(selectors.visible_to(request.user), request.GET.get("unit", "")[:20])
    if request.GET.get("format") == "json":
        return JsonResponse(data)
    return render(request, "evaluations/dashboard.html", {"data": data})


def _xlsx_response(book: object, name: str) -> HttpResponse:
    stream = io.BytesIO()
    book.save(stream)  # type: ignore[attr-defined]
    return _attachment(stream.getvalue(), name, exports.TYPES["xlsx"])


def _attachment(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def import_report(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.user, request.POST or None, request.FILES or None)
    if getattr(request, "upload_refused", ""):  # stopped while receiving (importing.UploadLimit)
        form.is_valid()
        form.errors["file"] = form.error_class([request.upload_refused])
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.import_file(data["file"], data["unit"], request.user, data["year"], data["confirm_unit"])
        except ImportRefused as exc:
            form.add_error(exc.field, str(exc))
        except services.WorkflowError as exc:
            form.add_error("year" if exc.field == "fiscal_year" else "file", str(exc))
        else:
            messages.success(request, _imported_message(result))
            return redirect("detail", pk=result.record.pk)
    return render(request, "evaluations/import.html", {"form": form, "upload_mb": settings.JIXIAO_UPLOAD_MAX_MB},
                  status=400 if form.errors else 200)


def _imported_message(result: services.Imported) -> str:
    record = result.record
    if not result.changed:
        text = f"导入的内容与“{record.title}”第 {record.version} 版相同，未生成新版本"
    else:
        where = "" if result.created else f"（作为已有自评的第 {record.version} 版）"
        text = f"已导入“{record.title}”{where}：错误 {record.errors} 条，警告 {record.warnings} 条"
    return text + (f"；报告中未找到：{'、'.join(result.missing)}" if result.missing else "")


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    analysis = analyse(record.data)
    return render(request, "evaluations/detail.html", {
        "record": record, "findings": analysis.findings, "problem": analysis.problem,
        "actions": services.allowed_actions(record, request.user), "events": record.events.select_related("actor"),
        "can_edit": selectors.editable_by(request.user).filter(pk=pk).exists() and record.status in services.EDITABLE,
        "fields": FIELD_LABELS, "projects": [p.get("title", f"项目{i + 1}") for i, p in enumerate(record.data.get("projects", []))],
    })


def _report_page(analysis: Analysis) -> HttpResponse:
    if analysis.subject is None:
        return HttpResponse(f'<!DOCTYPE html><meta charset="utf-8"><p>{analysis.problem}</p>')
    return HttpResponse(page(analysis.subject.evaluation, analysis.subject.scorecard, analysis.findings))


@csp(REPORT_CSP)
@xframe_options_sameorigin
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report and its scoring as a page, shown in a frame on the detail page."""
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    return _report_page(analyse(record.data))


@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    form = ActForm(FIELD_LABELS, request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(m for errors in form.errors.values() for m in errors))
        return redirect("detail", pk=pk)
    data = form.cleaned_data
    try:
        services.act(record, data["action"], request.user, data["comment"], data["finding"], data["field"])
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("detail", pk=pk)


def versions(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    return render(request, "evaluations/versions.html", {"record": record, "versions": record.versions.select_related("author")})


@csp(REPORT_CSP)
def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One kept version, shown as the report page it was."""
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    kept = get_object_or_404(record.versions, number=number)
    return _report_page(analyse(kept.data))


@require_POST
def restore(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, "恢复请求无效（版本号缺失或不是数字），请重新打开历史版本页")
        return redirect("versions", pk=pk)
    number = form.cleaned_data["number"]
    try:
        services.restore(record, number, request.user, form.cleaned_data["version"])
        messages.success(request, f"已恢复第 {number} 版")
    except services.WorkflowError as exc:
        messages.error(request, str(exc))
    return redirect("versions", pk=pk)


def export(request: HttpRequest, pk: int, to: str) -> HttpResponse:
    record = get_object_or_404(selectors.visible_to(request.user), pk=pk)
    if to not in exports.TYPES:
        raise Http404("不支持的格式")
    try:
        content = exports.export(analyse(record.data), to)
    except exports.ExportError as exc:
        messages.error(request, f"无法导出 {to.upper()}：{exc}")
        return redirect("detail", pk=pk)
    return _attachment(content, f"{record.title}.{to}", exports.TYPES[to])


def _project(request: HttpRequest) -> int | None:
    value = request.GET.get("project", "")
    if value == "":
        return None
    if not (value.isascii() and value.isdigit() and len(value) < 6):
        raise Http404("没有这个项目")
    return int(value)


def _editor_page(request: HttpRequest, record: EvaluationRecord, outcome: editor.Outcome | None, project: int | None,
                 status: int = 200) -> HttpResponse:
    form = outcome.form if outcome else editing.initial(editing.part(record.data, project) or {})
    name = (editing.part(record.data, project) or {}).get("title", "") if project is not None else ""
    return render(request, "evaluations/edit.html", {
        "record": record, "form": form, "outcome": outcome, "project": project, "project_name": name,
        "version": outcome.version if outcome else record.version, "scalars": editing.SCALARS,
        "query": f"?project={project}" if project is not None else "", "level1": editing.LEVEL1, "level2": editing.LEVEL2,
        "blank_row": editing.Row(None, {}), "grades": ("", "优", "良", "中", "差")}, status=status)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The evaluation's own tables and text, or (?project=N) one of its project tables."""
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    project = _project(request)
    if editing.part(record.data, project) is None:
        raise Http404("没有这个项目")
    if request.method != "POST":
        return _editor_page(request, record, None, project)
    outcome = editor.submit(record, project, request.POST, request.user)
    if outcome.status in ("saved", "unchanged"):
        messages.success(request, "已保存" if outcome.status == "saved" else "没有修改，未生成新版本")
        return redirect("detail", pk=pk)
    status = {"invalid": 400, "conflict": 409}.get(outcome.status, 200)
    return _editor_page(request, outcome.record, outcome, project, status)


@require_POST
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Live re-score and findings for the form as it stands (nothing is saved)."""
    record = get_object_or_404(selectors.editable_by(request.user), pk=pk)
    project = _project(request)
    base = record.versions.filter(number=editor.number(request.POST.get("version"))).first()
    shown = editing.part(base.data if base else record.data, project)  # the version the form was made from
    if shown is None:
        raise Http404("没有这个项目")
    form = editing.posted(request.POST, editing.initial(shown))
    clean = checking.validate(form, project is not None)
    if not form.valid:
        return render(request, "evaluations/_preview.html", {"form": form, "labels": _error_labels(form)})
    data = editing.whole(record.data, project, editing.build(form, clean, shown, shown))
    analysis = analyse(data)
    return render(request, "evaluations/_preview.html", {"analysis": analysis, "form": form})


def _error_labels(form: editing.Form) -> list[str]:
    """Each field error as `label：message` for the live preview."""
    labels = []
    for key, message in form.errors.items():
        if key.startswith(("ind-", "sec-")):
            kind, index, name = key.split("-", 2)
            what = editing.ROW_LABELS.get(name, "顺序") if kind == "ind" else {"heading": "标题", "text": "正文"}[name]
            labels.append(f"{'指标' if kind == 'ind' else '章节'}第{int(index) + 1}行 {what}：{message}")
        else:
            labels.append(f"{editing.LABELS[key]}：{message}")
    return [*form.problems, *labels]


def session_alive(request: HttpRequest) -> HttpResponse:
    """204 while the user is signed in (the editor asks before saving; a lapsed session
    answers with a redirect to the login page instead, and the input stays on the page)."""
    return HttpResponse(status=204)


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
