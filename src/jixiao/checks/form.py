"""JX5xx completeness and form: required sections, heading numbering, placeholders,
blank signature lines, missing tables or results, doubled punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.checks.truncation import truncated
from jixiao.ingest.extract.sections import numbering_of
from jixiao.ingest.fold import fold


# rules.md §7.4: every outline has these; matched by keywords (and their synonyms), never by number.
REQUIRED_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("基本情况", ("基本情况", "概况", "目标分解下达", "资金情况")),
    ("预算（资金）执行或使用情况", ("支出情况", "使用", "执行情况", "决算情况", "支出概况", "资金投入", "资金管理",
                               "收支情况")),
    ("绩效情况或自评结果", ("绩效情况", "自评结果", "绩效自评情况", "绩效目标完成", "评价结论", "自评结论", "自评情况",
                          "指标完成", "绩效分析", "评价分析")),
    ("存在的问题", ("存在的问题", "存在问题", "主要问题", "偏差")),
    ("改进措施或建议", ("改进措施", "建议", "措施")),
    ("结果应用和公开情况", ("应用", "公开")),
    ("其他需要说明的情况", ("其他需要说明", "其他说明")),
)
DEPARTMENT_ONLY = ("其他需要说明的情况",)  # 转移支付 and project outlines may end with 结果应用
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
_PLACEHOLDER = re.compile(r"[×X]{2,}|x{3,}|_{3,}|＿{2,}|【(?:请|填写|此处|单位|名称|项目|XX|××)[^】]{0,8}】|（此处[^）]*）"
                          r"|\(此处[^)]*\)|待填|XX单位|某某|[（(]\s*\d{2,4}\s*字以内\s*[)）]|结合自评情况[，,]?\s*(?:说明|分析)"
                          r"|请(?:根据|按照|结合)[^。]{0,12}填写")
_FOOTER = re.compile(r"填表人[:：]\s*(?P<a>\S*?)\s+填报日期[:：]\s*(?P<b>\S*?)\s+联系电话[:：]\s*(?P<c>\S*?)\s+"
                     r"单位负责人签字[:：]\s*(?P<d>\S*)\s*$")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23; None when not a Chinese numeral."""
    if not text or any(ch not in "零一二三四五六七八九十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _cn(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


@check("JX501", "required-section-missing", "缺少必备章节", "warning")
def required_section_missing(s: Subject) -> Iterator[Draft]:
    """报告缺少自评报告的必备章节（按关键词识别，不看编号）。

    Why: 各地自评报告提纲都包含基本情况、资金执行、绩效情况、问题、改进措施、结果应用和公开、
    其他说明等部分；缺少某一部分，报告就不完整。

    Example: 专项资金自评报告没有“绩效自评结果应用和公开情况”一节。
    """
    headed = [section for section in s.evaluation.sections if section.heading]  # not the opening paragraphs
    if not s.is_root or len([x for x in headed if x.level == 1]) < 2:
        return  # a form on its own, or a text without an outline
    if s.document is not None and truncated(s.document):
        return  # what is missing may lie past the cut (JX004 says so)
    headings = [fold(section.heading).text for section in headed]
    for name, keywords in REQUIRED_SECTIONS:
        if name in DEPARTMENT_ONLY and s.evaluation.kind != "department":
            continue
        if not any(keyword in heading for heading in headings for keyword in keywords):
            yield Draft(f"报告中没有“{name}”一节", headed[0].source)


@check("JX502", "heading-numbering", "章节编号不连续", "warning")
def heading_numbering(s: Subject) -> Iterator[Draft]:
    """一级标题的中文编号跳号或重号（自动编号转成的阿拉伯数字只计数，不核对）。

    Why: 编号错乱往往是拼凑旧报告留下的痕迹，也让引用和审核定位出错。

    Example: “七、下一步改进措施”之后隔一个标题就是“十、其他需要说明的情况”，缺“九”。
    """
    top = [section for section in s.evaluation.sections if section.level == 1]
    known = [(i, chinese_number(section.number), section) for i, section in enumerate(top)]
    known = [(i, n, section) for i, n, section in known if n is not None]
    for (i, a, first), (j, b, second) in zip(known, known[1:]):
        if b != a + (j - i):
            gap = f"之间有 {j - i - 1} 个标题" if j - i > 1 else "紧接在后"
            yield Draft(f"“{first.number}、{first.heading}”与“{second.number}、{second.heading}”{gap}，"
                        f"后者编号应为“{_cn(a + j - i)}”", second.source, [first.source] if first.source else [])
    if s.document is not None and s.is_root:
        yield from _repeated_below(s)


def _repeated_below(s: Subject) -> Iterator[Draft]:
    """`（一）…` then `（一）…` under one heading, `4.…` then `4.…` in one list: the same number twice."""
    last: dict[int, tuple[str, str, object]] = {}
    for paragraph in s.document.paragraphs:  # type: ignore[union-attr]
        found = numbering_of(paragraph)
        if found is None:
            continue
        numbered, heading = found
        level = _LEVELS.get(numbered.family, 3) if heading is None or heading.level != 1 else 1
        for deeper in [k for k in last if k >= level + (0 if level > 1 else 1)]:
            if deeper > level:
                del last[deeper]
        previous = last.get(level)
        if level > 1 and previous is not None and previous[0] == numbered.family and previous[1] == numbered.number:
            yield Draft(f"“{previous[2]}”与“{paragraph.text.strip()[:20]}”编号都是“{numbered.number}”",
                        s.document.ref(paragraph))  # type: ignore[union-attr]
        last[level] = (numbered.family, numbered.number, paragraph.text.strip()[:20])


_LEVELS = {"(cn)": 2, "(arabic)": 2, "arabic、": 3, "arabic.": 3}


@check("JX503", "placeholder-left", "模板占位符未替换", "warning")
def placeholder_left(s: Subject) -> Iterator[Draft]:
    """正文中留有模板占位符（如“××单位”“【填写】”“_____”）。

    Why: 占位符说明模板没有填完，报告不应以这种状态提交或公开。

    Example: “××单位2023年度部门整体支出……”。
    """
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        match = _PLACEHOLDER.search(paragraph.text)
        if match:
            yield Draft(f"正文留有占位符“{match.group(0)}”", s.document.ref(paragraph), evidence=paragraph.text[:80])


@check("JX504", "blank-signature-line", "填表人、日期、签字空白", "warning")
def blank_signature_line(s: Subject) -> Iterator[Draft]:
    """表格下方（或工作簿中表格的最后一行）的“填表人、填报日期、联系电话、单位负责人签字”全部空白。

    Why: 模板要求填表人和单位负责人签字、注明日期，空白说明表格未经确认，责任无法落实。

    Example: “填表人：        填报日期：          联系电话：            单位负责人签字：”。
    """
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        if _blank_footer(paragraph.text):
            yield Draft("填表人、填报日期、联系电话、单位负责人签字均为空白", s.document.ref(paragraph))
    for table in s.document.tables:  # a workbook's form carries the line as its last row
        for row in table.rows:
            if _blank_footer("　".join(cell.text for cell in row if cell.text)):
                yield Draft("填表人、填报日期、联系电话、单位负责人签字均为空白", s.document.ref(table, row[0]))
            elif len(row) == 2 and _label(row[0].text) in _SIGNED and not row[1].flat:
                yield Draft(f"表头“{_label(row[0].text)}”一栏空白", s.document.ref(table, row[0]))


_SIGNED = ("填报日期", "填表人")


def _label(text: str) -> str:
    return re.sub(r"[\s:：]", "", text)


def _blank_footer(text: str) -> bool:
    match = _FOOTER.search(text.strip())
    return match is not None and not any(match.group(k) for k in "abcd")


def _cut(s: Subject) -> bool:
    return s.document is not None and truncated(s.document)


@check("JX505", "no-indicator-table", "没有绩效指标表", "warning")
def no_indicator_table(s: Subject) -> Iterator[Draft]:
    """报告没有绩效自评表（绩效指标及其目标值、完成值、分值、得分）。

    Why: 自评结果“主要通过项目支出绩效自评表的形式反映”（10号）；只有文字、没有指标表的报告
    无法复核得分。

    Example: 专项资金自评报告只给出“自评得分97分”，没有指标表。
    """
    if not s.is_root or s.evaluation.indicators or _cut(s):
        return
    without = [c for c in s.evaluation.projects if not c.indicators]
    projects = f"，所述 {len(without)} 个项目也都没有" if without and len(without) == len(s.evaluation.projects) else ""
    yield Draft(f"“{s.evaluation.display_name}”没有绩效指标表{projects}，得分无法复核", s.at("title") or s.at("stated.total"))


@check("JX506", "no-stated-result", "没有说明自评得分或等级", "warning")
def no_stated_result(s: Subject) -> Iterator[Draft]:
    """报告既没有给出自评总分，也没有给出等级。

    Why: 自评的结论就是得分和等级，缺少它们报告就没有结论。

    Example: 部门整体支出绩效自评报告通篇未出现“自评得分”。
    """
    if s.is_root and s.evaluation.stated.total is None and not s.evaluation.stated.grade and not _cut(s) \
            and not any(c.stated.total is not None or c.stated.grade for c in s.evaluation.projects):
        yield Draft(f"“{s.evaluation.display_name}”没有给出自评得分或等级", s.at("title"))


@check("JX507", "doubled-punctuation", "标点重复", "info")
def doubled_punctuation(s: Subject) -> Iterator[Draft]:
    """正文中同一个标点连写两次（如“。。”“，，”）。

    Why: 小错误，但说明报告发布前没有校对。

    Example: “……项目支出417.67万元。。预算执行率100%。”
    """
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        match = re.search(r"([。，；、：])\1", paragraph.text)
        if match:
            start = max(match.start() - 12, 0)
            yield Draft(f"标点“{match.group(0)}”重复", s.document.ref(paragraph, text=paragraph.text[start:match.end() + 8]),
                        evidence=paragraph.text[start:match.end() + 8])





@check("JX515", "year-not-stated", "报告没有写明评价年度", "info")
def year_not_stated(s: Subject) -> Iterator[Draft]:
    """标题、表头和正文都没有写明报告评价的是哪一年度。

    Why: 年度决定适用的评分规则和汇总口径；只能从发布日期推测的年度不可靠。

    Example: 自评表只有项目名称“2019年……扶持项目”和填报日期，没有“（2021年度）” → 提示。
    """
    if s.is_root and s.evaluation.fiscal_year is None and not _cut(s):
        yield Draft(f"“{s.evaluation.display_name}”没有写明评价年度", s.at("title"))
