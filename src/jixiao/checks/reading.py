"""JX0xx: what reading the file could not do, said as findings (JX001, an unreadable file,
is made by the runner). A reviewer needs to know which rows were not read, which rules
were stretched to a year they do not cover, and that a document stops part-way.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.checks.truncation import last_words, truncated


@check("JX002", "row-unread", "有表格行无法读取", "warning")
def row_unread(s: Subject) -> Iterator[Draft]:
    """表格被“压平”、数字连写在一起，而表格自身的算术关系不能确定怎样拆开，这一行没有读取。

    Why: jixiao 不猜数字：宁可不读，也不读错。未读取的行里的数据没有经过复核，需要人工查看原文。

    Example: “年度资金总额12012010090%9”：任何一种拆法都不能使执行率与金额相符 → 警告。
    """
    for notice in s.evaluation.notices:
        yield Draft(notice.message, notice.source)


@check("JX003", "year-without-profile", "没有适用该年度的评分规则", "info")
def year_without_profile(s: Subject) -> Iterator[Draft]:
    """报告年度不在任何评分规则的适用年度之内（如 2018、2019 年度），按最接近的规则评分。

    Why: 评分规则随年度变化；用其他年度的规则重算，结果只能参考。

    Example: 2019 年度报告，mof-2020 规则适用于 2020 年度起 → 提示。
    """
    if s.is_root:
        for note in s.scorecard.notes:
            yield Draft(note, s.at("title"))


@check("JX004", "looks-truncated", "文件在中途截断", "info")
def looks_truncated(s: Subject) -> Iterator[Draft]:
    """文件的最后一段没有结束（或最后一张表没有到“总分”一行），像是摘录或被截断。

    Why: 截断处之后的章节、得分和表格行都不在文件中；jixiao 对这些不作“缺少”的判断，
    但审核人员应当取得完整的报告。

    Example: 文件最后一句是“……加强管理，确保”而没有句号 → 提示。
    """
    if s.is_root and s.document is not None and truncated(s.document):
        yield Draft(f"文件似乎在中途截断（最后是“…{last_words(s.document)}”），其后的章节和表格未检查", s.at("title"))
