"""JX6xx text reuse: paragraphs copied between projects in one report, and between
reports in one batch. Candidates share an 8-character shingle; similarity is the
Jaccard index of character 3-grams (rules of thumb for short Chinese boilerplate)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.extract.prose import fold
from jixiao.model.source import SourceRef

MIN_CHARS = 40


@dataclass(frozen=True)
class Passage:
    owner: str  # project or file the text belongs to
    text: str
    source: SourceRef | None


def _norm(text: str) -> str:
    return re.sub(r"[\s\d，。、；：“”‘’（）()《》,.;:]", "", fold(text))


def _grams(text: str, n: int) -> set[str]:
    return {text[i:i + n] for i in range(max(len(text) - n + 1, 1))}


def similar_pairs(passages: list[Passage], threshold: float) -> Iterator[tuple[Passage, Passage, float]]:
    """Pairs of passages with different owners whose 3-gram Jaccard ≥ threshold."""
    normed = [_norm(p.text) for p in passages]
    buckets: dict[str, set[int]] = defaultdict(set)
    for index, text in enumerate(normed):
        for shingle in _grams(text, 8):
            buckets[shingle].add(index)
    seen: set[tuple[int, int]] = set()
    grams = [_grams(text, 3) for text in normed]
    for members in buckets.values():
        for a in members:
            for b in members:
                if a < b and (a, b) not in seen and passages[a].owner != passages[b].owner:
                    seen.add((a, b))
                    score = len(grams[a] & grams[b]) / len(grams[a] | grams[b])
                    if score >= threshold:
                        yield passages[a], passages[b], score


def _project_passages(s: Subject) -> list[Passage]:
    return [Passage(child.display_name, part, section.source)
            for child in s.evaluation.projects for section in child.sections
            for part in section.text.split("\n") if len(_norm(part)) >= MIN_CHARS]


@check("JX601", "text-copied-between-projects", "不同项目的说明文字雷同", "warning")
def text_copied_between_projects(s: Subject, *, threshold: float = 0.8) -> Iterator[Draft]:
    """同一份报告中，不同项目的分析说明段落几乎相同。

    Why: 各项目的绩效情况不同，说明文字却照抄，说明自评流于形式，没有逐项分析。

    Example: 三个就业补助项目的“总体绩效目标完成情况”一字不差。
    """
    if not s.is_root:
        return
    for first, second, score in similar_pairs(_project_passages(s), threshold):
        yield Draft(f"“{first.owner}”与“{second.owner}”有段落相似度 {round(score * 100)}%：“{first.text[:30]}……”",
                    second.source, [first.source] if first.source else [], evidence=second.text[:120])


@check("JX602", "text-copied-between-reports", "不同报告的文字雷同", "info", batch=True)
def text_copied_between_reports(subjects: list[Subject], *, threshold: float = 0.9) -> Iterator[Draft]:
    """一批报告中，不同单位的报告有段落几乎相同（批量检查时运行）。

    Why: 不同单位的职能和绩效各不相同，大段雷同说明报告套用了他人的文本。

    Example: 两个单位的“存在的问题及原因分析”逐字相同。
    """
    passages = [Passage(s.file, p.text, s.document.ref(p)) for s in subjects if s.document is not None
                for p in s.document.paragraphs if len(_norm(p.text)) >= MIN_CHARS]
    for first, second, score in similar_pairs(passages, threshold):
        yield Draft(f"与 {first.owner} 的段落相似度 {round(score * 100)}%：“{second.text[:30]}……”",
                    second.source, [first.source] if first.source else [], evidence=second.text[:120])
