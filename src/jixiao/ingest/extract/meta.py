"""Title, fiscal year, kind and unit of a report, each from the place that states it.

The title is the first short line that names a report (`…自评报告`, `…自评表`, `…评价报告`),
with the line before it when a title was broken over two (`2024年度陇南市委政法委部门
预算执行` + `情况的自评报告`); page metadata (`发布机构`, `索引号`, bullets) is never part
of it. The year is the title's, else a form header's `(2023年度)`, else the most frequent
year of the prose that is not a date or a document number (`〔2020〕181号`). The unit is
the subject of the title (`万源市民政局 关于2021年度…`, `2023年度某委整体支出…`), else the
page's 发布机构 / 来源, else the subject of the first sentence naming it. Matching is on
folded text (traditional characters, glosses); the values keep the printed text.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.extract.sections import Part
from jixiao.ingest.fold import fold

_ATTACHMENT = re.compile(r"^附件\s*\d*(?:[-—－]\d+)?[:：]?\s*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TABLE_YEAR = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]")
_NOT_A_YEAR = re.compile(r"[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                         r"|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}")
REPORT = re.compile(r"(?:自评|评价|自查)(?:工作)?(?:情况)?(?:的)?(?:报告|报表|表|情况|结果)|管理使用情况")
_REPORT_WORDS = re.compile(
    r"(?:关于)?(?:部门整体支出|整体支出|部门预算执行情况的?|部门预算项目支出|项目支出|专项资金)?"
    r"(?:绩效)?自评(?:价)?(?:报告|报表|表)$"
)
_ORG_END = (r"(?:委员会|办公室|人民政府|政府|委|局|厅|办|中心|院|所|站|馆|学校|中学校|中学|小学|医院|卫生院|党校|"
            r"残联|联合会|分局|队|社|科|股|处|会)")
_ORG = rf"[\u4e00-\u9fff（）()]{{2,30}}?{_ORG_END}"
_TITLE_SUBJECT = re.compile(rf"^\s*({_ORG}(?:[（(][^）)]{{1,12}}[)）])?)\s*(?:关于|(?:19|20)\d{{2}}\s*年|对)")
_UNIT_SUBJECT = re.compile(rf"(?:^|[，,。；;])\s*({_ORG})(?:（以下简称[^）]*）)?(?:是|设|为|系|内设|对(?:19|20)\d{{2}}年)")
_META_LINE = re.compile(
    r"^[\s•·\-\[【]*(?:索\s*引\s*号|发布机构|发文机构|公开目录|发布日期|文\s*号|浏览量|主题词|主题分类|体裁分类|成文日期|"
    r"有效性|时效性|有\s*效\s*性|来源|信息来源|作者|点击数|发布时间|信息提供日期|日期|生成日期|内容概述|组配分类|关键词|"
    r"发布文号|主题导航|发文字号|信息分类|废止日期|公开日期|咨询电话|发文单位|发布单位|名\s*称|标\s*题)"
)
_PAGE_UNIT = re.compile(rf"(?:发布机构|发文机构|信息来源|来源|发文单位|发布单位)\s*[\]】]?[\s:：|]*[\[【]?\s*({_ORG})")
_UNIT_LABEL_LINE = re.compile(r"^[\s•·\-\[【]*(?:发布机构|发文机构|信息来源|来源|发文单位|发布单位)\s*[\]】]?\s*[:：|]?\s*$")
_SPAM = re.compile(r"投注|娱乐城|博彩|赌场|棋牌|真人|官网平台|足球网|金沙城")
_PRINTED_LABEL = re.compile(r"^\s*(?:项目)?(实施单位|主管部门)\s*[:：]\s*(.{2,30}?)\s*[。;；]?\s*$")


def title_of(parts: list[Part]) -> tuple[str, list[Paragraph]]:
    """The report's title and the paragraphs it is printed in."""
    lead = [p for part in parts[:3] for p in ([part.heading.paragraph] if part.heading else []) + part.paragraphs][:25]
    lead = [p for p in lead if not is_meta(p.text)]
    for index, paragraph in enumerate(lead):
        folded = fold(paragraph.text).text
        if REPORT.search(folded) and len(folded) <= 90 and "。" not in folded and folded.count(",") <= 1:
            return _with_first_line(lead, index)
    return _leading_lines(parts)


def _with_first_line(lead: list[Paragraph], index: int) -> tuple[str, list[Paragraph]]:
    paragraph = lead[index]
    previous = lead[index - 1] if index else None
    if previous is not None and previous.index + 1 == paragraph.index and _title_head(previous.text):
        return previous.text.strip() + paragraph.text.strip(), [previous, paragraph]
    return paragraph.text.strip(), [paragraph]


def _title_head(text: str) -> bool:
    folded = fold(text).text.strip()
    return 2 <= len(folded) <= 32 and not REPORT.search(folded) and not re.search(r"[，。；:：,;]", folded) \
        and not _ATTACHMENT.match(folded)


