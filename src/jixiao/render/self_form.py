"""The 部门整体支出 and 项目支出绩效自评表 (9 columns, 财预〔2020〕10号 附件 and the Hunan
department form, rules.md §1.7 and §7.1): names, the funds block, the year's goals, the
indicators, 总分 and 自评等级.

Cells the form does not score (分值 and 得分 of the 其中 rows) show “—”. In the workbook
执行率, 执行率得分, 总分 and the total weight are formulas where the stated figures agree
with them; a stated figure that disagrees is kept and carries a note with the formula's
result. With `scores="recomputed"` the 得分 column shows jixiao's recomputed scores and the
table says so.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.evaluation import Evaluation, FundLine
from jixiao.model.money import fmt
from jixiao.model.scorecard import Scorecard
from jixiao.render.grid import (Grid, GridCell, ScoreChoice, amount, label, rate, score_cell, unscored,
                                year_title)

FUND_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
SOURCE_ROWS = (("current_year", "其中：当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金"))
INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
RECOMPUTED = "注：本表“得分”一栏为 jixiao 按评分规则重算的得分，不是单位填报的得分。"


def self_table(ev: Evaluation, card: Scorecard | None, scores: ScoreChoice, year: int | None = None) -> Grid:
    department = ev.kind == "department"
    title = f"{year_title(ev.fiscal_year or year)}{'部门整体支出' if department else '项目支出'}绩效自评表"
    grid = Grid(title, "department" if department else "project")
    if department:
        grid.add(label("预算部门名称", 3), GridCell(ev.unit.name, 6))
    else:
        grid.add(label("项目名称", 3), GridCell(project_name(ev), 6))
        grid.add(label("主管部门", 3), GridCell(ev.unit.department, 2), label("实施单位", 2), GridCell(ev.unit.implementer, 2))
    _funds(grid, ev, card, scores)
    _goals(grid, ev)
    grid.split, grid.repeat = len(grid.rows), 1
    _indicators(grid, ev, card, scores)
    if card is not None and scores == "recomputed":
        grid.remark = RECOMPUTED
    return grid


def project_name(ev: Evaluation) -> str:
    """The project's name; a report's own title (`…绩效自评报告`) is not a project's name."""
    return "" if ev.title.endswith(("报告", "报表")) else ev.title


