"""The defects found by reading the five published samples, each at its line.

The errors are listed exhaustively: the audit may mark nothing else in the samples as an
error, so a new error on a sample fails this test until a person has confirmed it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from jixiao.checks import CheckOptions, audit_files
from jixiao.model.finding import Finding

ROOT = Path(__file__).parents[2]
SAMPLES = {p.stem[:3]: p for p in (ROOT / "examples" / "reports").glob("*.txt")}

# (sample, code, line): verified by hand against the text.
ERRORS = Counter([
    ("001", "JX106", 10),  # 26.19 + 12 + 2.2 = 40.39, the report says 合计支付38.39万元
    ("002", "JX103", 22),  # six listed projects sum to 467.13, 项目支出 is 466.13
    ("003", "JX302", 27),  # list: 严重精神障碍…经费 50万元; its own section: 15万元
    ("003", "JX103", 33),  # the eleven listed projects sum to 668.45, project spending is 634.67 / 633.45
    ("003", "JX105", 33),  # 585.38 / 1220.06 = 47.98%, stated 47.95%
    ("003", "JX105", 33),  # 634.67 / 1220.06 = 52.02%, stated 52.05%
    ("003", "JX304", 42),  # “各项目评价均为优” while all eleven projects are 良
    ("003", "JX305", 108),  # 2024 report, attachment titled 2025年度
    ("004", "JX301", 139),  # 公用经费: 基础数据表 254.77, prose 273.10
    ("004", "JX303", 424),  # 区委办专项 373万元 > the department's whole 项目支出 151.95万元
])
WARNINGS = [
    ("000", "JX507", 29), ("000", "JX502", 64), ("000", "JX502", 76), ("000", "JX504", 210), ("000", "JX703", 230),
    ("000", "JX406", 303), ("000", "JX404", 357), ("000", "JX404", 389), ("000", "JX404", 588), ("000", "JX404", 610),
    ("001", "JX301", 10), ("001", "JX501", 5), ("002", "JX506", 1), ("002", "JX701", 20), ("002", "JX701", 22),
    ("003", "JX301", 33), ("003", "JX101", 33), ("003", "JX502", 105), ("003", "JX601", 90), ("003", "JX601", 95),
    ("004", "JX502", 47), ("004", "JX502", 56), ("004", "JX406", 263), ("004", "JX406", 493), ("004", "JX404", 547),
]


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return audit_files([SAMPLES[k] for k in sorted(SAMPLES)], CheckOptions()).findings


def _key(finding: Finding) -> tuple[str, str, int]:
    return Path(finding.file).stem[:3], finding.code, finding.where.line if finding.where and finding.where.line else 0


def test_exactly_the_verified_errors(findings: list[Finding]) -> None:
    found = Counter(_key(f) for f in findings if f.severity == "error")
    assert found == ERRORS, f"unexpected: {found - ERRORS}; missing: {ERRORS - found}"


@pytest.mark.parametrize("expected", WARNINGS, ids=lambda k: "-".join(map(str, k)))
def test_verified_warnings_and_notes(findings: list[Finding], expected: tuple[str, str, int]) -> None:
    assert expected in {_key(f) for f in findings}


def test_every_finding_names_a_line_of_its_file(findings: list[Finding]) -> None:
    for finding in findings:
        assert finding.where is not None and finding.where.line, finding
        lines = Path(ROOT / finding.file if not Path(finding.file).is_absolute() else finding.file).read_text("utf-8").split("\n")
        assert lines[finding.where.line - 1].strip(), finding


def test_messages_carry_the_numbers(findings: list[Finding]) -> None:
    messages = {f.code: f.message for f in findings if f.severity == "error"}
    assert "26.19 + 12 + 2.2 = 40.39，与所填 38.39" in messages["JX106"]
    assert "在清单中为 50 万元" in messages["JX302"] and "为 15 万元" in messages["JX302"]
    assert "373 万元" in messages["JX303"] and "151.95 万元" in messages["JX303"]
