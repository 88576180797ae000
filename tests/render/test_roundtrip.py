"""Rendering then reading back with jixiao's own readers gives the same Evaluation — the five
samples in .docx, .xlsx, .html and .pdf, sections and figures included, and generated
evaluations with sections — and `jixiao check` on a rendered file finds what it finds on
the source."""

from __future__ import annotations

import os
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.run import subject_of
from jixiao.ingest import read_document, read_evaluation
from jixiao.ingest.extract import extract
from jixiao.ingest.readers.office import soffice
from jixiao.model.evaluation import Evaluation
from jixiao.render.docx import write_report
from jixiao.render.files import render_file
from jixiao.render.html import page
from jixiao.render.layout import tables
from jixiao.render.narrative import report_lines
from jixiao.render.xlsx import write_workbook
from jixiao.rules import load_profile
from jixiao.scoring import score

from ..ingest.compare import first_difference

SAMPLES = sorted((Path(__file__).parents[2] / "examples" / "reports").glob("*.txt"))
FORMATS = ["docx", "xlsx", "html", pytest.param("pdf", marks=pytest.mark.skipif(
    soffice() is None and os.environ.get("CI") != "true", reason="LibreOffice 未安装（make test 在可安装时会安装）"))]
# The one finding a rendered report cannot repeat: 003 ends with the caption of an attachment
# its file does not contain (附2-1：2025年度…报表), which is no part of the Evaluation.
NOT_IN_THE_EVALUATION = {("003", "JX305")}


def data(value: Any, squeeze: bool = False) -> Any:
    """The Evaluation as data: places left out, numbers compared as numbers (734 = 734.00),
    figures as the set of what is stated (a form states a figure once where a source's
    form repeated it on its 其中 row, which the official form leaves “—”). PDF keeps no
    space that fell at a line wrap: with `squeeze`, text is compared without spaces."""
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    if isinstance(value, dict):
        kept = {k: data(v, squeeze) for k, v in value.items() if k not in ("source", "provenance", "figures")}
        if "figures" in value:
            kept["figures"] = sorted({(f["key"], f["value"], f["text"]) for f in value["figures"]}, key=str)
        return kept
    if isinstance(value, list):
        return [data(v, squeeze) for v in value]
    if isinstance(value, Decimal):
        return value.normalize()
    return re.sub(r"\s+", "", value) if squeeze and isinstance(value, str) else value


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder, cache = tmp_path_factory.mktemp("rendered"), {}

    def get(sample: Path, to: str) -> Path:
        if (sample, to) not in cache:
            cache[(sample, to)] = render_file(sample, to, folder / f"{sample.stem[:3]}.{to}")
        return cache[(sample, to)]
    return get


@pytest.mark.parametrize("to", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_sample_round_trip(sample: Path, to: str, rendered: Any) -> None:
    original, back = read_evaluation(sample), extract(read_document(rendered(sample, to)))
    expected, actual = data(original, to == "pdf"), data(back, to == "pdf")
    assert actual == expected, first_difference(expected, actual)


_PLACE = re.compile(r"（[^（）]*(?:第\d+[行段页列]|表\d+|工作表)[^（）]*）")
_DECIMAL = re.compile(r"\d+\.\d+")


def findings(path: Path, squeeze: bool) -> Counter[tuple[str, str]]:
    """Each finding's code and message, its places left out (a line of the text, a cell of
    a PDF's table) and its numbers as numbers; a PDF's quoted text without spaces."""
    found = Counter()
    for finding in check_subject(subject_of(path, None), CheckOptions()):
        message = _DECIMAL.sub(lambda m: format(Decimal(m[0]).normalize(), "f"), _PLACE.sub("", finding.message))
        found[(finding.code, re.sub(r"\s+", "", message) if squeeze else message)] += 1
    return found


@pytest.mark.parametrize("to", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem[:3])
def test_check_finds_the_same_on_the_rendered_file(sample: Path, to: str, rendered: Any) -> None:
    source, output = findings(sample, to == "pdf"), findings(rendered(sample, to), to == "pdf")
    for key in list(source):
        if (sample.stem[:3], key[0]) in NOT_IN_THE_EVALUATION:
            del source[key]
    assert output == source, {"only in the source": source - output, "only in the output": output - source}
    assert sum(source.values()) > 0


# --------------------------------------------------------------------------- generated
WORDS = st.sampled_from(["培训", "宣传", "检查", "走访", "调解", "巡逻", "验收", "督查"])
UNITS = st.sampled_from(["次", "人", "个", "%", "份"])
HEADINGS = st.sampled_from(["基本情况", "预算执行情况", "绩效目标完成情况", "存在的问题及原因分析", "下一步改进措施",
                            "结果应用和公开情况", "其他需要说明的情况"])
SENTENCES = st.sampled_from(["本单位按照年度计划推进各项工作。", "资金使用符合规定，未发现违规情况。",
                             "下一步将继续加强绩效管理，提高资金使用效益。", "全年开展督查12次，覆盖全部乡镇。",
                             "指标值“≥98%”已完成，实际完成值为“100%”。"])
CN = "一二三四五六七八九十"
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
def sections(draw: st.DrawFn) -> list[dict[str, Any]]:
    """An outline of up to four chapters with sub-sections; a heading may have no text."""
    found: list[dict[str, Any]] = []
    for one in range(draw(st.integers(0, 4))):
        found.append(_section(draw, CN[one], 1))
        for two in range(draw(st.integers(0, 2))):
            found.append(_section(draw, CN[two], 2))
            found += [_section(draw, str(three + 1), 3) for three in range(draw(st.integers(0, 2)))]
    return found


def _section(draw: st.DrawFn, number: str, level: int) -> dict[str, Any]:
    return {"heading": draw(HEADINGS), "number": number, "level": level,
            "text": "\n".join(draw(st.lists(SENTENCES, max_size=3)))}


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
        "indicators": rows, "sections": draw(sections()),
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


def render(ev: Evaluation, suffix: str, folder: Path) -> Path:
    card = score(ev, load_profile())
    if suffix == ".docx":
        return write_report(ev, card, folder / "report.docx")
    if suffix == ".html":
        (folder / "page.html").write_text(page(ev, card), encoding="utf-8")
        return folder / "page.html"
    return write_workbook(tables(ev, card), folder / "tables.xlsx", report_lines(ev))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evaluations(), st.sampled_from([".docx", ".xlsx", ".html"]))
def test_generated_round_trip(tmp_path: Path, ev: Evaluation, suffix: str) -> None:
    back = extract(read_document(render(ev, suffix, tmp_path)))
    expected, actual = data(ev), data(back)
    expected.pop("figures"), actual.pop("figures")  # a written evaluation states no figures; its forms do
    assert actual == expected, first_difference(expected, actual)