def _leading_lines(parts: list[Part]) -> tuple[str, list[Paragraph]]:
    lead = [p for p in parts[0].paragraphs[:4] if not _ATTACHMENT.match(p.text) and len(p.text) <= 60
            and not is_meta(p.text)]
    title_paragraphs: list[Paragraph] = []
    for paragraph in lead:
        if title_paragraphs and title_paragraphs[-1].index + 1 != paragraph.index:
            break
        title_paragraphs.append(paragraph)
    return "".join(p.text.strip() for p in title_paragraphs), title_paragraphs


def is_meta(text: str) -> bool:
    folded = fold(text).text
    return bool(_META_LINE.match(folded)) or "|" in folded or folded.strip().startswith(("•", "·"))


def year_of(title: str, doc: Document) -> int | None:
    """The fiscal year: the title's, a form header's `(2023年度)`, else the prose's."""
    match = _YEAR.search(fold(title).text)
    if match:
        return int(match[1])
    texts = [fold(p.text).text for p in doc.paragraphs]
    texts += [fold(c.text).text for t in doc.tables for row in t.rows[:3] for c in row]
    for text in texts:
        found = _TABLE_YEAR.search(text)
        if found and len(text) <= 40:
            return int(found[1])
    counts = Counter(int(y) for text in texts for y in _YEAR.findall(_NOT_A_YEAR.sub("", text)))
    return counts.most_common(1)[0][0] if counts else None


def kind_of(title: str) -> str | None:
    """部门整体 / 项目 / 专项资金·转移支付, as the title names it (None when it does not)."""
    folded = fold(title).text
    if re.search(r"整体|部门预算执行|部门(?:单位)?(?:预算)?(?:支出)?绩效", folded):
        return "department"
    if re.search(r"专项资金|转移支付|专项支出|(?:资金|补助|补贴)[^，。]{0,6}(?:绩效|管理|使用)", folded):
        return "special_fund"
    if re.search(r"项目|经费", folded):
        return "project"
    return None


def kind_in_text(doc: Document) -> str | None:
    """When the title does not say: what the form and the opening text are about."""
    cells = " ".join(fold(c.text).text for t in doc.tables for row in t.rows[:6] for c in row)
    if re.search(r"转移支付|专项名称|专项资金名称", cells):
        return "special_fund"
    if re.search(r"项目名称|项目支出名称", cells):
        return "project"
    opening = fold(" ".join(p.text for p in doc.paragraphs[:20])).text[:3000]
    if re.search(r"整体支出|部门整体", opening):
        return "department"
    if re.search(r"转移支付|专项资金|专项转移|补助资金|补贴资金|下达[^，。]{0,30}资金|(?:资金|补贴|补助)使用", opening):
        return "special_fund"
    if re.search(r"该项目|本项目|项目支出费用|项目绩效|项目实施", opening):
        return "project"
    return None


def unit_from_title(title: str) -> str:
    """`万源市民政局 关于…` / `2023年度某委整体支出绩效自评报告` → the organisation, as printed."""
    folded = fold(title)
    text = folded.text
    if _SPAM.search(text):
        return ""
    match = _TITLE_SUBJECT.match(text)
    if match:
        return folded.original(match.start(1), match.end(1)).strip()
    name = re.sub(r"^\s*(?:19|20)\d{2}\s*年度?", "", text)
    offset = len(text) - len(name)
    if not _REPORT_WORDS.search(name):
        return ""
    end = _REPORT_WORDS.search(name).start()  # type: ignore[union-attr]
    stripped = name[:end].strip()
    if not re.fullmatch(_ORG, stripped):
        return ""
    start = offset + (len(name[:end]) - len(name[:end].lstrip()))
    return folded.original(start, start + len(stripped)).strip()


def unit_from_page(paragraphs: list[Paragraph]) -> tuple[str, Paragraph] | None:
    """The publishing organisation a page states (`发布机构 | X`, `来源：X`, `• 发布机构` ⏎ `• X`)."""
    head = paragraphs[:40]
    for index, paragraph in enumerate(head):
        folded = fold(paragraph.text)
        match = _PAGE_UNIT.search(folded.text)
        if match and not _SPAM.search(match[1]):
            return folded.original(match.start(1), match.end(1)).strip(), paragraph
        if _UNIT_LABEL_LINE.match(folded.text) and index + 1 < len(head):
            following = head[index + 1]
            name = fold(following.text).text.strip(" •·-[]【】")
            if re.fullmatch(_ORG, name) and not _SPAM.search(name):
                return following.text.strip(" •·-\u3000\xa0"), following
    return None


def unit_from_prose(paragraphs: list[Paragraph]) -> tuple[str, Paragraph] | None:
    for paragraph in paragraphs[:30]:
        folded = fold(paragraph.text)
        match = _UNIT_SUBJECT.search(folded.text)
        if match and not _SPAM.search(match[1]):
            return folded.original(match.start(1), match.end(1)).strip(), paragraph
    return None


def printed_labels(paragraphs: list[Paragraph]) -> list[tuple[str, str, Paragraph]]:
    """`项目实施单位：更戛乡人民政府。` lines of a prose report: (field path, value, paragraph)."""
    found = []
    for paragraph in paragraphs[:60]:
        match = _PRINTED_LABEL.match(paragraph.text)
        if match:
            path = "unit.implementer" if match[1] == "实施单位" else "unit.department"
            found.append((path, match[2], paragraph))
    return found
