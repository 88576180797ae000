"""Runs tests/checks/cases/JXnnn.yaml: each check on minimal passing and failing inputs.

A case gives an `evaluation` (model fragment), a `report` (text in the samples' layout,
run through read → extract → score) or, for batch checks, `reports`; `options` set the
check's thresholds; `expect` lists the findings (severity and a part of the message).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml

from jixiao.checks import CHECKS, CheckOptions
from jixiao.checks.run import _batch_findings, check_subject
from jixiao.checks.subject import Subject
from jixiao.ingest.extract import extract
from jixiao.ingest.readers.text import parse_text
from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import Finding
from jixiao.rules import load_profile
from jixiao.scoring import score

CASES = Path(__file__).parent / "cases"


def _subject(evaluation: Evaluation, document: Any = None, name: str = "case.txt") -> Subject:
    profile = load_profile("mof-2020")
    return Subject(evaluation, score(evaluation, profile), profile, document, name)


def _report(text: str, name: str) -> Subject:
    document = parse_text(text, name)
    return _subject(extract(document), document, name)


def findings_for(code: str, case: dict[str, Any]) -> list[Finding]:
    options = CheckOptions(select=[code], options={code: case.get("options", {})})
    if "reports" in case:
        subjects = [_report(text, f"r{i}.txt") for i, text in enumerate(case["reports"])]
        return _batch_findings(subjects, options)
    if "report" in case:
        subject = _report(case["report"], "case.txt")
    else:
        subject = _subject(Evaluation.model_validate(case["evaluation"]))
    return check_subject(subject, options)


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("JX*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        params += [pytest.param(data["check"], case, id=f"{data['check']}: {case['name']}") for case in data["cases"]]
    return params


@pytest.mark.parametrize(("code", "case"), _cases())
def test_case(code: str, case: dict[str, Any]) -> None:
    found = findings_for(code, case)
    expected = case["expect"]
    assert len(found) == len(expected), [f.message for f in found]
    for finding, expect in zip(found, expected):
        assert finding.code == code
        assert finding.severity == expect["severity"], finding.message
        assert expect.get("contains", "") in finding.message, finding.message


def test_every_check_has_a_passing_and_a_failing_case() -> None:
    for code in CHECKS:
        path = CASES / f"{code}.yaml"
        assert path.exists(), f"{code} has no case file"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert any(not c["expect"] for c in cases), f"{code} has no passing case"
        assert any(c["expect"] for c in cases), f"{code} has no failing case"


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_every_check_is_documented(code: str) -> None:
    check = CHECKS[code]
    assert check.summary and check.why, f"{code}: docstring needs a first line and a Why: paragraph"
    assert "Example:" in check.doc, f"{code}: docstring needs an Example: paragraph"
    parameters = list(inspect.signature(check.func).parameters.values())
    assert parameters[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters[1:]), f"{code}: options must be keyword-only"
