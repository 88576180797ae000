"""Real reports: nothing invented, and the extraction measure stays above its floor.

The development corpus of real published reports lives outside the repository
(`../shared/corpus`, or `JIXIAO_CORPUS`); its text is never copied into the project.
Where it is absent the corpus tests are skipped; the samples in `examples/reports/` are
always checked for invented values.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest

from jixiao.ingest import read_evaluation
from jixiao.ingest.fold import fold
from jixiao.model.evaluation import Evaluation

ROOT = Path(__file__).parents[2]
CORPUS = Path(os.environ.get("JIXIAO_CORPUS", ROOT.parent / "shared" / "corpus"))
RAW = sorted((CORPUS / "raw").glob("*.txt")) if (CORPUS / "raw").is_dir() else []
SAMPLES = sorted((ROOT / "examples" / "reports").glob("*.txt"))
needs_corpus = pytest.mark.skipif(not RAW, reason=f"未找到真实报告语料（{CORPUS}）")
FLOOR = Decimal("0.95")  # raise it as extraction improves; never lower it


def _squash(text: str) -> str:
    return "".join(fold(text).text.split())


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _evaluations(evaluation: Evaluation) -> Iterator[Evaluation]:
    yield evaluation
    for child in evaluation.projects:
        yield from _evaluations(child)


def invented(path: Path) -> list[str]:
    """Values the extraction holds that the printed text does not contain (a sharing site's
    page numbers `2、` between two chunks of a page-broken cell are not part of it)."""
    printed = _squash(re.sub(r"\n\s*\d{1,3}、", "", path.read_text(encoding="utf-8")))
    problems = []
    for evaluation in _evaluations(read_evaluation(path)):
        for figure in evaluation.figures:
            quoted = _squash(figure.source.text or "") if figure.source else ""
            shown = figure.text or _plain(figure.value) if figure.value is not None or figure.text else ""
            if quoted not in printed:
                problems.append(f"{figure.key}: 引文“{quoted}”不在原文中")
            elif shown and _squash(shown) not in quoted and not _noted(figure.note, quoted):
                problems.append(f"{figure.key}: {shown} 不在引文“{quoted}”中")
        for text in _strings(evaluation):
            for line in text.split("\n"):  # a value of several cells (the goals) is checked cell by cell
                if _squash(line) not in printed:
                    problems.append(f"“{line}”不在原文中")
    return problems


def _noted(note: str, quoted: str) -> bool:
    """A value read through a stated conversion (0.1 → 10%, 元 → 万元) quotes the printed number."""
    return bool(note) and any(number in quoted for number in re.findall(r"\d+(?:\.\d+)?", note))


def _strings(evaluation: Evaluation) -> Iterator[str]:
    unit = evaluation.unit
    yield from (s for s in (unit.name, unit.department, unit.implementer, evaluation.goals.expected,
                            evaluation.goals.achieved) if s)
    for indicator in evaluation.indicators:
        yield from (s for s in (indicator.name, indicator.target.text, indicator.actual.text) if s)
        yield from (_plain(n) for n in (indicator.weight, indicator.score) if n is not None)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_samples_invent_nothing(sample: Path) -> None:
    assert invented(sample) == []


@needs_corpus
def test_corpus_invents_nothing() -> None:
    problems = {path.stem: invented(path) for path in RAW}
    assert {k: v for k, v in problems.items() if v} == {}


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_corpus
def test_corpus_measure_stays_above_its_floor() -> None:
    """`score.py`'s measure, in process: each gold fact in its own field."""
    score = _score_module()
    found = total = 0
    for gold_path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = json.loads(read_evaluation(CORPUS / "raw" / f"{gold_path.stem}.txt").model_dump_json(exclude_defaults=True))
        hit, facts, _ = score.score_file(gold, data)
        found, total = found + hit, total + facts
    share = Decimal(found) / Decimal(total)
    print(f"\ncorpus facts in their fields {found}/{total} = {share:.1%}")
    assert share >= FLOOR
