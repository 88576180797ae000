"""JX1xx arithmetic: parts against totals, shares and rates recomputed from their figures.

A difference within n × 0.005 万元 (n addends each rounded to 0.01) is rounding and is
reported as info; a larger one is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks import prose, rates, sums
from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject, money
from jixiao.model.evaluation import FundLine
from jixiao.model.money import fmt, round2, tolerance

COLUMNS = (("budget", "预算数"), ("executed", "执行数"))


def _sum_draft(total: Decimal, parts: list[Decimal], what: str, at: object, related: list[object]) -> Draft | None:
    """One comparison of a stated total with its parts, rounding told apart from error."""
    difference = sum(parts, Decimal(0)) - total
    if difference == 0:
        return None
    shown = " + ".join(fmt(p) for p in parts)
    message = f"{what}：{shown} = {fmt(sum(parts, Decimal(0)))}，与所填 {fmt(total)} 相差 {format(abs(difference), 'f')} 万元"
    if abs(difference) <= tolerance(len(parts)):
        return Draft(message + "（在四舍五入误差之内）", at, related, severity="info")  # type: ignore[arg-type]
    return Draft(message, at, related)  # type: ignore[arg-type]


def _column_sums(s: Subject, total: str, parts: tuple[str, ...], what: str) -> Iterator[Draft]:
    """`funds.<total>` against the sum of `funds.<part>`, in the budget and spending columns."""
    funds = s.evaluation.funds
    for column, title in COLUMNS:
        values = [getattr(getattr(funds, name), column) for name in (total, *parts)]
        if None in values:
            continue
        draft = _sum_draft(values[0], values[1:], what.format(title=title), s.at(f"funds.{total}.{column}"),
                           [s.at(f"funds.{part}.{column}") for part in parts])
        if draft:
            yield draft


@check("JX101", "funds-nature-sum", "资金总额不等于基本支出与项目支出之和", "error")
def funds_nature_sum(s: Subject) -> Iterator[Draft]:
    """全年预算数或全年执行数不等于基本支出与项目支出之和。

    Why: 部门整体支出按性质分为基本支出和项目支出，两者之和就是资金总额；对不上说明三个数中至少
    有一个填错或抄错。

    Example: 支出1220.06万元，其中基本支出585.38万元、项目支出634.67万元（合计1220.05，差0.01为舍入）。
    """
    yield from _column_sums(s, "total", ("basic", "project"), "全年{title}不等于基本支出与项目支出之和")


@check("JX102", "basic-split-sum", "基本支出不等于人员经费与公用经费之和", "error")
def basic_split_sum(s: Subject) -> Iterator[Draft]:
    """基本支出不等于人员经费与公用经费之和。

    Why: 基本支出 = 人员经费 + 公用经费，是决算的基本勾稽关系。

    Example: 基本支出316.71万元，其中人员经费277.20万元、公用经费39.51万元（相符）。
    """
    yield from _column_sums(s, "basic", ("personnel", "public"), "基本支出{title}不等于人员经费与公用经费之和")


@check("JX103", "project-items-sum", "项目明细之和与项目支出不符", "error")
def project_items_sum(s: Subject) -> Iterator[Draft]:
    """列出的各项目金额之和与所述项目支出总额不符。

    Why: 报告列出项目支出的构成时，各项之和应等于项目支出；不等说明某项金额或总额有误。

    Example: 项目支出466.13万元，其中维稳工作161.82万元……平安建设144.17万元（六项合计467.13）。
    """
    items = s.evaluation.funds.project_items
    for column, _ in COLUMNS:
        amounts = [getattr(item, column) for item in items if getattr(item, column) is not None]
        if len(amounts) < 2:
            continue
        stated = _project_totals(s, column)
        if not stated or any(abs(sum(amounts) - total) <= tolerance(len(amounts)) for total, _ in stated):
            continue
        total, at = stated[0]
        others = "、".join(fmt(t) for t, _ in stated)
        related = [s.at(f"funds.project_items[{i}]") for i in range(len(items))]
        yield Draft(f"列出的 {len(amounts)} 个项目合计 {money(sum(amounts))}，与项目支出 {others} 万元不符",
                    at, [r for r in related if r])


def _project_totals(s: Subject, column: str) -> list[tuple[Decimal, object]]:
    """Every statement of 项目支出 in that column; the other column if none."""
    figures = [f for f in s.evaluation.figures if f.key == f"funds.project.{column}" and f.value is not None]
    if not figures:
        figures = [f for f in s.evaluation.figures if f.key.startswith("funds.project.") and f.value is not None
                   and not f.key.endswith(".rate")]
    unique: dict[Decimal, object] = {}
    for figure in figures:
        unique.setdefault(figure.value, figure.source)  # type: ignore[arg-type]
    return list(unique.items())


@check("JX104", "three-public-sum", "三公经费不等于各分项之和", "error")
def three_public_sum(s: Subject) -> Iterator[Draft]:
    """基础数据表中三公经费不等于公务用车、出国、公务接待之和，或公务用车不等于购置与运行维护之和。

    Why: 三公经费由三项构成，是社会关注的重点数据，分项与合计必须一致。

    Example: 三公经费 5.32 = 公务用车 0 + 出国 0 + 公务接待 5.32（相符）。
    """
    lines = {line.key: line for line in s.evaluation.basic_data}
    for total_key, part_keys, what in (("three_public", ("vehicles", "overseas", "reception"), "三公经费"),
                                       ("vehicles", ("vehicle_purchase", "vehicle_operation"), "公务用车购置和维护经费")):
        if total_key not in lines or not all(k in lines for k in part_keys):
            continue
        for column, title in (("prior_actual", "上年决算数"), ("budget", "预算数"), ("actual", "决算数")):
            total = getattr(lines[total_key], column)
            parts = [getattr(lines[k], column) for k in part_keys]
            if total is None or None in parts:
                continue
            draft = _sum_draft(total, parts, f"基础数据表{what}（{title}）不等于各分项之和", lines[total_key].source,
                               [lines[k].source for k in part_keys if lines[k].source])
            if draft:
                yield draft


@check("JX105", "share-recomputed", "所述占比与金额不符", "error")
def share_recomputed(s: Subject, *, places: int = 2) -> Iterator[Draft]:
    """正文所述“占……总额 X%”与由金额重算的比例不符。

    Why: 占比由金额相除得来，写错说明金额或比例有一处是错的，也常见于照抄上年报告。

    Example: 支出1220.06万元，其中基本支出585.38万元，占支出总额47.95%（重算为47.98%）。
    """
    if s.document is None or not s.is_root:
        return
    for share in prose.shares(s.document):
        if share.base == 0:
            continue
        recomputed = share.amount / share.base * 100
        slack = Decimal(5) / Decimal(10) ** (places + 1) + 100 * Decimal("0.005") * (1 + share.amount / share.base) / share.base
        if abs(recomputed - share.share) > slack:
            yield Draft(f"{fmt(share.amount)} ÷ {fmt(share.base)} = {round2(recomputed)}%，而报告写作 {fmt(share.share)}%",
                        s.document.ref(share.paragraph, text=share.snippet), evidence=share.snippet)


@check("JX106", "stated-sum-in-prose", "正文所述合计与各笔金额之和不符", "error")
def stated_sum_in_prose(s: Subject) -> Iterator[Draft]:
    """正文所述合计（“合计支付 X 万元”“资金X万元。其中：……”“总额: X”及其下各行、总额后
    ①②……逐项列出的金额）与各笔金额之和不符。

    Why: 合计数应由各笔加总得出；不符说明漏记、重记或抄错。

    Example: 实际支付26.19万元，……已全额支付（12万元），……实际支付2.2万元，合计支付38.39万元（应为40.39）。
    """
    if s.document is None or not s.is_root:
        return
    for stated in prose.stated_sums(s.document):
        draft = _sum_draft(stated.total, list(stated.parts), "正文所述合计与逐笔金额之和不符",
                           s.document.ref(stated.paragraph, text=stated.snippet), [])
        if draft:
            draft.evidence = stated.snippet
            yield draft
    for listed in sums.listed_sums(s.document):
        draft = _sum_draft(listed.total, list(listed.parts), "所列各项之和与所述总额不符",
                           s.document.ref(listed.paragraph, text=listed.snippet), [])
        if draft:
            draft.evidence = listed.snippet
            if draft.severity is None and not listed.exhaustive and sum(listed.parts) < listed.total:
                draft.severity = "warning"  # two parts short of the total may be a partial list
            yield draft


@check("JX107", "rate-recomputed", "所述执行率与金额不符", "error")
def rate_recomputed(s: Subject) -> Iterator[Draft]:
    """所述执行率（支付率、完成率、到位率）与其所依据金额的比值不符。

    Why: 执行率决定预算执行率得分，写错会直接影响总分。每个比率只与它所依据的金额比较：
    同一句中的两笔金额，或句中点名的那笔金额；报告的执行率与资金总额比较。比率与重算值
    相差超过 1 个百分点为错误；在 1 个百分点之内、或只是按所写精度取整过粗（0.1 即 10%）为警告。

    Example: 年初预算支出785.59万元、决算支出960.28万元、支出完成率为100%（重算122.24%）→ 错误；
    执行数94、预算数650、执行率填0.1（14.46%）→ 警告。
    """
    yield from _table_rate(s)
    if s.document is not None and s.is_root:
        yield from _prose_rates(s)


def _table_rate(s: Subject) -> Iterator[Draft]:
    """The rate of the 自评表 (or the report's one rate) against the funds total."""
    ev, ref = s.evaluation, s.at("stated.execution_rate")
    figure = next((f for f in ev.figures if f.key == "stated.execution_rate" and f.source == ref), None)
    line = ev.funds.total
    if figure is None or figure.value is None or not line.budget or line.executed is None:
        return
    if figure.origin == "prose" and s.document is not None and _stated_with_amounts(s, figure):
        return  # a sentence with its own amounts is checked there
    printed = _printed_rate(figure)
    severity = _rate_severity(figure.value, printed, line.budget, line.executed)
    if figure.origin == "prose" and "执行率" not in (figure.source.text if figure.source else "") and severity:
        severity = "warning"  # a 发放率 or 支付率 may stand on another base than the budget
    if severity:
        recomputed = line.executed / line.budget * 100
        yield Draft(f"{fmt(line.executed)} ÷ {fmt(line.budget)} = {round2(recomputed)}%，而报告写作 {_shown(figure, printed)}",
                    figure.source, evidence=figure.source.text if figure.source else "", severity=severity)  # type: ignore[arg-type]


def _stated_with_amounts(s: Subject, figure: object) -> bool:
    return any(r.snippet in (figure.source.text or "") and r.pairs and not r.from_label  # type: ignore[attr-defined]
               for r in rates.rate_statements(s.document))  # type: ignore[arg-type]


def _printed_rate(figure: object) -> str:
    """The rate as printed: a fraction `0.1` when the figure says it was read as one."""
    note = figure.note  # type: ignore[attr-defined]
    match = re.search(r"（(\d+(?:\.\d+)?)）", note) if note else None
    return match[1] if match else format(figure.value, "f")  # type: ignore[attr-defined]


def _shown(figure: object, printed: str) -> str:
    return printed if figure.note else f"{printed}%"  # type: ignore[attr-defined]


def _rate_severity(rate: Decimal, printed: str, base: Decimal, part: Decimal) -> str | None:
    """None when the rate rounds from the amounts at its printed precision; a warning when it
    is off by less than a point or only printed too coarsely (`0.1` for 14.46%); else an error."""
    computed = part / base * 100
    difference = abs(computed - rate)
    if difference <= _half_unit(printed, fraction=rate != Decimal(printed)):
        return "warning" if difference > 1 else None
    return "warning" if difference <= 1 else "error"


def _half_unit(printed: str, fraction: bool) -> Decimal:
    """Half of the last printed digit, in percent: `31.00` → 0.005; the fraction `0.1` → 5."""
    decimals = len(printed.partition(".")[2])
    return Decimal(5) / Decimal(10) ** (decimals + 1 - (2 if fraction else 0)) + Decimal("0.005")


def _prose_rates(s: Subject) -> Iterator[Draft]:
    for statement in rates.rate_statements(s.document):  # type: ignore[arg-type]
        if "收" in statement.label and "支" in statement.label:
            continue  # 收支完成率: no one base and one part
        if not statement.pairs or any(rates.consistent(statement.rate, statement.printed, a, b)
                                      or rates.consistent(statement.rate, statement.printed, b, a)
                                      for a, b in statement.pairs):
            continue
        base, part = statement.pairs[-1] if not statement.from_label else statement.pairs[0]
        if statement.from_label or len(statement.pairs) == 1:
            recomputed = part / base * 100 if base else Decimal(0)
            severity = "warning" if abs(recomputed - statement.rate) <= 1 else None
            yield Draft(f"{fmt(part)} ÷ {fmt(base)} = {round2(recomputed)}%，而报告写作{statement.label}{statement.printed}%",
                        s.document.ref(statement.paragraph, text=statement.snippet),  # type: ignore[union-attr]
                        evidence=statement.snippet, severity=severity)  # type: ignore[arg-type]


@check("JX108", "staffing-sum", "人员数前后不符", "error")
def staffing_sum(s: Subject) -> Iterator[Draft]:
    """总人数不等于在职与离退休人数之和（错误），或在职在编人数超过编制数（警告）。

    Why: 人员情况是基础数据，总数与分项不符说明有一处填错。

    Example: 共有人员24人，其中在职11人、离退休13人（相符）；编制20人、在职在编实有26人 → 警告。
    """
    staff = s.evaluation.unit.staffing
    if None not in (staff.total, staff.serving, staff.retired) and staff.total != staff.serving + staff.retired:
        yield Draft(f"总人数 {staff.total} 人，而在职 {staff.serving} 人 + 离退休 {staff.retired} 人 = "
                    f"{staff.serving + staff.retired} 人", s.at("unit.staffing.total"),
                    [r for r in (s.at("unit.staffing.serving"), s.at("unit.staffing.retired")) if r])
    if staff.serving is not None and staff.authorized is not None and staff.serving > staff.authorized:
        yield Draft(f"在职在编 {staff.serving} 人，超过编制 {staff.authorized} 人", s.at("unit.staffing.serving"),
                    [r for r in (s.at("unit.staffing.authorized"),) if r], severity="warning")


SOURCE_SETS = (("current_year", "carried_over", "other"), ("central", "local", "other"),
               ("general_budget", "government_fund", "special_account", "other"))


@check("JX109", "source-lines-sum", "资金来源各行与资金总额不符", "error")
def source_lines_sum(s: Subject) -> Iterator[Draft]:
    """资金情况表中“其中”各行（当年财政拨款、上年结转、其他资金，或中央、地方资金）之和与年度资金
    总额不符，或某一行大于总额。

    Why: 年度资金总额由各来源构成；其中一行比总额还大，或各行加起来不等于总额，说明有一格填错。

    Example: 年度资金总额300、其中中央财政资金200、地方资金120（合计320） → 错误。
    """
    funds = s.evaluation.funds
    lines = {line.source: line for line in funds.by_source}
    for column, title in (("initial_budget", "年初预算数"), *COLUMNS):
        total = getattr(funds.total, column)
        if total is None:
            continue
        for line in lines.values():
            part = getattr(line, column)
            if part is not None and part > total + tolerance(1):
                yield Draft(f"其中一行{title} {money(part)} 大于年度资金总额 {money(total)}",
                            s.at(f"funds.total.{column}"))
        for names in SOURCE_SETS:
            parts = [getattr(lines[n], column) for n in names if n in lines and getattr(lines[n], column) is not None]
            if len(parts) >= 2:
                draft = _sum_draft(total, parts, f"资金来源各行{title}之和与年度资金总额不符", s.at(f"funds.total.{column}"), [])
                if draft:
                    yield draft
