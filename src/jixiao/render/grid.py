"""The official tables as neutral grids, built from an Evaluation: the 基础数据表, the
部门整体支出绩效自评表 and the 项目支出绩效自评表 (财预〔2020〕10号 layout, 9 columns).

A grid is rows of cells in reading order; a cell covered by a merge is left out (as in
HTML). Writers (.docx, .xlsx, .html) only lay these grids out; numbers come from the model
and are never retyped. Where a recomputed score may replace the stated one, `scores`
chooses which the table shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from jixiao.model.evaluation import Evaluation, FundLine
from jixiao.model.money import amount_text, fmt
from jixiao.model.scorecard import Scorecard

ScoreChoice = Literal["stated", "recomputed"]
WIDTH = 9


@dataclass
class GridCell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    number: Decimal | None = None  # a figure the xlsx writer stores as a number
    percent: bool = False
    formula: str | None = None  # xlsx formula; {r} is this cell's row, {row:N} grid row N (1-based)
    note: str = ""  # shown as a comment where the stated value disagrees with the formula


@dataclass
class Grid:
    title: str
    kind: str  # basic_data | department | project
    width: int = WIDTH
    rows: list[list[GridCell]] = field(default_factory=list)
    remark: str = ""

    def add(self, *cells: GridCell) -> int:
        self.rows.append(list(cells))
        return len(self.rows)


def label(text: str, colspan: int = 1, rowspan: int = 1) -> GridCell:
    return GridCell(text, colspan, rowspan, header=True)


def amount(value: Decimal | None, colspan: int = 1) -> GridCell:
    return GridCell(amount_text(value) if value is not None else "", colspan, number=value)


def rate_text(value: Decimal | None) -> GridCell:
    return GridCell(f"{fmt(value)}%" if value is not None else "", number=value / 100 if value is not None else None,
                    percent=True)


def tables(ev: Evaluation, card: Scorecard | None = None, scores: ScoreChoice = "stated") -> list[Grid]:
    """Every table of a report: 基础数据表 (department), its own 自评表, one per project."""
    year = ev.fiscal_year
    grids = [basic_data_table(ev)] if ev.kind == "department" else []
    grids.append(self_table(ev, card, scores))
    children = card.children if card is not None else [None] * len(ev.projects)
    grids += [self_table(child, child_card, scores, year) for child, child_card in zip(ev.projects, children)]
    return grids


def _year(ev: Evaluation, year: int | None = None) -> str:
    value = ev.fiscal_year or year
    return f"{value}年度" if value else ""


# ----------------------------------------------------------------------------- 基础数据表
BASIC_ROWS = (
    ("three_public", "三公经费"), ("vehicles", "  1、公务用车购置和维护经费"), ("vehicle_purchase", "      其中：公车购置"),
    ("vehicle_operation", "            公车运行维护"), ("overseas", "  2、出国经费"), ("reception", "  3、公务接待"),
    ("project", "项目支出："), ("project_item", None), ("public", "公用经费"), ("office", "    其中：办公经费"),
    ("utilities_travel", "          水费、电费、差旅费"), ("meetings_training", "          会议费、培训费"),
    ("procurement", "政府采购金额"), ("basic_adjustment", "部门基本支出预算调整"),
)


def basic_data_table(ev: Evaluation) -> Grid:
    year = ev.fiscal_year
    grid = Grid(f"{_year(ev)}部门整体支出绩效评价基础数据表", "basic_data", width=7,
                remark="说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。")
    staff = ev.unit.staffing
    served = f"{year}年实际在职人数" if year else "实际在职人数"
    grid.add(label("财政供养人员情况（人）", rowspan=2), label("编制数", 2), label(served, 2), label("控制率", 2))
    control = (Decimal(staff.serving) / staff.authorized * 100).quantize(Decimal("0.01")) \
        if staff.serving is not None and staff.authorized else None
    grid.add(amount(_dec(staff.authorized), 2), amount(_dec(staff.serving), 2),
             GridCell(f"{fmt(control)}%" if control is not None else "", 2))
    columns = (f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数") if year else ("上年决算数", "本年预算数", "本年决算数")
    grid.add(label("经费控制情况（万元）"), *(label(c, 2) for c in columns))
    lines = {line.key: line for line in ev.basic_data if line.key != "project_item"}
    items = [line for line in ev.basic_data if line.key == "project_item"]
    for key, text in BASIC_ROWS:
        if key == "project_item":
            for index, item in enumerate(items, start=1):
                grid.add(label(f"    {index}、{item.label}"), amount(item.prior_actual, 2), amount(item.budget, 2),
                         amount(item.actual, 2))
            continue
        line = lines.get(key)
        grid.add(label(text or ""), *(amount(getattr(line, c) if line else None, 2) for c in ("prior_actual", "budget", "actual")))
    return grid


def _dec(value: int | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


# ----------------------------------------------------------------------------- 自评表
def self_table(ev: Evaluation, card: Scorecard | None, scores: ScoreChoice, year: int | None = None) -> Grid:
    department = ev.kind == "department"
    title = f"{_year(ev, year)}{'部门整体支出' if department else '项目支出'}绩效自评表"
    grid = Grid(title, "department" if department else "project")
    if department:
        grid.add(label("预算部门名称"), GridCell(ev.unit.name, 8))
    else:
        grid.add(label("项目名称"), GridCell(ev.title, 8))
        grid.add(label("主管部门"), GridCell(ev.unit.department, 3), label("实施单位"), GridCell(ev.unit.implementer, 4))
    _funds(grid, ev, card, scores)
    _goals(grid, ev)
    _indicators(grid, ev, card, scores)
    if card is not None and scores == "recomputed":
        grid.remark = "注：本表“得分”一栏为 jixiao 按评分规则重算的得分，不是单位填报的得分。"
    return grid


FUND_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
SOURCE_ROWS = (("current_year", "其中：当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金"))


def _funds(grid: Grid, ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> None:
    department = ev.kind == "department"
    extra = 5 if department else 3
    grid.add(label("年度预算申请（万元）" if department else "项目资金（万元）", rowspan=2 + extra),
             label("", 2), *(label(h) for h in FUND_HEADERS))
    total = ev.funds.total
    row = grid.add(label("年度资金总额", 2), amount(total.initial_budget), amount(total.budget), amount(total.executed),
                   *_execution_cells(ev, card, scores))
    _rate_formula(grid.rows[row - 1], total, ev)
    if department:
        _department_splits(grid, ev)
    else:
        sources = {line.source: line for line in ev.funds.by_source}
        for key, text in SOURCE_ROWS:
            line = sources.get(key)  # type: ignore[call-overload]
            grid.add(label(text, 2), *(amount(getattr(line, c) if line else None) for c in ("initial_budget", "budget", "executed")),
                     GridCell(), GridCell(), GridCell())


def _execution_cells(ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> tuple[GridCell, ...]:
    stated = ev.stated
    score = stated.execution_score
    if scores == "recomputed" and card is not None:
        score = card.lines[0].recomputed
    return amount(stated.execution_weight), rate_text(stated.execution_rate), amount(score)


def _rate_formula(cells: list[GridCell], total: FundLine, ev: Evaluation) -> None:
    """Formulas for 执行率 and 得分 where the stated values agree with them."""
    weight_cell, rate_cell, score_cell = cells[4], cells[5], cells[6]
    if not total.budget or total.executed is None:
        return
    rate = (total.executed / total.budget).quantize(Decimal("0.0001"))
    if ev.stated.execution_rate is not None and abs(rate * 100 - ev.stated.execution_rate) <= Decimal("0.005"):
        rate_cell.formula = "=ROUND(F{r}/E{r},4)"
    elif ev.stated.execution_rate is not None:
        rate_cell.note = f"填报执行率与 全年执行数÷全年预算数（{fmt(rate * 100)}%）不符"
    if weight_cell.number is not None and score_cell.number is not None:
        expected = (min(total.executed / total.budget, Decimal(1)) * weight_cell.number).quantize(Decimal("0.01"))
        if abs(expected - score_cell.number) <= Decimal("0.005"):
            score_cell.formula = "=ROUND(MIN(F{r}/E{r},1)*G{r},2)"


def _department_splits(grid: Grid, ev: Evaluation) -> None:
    sources = {line.source: line.budget for line in ev.funds.by_source}
    left = [("其中：一般公共预算", sources.get("general_budget")), ("政府性基金拨款", sources.get("government_fund")),
            ("纳入专户管理的非税收入拨款", sources.get("special_account")), ("其他资金", sources.get("other"))]
    right = [("其中：基本支出", ev.funds.basic.budget), ("项目支出", ev.funds.project.budget), ("", None), ("", None)]
    grid.add(label("按收入性质分：", 4), label("按支出性质分：", 4))
    for (l_text, l_value), (r_text, r_value) in zip(left, right):
        grid.add(GridCell(_pair(l_text, l_value), 4), GridCell(_pair(r_text, r_value), 4))


def _pair(text: str, value: Decimal | None) -> str:
    if not text:
        return ""
    return f"{text}：{fmt(value)}" if value is not None else f"{text}："


def _goals(grid: Grid, ev: Evaluation) -> None:
    grid.add(label("年度总体目标", rowspan=2), label("预期目标", 4), label("实际完成情况", 4))
    grid.add(GridCell(ev.goals.expected, 4), GridCell(ev.goals.achieved, 4))


INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")


def _indicators(grid: Grid, ev: Evaluation, card: Scorecard | None, scores: ScoreChoice) -> None:
    rows = ev.indicators
    grid.add(label("绩效指标", rowspan=1 + len(rows)), *(label(h) for h in INDICATOR_HEADERS))
    first_row = len(grid.rows) + 1
    spans1, spans2 = _spans([i.level1 for i in rows]), _spans([(i.level1, i.level2) for i in rows])
    for index, indicator in enumerate(rows):
        cells: list[GridCell] = []
        if index in spans1:
            weight = ev.stated.level1_weights.get(indicator.level1)
            text = f"{indicator.level1}（{fmt(weight)}分）" if weight is not None else indicator.level1
            cells.append(label(text, rowspan=spans1[index]))
        if index in spans2:
            cells.append(label(indicator.level2, rowspan=spans2[index]))
        score = indicator.score
        if scores == "recomputed" and card is not None:
            score = card.lines[index + 1].recomputed if card.lines[index + 1].recomputed is not None else indicator.score
        cells += [GridCell(indicator.name), GridCell(indicator.target.text), GridCell(indicator.actual.text),
                  amount(indicator.weight), amount(score), GridCell(indicator.deviation_note)]
        grid.add(*cells)
    _total(grid, ev, card, scores, first_row)


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
    total = ev.stated.total
    if scores == "recomputed" and card is not None and card.total is not None:
        total = card.total
    weights = [i.weight for i in ev.indicators]
    weight_sum = sum((w for w in weights if w is not None), Decimal(0)) + (ev.stated.execution_weight or 0)
    last = len(grid.rows)
    funds_row = next(i for i, row in enumerate(grid.rows, start=1) if row and row[0].text == "年度资金总额")
    weight_cell = GridCell(fmt(weight_sum), number=weight_sum,
                           formula=f"=SUM(G{{row:{funds_row}}},G{{row:{first_row}}}:G{{row:{last}}})" if ev.indicators else None)
    score_cell = amount(total)
    parts = [ev.stated.execution_score, *(i.score for i in ev.indicators)]
    if scores == "stated" and total is not None and ev.indicators and None not in parts \
            and sum(parts, Decimal(0)) == total:  # type: ignore[arg-type]
        # 执行率得分 is in column I, the indicators' 得分 in H; {row:N} is grid row N
        score_cell.formula = f"=SUM(I{{row:{funds_row}}},H{{row:{first_row}}}:H{{row:{last}}})"
    grid.add(label("总分", 6), weight_cell, score_cell, GridCell())
    if ev.stated.grade:
        grid.add(label("自评等级", 6), GridCell(ev.stated.grade, 3))


def place(grid: Grid) -> list[tuple[int, int, GridCell]]:
    """Absolute (row, column) of every cell, 0-based, skipping positions merges cover."""
    covered: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            placed.append((r, c, cell))
            covered |= {(r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)}
            c += cell.colspan
    return placed
