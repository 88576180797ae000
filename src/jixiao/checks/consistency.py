"""JX3xx consistency across the document: one quantity stated twice differently, a
project's money in the list and in its own section, projects against the department,
grade words that contradict each other, years that do not match."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from difflib import SequenceMatcher

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject, money
from jixiao.ingest.extract.prose import fold
from jixiao.model.evaluation import Figure

_WORDS = re.compile(r"[\u4e00-\u9fff]+")
_NOISE = ("基础数据表", "本年", "全年", "年终", "其中", "万元")


def _noun(figure: Figure) -> str:
    """What a figure calls the quantity: the words of its snippet, else its label."""
    words = "".join(_WORDS.findall(fold(figure.source.text or ""))) if figure.source else ""
    text = words or figure.label
    for noise in _NOISE:
        text = text.replace(noise, "")
    return "".join(text.split())


@check("JX301", "stated-twice-differently", "同一数据前后表述不一致", "error")
def stated_twice(s: Subject) -> Iterator[Draft]:
    """同一数据（如公用经费决算数、自评得分）在报告中两处出现而数值不同。

    Why: 同一数据在正文、自评表和基础数据表中重复出现，任何一处抄错都会误导读者和审核人员。
    两处用词相同时为错误；用词不同（如“合计支付”与“实际项目支出”）时可能口径不同，为警告。
    只比较说的是全报告同一数据的表述：列举各分项（同一句中几笔、“其中”之后、①②编号）、
    上年数、各比率（由 JX107 复核）和“已支出”“实际支出”这类泛称不在比较之列。

    Example: 正文“公用经费273.10万元”，基础数据表公用经费2023年决算数254.77 → 错误。
    """
    groups: dict[str, list[Figure]] = defaultdict(list)
    for figure in _comparable(s):
        groups[figure.key].append(figure)
    for key, figures in groups.items():
        values = {f.value if f.value is not None else f.text for f in figures}
        if len(values) < 2:
            continue
        first = figures[0]
        other = next(f for f in figures if (f.value if f.value is not None else f.text) != (first.value if first.value is not None else first.text))
        same_noun = _noun(first) == _noun(other) and (first.origin == "table") == (other.origin == "table") or (
            "table" in (first.origin, other.origin) and first.origin != other.origin)
        shown = "、".join(f"{_value(f)}（{_where(f)}）" for f in _distinct(figures))
        yield Draft(f"“{_noun(first) or first.label or key}”前后不一致：{shown}", first.source,
                    [f.source for f in figures[1:] if f.source], severity=None if same_noun else "warning")


_GENERIC = ("已支出", "实际支出", "实际执行", "共支付", "共支", "支出费用", "执行数为", "全区执行数")
_LOOSE = ("到位资金", "实施资金", "下达资金", "资金下达", "资金合计", "下达资金合计", "全部执行")
_LIST_MARK = re.compile(r"^[（(]?\d{1,2}[)）.、]|^[①②③④⑤⑥⑦⑧⑨⑩]|^[一二三四五六七八九十]是|其中[:：]")
_PRIOR = re.compile(r"(?:上年|去年|上一年|同期)[^，,。；;]{0,8}$")


def _comparable(s: Subject) -> list[Figure]:
    """Figures that state one quantity of the whole report (not an item, a prior year, a rate)."""
    figures = [f for f in s.evaluation.figures if f.key.startswith(("funds.", "stated.", "unit.staffing.", "income."))
               and not f.key.endswith(".rate") and f.key != "stated.execution_rate"]
    kept = []
    for figure in figures:
        if figure.origin == "table":
            kept.append(figure)
        elif not _item_or_prior(s, figure, figures) and not _generic(figure):
            kept.append(figure)
    return kept


def _generic(figure: Figure) -> bool:
    """Read by a loose rule (下达…资金, 到位) or stated with a word any sub-item uses (已支出)."""
    text = fold(figure.source.text or "") if figure.source else ""
    return figure.label in _LOOSE or any(text.startswith(word) for word in _GENERIC)


def _item_or_prior(s: Subject, figure: Figure, figures: list[Figure]) -> bool:
    """One of a list (the same words for several amounts in one sentence), a total stated
    after 其中 or a list mark, or the previous year's."""
    ref = figure.source
    if ref is None:
        return True
    sentence = _sentence_of(s, figure)
    if any(f.key == figure.key and f is not figure and f.source is not None and _noun(f) == _noun(figure)
           and fold(f.source.text or "") in sentence for f in figures):
        return True
    head = sentence[: sentence.find(fold(ref.text or ""))] if ref.text and fold(ref.text) in sentence else ""
    whole = figure.key.startswith(("funds.total.", "stated."))
    return bool(whole and (_LIST_MARK.search(sentence.strip()[:6]) or "其中" in head)) or bool(_PRIOR.search(head))


def _sentence_of(s: Subject, figure: Figure) -> str:
    ref = figure.source
    doc = s.document
    if doc is None or ref is None:
        return ""
    for paragraph in doc.paragraphs:
        if (ref.line and paragraph.line == ref.line) or (not ref.line and paragraph.index == ref.paragraph):
            text = fold(paragraph.text)
            for sentence in re.split(r"(?<=[。；;])", text):
                if ref.text and fold(ref.text) in sentence:
                    return sentence
            return text
    return ""


def _value(figure: Figure) -> str:
    """As the report wrote it (273.10 stays 273.10), with its unit."""
    unit = figure.unit or ("万元" if figure.key.startswith(("funds.", "income.")) else "")
    return figure.text or f"{format(figure.value, 'f')}{unit}"


