"""The 部门整体支出绩效评价基础数据表 (7 columns; rules.md §7.1): 财政供养人员情况,
经费控制情况 with its subtotals, 楼堂馆所控制情况 and 厉行节约保障措施.

Rows keep the labels the report gave them. Subtotals (三公经费, 公务用车购置和维护经费,
项目支出) become formulas in the workbook where the stated figure equals the sum of its
parts; where it does not, the stated figure stays and carries a note. The model holds no
楼堂馆所 figures and no 厉行节约 text, so those cells are left for the unit to fill.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model.evaluation import BasicDataLine, Evaluation
from jixiao.model.money import fmt
from jixiao.render.grid import Grid, GridCell, amount, count, label, year_title

BASIC_ROWS = (  # (key, printed label); indentation as on the form
    ("three_public", "三公经费"), ("vehicles", "  1、公务用车购置和维护经费"), ("vehicle_purchase", "      其中：公车购置"),
    ("vehicle_operation", "            公车运行维护"), ("overseas", "  2、出国经费"), ("reception", "  3、公务接待"),
    ("project", "项目支出："), ("project_item", "    "), ("public", "公用经费"), ("office", "    其中：办公经费"),
    ("utilities_travel", "          水费、电费、差旅费"), ("meetings_training", "          会议费、培训费"),
    ("procurement", "政府采购金额"), ("basic_adjustment", "部门基本支出预算调整"), ("other", ""),
)
SUBTOTALS = {"three_public": ("vehicles", "overseas", "reception"), "vehicles": ("vehicle_purchase", "vehicle_operation"),
             "project": ("project_item",)}
COLUMNS = (("prior_actual", "B"), ("budget", "D"), ("actual", "F"))  # value columns in the workbook
BUILDINGS = ("批复规模（㎡）", "实际规模（㎡）", "规模控制率", "预算投资（万元）", "实际投资（万元）", "投资概算控制率")
REMARK = "说明：“项目支出”需要填报基本支出以外的所有项目支出情况，“公用经费”填报基本支出中的一般商品和服务支出。"


def basic_data_table(ev: Evaluation) -> Grid:
    year = ev.fiscal_year
    grid = Grid(f"{year_title(year)}部门整体支出绩效评价基础数据表", "basic_data", width=7, remark=REMARK)
    _staffing(grid, ev)
    grid.split, grid.repeat = len(grid.rows), 1
    columns = (f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数") if year else ("上年决算数", "本年预算数", "本年决算数")
    grid.add(label("经费控制情况（万元）"), *(label(c, 2) for c in columns))
    rows = _money_rows(grid, ev.basic_data)
    _subtotals(grid, rows)
    grid.add(label(f"楼堂馆所控制情况（{year_title(year) or '本年度'}完工项目）", rowspan=2), *(label(c) for c in BUILDINGS))
    grid.add(*(GridCell() for _ in BUILDINGS))
    grid.add(label("厉行节约保障措施"), GridCell("", 6))
    return grid


def _staffing(grid: Grid, ev: Evaluation) -> None:
    staff = ev.unit.staffing
    served = f"{ev.fiscal_year}年实际在职人数" if ev.fiscal_year else "实际在职人数"
    grid.add(label("财政供养人员情况（人）", rowspan=2), label("编制数", 2), label(served, 2), label("控制率", 2))
    control = GridCell("", 2)
    if staff.serving is not None and staff.authorized:
        share = (Decimal(staff.serving) / staff.authorized * 100).quantize(Decimal("0.01"))
        control = GridCell(f"{fmt(share)}%", 2, number=share / 100, percent=True, formula="=ROUND(D{r}/B{r},4)")
    grid.add(count(staff.authorized, 2), count(staff.serving, 2), control)


def _money_rows(grid: Grid, lines: list[BasicDataLine]) -> dict[str, list[int]]:
    """One row per form line (and per listed project); returns grid rows by key."""
    keyed = {line.key: line for line in lines if line.key != "project_item"}
    rows: dict[str, list[int]] = {}
    for key, printed in BASIC_ROWS:
        found = [line for line in lines if line.key == key] if key in ("project_item", "other") else [keyed.get(key)]
        for index, line in enumerate(found, start=1):
            if line is None and key == "other":
                continue
            text = _label(key, printed, line, index)
            row = grid.add(label(text, align="left"), *(amount(getattr(line, c) if line else None, 2) for c, _ in COLUMNS))
            rows.setdefault(key, []).append(row)
    return rows


def _label(key: str, printed: str, line: BasicDataLine | None, index: int) -> str:
    if key == "project_item":
        return f"{printed}{index}、{line.label if line else ''}"
    if line is None or not line.label or "".join(printed.split()).rstrip("：:") == line.label:
        return printed
    return printed[: len(printed) - len(printed.lstrip())] + line.label


def _subtotals(grid: Grid, rows: dict[str, list[int]]) -> None:
    """A subtotal that equals the sum of its parts becomes a formula; one that differs keeps
    the stated figure and says what the parts add up to."""
    for total, parts in SUBTOTALS.items():
        if total not in rows:
            continue
        part_rows = [r for part in parts for r in rows.get(part, [])]
        for column, (_, letter) in enumerate(COLUMNS, start=1):
            cell = grid.rows[rows[total][0] - 1][column]
            values = [grid.rows[r - 1][column].number for r in part_rows]
            if cell.number is None or not values or all(v is None for v in values):
                continue
            added = sum((v for v in values if v is not None), Decimal(0))
            if added == cell.number:
                cell.formula = "=SUM(" + ",".join(f"{letter}{{row:{r}}}" for r in part_rows) + ")"
            else:
                cell.note = f"填报数 {fmt(cell.number)} 与分项之和 {fmt(added)} 不符"
