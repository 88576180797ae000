"""Extraction reads what printed and written reports carry around their text: a 落款 that
ends the last section, a 自评表 written as two tables (its indicator header repeating on
each page), the header repeated inside a table that goes on over a page, the year of a
workbook's form titles, and a PDF's page numbers."""

from __future__ import annotations

from jixiao.ingest.document import Cell, Document, Paragraph, Table
from jixiao.ingest.extract import extract
from jixiao.ingest.layout.page_numbers import without_page_numbers


def paragraphs(*texts: str, page: int | None = None) -> list[Paragraph]:
    return [Paragraph(text, index) for index, text in enumerate(texts, start=1)] if page is None else \
        [Paragraph(text, index, page=page) for index, text in enumerate(texts, start=1)]


def table(index: int, *rows: list[str]) -> Table:
    return Table(index, [[Cell(text, r, c) for c, text in enumerate(row, start=1)] for r, row in enumerate(rows, start=1)])


UPPER = (["项目名称", "测试项目"],
         ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["", "年度资金总额", "100.00", "120.00", "108.00", "10", "90%", "9"])
HEADER = ["", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
ROWS = (["绩效指标", "产出指标", "数量指标", "培训次数", "≥10次", "12次", "40", "40", ""],
        ["", "", "", "培训人数", "≥100人", "120人", "40", "40", ""])
TOTAL = ["总分", "90", "89", ""]


def test_the_closing_ends_the_last_section() -> None:
    doc = Document("r.docx", "docx", paragraphs("2023年度某单位整体支出绩效自评报告", "一、其他需要说明的情况", "无。",
                                                "某某单位", "2024年3月15日"))
    assert [(s.heading, s.text) for s in extract(doc).sections] == [("其他需要说明的情况", "无。")]
    blank = Document("r.docx", "docx", paragraphs("报告", "一、其他需要说明的情况", "无。", "某某单位", "年　　月　　日"))
    assert extract(blank).sections[0].text == "无。"


def test_a_sentence_before_a_date_stays_in_the_section() -> None:
    doc = Document("r.docx", "docx", paragraphs("报告", "一、基本情况", "本单位成立于2000年，职能如下。", "2024年3月"))
    assert extract(doc).sections[0].text == "本单位成立于2000年，职能如下。"


def test_a_form_in_two_tables_reads_as_one() -> None:
    doc = Document("r.docx", "docx", [*paragraphs("测试项目支出绩效自评表"), table(1, *UPPER),
                                      table(2, HEADER, *ROWS, TOTAL)])
    ev = extract(doc)
    assert ev.kind == "project" and ev.title == "测试项目"
    assert ev.funds.total.budget == 120 and ev.stated.execution_score == 9 and ev.stated.total == 89
    assert [i.name for i in ev.indicators] == ["培训次数", "培训人数"]


def test_text_between_two_tables_keeps_them_apart() -> None:
    doc = Document("r.docx", "docx", [table(1, *UPPER), Paragraph("说明", 1), table(2, HEADER, *ROWS, TOTAL)])
    assert extract(doc).funds.total.budget is None


def test_a_header_repeated_over_a_page_is_not_an_indicator() -> None:
    doc = Document("r.pdf", "pdf", [table(1, *UPPER, HEADER, ROWS[0], HEADER, ROWS[1], TOTAL)])
    assert [i.name for i in extract(doc).indicators] == ["培训次数", "培训人数"]


def test_a_workbook_takes_its_year_from_the_form_titles() -> None:
    doc = Document("r.xlsx", "xlsx", [*paragraphs("某单位整体支出绩效自评报告"),
                                      table(1, ["2022年度部门整体支出绩效自评表"], *UPPER)])
    assert extract(doc).fiscal_year == 2022


def test_page_numbers_go_and_what_they_cut_is_joined() -> None:
    blocks = [Paragraph("一、基本情况", 1, page=1), Paragraph("本单位共有在职人员12人，其中行政编制8人，事业编制4人，离退", 2, page=1),
              Paragraph("— 1 —", 3, page=1), Paragraph("休人员3人。", 4, page=2), Paragraph("二、绩效情况", 5, page=2),
              Paragraph("- 2 -", 6, page=2), Paragraph("（一）项目完成情况", 7, page=3)]
    doc = without_page_numbers(Document("r.pdf", "pdf", blocks))
    assert [(p.text, p.index) for p in doc.paragraphs] == [
        ("一、基本情况", 1), ("本单位共有在职人员12人，其中行政编制8人，事业编制4人，离退休人员3人。", 2),
        ("二、绩效情况", 3), ("（一）项目完成情况", 4)]


def test_a_sentence_that_ends_at_the_foot_of_a_page_is_not_joined() -> None:
    blocks = [Paragraph("本年度共组织培训12次，覆盖全部在职人员，培训效果良好。", 1, page=1), Paragraph("第1页", 2, page=1),
              Paragraph("下一年度将继续加强培训。", 3, page=2)]
    assert len(without_page_numbers(Document("r.pdf", "pdf", blocks)).paragraphs) == 2


def test_a_page_number_run_into_a_line_is_taken_out() -> None:
    blocks = [Paragraph("说明：本表按决算数填列。", 1, page=1), Paragraph("— 16 —填表人：　填报日期：　联系电话：　单位负责人签字：— 17 —", 2, page=1)]
    doc = without_page_numbers(Document("r.pdf", "pdf", blocks))
    assert [p.text for p in doc.paragraphs] == ["说明：本表按决算数填列。", "填表人：　填报日期：　联系电话：　单位负责人签字："]


def test_a_table_cut_by_a_page_number_is_joined() -> None:
    first, second = table(1, *UPPER, HEADER, ROWS[0]), table(2, HEADER, ROWS[1], TOTAL)
    first.page, second.page = 1, 2
    doc = without_page_numbers(Document("r.pdf", "pdf", [first, Paragraph("— 1 —", 1, page=1), second]))
    assert len(doc.tables) == 1 and [i.name for i in extract(doc).indicators] == ["培训次数", "培训人数"]


def test_a_number_in_the_text_is_not_a_page_number() -> None:
    doc = Document("r.docx", "docx", paragraphs("— 1 —", "12"))
    assert without_page_numbers(doc) is doc  # paragraphs of a Word file carry no page
