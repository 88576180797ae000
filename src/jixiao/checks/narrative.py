"""JX411, JX413, JX311: what the report says against its own numbers.

A full score beside a list of problems, a sentence that all funds were spent beside a fund
left unused, a score given to a project the report is not about: each is a contradiction a
reviewer asks about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt

_PROBLEM_HEADING = re.compile(r"存在(?:的)?(?:主要)?问题")
_NONE = re.compile(r"^[\s。.、]*(?:无|暂无|没有|无。)[\s。.、]*$")
_ALL_USED = re.compile(r"(?:已?全面|已?全部|已?全额)(?:拨付|使用|支出|支付)(?:使用|完毕)?|使用完毕")
_UNUSED = re.compile(r"(?:当年)?未使用|未支出|(?:执行|支付|使用)率(?:为)?0(?:\.0+)?%")
_FUND = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:资金|经费)")


@check("JX411", "full-marks-with-problems", "满分却列出存在的问题", "warning")
def full_marks_with_problems(s: Subject) -> Iterator[Draft]:
    """自评满分（或称目标全部完成），“存在的问题”一节却写了实际问题。

    Why: 问题会影响目标实现和资金效益；既然存在问题，满分就需要解释，否则自评显得不实。

    Example: “自评得分100分”“年度绩效目标已全部完成”，问题一节写“小修经费大部分用于人员工资福利支出” → 警告。
    """
    ev = s.evaluation
    if not s.is_root or ev.stated.total is None or ev.stated.total < s.profile.total_max:
        return
    for section in ev.sections:
        body = section.text.strip()
        if _PROBLEM_HEADING.search(fold(section.heading).text) and body and not _NONE.match(body) and len(body) >= 15:
            yield Draft(f"自评 {fmt(ev.stated.total)} 分（满分），而“{section.heading}”写有问题：{body[:40]}…",
                        s.at("stated.total"), [section.source] if section.source else [])
            return


@check("JX413", "all-spent-but-unused", "称资金全部使用而有资金未使用", "warning")
def all_spent_but_unused(s: Subject) -> Iterator[Draft]:
    """报告称资金“已全面拨付使用”“全部使用完毕”，另一处又说某笔资金当年未使用、执行率为0%。

    Why: 两种说法不能同时成立；资金沉淀是绩效评价的重点，需要说明哪一笔没有使用、原因是什么。

    Example: “林业改革资金共……万元，已全面拨付使用”，“天然商品林管护补助资金……当年未使用，预算执行率0%” → 警告。
    """
    if s.document is None or not s.is_root:
        return
    texts = [(p, fold(p.text).text) for p in s.document.paragraphs]
    claim = next(((p, m) for p, t in texts for m in [_ALL_USED.search(t)] if m), None)
    unused = next(((p, m) for p, t in texts for m in [_UNUSED.search(t)] if m), None)
    if claim and unused and claim[0] is not unused[0]:
        yield Draft(f"称“{claim[1].group(0)}”，另一处却写“{unused[1].group(0)}”（执行率0%）",
                    s.document.ref(unused[0], text=unused[1].group(0)), [s.document.ref(claim[0], text=claim[1].group(0))])


@check("JX311", "score-names-another-fund", "自评结论提到的资金与报告所评资金不符", "warning")
def score_names_another_fund(s: Subject) -> Iterator[Draft]:
    """给出自评得分的那句话提到的资金或项目，报告别处从未出现，而报告通篇评价的是另一笔资金。

    Why: 多是套用其他项目的报告留下的痕迹；读者无法确定这个得分评的是哪一笔资金。

    Example: 孤儿补助资金的报告写“对照我单位的就业补助资金项目绩效情况，客观打出了自评分为98分” → 警告。
    """
    if s.document is None or not s.is_root or s.evaluation.stated.total is None:
        return
    ref = s.at("stated.total")
    paragraphs = s.document.paragraphs
    scored = next((p for p in paragraphs if ref is not None and ((ref.line and p.line == ref.line)
                                                                  or p.index == ref.paragraph)), None)
    if scored is None:
        return
    named = [m.group(0)[-6:] for m in _FUND.finditer(fold(scored.text).text)]
    counts = Counter(m.group(0)[-6:] for p in paragraphs if p is not scored for m in _FUND.finditer(fold(p.text).text))
    main = counts.most_common(1)[0][0] if counts else ""
    for fund in named:
        if counts[main] >= 2 and counts[fund] == 0 and fund != main and "专项资金" not in fund:
            yield Draft(f"给出自评得分的句子说的是“{fund}”，报告通篇评价的却是“{main}”", ref)
            return
