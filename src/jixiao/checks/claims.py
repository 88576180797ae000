"""JX306–JX308, JX313: statements of the report checked against one another.

One funding document cited twice for different amounts; a 主管部门 that is plainly below
the 实施单位 it supervises; the same amount called 地方 in one place and 其他 in another;
a list of three names said to be five.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.registry import check
from jixiao.checks.subject import Draft, Subject
from jixiao.ingest.fold import fold
from jixiao.model.money import fmt

_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}(?:\([\u4e00-\u9fff]{1,4}\))?[〔【\[(]\s*(?:19|20)\d{2}\s*[〕】\])]\s*\d{1,4}\s*号")
_ALLOTTED = re.compile(r"下达[^，,。；;]{0,40}?(?P<amount>\d+(?:\.\d+)?)\s*万元")
_LOWER = re.compile(r"(?:团|队|站|所|中心|学校|中学|小学|幼儿园|医院|卫生院|科|股|室)$")
_UPPER = re.compile(r"(?:局|委|厅|委员会|人民政府|政府|办公室)(?:机关)?$")
_SOURCE = re.compile(r"(?P<label>中央[\u4e00-\u9fff]{0,10}?|自治区[\u4e00-\u9fff]{0,6}?|省级?[\u4e00-\u9fff]{0,6}?|"
                     r"地方[\u4e00-\u9fff]{0,4}?|其他资金)(?P<amount>\d+(?:\.\d+)?)\s*万元")
_ORG_NAME = re.compile(r"(?:馆|局|团|中心|院|校|所|站|委|办|公司|村|乡|镇|县|区|市|厅|会|队|社|室)$")
_LISTED = re.compile(r"(?P<items>(?:[\u4e00-\u9fff（）()]{2,20}、)+[\u4e00-\u9fff（）()]{2,20}?)(?P<count>\d{1,2})"
                     r"(?P<unit>家|个|所|名|项)")


@check("JX306", "document-cited-for-two-amounts", "同一文件下达的金额前后不一", "error")
def document_cited_for_two_amounts(s: Subject) -> Iterator[Draft]:
    """同一个资金文件（文号相同）在两处下达的金额不同。

    Why: 一份文件下达的金额是确定的；两处写法不同，至少一处抄错，资金总额也就对不上。

    Example: “呼财农指【2023】41号文件……下达**河县2023年资金5万元”，另一处同一文件“下达……6万元” → 错误。
    """
    if s.document is None or not s.is_root:
        return
    amounts: dict[str, dict[Decimal, object]] = defaultdict(dict)
    for paragraph in s.document.paragraphs:
        for sentence in re.split(r"(?<=[。；;])", fold(paragraph.text).text):
            numbers = _DOC_NO.findall(sentence)
            allotted = _ALLOTTED.search(sentence)
            if len(numbers) == 1 and allotted and sentence.find(numbers[0]) < allotted.start():
                key = re.sub(r"\s", "", numbers[0])
                amounts[key].setdefault(Decimal(allotted["amount"]), s.document.ref(paragraph, text=allotted.group(0)))
    for number, found in amounts.items():
        if len(found) > 1:
            shown = "、".join(f"{fmt(a)} 万元" for a in found)
            refs = list(found.values())
            yield Draft(f"文件“{number}”下达的金额前后不一：{shown}", refs[-1], refs[:-1])  # type: ignore[arg-type]


@check("JX307", "supervisor-below-implementer", "主管部门与实施单位可能填反", "warning")
def supervisor_below_implementer(s: Subject) -> Iterator[Draft]:
    """“主管部门”一栏填的是剧团、学校、站所一类下属单位，而“实施单位”填的是局、委一类机关。

    Why: 主管部门是上级机关，实施单位在其之下；填反了，资金责任和审核归口都会错。

    Example: 主管部门“新洲区楚剧团”，实施单位“新洲区文化和旅游局机关” → 警告。
    """
    unit = s.evaluation.unit
    department, implementer = fold(unit.department).text.strip(), fold(unit.implementer).text.strip()
    if department and implementer and department != implementer and _LOWER.search(department) \
            and not _UPPER.search(department) and _UPPER.search(implementer):
        yield Draft(f"主管部门为“{unit.department}”，实施单位为“{unit.implementer}”，二者可能填反",
                    s.at("unit.department"), [r for r in (s.at("unit.implementer"),) if r])


@check("JX308", "source-relabelled", "同一笔资金的来源前后归类不同", "warning")
def source_relabelled(s: Subject) -> Iterator[Draft]:
    """同一金额在一处列为地方（或中央、省级）资金，在另一处列为“其他资金”等不同来源。

    Why: 资金来源决定资金性质和绩效目标的归属；前后归类不同，按来源汇总的数据就不可信。

    Example: “地方匹配859.6万元”，后文“其他资金859.6万元” → 警告。
    """
    if s.document is None or not s.is_root:
        return
    classes: dict[Decimal, dict[str, tuple[str, object]]] = defaultdict(dict)
    for paragraph in s.document.paragraphs:
        for match in _SOURCE.finditer(fold(paragraph.text).text):
            ref = s.document.ref(paragraph, text=match.group(0))
            classes[Decimal(match["amount"])].setdefault(_class(match["label"]), (match["label"], ref))
    for amount, labels in classes.items():
        if amount >= 1 and _conflict(set(labels)):
            shown = "”与“".join(label for label, _ in labels.values())
            refs = [ref for _, ref in labels.values()]
            yield Draft(f"{fmt(amount)} 万元一处列为“{shown}”，来源归类前后不一", refs[-1], refs[:-1])  # type: ignore[arg-type]


def _class(label: str) -> str:
    for word, kind in (("中央", "central"), ("其他", "other"), ("地方", "local")):
        if label.startswith(word):
            return kind
    return "local"  # 自治区, 省: local funds as against central ones


def _conflict(kinds: set[str]) -> bool:
    return len(kinds) > 1 and ("other" in kinds or "central" in kinds)


@check("JX313", "count-vs-listed", "所述数量与列举的名称个数不符", "warning")
def count_vs_listed(s: Subject) -> Iterator[Draft]:
    """列举若干名称后紧接着说“N家（个、所）”，而列出的名称个数不是 N（列举未完时应写“等”）。

    Why: 数量与列举不符，读者无从知道是漏列了还是数字写错。

    Example: “市文化馆、市图书馆、市交响乐团5家下属单位” → 警告。
    """
    if s.document is None or not s.is_root:
        return
    for paragraph in s.document.paragraphs:
        for match in _LISTED.finditer(fold(paragraph.text).text):
            items = match["items"].split("、")
            if not all(_ORG_NAME.search(item) for item in items) or items[-1].endswith("等"):
                continue  # the count is of something else (`交办事项12项`), or the list says it goes on
            if len(items) != int(match["count"]) and int(match["count"]) > 1:
                yield Draft(f"列出 {len(items)} 个名称（{'、'.join(items)}），却说“{match['count']}{match['unit']}”",
                            s.document.ref(paragraph, text=match.group(0)), evidence=match.group(0))
