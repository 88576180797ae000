"""`jixiao batch` over a folder mixing good, broken and unsupported files; the three
output formats; Ctrl-C leaving a valid partial result."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).parents[2]
REPORTS = ROOT / "examples" / "reports"


def jixiao(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from jixiao.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    for sample in sorted(REPORTS.glob("*.txt"))[:3]:
        shutil.copy(sample, root)
    shutil.copy(REPORTS / "004_66e78293cd0851a8.txt", root / "sub" / "004.txt")
    (root / "sub" / "broken.docx").write_bytes(b"PK\x03\x04 cut short")
    (root / "empty.pdf").write_bytes(b"")
    (root / "notes.pptx").write_bytes(b"not a report")  # unsupported: not even picked up
    (root / "picture.png").write_bytes(b"\x89PNG")
    return root


def test_xlsx_has_a_row_per_evaluation_findings_and_unreadable_files(folder: Path, tmp_path: Path) -> None:
    result = jixiao("batch", str(folder), "-o", "out.xlsx", "--jobs", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "4 份已处理，2 份无法读取" in result.stderr
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert summary[0][:4] == ("文件", "单位", "年度", "类型") and len(summary) == 5
    rows = {Path(r[0]).name: r for r in summary[1:]}
    assert rows["000_1c537258e20f2a87.txt"][1] == "中共岳阳市君山区委政法委员会"
    assert rows["004.txt"][6:8] == (99, 99) and rows["004.txt"][10] == 2  # stated, recomputed; 2 errors
    unreadable = {Path(r[0]).name: r[1] for r in book["无法读取"].iter_rows(min_row=2, values_only=True)}
    assert set(unreadable) == {"broken.docx", "empty.pdf"} and "文件为空" in unreadable["empty.pdf"]
    codes = {r[3] for r in book["审核意见"].iter_rows(min_row=2, values_only=True)}
    assert {"JX303", "JX602"} <= codes  # JX602: text shared between reports of the batch


def test_csv_and_jsonl(folder: Path, tmp_path: Path) -> None:
    assert jixiao("batch", str(folder), "-o", "out.csv", "--jobs", "1", cwd=tmp_path).returncode == 0
    with (tmp_path / "out.csv").open(encoding="utf-8-sig") as handle:
        assert len(list(csv.reader(handle))) == 5
    assert (tmp_path / "out-findings.csv").exists() and (tmp_path / "out-unreadable.csv").exists()
    assert jixiao("batch", str(folder), "-o", "out.jsonl", cwd=tmp_path).returncode == 0
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    kinds = {r["type"] for r in records}
    assert kinds == {"evaluation", "finding", "unreadable"}
    assert sum(r["type"] == "evaluation" for r in records) == 4


def test_jobs_do_not_change_the_results(folder: Path, tmp_path: Path) -> None:
    jixiao("batch", str(folder), "-o", "one.jsonl", "--jobs", "1", cwd=tmp_path)
    jixiao("batch", str(folder), "-o", "two.jsonl", "--jobs", "2", cwd=tmp_path)
    read = lambda name: sorted((tmp_path / name).read_text(encoding="utf-8").splitlines())  # noqa: E731
    assert read("one.jsonl") == read("two.jsonl")


def test_nothing_to_read(tmp_path: Path) -> None:
    (tmp_path / "only.pptx").write_bytes(b"x")
    result = jixiao("batch", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 2 and "没有找到可读取的报告文件" in result.stderr


def test_ctrl_c_leaves_a_valid_partial_result(tmp_path: Path) -> None:
    many = tmp_path / "many"
    many.mkdir()
    for n in range(1500):  # far more than two workers finish in the two seconds before Ctrl-C
        shutil.copy(REPORTS / "000_1c537258e20f2a87.txt", many / f"r{n:04d}.txt")
    process = subprocess.Popen([sys.executable, "-c", "from jixiao.cli import main; main()", "batch", str(many),
                                "-o", "partial.xlsx", "--jobs", "2"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "已中断，结果为部分" in stderr
    rows = list(openpyxl.load_workbook(tmp_path / "partial.xlsx")["汇总"].iter_rows(values_only=True))
    assert 1 < len(rows) < 1501  # a header and some, not all, of the reports
    assert "Traceback" not in stderr


def test_benchmark_generator_injects_defects_the_audit_finds(tmp_path: Path) -> None:
    """The benchmark's recall is only meaningful if its variants read back with their defects."""
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import make_variants  # noqa: PLC0415

    from jixiao.checks import CheckOptions, audit_files

    manifest = make_variants(tmp_path, 6)
    for suffix in (".txt", ".docx"):
        audit = audit_files(sorted(tmp_path.glob(f"v*{suffix}")), CheckOptions())
        found = {(Path(f.file).stem, f.code) for f in audit.findings}
        for variant, codes in manifest.items():
            assert {(variant, code) for code in codes} <= found, (suffix, variant, codes)
