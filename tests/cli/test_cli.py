"""The command line: scoring, templates, schema, profiles, and clear errors (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.ingest import parse_evaluation

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "examples" / "evaluations" / "000-junshan-zhengfawei-2023.yaml"


def jixiao(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from jixiao.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env={"COLUMNS": "200", "PATH": ""})


def test_score_prints_every_line_and_the_totals() -> None:
    result = jixiao("score", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "5 × min(1, 14/12) = 5.00" in result.stdout
    assert result.stdout.count("重算总分 98.00（优）；填报总分 98，一致") == 2


def test_score_json_is_a_scorecard() -> None:
    result = jixiao("score", str(SAMPLE), "--json", "--profile", "hubei")
    card = json.loads(result.stdout)
    assert card["profile"] == "hubei" and card["lines"][0]["weight"] == "10"  # the table states 10


@pytest.mark.parametrize(("content", "message"), [
    ("kind: department\nfiscal_year: [2023\n", "bad.yaml:3: YAML 格式错误"),
    ("kind: department\nkind: project\n", "bad.yaml:2: YAML 格式错误：重复的键“kind”"),
    ("- a\n- b\n", "bad.yaml: 内容须为一个映射（键: 值），实际是列表"),
    ("", "bad.yaml: 内容须为一个映射（键: 值），实际是空文件"),
    ("kind: department\nfiscal_year: 2023\nindicators:\n  - name: x\n    weight: 五\n",
     "bad.yaml:5: 字段 indicators[0].weight：“五”不是数字"),
    ("kind: departmnet\n", "bad.yaml:1: 字段 kind：取值须为 'department', 'project' or 'special_fund'"),
    ("kind: project\nfunds: {totl: {budget: 1}}\n", "bad.yaml:2: 字段 funds.totl：未知的键"),
])
def test_bad_input_is_one_chinese_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    result = jixiao("score", "bad.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("错误：")
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file(tmp_path: Path) -> None:
    result = jixiao("score", "nope.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "错误：nope.yaml: 文件不存在" in result.stderr


def test_unsupported_format_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    result = jixiao("score", "slides.pptx", cwd=tmp_path)
    assert result.returncode == 2 and "不支持“.pptx”格式" in result.stderr


def test_broken_report_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04 truncated")
    result = jixiao("score", "report.docx", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "report.docx: Word 文档已损坏或不完整" in result.stderr


REPORTS = ROOT / "examples" / "reports"


@pytest.mark.parametrize(("sample", "totals"), [
    ("000_1c537258e20f2a87.txt", ["重算总分 98.00（优）；填报总分 98，一致", "重算总分 98.00（优）；填报总分 98，一致"]),
    ("004_66e78293cd0851a8.txt", ["重算总分 99.00（优）；填报总分 99，一致", "重算总分 98.00（优）；填报总分 98，一致"]),
])
def test_score_a_report_prints_every_tables_totals(sample: str, totals: list[str]) -> None:
    result = jixiao("score", str(REPORTS / sample))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("重算总分")]
    assert lines == [f"{t}。" for t in totals]


def test_score_a_prose_report_says_what_cannot_be_recomputed() -> None:
    result = jixiao("score", str(REPORTS / "001_502f545f608eb8a2.txt"))
    assert "没有绩效指标表，无法重算总分；报告所述总分 97、等级“优”。" in result.stdout


def test_extract_writes_json_with_sources(tmp_path: Path) -> None:
    result = jixiao("extract", str(REPORTS / "000_1c537258e20f2a87.txt"), "-o", "out.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["unit"]["name"] == "中共岳阳市君山区委政法委员会"
    assert data["provenance"]["funds.total.initial_budget"]["line"] == 229
    assert data["indicators"][0]["source"]["table"] == 2


def test_bad_json_names_line(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"kind": "project",\n "fiscal_year": }', encoding="utf-8")
    result = jixiao("score", "bad.json", cwd=tmp_path)
    assert result.returncode == 2 and "bad.json:2: JSON 格式错误" in result.stderr


def test_unknown_profile(tmp_path: Path) -> None:
    result = jixiao("score", str(SAMPLE), "--profile", "zhejiang")
    assert result.returncode == 2 and "找不到评分规则“zhejiang”" in result.stderr


@pytest.mark.parametrize("kind", ["department", "project", "special_fund"])
def test_new_writes_a_template_that_loads_and_scores(tmp_path: Path, kind: str) -> None:
    result = jixiao("new", "--kind", kind, "--year", "2024", "-o", "mine.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "mine.yaml").read_text(encoding="utf-8")
    assert "# 2024年度" in text and "年初预算数" in text
    evaluation = parse_evaluation(text, "mine.yaml")
    assert evaluation.kind == kind and evaluation.fiscal_year == 2024
    assert jixiao("score", "mine.yaml", cwd=tmp_path).returncode == 0
    again = jixiao("new", "-o", "mine.yaml", cwd=tmp_path)
    assert again.returncode == 2 and "文件已存在" in again.stderr


def test_schema_is_the_evaluation_json_schema() -> None:
    schema = json.loads(jixiao("schema").stdout)
    assert schema["$ref"] == "#/$defs/Evaluation"  # recursive: projects are Evaluations
    evaluation = schema["$defs"]["Evaluation"]
    assert evaluation["properties"]["fiscal_year"]["title"] == "年度"
    assert evaluation["properties"]["projects"]["items"] == {"$ref": "#/$defs/Evaluation"}
    target = schema["$defs"]["Indicator"]["properties"]["target"]
    assert {"type": "string"} in target["anyOf"]


def test_profiles_lists_all() -> None:
    listing = jixiao("profiles").stdout
    for profile_id in ("mof-2020", "hubei", "jiangxi", "guangxi"):
        assert profile_id in listing
