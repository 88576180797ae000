"""Runs the OpenFisca-style YAML cases in tests/scoring/cases/ (one file per profile)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from jixiao.model.evaluation import Evaluation
from jixiao.model.scorecard import ScoreLine
from jixiao.rules import load_profile
from jixiao.rules.load import PROFILE_DIR
from jixiao.scoring import score

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["profile"], case, id=f"{path.stem}: {case['name']}"))
    return params


def _evaluation(case: dict[str, Any]) -> Evaluation:
    execution = case.get("execution", {})
    stated = {"execution_weight": execution.get("weight"), "execution_score": execution.get("score")}
    funds = {"total": {"budget": execution.get("budget"), "executed": execution.get("executed")}}
    indicators = [case["indicator"]] if "indicator" in case else []
    return Evaluation.model_validate({
        "kind": "project", "fiscal_year": case.get("fiscal_year", 2023),
        "funds": funds, "stated": stated, "indicators": indicators,
    })


def _line(case: dict[str, Any], profile_id: str) -> ScoreLine:
    card = score(_evaluation(case), load_profile(profile_id))
    return card.lines[1] if "indicator" in case else card.lines[0]


@pytest.mark.parametrize(("profile_id", "case"), _cases())
def test_case(profile_id: str, case: dict[str, Any]) -> None:
    line = _line(case, profile_id)
    expect = case["expect"]
    if "score" in expect:
        assert line.recomputed == Decimal(expect["score"]), line.explanation
    if "range" in expect:
        assert (line.low, line.high) == tuple(Decimal(v) for v in expect["range"]), line.explanation
    if "status" in expect:
        assert line.status == expect["status"], line.explanation
    if "flags" in expect:
        assert line.flags == expect["flags"], line.notes


def test_every_profile_has_a_case_file() -> None:
    assert {p.stem for p in PROFILE_DIR.glob("*.yaml")} == {p.stem for p in CASES.glob("*.yaml")}
