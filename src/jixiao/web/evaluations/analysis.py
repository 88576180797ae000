"""Scoring and checking of stored data for a page, and the summary columns.

A page must render whatever a record holds (an old import, a value the scoring rules do
not expect): the evaluation is validated, scored and checked here, and a failure becomes
a Chinese note on the page, logged for the developers, instead of a server error.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.subject import Subject
from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import Finding
from jixiao.rules import profile_for
from jixiao.scoring import score
from jixiao.strict_yaml import describe_validation_error
from jixiao.web.evaluations.limits import clip, fit
from jixiao.web.evaluations.models import EvaluationRecord

log = logging.getLogger("jixiao.web")
NOT_SCORED = "无法按规则评分和审核：数据中有评分规则无法计算的数值，请检查金额、分值和指标值"


@dataclass
class Analysis:
    """An evaluation with its scorecard and findings, or the reason they are missing."""

    evaluation: Evaluation | None
    subject: Subject | None = None
    findings: list[Finding] = field(default_factory=list)
    problem: str = ""


def subject_of(ev: Evaluation) -> Subject:
    profile = profile_for(None, ev.fiscal_year)
    return Subject(ev, score(ev, profile), profile)


def analyse_evaluation(ev: Evaluation) -> Analysis:
    try:
        subject = subject_of(ev)
        return Analysis(ev, subject, check_subject(subject, CheckOptions()))
    except Exception:  # noqa: BLE001 - the fault barrier between a page and the rules engine
        log.exception("scoring failed for %r", ev.display_name)
        return Analysis(ev, problem=NOT_SCORED)


def analyse(data: dict[str, Any]) -> Analysis:
    """Stored JSON → Analysis; never raises."""
    try:
        ev = Evaluation.model_validate(data)
    except ValidationError as exc:
        return Analysis(None, problem="存储的数据不符合格式：" + describe_validation_error(exc, "自评数据"))
    return analyse_evaluation(ev)


def summary(ev: Evaluation) -> dict[str, Any]:
    """The indexed columns: totals, grade, counts of findings, all-full-marks tables, each
    fitted to its column."""
    analysis = analyse_evaluation(ev)
    counts = Counter(f.severity for f in analysis.findings)
    rows = [i for i in ev.indicators if i.weight is not None and i.score is not None]
    total = ev.funds.total
    column = EvaluationRecord._meta.get_field
    return {"fiscal_year": ev.fiscal_year, "kind": ev.kind, "title": clip(ev.display_name, column("title")),
            "stated_total": fit(ev.stated.total, column("stated_total")),
            "recomputed_total": fit(analysis.subject.scorecard.total, column("recomputed_total")) if analysis.subject else None,
            "grade": clip(ev.stated.grade or "", column("grade")),
            "errors": counts["error"] + (1 if analysis.problem else 0), "warnings": counts["warning"],
            "all_full_marks": bool(rows) and all(i.score == i.weight for i in rows),
            "finding_codes": dict(Counter(f.code for f in analysis.findings)),
            "execution_rate": fit(_rate(total.executed, total.budget), column("execution_rate"))}


def _rate(executed: Decimal | None, budget: Decimal | None) -> Decimal | None:
    if executed is None or not budget or not budget.is_finite() or not executed.is_finite():
        return None
    try:
        return executed / budget * 100
    except ArithmeticError:
        return None
