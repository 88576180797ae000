"""`jixiao check`: exit codes, output formats, selection, configuration, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from jixiao.checks.docs import checks_markdown

from .test_cli import ROOT, jixiao

REPORTS = ROOT / "examples" / "reports"
S000, S004 = str(REPORTS / "000_1c537258e20f2a87.txt"), str(REPORTS / "004_66e78293cd0851a8.txt")


def test_errors_exit_1_and_name_file_and_line() -> None:
    result = jixiao("check", S004)
    assert result.returncode == 1
    assert f"{S004}:424: 表3 第4行 第4列 JX303 错误 项目“区委办专项”全年预算数 373 万元" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("共 ")


def test_no_error_exits_0_and_fail_on_warning_exits_1() -> None:
    assert jixiao("check", S000).returncode == 0  # sample 000 has warnings and notes only
    assert jixiao("check", S000, "--fail-on", "warning").returncode == 1


def test_select_and_ignore_by_code_prefix_and_family() -> None:
    only = jixiao("check", S004, "--select", "JX3", "--format", "json")
    codes = {f["code"] for f in json.loads(only.stdout)["findings"]}
    assert codes == {"JX301", "JX303"}
    without = jixiao("check", S004, "--ignore", "consistency", "--ignore", "indicators", "--format", "json")
    codes = {f["code"] for f in json.loads(without.stdout)["findings"]}
    assert codes and not any(c.startswith(("JX3", "JX4")) for c in codes)
    assert without.returncode == 0  # the two errors of 004 are consistency errors


def test_json_xlsx_and_html(tmp_path: Path) -> None:
    data = json.loads(jixiao("check", S004, "--format", "json").stdout)
    assert data["summary"]["error"] == 2
    first = data["findings"][0]
    assert {"code", "severity", "message", "file", "where", "why"} <= first.keys()
    assert jixiao("check", S004, "-f", "xlsx", "-o", str(tmp_path / "f.xlsx")).returncode == 1
    sheet = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert header[:5] == ["文件", "评价对象", "级别", "代码", "说明"]
    assert len(rows) == len(data["findings"]) and any(r[3] == "JX303" and r[6] == 424 for r in rows)
    page = jixiao("check", S004, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "JX303" in page and "<script" not in page


def test_xlsx_needs_an_output_file() -> None:
    result = jixiao("check", S004, "-f", "xlsx")
    assert result.returncode == 2 and "需要用 -o 指定输出文件" in result.stderr


def test_a_bad_file_in_a_batch_is_a_finding_not_a_stop(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = jixiao("check", str(broken), S000, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    unreadable = [f for f in findings if f["code"] == "JX001"]
    assert len(unreadable) == 1 and unreadable[0]["file"] == str(broken)
    assert "内容不是Word 文档" in unreadable[0]["message"]
    assert any(f["file"] == S000 for f in findings)
    assert result.returncode == 1


def test_only_bad_files_cannot_run(tmp_path: Path) -> None:
    result = jixiao("check", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "文件不存在" in result.stderr


def test_configuration_file(tmp_path: Path) -> None:
    (tmp_path / "jixiao.toml").write_text('[check]\nignore = ["JX303", "JX301"]\n[check.options.JX703]\nthreshold = 0.7\n',
                                          encoding="utf-8")
    assert jixiao("check", S004, cwd=tmp_path).returncode == 0
    result = jixiao("check", S000, "--format", "json", cwd=tmp_path)
    assert "JX703" not in {f["code"] for f in json.loads(result.stdout)["findings"]}
    (tmp_path / "jixiao.toml").write_text('[check.options.JX703]\nlimit = 1\n', encoding="utf-8")
    bad = jixiao("check", S000, cwd=tmp_path)
    assert bad.returncode == 2 and "检查 JX703 没有选项“limit”（可用：threshold）" in bad.stderr


def test_rules_and_explain() -> None:
    listing = jixiao("rules").stdout
    assert "JX101" in listing and "JX705" in listing
    explained = jixiao("explain", "jx106").stdout
    assert explained.startswith("JX106 stated-sum-in-prose") and "Why:" in explained
    assert jixiao("explain", "JX999").returncode == 2


def test_generated_check_docs_are_current() -> None:
    """docs/checks.md is `jixiao rules --markdown`; regenerate it when a check changes."""
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == checks_markdown()
