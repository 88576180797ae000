"""The audit: checks registered by family, run over a Subject, returning Findings."""

from jixiao.checks import (  # noqa: F401 - registers
    arithmetic, blanks, budget, claims, consistency, dates, design, form, goals, indicators, narrative, reading, reuse,
    scoring, units,
)
from jixiao.checks.registry import CHECKS, Check, select
from jixiao.checks.run import CheckOptions, audit_files, check_subject

__all__ = ["CHECKS", "Check", "CheckOptions", "audit_files", "check_subject", "select"]
