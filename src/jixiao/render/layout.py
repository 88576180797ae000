"""The official tables of a report, built from its Evaluation: the 基础数据表
(basic_form.py), the report's own 自评表 and one 项目支出绩效自评表 per project
(self_form.py), in the layout of 财预〔2020〕10号 and its provincial forms.

A form is written for what only a form states: a 自评表 where the evaluation has
indicators, or funds, results or goals that its text does not state (a report read from
prose alone keeps them in its prose); a 基础数据表 where it has 基础数据 lines, or staffing
figures its text does not state. Numbers come from the model and are never retyped;
writers (.docx, .xlsx, .html) only lay the grids out.
"""

from __future__ import annotations

from typing import Any

from jixiao.model.evaluation import Evaluation
from jixiao.model.scorecard import Scorecard
from jixiao.render.basic_form import basic_data_table
from jixiao.render.grid import Grid, GridCell, ScoreChoice, place
from jixiao.render.self_form import self_table

__all__ = ["Grid", "GridCell", "ScoreChoice", "place", "tables"]


SELF_FIELDS = ("funds.total.initial_budget", "funds.total.budget", "funds.total.executed", "stated.execution_weight",
               "stated.execution_rate", "stated.execution_score", "stated.total", "goals.expected", "goals.achieved")
BASIC_FIELDS = ("unit.staffing.authorized", "unit.staffing.serving")


def tables(ev: Evaluation, card: Scorecard | None = None, scores: ScoreChoice = "stated") -> list[Grid]:
    """Every form the report fills: 基础数据表, its own 自评表, one per project."""
    grids = [basic_data_table(ev)] if ev.kind == "department" and (ev.basic_data or _beyond_text(ev, BASIC_FIELDS)) else []
    if _has_self_table(ev):
        grids.append(self_table(ev, card, scores))
    children = card.children if card is not None else [None] * len(ev.projects)
    grids += [self_table(child, child_card, scores, ev.fiscal_year)
              for child, child_card in zip(ev.projects, children) if _has_self_table(child)]
    return grids


def _has_self_table(ev: Evaluation) -> bool:
    return bool(ev.indicators) or _beyond_text(ev, SELF_FIELDS)


def _beyond_text(ev: Evaluation, paths: tuple[str, ...]) -> bool:
    """Whether one of these fields holds a value that the report's text does not state."""
    for path in paths:
        ref = ev.provenance.get(path)
        if _value(ev, path) not in (None, "") and (ref is None or ref.table is not None or ref.sheet is not None):
            return True
    return False


def _value(ev: Evaluation, path: str) -> Any:
    node: Any = ev
    for part in path.split("."):
        node = getattr(node, part)
    return node
