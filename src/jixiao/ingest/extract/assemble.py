"""Put the recognised pieces together into one Evaluation.

Tables are authoritative for the fields they fill; prose fills what the tables leave
open. Every figure read anywhere is kept in `figures` with its place, so the audit can
compare a quantity stated twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.layout import recover
from jixiao.ingest.extract import meta
from jixiao.ingest.extract.basic_data import BasicData, is_basic_data_table, read_basic_data
from jixiao.ingest.extract.projects import ProseProject, listed_items, own_money, project_sections
from jixiao.ingest.extract.prose import _column, figures_in, fold, rank_of
from jixiao.ingest.extract.prose_rows import indicators_in
from jixiao.ingest.extract.sections import Part, split_parts
from jixiao.ingest.extract.self_table import SelfTable, infer_level1, is_self_table, joined_forms, read_self_table
from jixiao.model.evaluation import Evaluation, Figure
from jixiao.model.source import SourceRef

MODEL_KEYS = (
    "funds.total.", "funds.basic.", "funds.personnel.", "funds.public.", "funds.project.",
    "stated.total", "stated.grade", "stated.execution_rate", "unit.staffing.",
)
NOT_FIELDS = (".rate",)


@dataclass
class _Builder:
    data: dict[str, Any]
    figures: list[Figure] = field(default_factory=list)
    provenance: dict[str, SourceRef] = field(default_factory=dict)

    def has(self, path: str) -> bool:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or node.get(part) in (None, "", [], {}):
                return False
            node = node[part]
        return True

    def put(self, path: str, value: Any, ref: SourceRef | None) -> None:
        if value in (None, "") or self.has(path):
            return
        node = self.data
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
        if ref is not None:
            self.provenance[path] = ref

    def table(self, table: SelfTable) -> None:
        _deep_update(self.data, table.data)
        self.figures += table.figures
        self.provenance.update(table.provenance)

    def basic(self, basic: BasicData) -> None:
        self.data.setdefault("basic_data", []).extend(line.model_dump(exclude_none=True) for line in basic.lines)
        for name, value in basic.staffing.items():
            self.put(f"unit.staffing.{name}", value, basic.provenance.get(f"unit.staffing.{name}"))
        self.figures += basic.figures

    def prose(self, figures: list[Figure]) -> None:
        """Figures stated in prose; a field takes the most directly labelled one (全年预算数
        before 下达…资金), the first in reading order among equals. A department's total is
        never an amount 下达 for one of its projects."""
        figures = _without_weak(figures)
        if self.data.get("kind") == "department":
            figures = [f for f in figures if rank_of(f)[0] == 0]
        else:
            figures = [_own_project_spending(f) for f in figures]
        self.figures += figures
        for figure in sorted(figures, key=rank_of):
            if figure.key.startswith(MODEL_KEYS) and not figure.key.endswith(NOT_FIELDS):
                value = figure.text or (int(figure.value) if figure.key.startswith("unit.") else figure.value)
                self.put(figure.key, value, figure.source)


    def evaluation(self) -> Evaluation:
        funds = self.data.get("funds", {})
        if isinstance(funds.get("by_source"), dict):
            funds["by_source"] = [{"source": k, **v} for k, v in funds["by_source"].items()]
        self.data["figures"] = self.figures
        self.data["provenance"] = self.provenance
        return Evaluation.model_validate(self.data)


ALLOCATIONS = ("下达资金", "下达资金合计", "资金下达")


def _initial_before_adjustment(root: _Builder) -> None:
    """`下达我区111万元…调减40万元…全年实际下达71万元`: the allocation before a stated
    adjustment is the 年初 budget, when allocation ± adjustment gives the full-year budget."""
    budget = root.data.get("funds", {}).get("total", {}).get("budget")
    if budget is None or root.has("funds.total.initial_budget"):
        return
    changes = [f for f in root.figures if f.key == "budget.adjustment" and f.value is not None]
    for allocation in (f for f in root.figures if f.label in ALLOCATIONS and f.value is not None):
        for change in changes:
            signed = -change.value if (change.source and re.search(r"调减|追减", change.source.text or "")) else change.value
            if allocation.value + signed == budget:  # type: ignore[operator]
                root.put("funds.total.initial_budget", allocation.value, allocation.source)
                return


def _own_project_spending(figure: Figure) -> Figure:
    """In a project's or a fund's own report, its 项目支出 is its total, not a part of it."""
    if figure.key.startswith("funds.project.") and figure.key != "funds.project.rate":
        return figure.model_copy(update={"key": figure.key.replace("funds.project.", "funds.total.")})
    return figure


def _without_weak(figures: list[Figure]) -> list[Figure]:
    """An amount read only because it sits near 到位 or 实施 is dropped once a rule that names
    the quantity found one (it would be another amount, not the total)."""
    named = {f.key for f in figures if rank_of(f)[0] < 3}
    return [f for f in figures if rank_of(f)[0] < 3 or f.key not in named]


def _deep_update(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_update(target[key], value)
        else:
            target[key] = value


def extract(doc: Document) -> Evaluation:
    """The Evaluation a report states: tables first, then prose, then its projects."""
    doc = recover(doc)
    parts = split_parts(doc)
    title, title_paragraphs = meta.title_of(parts)
    tables = [read_self_table(doc, t) for t in joined_forms(doc) if is_self_table(t)]
    departments = [t for t in tables if t.kind == "department"]
    project_tables = [t for t in tables if t.kind == "project"]
    kind = meta.kind_of(title) or ("project" if project_tables and not departments else None)
    kind = kind or meta.kind_in_text(doc) or "department"
    year = meta.year_of(title, doc)
    root = _Builder({"kind": kind, "fiscal_year": year, "title": title})
    if title_paragraphs:
        root.provenance["title"] = doc.ref(title_paragraphs[0], text=title)
    if departments:
        root.table(departments[0])
    elif kind != "department" and len(project_tables) == 1:
        root.table(project_tables.pop())
    for table in doc.tables:
        if is_basic_data_table(table):
            root.basic(read_basic_data(doc, table))
    split = project_sections(parts)
    root.prose(figures_in(doc, _paragraphs(split.own), _bodies(split.own)))
    _initial_before_adjustment(root)
    root.prose([_as_projects_total(f) for f in figures_in(doc, _paragraphs(split.intro), _bodies(split.intro))])
    _unit_name(doc, root, title, parts)
    _project_items(doc, root, split.own + split.intro)
    opening = _opening(doc, parts, title_paragraphs)
    root.data["sections"] = opening + [_section(doc, part) for part in parts if part.heading is not None]
    if not root.data.get("indicators"):
        root.data["indicators"] = _prose_indicators(doc, _paragraphs(split.own + split.intro))
    children = [_table_child(t, year) for t in project_tables]
    children += [_prose_child(doc, p, year, root) for p in split.projects]
    root.data["projects"] = children
    return root.evaluation()


def _prose_indicators(doc: Document, paragraphs: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for row in indicators_in(doc, paragraphs):
        score = row.pop("score")
        rows.append({**row, "level1": infer_level1(row["level2"]), "score": Decimal(score) if score else None})
    return rows


def _paragraphs(parts: list[Part]) -> list[Any]:
    return [p for part in parts for p in ([part.heading.paragraph] if part.heading else []) + part.paragraphs]


def _bodies(parts: list[Part]) -> dict[int, str]:
    """Figures in a heading paragraph are read from its body only (not the title)."""
    return {part.heading.paragraph.index: part.heading.body for part in parts if part.heading}


def _as_projects_total(figure: Figure) -> Figure:
    """In the 项目支出 section's intro, totals and rates are those of all projects."""
    key = figure.key.replace("funds.total.", "funds.project.")
    key = "funds.project.rate" if key == "stated.execution_rate" else key
    return figure.model_copy(update={"key": key})