def _where(figure: Figure) -> str:
    return figure.source.place() if figure.source else "—"


def _distinct(figures: list[Figure]) -> list[Figure]:
    seen, kept = set(), []
    for figure in figures:
        marker = (_value(figure), _where(figure))
        if marker not in seen:
            seen.add(marker)
            kept.append(figure)
    return kept


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


@check("JX302", "project-list-vs-section", "项目金额在清单与分项说明中不一致", "error")
def project_list_vs_section(s: Subject, *, min_similarity: float = 0.6) -> Iterator[Draft]:
    """项目清单中某项目的金额与该项目分项说明（或项目自评表）中的金额不一致。

    Why: 同一项目的资金在清单和分项中各写一次，金额不同说明至少一处有误，也会使合计对不上。

    Example: 清单“严重精神障碍患者……工作经费50万元”，分项“该项目经费共15万元” → 错误。
    """
    children = s.evaluation.projects
    if not s.is_root or not children:
        return
    for index, item in enumerate(s.evaluation.funds.project_items):
        match = max(children, key=lambda c: _similar(item.label, c.display_name))
        if _similar(item.label, match.display_name) < min_similarity:
            continue
        listed = item.budget if item.budget is not None else item.executed
        own = match.funds.total.budget if match.funds.total.budget is not None else match.funds.total.executed
        if listed is not None and own is not None and listed != own:
            yield Draft(f"项目“{item.label}”在清单中为 {money(listed)}，在“{match.display_name}”中为 {money(own)}",
                        s.at(f"funds.project_items[{index}]"),
                        [r for r in (match.provenance.get("funds.total.budget"),) if r])


@check("JX303", "project-exceeds-department", "项目资金超过部门项目支出总额", "error")
def project_exceeds_department(s: Subject) -> Iterator[Draft]:
    """某个项目（或全部项目合计）的资金超过部门整体的项目支出。

    Why: 部门整体的项目支出包含其全部项目，单个项目不可能比它还多。

    Example: 部门项目支出151.95万元，所附“区委办专项”年度资金总额373万元 → 错误。
    """
    ev = s.evaluation
    if not s.is_root or ev.kind != "department" or not ev.projects:
        return
    columns = [(c, t, getattr(ev.funds.project, c)) for c, t in (("budget", "预算数"), ("executed", "执行数"))]
    columns = [(c, t, d) for c, t, d in columns if d is not None]
    for child in ev.projects:
        over = [(t, getattr(child.funds.total, c), d, c) for c, t, d in columns
                if getattr(child.funds.total, c) is not None and getattr(child.funds.total, c) > d]
        if over:
            shown = "，".join(f"全年{t} {money(a)} 超过部门项目支出{t} {money(d)}" for t, a, d, _ in over)
            yield Draft(f"项目“{child.display_name}”{shown}", child.provenance.get(f"funds.total.{over[0][3]}"),
                        [r for r in (s.at(f"funds.project.{over[0][3]}"),) if r])
    for column, title, department in columns:
        amounts = [getattr(c.funds.total, column) for c in ev.projects if getattr(c.funds.total, column) is not None]
        if len(amounts) > 1 and sum(amounts) > department and all(a <= department for a in amounts):
            yield Draft(f"{len(amounts)} 个项目全年{title}合计 {money(sum(amounts))}，超过部门项目支出 {money(department)}",
                        s.at(f"funds.project.{column}"))


@check("JX304", "grade-words-contradict", "等级表述自相矛盾", "error")
def grade_words_contradict(s: Subject) -> Iterator[Draft]:
    """报告对项目等级的概括（如“各项目评价均为优”）与各项目自评等级不符。

    Why: 概括性结论与分项结果矛盾，读者无从判断哪一个是真的。

    Example: “各项目评价均为优”，而十一个项目自评等级均为“良” → 错误。
    """
    claims = [f for f in s.evaluation.figures if f.key == "projects.all.grade"]
    if not claims or not s.evaluation.projects:
        return
    grades = [(c.display_name, c.stated.grade) for c in s.evaluation.projects if c.stated.grade]
    for claim in claims:
        different = [name for name, grade in grades if grade != claim.text]
        if different:
            listed = "、".join(sorted({g for _, g in grades}))
            yield Draft(f"称“各项目评价均为{claim.text}”，而 {len(different)} 个项目自评等级为“{listed}”",
                        claim.source, evidence=claim.source.text if claim.source else "")


_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?[^，。；]{0,40}?(?:自评(?:报告|报表|表)|评价基础数据表|绩效自评表)")


@check("JX305", "year-mismatch", "标题中的年度与报告年度不符", "error")
def year_mismatch(s: Subject) -> Iterator[Draft]:
    """报告、附件或表格标题中的年度与报告的评价年度不一致。

    Why: 年度写错会让人怀疑整份材料是套用其他年度的模板，也会在汇总时归错年度。

    Example: 2024年度自评报告，所附报表标题为“2025年度……绩效自评报表” → 错误。
    """
    year, doc = s.evaluation.fiscal_year, s.document
    if year is None or doc is None or not s.is_root:
        return
    for paragraph in doc.paragraphs:
        text = fold(paragraph.text)
        if len(text) > 80:
            continue
        match = _TITLE_YEAR.search(text)
        if match and int(match[1]) != year:
            yield Draft(f"标题年度为 {match[1]} 年，而报告评价的是 {year} 年度", doc.ref(paragraph), evidence=paragraph.text)

