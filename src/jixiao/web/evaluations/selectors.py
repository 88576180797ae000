"""How views fetch evaluations: only through `visible_to`, so access is decided here."""

from __future__ import annotations

from django.db.models import F, QuerySet
from django.db.models.functions import Abs, Coalesce
from django.db.models import Value, DecimalField

from jixiao.web.evaluations.models import EvaluationRecord
from jixiao.web.org.scope import units_for


def visible_to(user: object) -> QuerySet[EvaluationRecord]:
    """Filers see their units' evaluations; reviewers those of the units they review."""
    return EvaluationRecord.objects.filter(unit__in=units_for(user, ("filer", "reviewer"))).select_related("unit")


def editable_by(user: object) -> QuerySet[EvaluationRecord]:
    return EvaluationRecord.objects.filter(unit__in=units_for(user, ("filer",)))


def review_queue(user: object) -> QuerySet[EvaluationRecord]:
    """Ranked by risk: errors first, then the gap between stated and recomputed totals."""
    zero = Value(0, output_field=DecimalField())
    gap = Abs(Coalesce(F("stated_total"), zero) - Coalesce(F("recomputed_total"), F("stated_total"), zero))
    return visible_to(user).annotate(gap=gap).order_by("-errors", "-gap", "-all_full_marks", "-warnings", "title")
