"""One evaluation as a file: the report (.docx, .pdf), its tables (.xlsx), the page (.html)
or the data (.json). The writers run on stored data; whatever goes wrong (LibreOffice timing
out, a value a writer cannot take) becomes an ExportError with a Chinese message, logged."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jixiao.errors import InputError
from jixiao.render.docx import write_report
from jixiao.render.html import page
from jixiao.render.layout import tables
from jixiao.render.narrative import report_lines
from jixiao.render.pdf import to_pdf
from jixiao.render.xlsx import write_workbook
from jixiao.web.evaluations.analysis import Analysis, log

TYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "pdf": "application/pdf", "html": "text/html; charset=utf-8", "json": "application/json"}


class ExportError(Exception):
    """The file could not be made (the message is for the user)."""


def export(analysis: Analysis, to: str) -> bytes:
    """The file's content; JSON needs no scoring, the others do."""
    if analysis.evaluation is not None and to == "json":
        return analysis.evaluation.model_dump_json(indent=2, exclude_defaults=True).encode()
    if analysis.subject is None:
        raise ExportError(analysis.problem)
    folder = Path(tempfile.mkdtemp(prefix="jixiao-export-"))
    try:
        return _write(analysis, to, folder / f"evaluation.{to}").read_bytes()
    except InputError as exc:
        raise ExportError(str(exc).replace(str(folder), "")) from None
    except Exception:  # noqa: BLE001 - the fault barrier between a page and the writers
        log.exception("export to %s failed", to)
        raise ExportError("生成文件时出错，已记录在服务器日志中") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write(analysis: Analysis, to: str, target: Path) -> Path:
    ev, card = analysis.subject.evaluation, analysis.subject.scorecard  # type: ignore[union-attr]
    if to in ("docx", "pdf"):
        report = write_report(ev, card, target.with_suffix(".docx"))
        return to_pdf([report], target.parent)[0] if to == "pdf" else report
    if to == "xlsx":
        write_workbook(tables(ev, card), target, report_lines(ev, ev.display_name))
    else:
        target.write_text(page(ev, card, analysis.findings), encoding="utf-8")
    return target
