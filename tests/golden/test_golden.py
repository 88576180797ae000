"""The five samples extract to their hand-reviewed goldens, field by field, and every
value points at a line of the sample that holds it."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import read_evaluation
from jixiao.model.evaluation import Evaluation

from ..ingest.compare import first_difference
from .view import golden_view

ROOT = Path(__file__).parents[2]
SAMPLES = sorted((ROOT / "examples" / "reports").glob("*.txt"))
GOLDEN = Path(__file__).parent


def _extracted(sample: Path) -> Evaluation:
    return read_evaluation(sample.relative_to(ROOT)) if sample.is_relative_to(ROOT) else read_evaluation(sample)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # goldens hold paths relative to the repository


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_matches_golden(sample: Path) -> None:
    expected = json.loads((GOLDEN / f"{sample.stem[:3]}.json").read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(golden_view(_extracted(sample)), ensure_ascii=False))
    assert actual == expected, first_difference(expected, actual)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_every_figure_is_on_the_line_it_names(sample: Path) -> None:
    lines = sample.read_text(encoding="utf-8").split("\n")

    def check(evaluation: Evaluation) -> int:
        count = 0
        for figure in evaluation.figures:
            ref = figure.source
            assert ref is not None and ref.line is not None, figure
            line = _fold(lines[ref.line - 1])
            snippet = _fold(ref.text or "")
            assert snippet and (snippet in line or line in snippet), (figure.key, ref.line, ref.text)
            shown = figure.text or _plain(figure.value)
            assert shown in snippet or shown in _fold(lines[ref.line - 1]), (figure.key, shown, ref.text)
            count += 1
        return count + sum(check(child) for child in evaluation.projects)

    assert check(_extracted(sample)) > 0


def _plain(value: object) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@pytest.mark.parametrize(("sample", "figures"), [
    ("001", {("funds.total.initial_budget", "36"), ("funds.total.executed", "38.39"), ("funds.total.executed", "39.84"),
             ("stated.total", "97"), ("stated.grade", "优"), ("unit.staffing.serving", "10"),
             ("unit.staffing.retired", "11")}),
    ("002", {("funds.basic.budget", "285.44"), ("funds.basic.executed", "325.69"), ("funds.basic.rate", "114.1"),
             ("funds.project.budget", "216"), ("funds.project.executed", "466.13"), ("unit.staffing.total", "15")}),
])
def test_prose_only_samples_state_exactly_these_figures(sample: str, figures: set[tuple[str, str]]) -> None:
    """Read by hand: these are all the figures the rules cover in 001 and 002, no more."""
    path = next(p for p in SAMPLES if p.stem.startswith(sample))
    found = {(f.key, f.text or _plain(f.value)) for f in _extracted(path).figures
             if not f.key.startswith("funds.project_items")}
    assert found == figures


def test_prose_only_sample_003_projects_and_totals() -> None:
    evaluation = _extracted(next(p for p in SAMPLES if p.stem.startswith("003")))
    scores = "88 85.96 85.63 87.89 88.01 88 88 88 89.4 88 87.15".split()
    assert [p.stated.total for p in evaluation.projects] == [Decimal(s) for s in scores]
    assert sum(p.funds.total.budget for p in evaluation.projects) == Decimal("633.45")
    assert sum(i.budget for i in evaluation.funds.project_items) == Decimal("668.45")  # the list the report gives
    assert (evaluation.stated.total, evaluation.stated.grade) == (Decimal("86.28"), "良")
