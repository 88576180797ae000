"""JX510–JX512: cells of the forms left unfilled.

A row with a target and no result (or the reverse) cannot be scored; a 一级 block whose
rows are all the template's empty `指标1:` lines has no indicator at all; a funds line
whose 分值 is printed and whose 得分 is empty leaves the execution score unsaid. The last
row of a document cut off part-way is not held against it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.checks.truncation import truncated
from jixiao.ingest.document import Table
from jixiao.ingest.extract.cells import cell_at
from jixiao.ingest.extract.self_table import indicator_header
from jixiao.ingest.forms import TOTAL_LABELS, label_key, level_of
from jixiao.model.money import fmt

_PLACEHOLDER = re.compile(r"^(?:指标|任务)?\d*[:：.、]?$|^[.…。]*$")


@check("JX510", "indicator-cell-blank", "指标行的值空白", "warning")
def indicator_cell_blank(s: Subject) -> Iterator[Draft]:
    """指标行写了指标名称，却没有填年度指标值或实际完成值（或两者都没有）；或者表中其他行
    都打了分，这一行有分值却没有得分。

    Why: 缺少指标值无从判断是否完成，缺少完成值无从计分；已打分的行更说明分数没有依据；
    漏打分的行使总分无从核对。

    Example: “医疗文书及时率 | 按规定时限 |（空）| 4 | 3” → 警告；“群众满意度 | ≥90% | 95% | 10 |（空）”
    而其他行都有得分 → 警告。
    """
    rows = s.evaluation.indicators
    scored = any(indicator.score is not None for indicator in rows)
    if s.document is not None and truncated(s.document):
        rows = rows[:-1]  # the row the excerpt ends in
    for indicator in rows:
        missing = [title for title, measure in (("年度指标值", indicator.target), ("实际完成值", indicator.actual))
                   if not measure.text]
        if scored and indicator.weight is not None and indicator.score is None:
            missing.append("得分")
        if missing and indicator.name and not _PLACEHOLDER.match(indicator.name):
            yield Draft(f"“{indicator.name}”的{'和'.join(missing)}空白", indicator.source)


@check("JX511", "empty-indicator-block", "一级指标下只有空白模板行", "warning")
def empty_indicator_block(s: Subject) -> Iterator[Draft]:
    """自评表中某个一级指标（产出、效益、满意度）下面只有空白的模板行，一个指标也没有填。

    Why: 10号要求绩效指标覆盖产出、效益和满意度；整块留空说明目标设定不完整，得分也失去依据。
    二级指标中个别留空（如没有生态效益指标）是正常的。

    Example: “效益指标 | 经济效益指标 | 指标1: | 指标2: | 社会效益指标 | 指标1: …” → 警告。
    """
    if s.document is None or not s.is_root:
        return
    cut = truncated(s.document)
    for table in s.document.tables:
        filled, empty = _blocks(table)
        blank = [level1 for level1, count in filled.items() if count == 0]
        if cut and table is s.document.tables[-1] and blank and blank[-1] == list(filled)[-1]:
            blank = blank[:-1]  # the block the excerpt ends in
        if blank:
            labels = "、".join(empty)
            yield Draft(f"{'、'.join(blank)}下没有填写任何指标（空白的二级指标：{labels}）", s.document.ref(table))


def _blocks(table: Table) -> tuple[dict[str, int], list[str]]:
    """Filled rows per 一级 label, and the 二级 labels with none, of one indicator table."""
    start = next((i for i, row in enumerate(table.rows) if indicator_header(row)), None)
    filled: dict[str, int] = defaultdict(int)
    rows_of: dict[str, int] = defaultdict(int)
    if start is None:
        return filled, []
    header = table.rows[start]
    columns = indicator_header(header) or {}
    level1 = level2 = ""
    for row in table.rows[start + 1:]:
        if any(label_key(c.text) in TOTAL_LABELS for c in row[:2]):
            break
        cells = {name: cell_at(row, len(header), index) for name, index in columns.items()}
        level1 = _label(cells.get("level1"), 1) or level1
        level2 = _label(cells.get("level2"), 2) or level2
        if level1:
            filled.setdefault(level1, 0)
        if level2:
            rows_of.setdefault(level2, 0)
        if any(cells.get(c) is not None and cells[c].flat for c in ("target", "actual")):  # type: ignore[union-attr]
            filled[level1] += 1
            rows_of[level2] += 1
    return filled, [label for label, count in rows_of.items() if count == 0]


def _label(cell: object, level: int) -> str:
    text = cell.flat if cell is not None else ""  # type: ignore[attr-defined]
    return text if text and level_of(text) is not None else ""


@check("JX512", "execution-score-blank", "预算执行率得分空白", "warning")
def execution_score_blank(s: Subject) -> Iterator[Draft]:
    """资金情况一栏印有预算执行的分值和执行率，“得分”一格却空着。

    Why: 预算执行率得分是总分的一部分（通常10分），空着就无从核对总分。

    Example: “年度资金总额 | 329.77 | 329.77 | 338.31 | 10 | 102.59% |（空）” → 警告。
    """
    stated = s.evaluation.stated
    if stated.execution_weight is not None and stated.execution_rate is not None and stated.execution_score is None:
        yield Draft(f"预算执行率分值 {fmt(stated.execution_weight)} 分、执行率 {fmt(stated.execution_rate)}%，得分一格空白",
                    s.at("stated.execution_weight"))
