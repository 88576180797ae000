"""`jixiao render`: one input file to one output format (the CLI and the web app call this)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.run import subject_of
from jixiao.render.docx import write_report
from jixiao.render.html import page
from jixiao.render.layout import ScoreChoice, tables
from jixiao.render.narrative import report_lines
from jixiao.render.pdf import to_pdf
from jixiao.render.xlsx import write_workbook


def render_file(source: Path, to: str, target: Path, scores: ScoreChoice = "stated", profile: str | None = None) -> Path:
    subject = subject_of(source, profile)
    ev, card = subject.evaluation, subject.scorecard
    if to == "docx":
        return write_report(ev, card, target, scores)
    if to == "xlsx":
        return write_workbook(tables(ev, card, scores), target, report_lines(ev))
    if to == "html":
        target.write_text(page(ev, card, check_subject(subject, CheckOptions()), scores), encoding="utf-8")
        return target
    if to == "json":
        target.write_text(ev.model_dump_json(indent=2, exclude_defaults=True) + "\n", encoding="utf-8")
        return target
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as folder:
        report = write_report(ev, card, Path(folder) / f"{target.stem}.docx", scores)
        produced = to_pdf([report], Path(folder))[0]
        target.write_bytes(produced.read_bytes())
    return target
