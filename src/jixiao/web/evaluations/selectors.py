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


SORTABLE = {"errors", "warnings", "stated_total", "recomputed_total", "fiscal_year", "title", "status", "updated_at"}


def filtered(user: object, params: dict[str, str]) -> QuerySet[EvaluationRecord]:
    """The queue with the filters and sort order the reviewer chose (unknown ones ignored)."""
    records = review_queue(user)
    for key, field in (("status", "status"), ("year", "fiscal_year"), ("grade", "grade"), ("department", "unit__parent_id")):
        if params.get(key):
            records = records.filter(**{field: params[key]})
    sort = params.get("sort", "")
    if sort.lstrip("-") in SORTABLE:
        records = records.order_by(sort, "pk")
    return records


def spot_check(user: object, share: float = 0.2, seed: str = "") -> list[EvaluationRecord]:
    """抽查 (jixiao default, rules.md §8.2): every evaluation with an error, plus a random
    `share` of the others, drawn reproducibly from `seed`."""
    import random

    records = list(review_queue(user))
    flagged = [r for r in records if r.errors]
    others = [r for r in records if not r.errors]
    drawn = random.Random(seed).sample(others, k=round(len(others) * share)) if others else []
    return flagged + sorted(drawn, key=lambda r: r.pk)
