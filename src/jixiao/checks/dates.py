"""JX312 and JX508: dates in the text against the fiscal year and the calendar.

A report on year Y describes work of year Y: a target `在2022年12月31日前` in a 2023 report
was set for another year. Dates that belong elsewhere are left alone: document numbers
(`〔2022〕10号`), dates of allocations made in advance (`提前下达`), of previous years'
batches named as such (`2022年度10个省级中心村`), of the filing and publishing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold

_DEADLINE = re.compile(r"(?:在|于)?(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日(?:前|之前|以前|止)")
_BAD_YEAR = re.compile(r"(?<![\d〔\[【(（])(?P<year>\d{1,3}|\d{5,})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
_GOAL_WORDS = ("目标", "计划", "完成", "发放", "任务")


@check("JX312", "target-dated-another-year", "目标日期不在评价年度", "warning")
def target_dated_another_year(s: Subject) -> Iterator[Draft]:
    """年度目标或指标的完成时限（“在2022年12月31日前”）早于报告评价的年度。

    Why: 绩效目标是为评价年度设定的；时限落在上一年，说明目标照抄了往年的材料，或评价的
    并不是这一年的资金。

    Example: 2023年度项目支出绩效自评表，年度总体目标写“在2022年12月31日前至少给120人发放” → 警告。
    """
    year = s.evaluation.fiscal_year
    texts = [s.evaluation.goals.expected, *(i.target.text for i in s.evaluation.indicators)]
    if year is None:
        return
    for text in texts:
        for match in _DEADLINE.finditer(fold(text or "").text):
            if int(match["year"]) < year and any(word in text for word in _GOAL_WORDS + ("前",)):
                yield Draft(f"评价年度为 {year} 年，目标时限却是“{match.group(0)}”", s.at("goals.expected"),
                            evidence=match.group(0))
                return


@check("JX508", "impossible-date", "日期不可能", "error")
def impossible_date(s: Subject) -> Iterator[Draft]:
    """文中的日期不可能成立：年份不是四位数（“202年1月11日”），或月、日超出范围。

    Why: 资金到位、完成时间等日期是复核进度的依据；写错的日期无从核对，往往还说明整段未经校对。

    Example: “专项资金20万元于202年1月11日全部到位” → 错误。
    """
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        text = fold(paragraph.text).text
        for match in _BAD_YEAR.finditer(text):
            yield Draft(f"日期“{match.group(0)}”的年份“{match['year']}年”不可能", s.document.ref(paragraph, text=match.group(0)),
                        evidence=match.group(0))
        for match in re.finditer(r"(?:19|20)\d{2}年(?P<month>\d{1,2})月(?P<day>\d{1,2})日", text):
            if not 1 <= int(match["month"]) <= 12 or not 1 <= int(match["day"]) <= 31:
                yield Draft(f"日期“{match.group(0)}”的月或日超出范围", s.document.ref(paragraph, text=match.group(0)),
                            evidence=match.group(0))
