"""Rendering then reading back with jixiao's own readers gives the same Evaluation:
for each sample (.docx, .xlsx) and for generated evaluations (hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest import read_document, read_evaluation
from jixiao.ingest.extract import extract
from jixiao.model.evaluation import Evaluation
from jixiao.render.docx import write_report
from jixiao.render.layout import tables
from jixiao.render.narrative import report_lines
from jixiao.render.xlsx import write_workbook
from jixiao.rules import load_profile
from jixiao.scoring import score

from ..ingest.compare import first_difference

SAMPLES = sorted((Path(__file__).parents[2] / "examples" / "reports").glob("*.txt"))
NOT_DATA = ("sections", "figures", "provenance", "source")


def data(value: Any) -> Any:
    """The Evaluation's data: values compared as numbers (2.2 == 2.20), places left out."""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        return {k: data(v) for k, v in value.items() if k not in NOT_DATA}
    if isinstance(value, list):
        return [data(v) for v in value]
    return value


def render(ev: Evaluation, suffix: str, folder: Path) -> Path:
    card = score(ev, load_profile())
    if suffix == ".docx":
        return write_report(ev, card, folder / "report.docx")
    return write_workbook(tables(ev, card), folder / "tables.xlsx", report_lines(ev, ev.title))


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_sample_round_trip(sample: Path, suffix: str, tmp_path: Path) -> None:
    original = read_evaluation(sample)
    back = extract(read_document(render(original, suffix, tmp_path)))
    assert data(back) == data(original), first_difference(data(original), data(back))


WORDS = st.sampled_from(["培训", "宣传", "检查", "走访", "调解", "巡逻", "验收", "督查"])
UNITS = st.sampled_from(["次", "人", "个", "%", "份"])
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)


@st.composite
def indicators(draw: st.DrawFn) -> list[dict[str, Any]]:
    rows = []
    for level1, level2s in (("产出指标", ["数量指标", "质量指标", "时效指标"]), ("效益指标", ["社会效益指标"]),
                            ("满意度指标", ["服务对象满意度指标"])):
        for level2 in draw(st.lists(st.sampled_from(level2s), min_size=1, max_size=2, unique=True)):
            for _ in range(draw(st.integers(1, 3))):
                weight = draw(st.integers(1, 10))
                target = draw(st.integers(1, 500))
                rows.append({"level1": level1, "level2": level2, "name": f"{draw(WORDS)}{draw(WORDS)}完成情况",
                             "target": f"≥{target}{draw(UNITS)}", "actual": f"{draw(st.integers(0, 600))}{draw(UNITS)}",
                             "weight": weight, "score": draw(st.integers(0, weight)),
                             "deviation_note": draw(st.sampled_from(["", "因故推迟，下年补足"]))})
    return rows


@st.composite
def evaluations(draw: st.DrawFn) -> Evaluation:
    kind = draw(st.sampled_from(["department", "project"]))
    budget = draw(money)
    executed = draw(st.decimals(min_value=0, max_value=budget, places=2))
    rows = draw(indicators())
    total = 10 + sum(r["score"] for r in rows)
    data_: dict[str, Any] = {
        "kind": kind, "fiscal_year": draw(st.integers(2020, 2026)),
        "title": f"{draw(WORDS)}中心{'整体支出' if kind == 'department' else '项目支出'}绩效自评报告",
        "funds": {"total": {"initial_budget": draw(money), "budget": budget, "executed": executed}},
        "goals": {"expected": "完成年度工作任务", "achieved": "已完成年度工作任务"},
        "indicators": rows,
        "stated": {"execution_weight": 10, "execution_rate": (executed / budget * 100).quantize(Decimal("0.01")),
                   "execution_score": 10, "total": total,
                   "level1_weights": {level1: sum(r["weight"] for r in rows if r["level1"] == level1)
                                      for level1 in {r["level1"] for r in rows}}},
    }
    if kind == "department":
        data_["unit"] = {"name": data_["title"].split("中心")[0] + "中心", "staffing": {"authorized": 10, "serving": 9}}
    else:
        data_["title"] = f"{draw(WORDS)}专项"
        data_["unit"] = {"department": "某某局", "implementer": "某某中心"}
    return Evaluation.model_validate(data_)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evaluations(), st.sampled_from([".docx", ".xlsx"]))
def test_generated_round_trip(tmp_path: Path, ev: Evaluation, suffix: str) -> None:
    back = extract(read_document(render(ev, suffix, tmp_path)))
    expected, actual = data(ev), data(back)
    assert actual == expected, first_difference(expected, actual)
