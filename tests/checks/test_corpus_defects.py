"""The audit on real reports, against the verified answer key of the corpus.

Recall of errors and warnings, silence on every negative control, and no error-level
finding that the key does not list. The corpus lives outside the repository; without it
these tests are skipped. Run with `-s` to see the figures.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from jixiao.checks import CheckOptions, audit_files
from jixiao.model.finding import Finding

from .corpus_defects import ITEMS, Item

ROOT = Path(__file__).parents[2]
CORPUS = Path(os.environ.get("JIXIAO_CORPUS", ROOT.parent / "shared" / "corpus"))
pytestmark = pytest.mark.skipif(not (CORPUS / "raw").is_dir(), reason=f"未找到真实报告语料（{CORPUS}）")
ERRORS_NEEDED, WARNINGS_NEEDED = 12, 36  # of 13 and 42


@cache
def findings() -> dict[str, list[Finding]]:
    paths = sorted((CORPUS / "raw").glob("*.txt"))
    found: dict[str, list[Finding]] = defaultdict(list)
    for finding in audit_files(paths, CheckOptions()).findings:
        found[Path(finding.file).stem].append(finding)
    return found


def matches(item: Item, finding: Finding) -> bool:
    return finding.code in item.codes and all(quote in finding.message for quote in item.quotes)


def found(item: Item) -> bool:
    wanted = ("error", "warning") if item.kind in ("E", "W") else ()
    return any(matches(item, f) and f.severity in wanted for f in findings()[item.file])


def violated(item: Item) -> list[Finding]:
    return [f for f in findings()[item.file] if f.code in item.codes
            and (not item.quotes or any(quote in f.message for quote in item.quotes))]


def test_errors_and_warnings_are_found() -> None:
    errors = [i for i in ITEMS if i.kind == "E"]
    warnings = [i for i in ITEMS if i.kind == "W"]
    hit_e, hit_w = [i.id for i in errors if found(i)], [i.id for i in warnings if found(i)]
    print(f"\nerrors {len(hit_e)}/{len(errors)}, warnings {len(hit_w)}/{len(warnings)}")
    print("missed:", [i.id for i in errors + warnings if i.id not in hit_e + hit_w])
    assert len(hit_e) >= ERRORS_NEEDED and len(hit_w) >= WARNINGS_NEEDED


def test_no_negative_control_is_violated() -> None:
    controls = [i for i in ITEMS if i.kind == "N"]
    violations = {i.id: [f"{f.code} {f.message}" for f in violated(i)] for i in controls}
    violations = {k: v for k, v in violations.items() if v}
    print(f"\nnegative controls violated {len(violations)}/{len(controls)}")
    assert violations == {}


def test_no_error_the_key_does_not_list() -> None:
    listed = [i for i in ITEMS if i.kind in ("E", "W")]
    false = [f"{stem}: {f.code} {f.message}" for stem, items in findings().items() for f in items
             if f.severity == "error" and not any(i.file == stem and f.code in i.codes for i in listed)]
    print(f"\nerror-level findings not in the key: {len(false)}")
    assert false == []
