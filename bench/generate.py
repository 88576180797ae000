"""Realistic benchmark reports: variants of the two samples with tables (000, 004) with
other names and figures, other row counts and injected defects whose check codes are
known, written as .docx (jixiao's report) and as tab-per-cell .txt (the same Document).

Variants are few and distinct; a corpus of N files cycles through them, so that writing
10,000 files takes seconds while every file is still read, extracted, scored and checked.
"""

from __future__ import annotations

import json
import random
import shutil
from decimal import Decimal
from pathlib import Path

from jixiao.ingest import read_document, read_evaluation
from jixiao.ingest.document import Document, Paragraph
from jixiao.model.evaluation import Evaluation
from jixiao.render.docx import write_report
from jixiao.rules import load_profile
from jixiao.scoring import score

ROOT = Path(__file__).parents[1]
SAMPLES = [ROOT / "examples" / "reports" / name for name in ("000_1c537258e20f2a87.txt", "004_66e78293cd0851a8.txt")]
PLACES = ["城关区", "江北县", "南湖区", "青山县", "白云区", "东港县", "西岭区", "北塘县"]
OFFICES = ["财政局", "教育局", "卫生健康局", "交通运输局", "农业农村局", "司法局", "政法委员会", "文化旅游局"]


def _vary(ev: Evaluation, rng: random.Random, index: int) -> tuple[Evaluation, list[str]]:
    """Another unit, its figures scaled by a whole factor (so sums stay exact), a row
    dropped or not, and one defect injected; returns the codes the defect must raise."""
    ev = ev.model_copy(deep=True)
    name = f"{rng.choice(PLACES)}{rng.choice(OFFICES)}"
    ev.title = ev.title.replace(ev.unit.name, name)
    ev.unit.name = name
    factor = Decimal(rng.randint(1, 4))
    for line in (ev.funds.total, ev.funds.basic, ev.funds.personnel, ev.funds.public, ev.funds.project):
        for column in ("initial_budget", "budget", "executed"):
            if getattr(line, column) is not None:
                setattr(line, column, getattr(line, column) * factor)
    for line in ev.funds.by_source:
        line.budget = line.budget * factor if line.budget is not None else None
    ev.basic_data = []
    _drop_a_row(ev, rng)
    return ev, DEFECTS[index % len(DEFECTS)](ev)


def _drop_a_row(ev: Evaluation, rng: random.Random) -> None:
    """Merge one 数量 row into its neighbour (weights and scores add up as before)."""
    rows = [i for i, r in enumerate(ev.indicators[:-1]) if r.level2 == ev.indicators[i + 1].level2]
    if rows and rng.random() < 0.5:
        i = rng.choice(rows)
        keep, gone = ev.indicators[i], ev.indicators.pop(i + 1)
        keep.weight, keep.score = keep.weight + gone.weight, keep.score + gone.score


def _total_off(ev: Evaluation) -> list[str]:
    ev.funds.total.executed += 10
    return ["JX101"]


def _score_above_weight(ev: Evaluation) -> list[str]:
    ev.indicators[0].score = ev.indicators[0].weight + 1
    return ["JX203"]


def _grade_wrong(ev: Evaluation) -> list[str]:
    ev.stated.total, ev.stated.grade = Decimal(85), "优"
    return ["JX205"]


def _no_reason(ev: Evaluation) -> list[str]:
    row = next(i for i in ev.indicators if i.target.kind in ("ge", "value") and i.weight)
    row.score, row.deviation_note = row.weight - 1, ""
    return ["JX404"]


def _project_too_big(ev: Evaluation) -> list[str]:
    ev.projects[0].funds.total.budget = ev.funds.project.budget + 100
    return ["JX303"]


def _wrong_year(ev: Evaluation) -> list[str]:
    ev.projects[0].fiscal_year = (ev.fiscal_year or 2023) + 1
    return ["JX305"]


DEFECTS = (_total_off, _score_above_weight, _grade_wrong, _no_reason, _project_too_big, _wrong_year)


def document_as_text(doc: Document) -> str:
    """A Document in the tab-per-cell layout the text reader reads."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
            continue
        for row in block.rows:
            for cell in row:
                first, *rest = cell.text.split("\n") or [""]
                lines += ["\t" + first, *rest]
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n"


def make_variants(folder: Path, count: int, seed: int = 7) -> dict[str, list[str]]:
    """`count` variants as v###.docx and v###.txt; returns variant → injected codes."""
    rng = random.Random(seed)
    originals = [read_evaluation(sample) for sample in SAMPLES]
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for index in range(count):
        ev, codes = _vary(originals[index % len(originals)], rng, index)
        docx = write_report(ev, score(ev, load_profile()), folder / f"v{index:03d}.docx")
        (folder / f"v{index:03d}.txt").write_text(document_as_text(read_document(docx)), encoding="utf-8")
        manifest[f"v{index:03d}"] = codes
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def make_corpus(variants: Path, folder: Path, suffix: str, count: int) -> Path:
    """`count` files cycling through the variants: n00000-v003.docx …"""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    sources = sorted(variants.glob(f"v*{suffix}"))
    for n in range(count):
        source = sources[n % len(sources)]
        shutil.copyfile(source, folder / f"n{n:05d}-{source.stem}{suffix}")
    return folder
