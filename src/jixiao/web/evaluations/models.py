"""An evaluation as stored: the domain model's JSON, indexed summary columns, and an
append-only history of every version and every workflow step. No logic lives here."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from jixiao.web.org.models import Organisation


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已审核"
    PUBLISHED = "published", "已公开"


class EvaluationRecord(models.Model):
    unit = models.ForeignKey(Organisation, verbose_name="单位", on_delete=models.PROTECT, related_name="evaluations")
    fiscal_year = models.IntegerField("年度", null=True, db_index=True,
                                      validators=[MinValueValidator(1990), MaxValueValidator(2100)])
    kind = models.CharField("类型", max_length=20)
    title = models.CharField("标题", max_length=300)
    data = models.JSONField("自评数据")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    version = models.PositiveIntegerField("版本", default=1)
    # Summary columns are fitted to these limits by limits.fit / limits.clip before saving.
    stated_total = models.DecimalField("填报总分", max_digits=12, decimal_places=2, null=True)
    recomputed_total = models.DecimalField("重算总分", max_digits=12, decimal_places=2, null=True)
    grade = models.CharField("填报等级", max_length=20, blank=True)
    errors = models.PositiveIntegerField("错误", default=0, db_index=True)
    warnings = models.PositiveIntegerField("警告", default=0)
    all_full_marks = models.BooleanField("全部满分", default=False)
    finding_codes = models.JSONField("审核意见代码计数", default=dict)
    execution_rate = models.DecimalField("预算执行率(%)", max_digits=12, decimal_places=2, null=True)
    source_name = models.CharField("来源文件", max_length=300, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "绩效自评"
        ordering = ["-updated_at"]
        constraints = [models.UniqueConstraint(fields=["unit", "fiscal_year", "kind"], name="one_evaluation_per_unit_year_kind")]

    def __str__(self) -> str:
        return self.title


class Version(models.Model):
    """Every saved state, kept forever: who, when, and the whole Evaluation."""

    record = models.ForeignKey(EvaluationRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    data = models.JSONField("自评数据")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    note = models.CharField("说明", max_length=300, blank=True)

    class Meta:
        unique_together = [("record", "number")]
        ordering = ["-number"]


class Event(models.Model):
    """A workflow step: who moved the evaluation from which state to which, and why."""

    record = models.ForeignKey(EvaluationRecord, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=20)
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField("时间", auto_now_add=True)
    comment = models.TextField("意见", blank=True)
    finding_code = models.CharField("针对的审核意见", max_length=10, blank=True)
    field = models.CharField("针对的栏目", max_length=100, blank=True)

    class Meta:
        ordering = ["at"]
