"""Compare two Evaluations as extracted from different formats of the same content.

Source locations differ by format (a line in text, a paragraph in Word, a page in PDF),
so they are left out; the values, and every figure's key and value, must be equal.
"""

from __future__ import annotations

import re
from typing import Any

from jixiao.model.evaluation import Evaluation


def comparable(evaluation: Evaluation, squeeze_spaces: bool = False) -> Any:
    data = _without_places(evaluation.model_dump(mode="json"))
    return _squeezed(data) if squeeze_spaces else data


def _without_places(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items() if k not in ("source", "provenance")}
    if isinstance(value, list):
        return [_without_places(v) for v in value]
    return value


def _squeezed(value: Any) -> Any:
    """PDF keeps no runs of spaces and no space that fell at a line wrap."""
    if isinstance(value, dict):
        return {k: _squeezed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_squeezed(v) for v in value]
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """The path of the first difference, for a readable assertion message."""
    if type(a) is not type(b):
        return f"{path}: {a!r} ≠ {b!r}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} 项 ≠ {len(b)} 项"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := first_difference(x, y, f"{path}[{i}]"))), None)
    return None if a == b else f"{path}: {a!r} ≠ {b!r}"
