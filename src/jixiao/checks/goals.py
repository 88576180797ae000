"""JX509, JX513, JX514: the 年度总体目标 box and what it says was achieved.

The goals are words: a goal that is only an amount (`43.2`) says nothing; a list of five
goals answered with four results leaves one unreported; results that repeat the goals
word for word report nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold

_ONLY_NUMBERS = re.compile(r"^[\d.\s%万元,，;；]+$")
_ITEM = re.compile(r"(?:^|[;；。\s])(\d{1,2})[.、．:：]")


@check("JX509", "goal-is-a-number", "年度总体目标只填了数字", "warning")
def goal_is_a_number(s: Subject) -> Iterator[Draft]:
    """“年度总体目标”的预期目标或实际完成情况只填了一个金额或数字，没有写目标。

    Why: 总体目标要说明项目要做成什么、做到什么程度（10号）；只写金额等于没有目标，也无从判断是否完成。

    Example: 预期目标“43.2”，实际完成情况“37.24” → 警告。
    """
    goals = s.evaluation.goals
    numbers = [text for text in (goals.expected, goals.achieved) if text and _ONLY_NUMBERS.match(fold(text).text)]
    if numbers:
        yield Draft(f"年度总体目标只填了数字：{'、'.join(numbers)}", s.at("goals.expected") or s.at("goals.achieved"))


@check("JX513", "goals-unanswered", "部分总体目标没有说明完成情况", "warning")
def goals_unanswered(s: Subject) -> Iterator[Draft]:
    """预期目标逐条编号列出，而实际完成情况的条数少于预期目标。

    Why: 每个目标都应说明完成情况；少写的那几条，读者会认为没有完成。

    Example: 预期目标列 1.—5. 五项，实际完成情况只写 1.—4. 四项 → 警告。
    """
    goals = s.evaluation.goals
    expected, achieved = _count(goals.expected), _count(goals.achieved)
    if expected >= 2 and 0 < achieved < expected:
        yield Draft(f"预期目标列了 {expected} 项，实际完成情况只写了 {achieved} 项", s.at("goals.achieved"))


def _count(text: str) -> int:
    numbers = [int(n) for n in _ITEM.findall(fold(text or "").text)]
    run = 0
    for number in numbers:
        if number == run + 1:
            run = number
    return run


@check("JX514", "goals-copied", "实际完成情况照抄预期目标", "warning")
def goals_copied(s: Subject) -> Iterator[Draft]:
    """“实际完成情况”与“预期目标”逐字相同。

    Why: 完成情况要写实际做到了什么；照抄目标说明没有如实总结，对应的得分也缺少依据。

    Example: 预期目标“目标1:深入开展食品风险隐患排查整治。”，实际完成情况一字不差 → 警告。
    """
    goals = s.evaluation.goals
    expected, achieved = _plain(goals.expected), _plain(goals.achieved)
    if len(expected) >= 8 and expected == achieved:
        yield Draft(f"实际完成情况与预期目标逐字相同：“{goals.expected[:30]}”", s.at("goals.achieved"))


def _plain(text: str) -> str:
    return "".join(fold(text or "").text.split())
