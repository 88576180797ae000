"""Extraction from small documents: the 自评表 in any column order, labels carried down
and inferred, prose figures with their place, and no invented figures."""

from __future__ import annotations

from decimal import Decimal

from jixiao.ingest.extract import extract
from jixiao.ingest.readers.text import parse_text

TABLE = """2023年度项目支出绩效自评表
\t项目名称
\t测试项目

\t项目资金（万元）
\t
\t年初预算数
\t全年预算数
\t全年执行数
\t分值
\t执行率
\t得分

\t
\t年度资金总额
\t100
\t120
\t108
\t10
\t90%
\t9

\t{header}

{rows}

\t总分
\t100
\t94
\t
"""
COLUMNS = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分", "偏差原因分析及改进措施"]
DATA = [
    ["产出指标(60分)", "数量指标", "培训次数", "≥10次", "8次", "30", "24", "疫情停办两次"],
    ["", "", "培训人数", "≥100人", "120人", "30", "30", ""],
    ["", "满意度指标", "满意度", "≥90%", "95%", "30", "30", ""],
]


def table(order: list[int]) -> str:
    header = "\n\t".join(COLUMNS[i] for i in order)
    body = "\n\n".join("\t" + "\n\t".join(row[i] for i in order) for row in DATA)
    return TABLE.replace("{header}", header).replace("{rows}", body)


def test_headers_in_any_column_order() -> None:
    natural = extract(parse_text(table(list(range(8))), "a.txt"))
    shuffled = extract(parse_text(table([2, 0, 1, 4, 3, 6, 5, 7]), "b.txt"))
    for evaluation in (natural, shuffled):
        first = evaluation.indicators[0]
        assert (first.level1, first.level2, first.name) == ("产出指标", "数量指标", "培训次数")
        assert (first.target.text, first.actual.text, first.weight, first.score) == ("≥10次", "8次", 30, 24)
        assert first.deviation_note == "疫情停办两次"


def test_merged_labels_are_carried_down_and_level1_inferred() -> None:
    evaluation = extract(parse_text(table(list(range(8))), "a.txt"))
    assert [(i.level1, i.level2) for i in evaluation.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("满意度指标", "满意度指标")]
    assert evaluation.stated.level1_weights == {"产出指标": Decimal(60)}


def test_funds_block_total_and_sources() -> None:
    evaluation = extract(parse_text(table(list(range(8))), "a.txt"))
    assert evaluation.kind == "project" and evaluation.fiscal_year == 2023
    assert evaluation.title == "测试项目"
    total = evaluation.funds.total
    assert (total.initial_budget, total.budget, total.executed) == (100, 120, 108)
    assert (evaluation.stated.execution_rate, evaluation.stated.execution_score, evaluation.stated.total) == (90, 9, 94)
    where = evaluation.provenance["funds.total.executed"]
    assert (where.file, where.line, where.table, where.row, where.column) == ("a.txt", 18, 1, 3, 5)


def test_prose_figures_carry_their_place_and_column() -> None:
    text = ("部门整体支出绩效自评报告\n"
            "二、一般公共预算支出情况\n"
            "2023年全年预算资金734.38万元，其中：基本支出316.71万元。全年实际支出700.00万元，其中：基本支出300.00万元。\n"
            "部门整体支出绩效自评得分88分，评价等级为“良”。")
    evaluation = extract(parse_text(text, "p.txt"))
    assert (evaluation.funds.total.budget, evaluation.funds.total.executed) == (Decimal("734.38"), Decimal("700.00"))
    assert (evaluation.funds.basic.budget, evaluation.funds.basic.executed) == (Decimal("316.71"), Decimal("300.00"))
    assert (evaluation.stated.total, evaluation.stated.grade) == (88, "良")
    figure = next(f for f in evaluation.figures if f.key == "funds.basic.executed")
    assert (figure.source.line, figure.source.text) == (3, "基本支出300.00万元")


def test_no_figure_is_invented() -> None:
    text = "关于工作的报告\n一、基本情况\n全区平安建设省民调得分94.07分，公众安全感测评排名第一。"
    evaluation = extract(parse_text(text, "n.txt"))
    assert evaluation.stated.total is None and evaluation.figures == []
    assert evaluation.funds.total.budget is None and evaluation.indicators == []
