"""Finance bureau → departments → units, and who works where in which role."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

# The parent each kind of organisation may have (scope.units_for looks two levels up).
PARENT_KINDS = {"bureau": (), "department": ("bureau",), "unit": ("department", "bureau")}


class Organisation(models.Model):
    class Kind(models.TextChoices):
        BUREAU = "bureau", "财政局"
        DEPARTMENT = "department", "主管部门"
        UNIT = "unit", "预算单位"

    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")

    class Meta:
        verbose_name = verbose_name_plural = "组织"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        allowed = PARENT_KINDS.get(self.kind, ())
        if self.parent is None and self.kind == "unit":
            raise ValidationError({"parent": "预算单位须有上级（主管部门或财政局）"})
        if self.parent is not None and self.parent.kind not in allowed:
            names = "、".join(self.Kind(k).label for k in allowed) or "无"
            raise ValidationError({"parent": f"{self.get_kind_display()}的上级只能是：{names}"})


class Membership(models.Model):
    class Role(models.TextChoices):
        FILER = "filer", "填报人"
        REVIEWER = "reviewer", "审核人"
        ADMIN = "admin", "管理员"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE,
                             related_name="memberships")
    organisation = models.ForeignKey(Organisation, verbose_name="组织", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = verbose_name_plural = "成员与角色"
        unique_together = [("user", "organisation", "role")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}（{self.get_role_display()}）"
