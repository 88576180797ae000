"""The golden view of an Evaluation: everything extracted, with source locations, but
without the long prose of each section (its heading, number and place are kept)."""

from __future__ import annotations

from typing import Any

from jixiao.model.evaluation import Evaluation


def golden_view(evaluation: Evaluation) -> dict[str, Any]:
    data = evaluation.model_dump(mode="json", exclude_defaults=True)
    _drop_section_text(data)
    return data


def _drop_section_text(data: dict[str, Any]) -> None:
    for section in data.get("sections", []):
        section.pop("text", None)
    for child in data.get("projects", []):
        _drop_section_text(child)