def _unit_name(doc: Document, root: _Builder, title: str, parts: list[Part]) -> None:
    """The unit: a form's 单位名称, else the title's subject, the page's 发布机构, the prose."""
    root.put("unit.name", meta.unit_from_title(title), root.provenance.get("title"))
    for found in (meta.unit_from_page(doc.paragraphs), meta.unit_from_prose(doc.paragraphs)):
        if found:
            root.put("unit.name", found[0], doc.ref(found[1], text=found[0]))
    for path, value, paragraph in meta.printed_labels(doc.paragraphs):
        root.put(path, value, doc.ref(paragraph, text=value))


def _project_items(doc: Document, root: _Builder, parts: list[Part]) -> None:
    if root.has("funds.project_items"):
        return
    listed = [line for line in root.data.get("basic_data", []) if line["key"] == "project_item"]
    if listed:
        root.data.setdefault("funds", {})["project_items"] = [
            {"label": line["label"], "budget": line.get("budget"), "executed": line.get("actual")} for line in listed
        ]
        return
    for paragraph in _paragraphs(parts):
        items = listed_items(doc, paragraph)
        if not items:
            continue
        text = fold(paragraph.text)
        column = _column(text[: text.find(items[0][2])]) if "决算" in text or "实际" in text else "budget"
        lines = []
        for index, (name, amount, snippet) in enumerate(items):
            ref = doc.ref(paragraph, text=snippet)
            lines.append({"label": name, column: amount})
            root.figures.append(Figure(key=f"funds.project_items[{name}].{column}", label=name, value=amount,
                                       unit="万元", origin="prose", source=ref))
            root.provenance[f"funds.project_items[{index}]"] = ref
        root.data.setdefault("funds", {})["project_items"] = lines
        return


def _opening(doc: Document, parts: list[Part], title_paragraphs: list[Paragraph]) -> list[dict[str, Any]]:
    """The paragraphs between the title and the first heading (`根据《…通知》，我单位…`): a
    section without a heading, so that the report's text is kept in full."""
    if len(parts) < 2 or parts[0].heading is not None:
        return []
    after = max((p.index for p in title_paragraphs), default=0)
    kept = [p for p in parts[0].paragraphs if p.index > after and p.text.strip() and not meta.is_meta(p.text)]
    if not kept:
        return []
    return [{"heading": "", "level": 1, "text": "\n".join(p.text.strip() for p in kept),
             "source": doc.ref(kept[0], text=kept[0].text.strip())}]


def _section(doc: Document, part: Part) -> dict[str, Any]:
    assert part.heading is not None
    heading = part.heading
    return {"heading": heading.title, "number": heading.number, "level": heading.level,
            "text": part.text, "source": doc.ref(heading.paragraph, text=heading.title)}


def _table_child(table: SelfTable, year: int | None) -> Evaluation:
    child = _Builder({"kind": "project", "fiscal_year": year})
    child.table(table)
    return child.evaluation()


def _prose_child(doc: Document, project: ProseProject, year: int | None, root: _Builder) -> Evaluation:
    child = _Builder({"kind": "project", "fiscal_year": year, "title": project.title,
                      "unit": {"department": root.data.get("unit", {}).get("name", "")}})
    child.provenance["title"] = doc.ref(project.heading, text=project.title)
    money = own_money(doc, project)
    child.prose(money)
    found = figures_in(doc, _paragraphs(project.parts), _bodies(project.parts))
    child.prose([f for f in found if not f.key.startswith("funds.")])  # its money came from own_money
    child.data["sections"] = [_section(doc, part) for part in project.parts if part.heading is not None]
    return child.evaluation()

