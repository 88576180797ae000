"""Acceptance of issue 2: the hand-typed tables of sample 000 score to what it states."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import load_evaluation
from jixiao.model.evaluation import Evaluation
from jixiao.rules import load_profile
from jixiao.scoring import score

SAMPLE = Path(__file__).parents[2] / "examples" / "evaluations" / "000-junshan-zhengfawei-2023.yaml"


@pytest.fixture(scope="module")
def department() -> Evaluation:
    return load_evaluation(SAMPLE)


def test_department_table_scores_98_with_a_line_per_indicator(department: Evaluation) -> None:
    card = score(department, load_profile("mof-2020"))
    assert card.total == Decimal("98.00")
    assert card.stated_total == 98 and card.total_matches is True
    assert card.grade == "优"
    assert [line.key for line in card.lines] == ["execution", *(f"indicators[{i}]" for i in range(12))]
    assert all(line.status == "ok" for line in card.lines)
    assert card.lines[2].explanation == "5 × min(1, 14/12) = 5.00"


def test_project_table_zhengfa_scores_98(department: Evaluation) -> None:
    project = score(department, load_profile()).children[0]
    assert project.name == "政法专项"
    assert project.total == Decimal("98.00") and project.total_matches is True
    assert len(project.lines) == 1 + 13
    ecology = next(line for line in project.lines if line.label == "平安社会建设，确保生态环境改善")
    assert (ecology.low, ecology.high, ecology.recomputed) == (Decimal("4.00"), Decimal("5.00"), Decimal("4.00"))


def test_qualitative_score_outside_its_band_is_reported_and_total_becomes_a_range(department: Evaluation) -> None:
    edited = department.model_copy(deep=True)
    economic = edited.indicators[7]
    assert economic.name.startswith("维护社会公平正义")
    economic.score = Decimal(6)  # band of tier 1 for 分值 10 is [8, 10]
    card = score(edited, load_profile())
    line = card.lines[8]
    assert line.status == "outside_band" and line.recomputed is None
    assert (card.total_low, card.total_high) == (Decimal("97.00"), Decimal("99.00"))
    assert card.total is None and card.grade == "优"
    assert card.total_matches is True  # the stated 98 lies inside the allowed 97–99


def test_scoring_never_changes_the_evaluation(department: Evaluation) -> None:
    before = department.model_dump()
    score(department, load_profile())
    assert department.model_dump() == before
