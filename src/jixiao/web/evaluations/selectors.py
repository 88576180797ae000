"""How views fetch evaluations: only through `visible_to`, so access is decided here.
Lists never load the evaluations' data (it can be large), only the summary columns."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, F, QuerySet, Value
from django.db.models.functions import Abs, Coalesce

from jixiao.web.evaluations.models import EvaluationRecord
from jixiao.web.org.models import Organisation
from jixiao.web.org.scope import units_for


def visible_to(user: object) -> QuerySet[EvaluationRecord]:
    """Filers see their units' evaluations; reviewers those of the units they review."""
    return EvaluationRecord.objects.filter(unit__in=units_for(user, ("filer", "reviewer"))).select_related("unit")


def editable_by(user: object) -> QuerySet[EvaluationRecord]:
    return EvaluationRecord.objects.filter(unit__in=units_for(user, ("filer",)))


def review_queue(user: object) -> QuerySet[EvaluationRecord]:
    """Ranked by risk: errors first, then the gap between stated and recomputed totals."""
    zero = Value(0, output_field=DecimalField(max_digits=12, decimal_places=2))
    gap = Abs(Coalesce(F("stated_total"), zero) - Coalesce(F("recomputed_total"), F("stated_total"), zero))
    return (visible_to(user).defer("data").annotate(gap=gap)
            .order_by("-errors", "-gap", "-all_full_marks", "-warnings", "title", "pk"))


SORTABLE = {"errors", "warnings", "stated_total", "recomputed_total", "fiscal_year", "title", "status", "updated_at"}
FILTERS = {"status": "status", "year": "fiscal_year", "grade": "grade", "department": "unit__parent"}


def departments(user: object) -> QuerySet[Organisation]:
    """The departments over the evaluations the user sees (the queue's department filter)."""
    return Organisation.objects.filter(kind="department", children__evaluations__in=visible_to(user)).distinct()


def filtered(user: object, filters: dict[str, Any]) -> QuerySet[EvaluationRecord]:
    """The queue with the (checked) filters and sort order the reviewer chose."""
    records = review_queue(user).filter(**{FILTERS[key]: value for key, value in filters.items() if key in FILTERS})
    if filters.get("sort", "").lstrip("-") in SORTABLE:
        records = records.order_by(filters["sort"], "pk")
    return records


def spot_check(user: object, share: Decimal = Decimal("0.2"), seed: str = "") -> list[EvaluationRecord]:
    """抽查 (jixiao default, rules.md §8.2): every evaluation with an error, plus a random
    `share` of the others, drawn reproducibly from `seed`."""
    records = list(review_queue(user))
    flagged = [r for r in records if r.errors]
    others = [r for r in records if not r.errors]
    count = int((len(others) * share).quantize(Decimal(1)))
    drawn = random.Random(seed).sample(others, k=min(count, len(others))) if others else []
    return flagged + sorted(drawn, key=lambda r: r.pk)