def _funds(grid: Grid, ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> None:
    department = ev.kind == "department"
    grid.add(label("年度预算申请（万元）" if department else "项目资金（万元）", rowspan=2 + (5 if department else 3)),
             label("", 2), *(label(h) for h in FUND_HEADERS))
    total = ev.funds.total
    row = grid.add(label("年度资金总额", 2), amount(total.initial_budget), amount(total.budget), amount(total.executed),
                   *_execution_cells(ev, card, scores))
    _execution_formulas(grid.rows[row - 1], total, ev)
    if department:
        _department_splits(grid, ev)
        return
    sources = {line.source: line for line in ev.funds.by_source}
    for key, text in SOURCE_ROWS:
        line = sources.get(key)  # type: ignore[call-overload]
        grid.add(label(text, 2), *(amount(getattr(line, c) if line else None) for c in ("initial_budget", "budget", "executed")),
                 unscored(), GridCell(), unscored())


def _execution_cells(ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> tuple[GridCell, ...]:
    stated = ev.stated
    score = stated.execution_score
    if scores == "recomputed" and card is not None and card.lines and card.lines[0].recomputed is not None:
        score = card.lines[0].recomputed
    return score_cell(stated.execution_weight), rate(stated.execution_rate), score_cell(score)


def _execution_formulas(cells: list[GridCell], total: FundLine, ev: Evaluation) -> None:
    """执行率 = 全年执行数 ÷ 全年预算数 and 得分 = 分值 × min(执行率, 1), as formulas where the
    stated figures agree with them, as notes where they do not."""
    weight_cell, rate_cell, score_cell_ = cells[4], cells[5], cells[6]
    if not total.budget or total.executed is None:
        return
    ratio = total.executed / total.budget
    if rate_cell.number is not None:
        if abs(ratio * 100 - ev.stated.execution_rate) <= Decimal("0.005"):  # type: ignore[operator]
            rate_cell.formula = "=ROUND(F{r}/E{r}," + str(_places(rate_cell.number)) + ")"
        else:
            rate_cell.note = f"填报执行率与 全年执行数÷全年预算数（{fmt((ratio * 100).quantize(Decimal('0.01')))}%）不符"
    if weight_cell.number is not None and score_cell_.number is not None:
        expected = min(ratio, Decimal(1)) * weight_cell.number
        places = _places(score_cell_.number)
        if expected.quantize(Decimal(1).scaleb(-places)) == score_cell_.number:
            score_cell_.formula = f"=ROUND(MIN(F{{r}}/E{{r}},1)*G{{r}},{places})"
        elif abs(expected - score_cell_.number) > Decimal("0.005"):
            score_cell_.note = f"填报得分与 分值×执行率（{fmt(expected.quantize(Decimal('0.01')))}）不符"


def _places(value: Decimal) -> int:
    return max(-value.as_tuple().exponent, 0)  # type: ignore[operator]


def _department_splits(grid: Grid, ev: Evaluation) -> None:
    sources = {line.source: line.budget for line in ev.funds.by_source}
    left = [("其中：一般公共预算", sources.get("general_budget")), ("政府性基金拨款", sources.get("government_fund")),
            ("纳入专户管理的非税收入拨款", sources.get("special_account")), ("其他资金", sources.get("other"))]
    right = [("其中：基本支出", ev.funds.basic.budget), ("项目支出", ev.funds.project.budget), ("", None), ("", None)]
    grid.add(label("按收入性质分：", 4, align="left"), label("按支出性质分：", 4, align="left"))
    for (l_text, l_value), (r_text, r_value) in zip(left, right):
        grid.add(GridCell(_pair(l_text, l_value), 4), GridCell(_pair(r_text, r_value), 4))


def _pair(text: str, value: Decimal | None) -> str:
    if not text:
        return ""
    return f"{text}：{amount(value).text}" if value is not None else f"{text}："


def _goals(grid: Grid, ev: Evaluation) -> None:
    grid.add(label("年度总体目标", rowspan=2), label("预期目标", 4), label("实际完成情况", 4))
    grid.add(GridCell(ev.goals.expected, 4), GridCell(ev.goals.achieved, 4))


def _indicators(grid: Grid, ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> None:
    rows = ev.indicators
    # The header row repeats on every page; 绩效指标 spans the indicator rows only, because
    # LibreOffice lays out a merge that starts in a repeated header row wrongly.
    grid.add(label(""), *(label(h) for h in INDICATOR_HEADERS))
    first_row = len(grid.rows) + 1
    spans1, spans2 = _spans([i.level1 for i in rows]), _spans([(i.level1, i.level2) for i in rows])
    for index, indicator in enumerate(rows):
        cells: list[GridCell] = [label("绩效指标", rowspan=len(rows))] if index == 0 else []
        if index in spans1:
            weight = ev.stated.level1_weights.get(indicator.level1)
            text = f"{indicator.level1}（{fmt(weight)}分）" if weight is not None else indicator.level1
            cells.append(label(text, rowspan=spans1[index]))
        if index in spans2:
            cells.append(label(indicator.level2, rowspan=spans2[index]))
        cells += [GridCell(indicator.name), GridCell(indicator.target.text), GridCell(indicator.actual.text),
                  score_cell(indicator.weight), score_cell(_score(indicator.score, card, index, scores)),
                  GridCell(indicator.deviation_note)]
        grid.add(*cells)
    _total(grid, ev, card, scores, first_row)


def _score(stated: Decimal | None, card: Scorecard | None, index: int, scores: ScoreChoice) -> Decimal | None:
    if scores == "recomputed" and card is not None and index + 1 < len(card.lines):
        recomputed = card.lines[index + 1].recomputed
        return recomputed if recomputed is not None else stated
    return stated


def _spans(keys: list[object]) -> dict[int, int]:
    """Start index → length of each run of equal keys (merged label cells)."""
    spans: dict[int, int] = {}
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            spans[start] = index - start
            start = index
    return spans


def _total(grid: Grid, ev: Evaluation, card: Scorecard | None, scores: ScoreChoice, first_row: int) -> None:
    """总分: the stated total weight (else the sum of the weights) and the total score as stated."""
    last = len(grid.rows)
    funds_row = next(i for i, row in enumerate(grid.rows, start=1) if row and row[0].text == "年度资金总额")
    weights = [ev.stated.execution_weight, *(i.weight for i in ev.indicators)]
    stated_weight = _stated_total_weight(ev)
    weight = _sum_cell(stated_weight if stated_weight is not None else _sum(weights), weights,
                       f"G{{row:{funds_row}}},G{{row:{first_row}}}:G{{row:{last}}}")
    total, parts = ev.stated.total, [ev.stated.execution_score, *(i.score for i in ev.indicators)]
    if scores == "recomputed" and card is not None and card.total is not None:
        total, parts = card.total, []
    score = _sum_cell(total, parts, f"I{{row:{funds_row}}},H{{row:{first_row}}}:H{{row:{last}}}")
    grid.add(label("总分", 6), weight, score, GridCell())
    if ev.stated.grade:
        grid.add(label("自评等级", 6), GridCell(ev.stated.grade, 3))


def _stated_total_weight(ev: Evaluation) -> Decimal | None:
    return next((f.value for f in ev.figures if f.key == "stated.total_weight" and f.value is not None), None)


def _sum(parts: list[Decimal | None]) -> Decimal | None:
    return sum(parts, Decimal(0)) if parts and None not in parts else None  # type: ignore[arg-type]


def _sum_cell(shown: Decimal | None, parts: list[Decimal | None], ranges: str) -> GridCell:
    """A total as shown; a formula where it equals the sum of its parts, a note where not."""
    cell = score_cell(shown)
    added = _sum(parts)
    if shown is None or added is None:
        return cell
    if added == shown:
        cell.formula = f"=SUM({ranges})"
    else:
        cell.note = f"填报 {fmt(shown)} 与各项之和 {fmt(added)} 不符"
    return cell
