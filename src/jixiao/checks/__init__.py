"""The audit: checks registered by family, run over a Subject, returning Findings."""

from jixiao.checks import arithmetic, budget, consistency, form, indicators, reuse, scoring  # noqa: F401 - registers
from jixiao.checks.registry import CHECKS, Check, select
from jixiao.checks.run import CheckOptions, audit_files, check_subject

__all__ = ["CHECKS", "Check", "CheckOptions", "audit_files", "check_subject", "select"]
