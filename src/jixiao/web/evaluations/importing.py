"""Import of an uploaded report or data file, made safe for a shared server.

The file is read in a child process with a time limit (reader.py) after a size limit per
format, so a huge or pathological file cannot hold a worker or bloat the database. What
was read must look like a self-evaluation (or the user is told what was not found), its
year must be known, and its unit must be the unit chosen (or the user confirms). Every
message names the user's file, never the server's temporary copy.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from pydantic import ValidationError

from jixiao.ingest.pipeline import supported_suffixes
from jixiao.model.evaluation import Evaluation
from jixiao.strict_yaml import describe_validation_error
from jixiao.web.org.models import Organisation

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".yaml", ".yml", ".json")
TEXT_LIMIT_MB = 2  # a text report is some 20–200 KB; more is not a report
CONTENT = ("绩效指标表", "总分", "资金情况")


class ImportRefused(Exception):
    """The file cannot be imported; `field` is the form field the message belongs beside."""

    def __init__(self, message: str, field: str = "file") -> None:
        super().__init__(message)
        self.field = field


@dataclass
class Reading:
    evaluation: Evaluation
    missing: list[str] = field(default_factory=list)  # parts of a self-evaluation not found


def size_limit(name: str) -> int:
    """Bytes allowed for an upload of this format."""
    megabytes = TEXT_LIMIT_MB if Path(name).suffix.lower() in TEXT_SUFFIXES else settings.JIXIAO_UPLOAD_MAX_MB
    return megabytes * 1024 * 1024


class UploadLimit(FileUploadHandler):
    """Stops receiving a file beyond the largest size any format may have, before it fills
    memory or disk (the rest of the request is read and dropped); `request.upload_refused`
    says why, for the form."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        limit = max(TEXT_LIMIT_MB, settings.JIXIAO_UPLOAD_MAX_MB) * 1024 * 1024
        if start + len(raw_data) > limit:
            self.request.upload_refused = f"“{self.file_name}”过大（超过 {limit // 1048576} MB），未上传"  # type: ignore[union-attr]
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def check_upload(upload: UploadedFile) -> None:
    """Format and size, before anything is read."""
    name, suffix = upload.name or "", Path(upload.name or "").suffix.lower()
    if suffix not in supported_suffixes():
        raise ImportRefused(f"“{name}”：不支持“{suffix or '无扩展名'}”格式（支持 {' '.join(sorted(supported_suffixes()))}）")
    limit = size_limit(name)
    if upload.size and upload.size > limit:
        raise ImportRefused(f"“{name}”过大（{upload.size / 1048576:.1f} MB），{suffix} 文件上限为 {limit // 1048576} MB")


def read_upload(upload: UploadedFile, unit: Organisation, year: int | None, confirm_unit: bool) -> Reading:
    """The Evaluation in the upload, checked against the unit and year the user chose."""
    name = upload.name or "上传的文件"
    ev = _read(upload, name)
    missing = _missing(ev)
    if set(CONTENT) <= set(missing):  # nothing a self-evaluation consists of
        raise ImportRefused(f"“{name}”不像绩效自评报告：未找到{'、'.join(missing)}")
    ev = _with_year(ev, year, name)
    _check_unit(ev, unit, name, confirm_unit)
    return Reading(ev, [m for m in missing if m != "年度"])


def _read(upload: UploadedFile, name: str) -> Evaluation:
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as folder:
        path = Path(folder) / _safe_name(name)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        result = _run_reader(path, name)
    if "error" in result:
        raise ImportRefused(str(result["error"]).replace(str(path), name).replace(folder, ""))
    try:
        return Evaluation.model_validate(_relabel(result["data"], str(path), name))
    except ValidationError as exc:
        raise ImportRefused(describe_validation_error(exc, name)) from None


def _run_reader(path: Path, name: str) -> dict[str, Any]:
    seconds = settings.JIXIAO_IMPORT_SECONDS
    child = subprocess.Popen([sys.executable, "-m", "jixiao.web.evaluations.reader", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = child.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # with any LibreOffice it started
        child.communicate()
        raise ImportRefused(f"“{name}”在 {seconds} 秒内未能读完，已停止读取；请检查文件，或另存为 .docx 后再导入") from None
    try:
        return json.loads(out)
    except ValueError:
        return {"error": f"“{name}”无法读取（读取进程异常结束）"}


def _safe_name(name: str) -> str:
    """The upload's base name, fit for a file system; the extension is kept for the reader."""
    base = re.sub(r"[\x00-\x1f/\\:*?\"<>|]", "_", Path(name.replace("\\", "/")).name).strip(". ") or "upload"
    suffix = Path(base).suffix.lower()
    return Path(base).stem[:80] + suffix


def _relabel(value: Any, old: str, new: str) -> Any:
    """Every source location names the uploaded file, not the temporary copy."""
    if isinstance(value, dict):
        return {k: new if k == "file" and v == old else _relabel(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_relabel(v, old, new) for v in value]
    return value


def _missing(ev: Evaluation) -> list[str]:
    parts = [ev, *ev.projects]
    funds = any(v is not None for p in parts for v in (p.funds.total.budget, p.funds.total.executed))
    return [label for label, found in (
        ("年度", ev.fiscal_year is not None), ("单位名称", bool(ev.unit.name)),
        ("绩效指标表", any(p.indicators for p in parts)), ("总分", any(p.stated.total is not None for p in parts)),
        ("资金情况", funds)) if not found]


def _with_year(ev: Evaluation, year: int | None, name: str) -> Evaluation:
    if ev.fiscal_year is None and year is None:
        raise ImportRefused(f"“{name}”中未找到年度，请在“年度”栏填写后重新导入", "year")
    if ev.fiscal_year is not None and year is not None and year != ev.fiscal_year:
        raise ImportRefused(f"“{name}”所述年度为 {ev.fiscal_year}，与所填 {year} 不符；若报告无误，请清空“年度”栏", "year")
    return ev if ev.fiscal_year is not None else ev.model_copy(update={"fiscal_year": year})


def _check_unit(ev: Evaluation, unit: Organisation, name: str, confirmed: bool) -> None:
    stated, chosen = _plain(ev.unit.name), _plain(unit.name)
    if confirmed or not stated or stated in chosen or chosen in stated:
        return
    raise ImportRefused(f"“{name}”所述单位为“{ev.unit.name}”，与所选“{unit.name}”不符。若确为本单位的报告，"
                        "请勾选“确认导入到所选单位”，再选择文件导入", "unit")


def _plain(name: str) -> str:
    return re.sub(r"[\s()（）·•、,，.。\"“”]", "", unicodedata.normalize("NFKC", name))
