"""The check registry: one decorator, one read-only mapping.

A check is a function `(subject, *, option=default, …) -> Iterator[Draft]` with a stable
code (`JX` + family digit + two digits), a kebab-case slug, a family, a default severity
and a Chinese title. Its docstring is its documentation: a first line saying what it
finds, then `Why:` and `Example:` paragraphs. Codes are never reused.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from jixiao.model.finding import Severity

FAMILIES: dict[str, tuple[str, str]] = {
    "0": ("reading", "读取"),
    "1": ("arithmetic", "算术"),
    "2": ("scoring", "评分"),
    "3": ("consistency", "前后一致"),
    "4": ("indicators", "指标质量"),
    "5": ("form", "完整与格式"),
    "6": ("reuse", "文字雷同"),
    "7": ("budget", "预算执行"),
}
_CODE = re.compile(r"^JX[0-7]\d\d$")


@dataclass(frozen=True)
class Check:
    code: str
    slug: str
    title: str
    severity: Severity
    func: Callable[..., Iterator[Any]]
    batch: bool = False  # runs once over a batch of reports (text reuse between reports)

    @property
    def family(self) -> str:
        return FAMILIES[self.code[2]][0]

    @property
    def family_title(self) -> str:
        return FAMILIES[self.code[2]][1]

    @property
    def options(self) -> dict[str, Any]:
        """Keyword-only parameters and their defaults: the check's configurable thresholds."""
        parameters = inspect.signature(self.func).parameters.values()
        return {p.name: p.default for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY}

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.title

    @property
    def why(self) -> str:
        match = re.search(r"^Why:\s*(.+?)(?:\n\s*\n|\Z)", self.doc, re.S | re.M)
        return " ".join(match[1].split()) if match else ""


_REGISTRY: dict[str, Check] = {}
CHECKS = MappingProxyType(_REGISTRY)


def check(code: str, slug: str, title: str, severity: Severity, batch: bool = False) -> Callable[..., Any]:
    """Register a check under a permanent code."""
    if not _CODE.match(code):
        raise ValueError(f"bad check code {code!r}")

    def register(func: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        if code in _REGISTRY:
            raise ValueError(f"check code {code} registered twice")
        _REGISTRY[code] = Check(code, slug, title, severity, func, batch)
        return func

    return register


def select(codes: list[str] | None = None, ignore: list[str] | None = None) -> list[Check]:
    """Checks whose code, code prefix (`JX1`) or family name is selected and not ignored."""
    chosen = [c for c in CHECKS.values() if not codes or any(_matches(c, s) for s in codes)]
    return sorted((c for c in chosen if not any(_matches(c, s) for s in ignore or [])), key=lambda c: c.code)


def _matches(check_: Check, selector: str) -> bool:
    selector = selector.strip()
    return check_.code.startswith(selector.upper()) or selector.lower() in (check_.family, check_.slug)
