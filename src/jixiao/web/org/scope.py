"""Which units a user may act on, by role: the one place that decides it."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jixiao.web.org.models import Membership, Organisation


def units_for(user: object, roles: tuple[str, ...]) -> QuerySet[Organisation]:
    """Units under any organisation where the user holds one of `roles` (admins: all)."""
    units = Organisation.objects.filter(kind=Organisation.Kind.UNIT)
    if not getattr(user, "is_authenticated", False):
        return units.none()
    if getattr(user, "is_superuser", False) or Membership.objects.filter(user=user, role="admin").exists():
        return units
    memberships = Membership.objects.filter(user=user, role__in=roles)
    roots = [m.organisation_id for m in memberships]
    return units.filter(Q(id__in=roots) | Q(parent_id__in=roots) | Q(parent__parent_id__in=roots))
