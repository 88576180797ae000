"""Figures stated in prose: “基本支出316.71万元，其中人员经费277.20万元…”.

Each rule names the quantity (a Figure key); an amount that may be budget or spending
takes the column from the nearest marker before it in the same sentence (预算/安排/年初 →
budget; 实际/决算/支付/执行数 → spending; none → spending). Rules run most specific first,
and a number already read by one rule is not read again. Nothing is inferred: a figure
exists only where the text states it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal

from jixiao.ingest.document import Document, Paragraph
from jixiao.ingest.fold import Folded
from jixiao.ingest.fold import fold as fold_text
from jixiao.model.evaluation import Figure

_NUM = r"(?P<num>\d+(?:\.\d+)?)"
_MONEY = _NUM + r"\s*万元"
_AMOUNT = _NUM + r"\s*(?P<unit>万元|元)"  # totals printed in 元 by slip are kept and noted
_COL = r"(?P<col>预算数?|决算数?|执行数|实际支出)?"  # a column word inside the figure: 基本支出预算285.44万元
_BUDGET_MARKS = ("预算", "安排", "年初")
_SPENT_MARKS = ("实际", "决算", "支付", "执行数", "全年支出")
_VERB_OBJECT = r"[^，。；,;:：]{0,60}?"  # what lies between 下达 and the amount: 我市中央…资金
_FUND_WORD = r"(?:资金|经费|补贴|补助|预算)"


@dataclass(frozen=True)
class Rule:
    key: str  # `{col}` is replaced by budget / executed
    label: str
    pattern: re.Pattern[str]
    unit: str = "万元"
    rank: int = 0  # for a field of the model: 0 a label, 1 an allocation verb, 2 a total, 3 any amount


def _rule(key: str, label: str, pattern: str, unit: str = "万元", rank: int = 0) -> Rule:
    return Rule(key, label, re.compile(pattern), unit, rank)


MONEY_RULES: tuple[Rule, ...] = (
    _rule("funds.total.budget", "全年预算",
          r"(?:全年预算资金|全年\(调整\)预算数|全年预算数|调整后(?:全年)?预算(?:资金|数)?|全年预算|预算安排总额|项目总预算|"
          r"总预算|预算资金总额|经费预算数|预算数为|全年实际下达)(?:为|共|合计|是)?[:：]?" + _AMOUNT),
    _rule("funds.total.initial_budget", "年初预算",
          r"年初预算(?:数|资金数?|合计|支出)?(?:\([^)]{0,20}\))?(?:为|共)?" + _AMOUNT),
    _rule("funds.total.executed", "实际支出",
          r"(?<![本目])(?:全年实际支出|全年实际执行|本年实际项目支出|实际项目支出|合计支付|实际支出合计|支出决算|全年执行数|"
          r"全年支出|实际支出总额|实际支出|(?<=\d度)支出|(?<=\d年)支出|预算执行数合计|执行数为|全区执行数|已支出|"
          r"资金执行总量|实际执行|共支付资金|共支付|决算财政资金支出|决算支出|共支|支出费用|支出合计)"
          r"(?:合计|总计|为|共)?" + _AMOUNT),
    _rule("income.total", "收入合计", r"收入(?:合计|总计)(?:为)?" + _MONEY),
    _rule("funds.basic.{col}", "基本支出", r"基本支出" + _COL + r"(?:为|共|合计)?" + _MONEY),
    _rule("funds.personnel.{col}", "人员经费", r"人员经费(?:支出)?" + _COL + r"(?:为|共)?" + _MONEY),
    _rule("funds.public.{col}", "公用经费", r"(?:日常)?公用经费(?:支出)?" + _COL + r"(?:为|共)?" + _MONEY),
    _rule("funds.project.{col}", "项目支出",
          r"项目(?:实际)?支出(?:总额|费用)?" + _COL + r"(?:为|共|合计)?" + _MONEY),
    _rule("funds.total.budget", "下达资金合计",
          r"(?:(?:共|累计)(?:下达|安排|投入|收到|拨付)" + _VERB_OBJECT + _FUND_WORD + r"(?:预算)?|(?:下达|安排|投入|收到|拨付)"
          + _VERB_OBJECT + _FUND_WORD + r"(?:共|合计|共计|总额)(?:预算)?)" + _MONEY, rank=1),
    _rule("funds.total.budget", "资金合计",
          r"(?:资金|经费|补贴|补助)(?:合计|共计|总计|总额)(?:为)?" + _MONEY, rank=1),
    _rule("funds.total.budget", "下达资金",
          r"(?:下达|安排|投入|收到|拨付)" + _VERB_OBJECT + _FUND_WORD + r"(?:预算)?" + _MONEY, rank=2),
    _rule("funds.total.budget", "资金下达", r"(?:资金|经费)(?:共)?下达[^，。；,;]{0,12}?" + _MONEY, rank=2),
    _rule("funds.total.budget", "实施资金", r"(?:实施|使用)[^，。；,;]{0,40}?(?:资金|经费)" + _AMOUNT, rank=3),
    _rule("funds.total.budget", "到位资金",
          r"(?:资金|经费)(?:配套)?" + _AMOUNT + r"(?=[,，]?(?:已|均已)?(?:全部|全额)?(?:执行|拨付)?到位)", rank=3),
    _rule("funds.total.executed", "全部执行", r"(?:资金|经费)" + _AMOUNT + r"(?=全部执行到位)", rank=3),
    _rule("budget.adjustment", "预算调整", r"(?P<sign>调减|追减|调增|追加)[^，。；,;]{0,40}?" + _MONEY, rank=3),
)
RESULT_RULES: tuple[Rule, ...] = (
    _rule("stated.total", "自评得分",
          r"(?:(?:自评|评价)得分|自评分数|评价分|绩效评分|自评分|总得分)(?:为|是)?[:]?\s*" + _NUM + r"\s*分?(?!\d)",
          "分"),
    _rule("stated.execution_rate", "预算执行率",
          r"(?:执行率|资金支付率|支付率|资金使用率|发放率|支出完成率)[^\d，。；,;]{0,4}?" + _NUM + r"\s*%", "%"),
    _rule("unit.staffing.total", "总人数", r"(?:共有(?:人员|人数)|总人(?:员|数))\s*" + _NUM + r"\s*人", "人"),
    _rule("unit.staffing.serving", "在职人数",
          r"(?:在编在职实有|在职在编实有(?:行政)?人员|在岗在编人数|在职人员|在职)\s*" + _NUM + r"\s*人", "人"),
    _rule("unit.staffing.retired", "离退休人数", r"(?:离退休人员|离退休|退休人员)\s*" + _NUM + r"\s*人", "人"),
    _rule("unit.staffing.authorized", "编制数", r"(?:核定编制|编制数|编制)\s*" + _NUM + r"\s*(?:个|人|名)", "人"),
)
GRADE_RULES: tuple[Rule, ...] = (
    _rule("projects.all.grade", "各项目等级", r"各(?:个)?项目(?:评价|自评)?(?:结果)?均为[“\"「]?(?P<num>优秀|优|良好|良|中|差)", ""),
    _rule("stated.grade", "等级",
          r"(?:评价等级|结果|等级|自评|结论)为[:]?\s*[“\"「]?(?P<num>优秀|优|良好|良|中等|中|较差|差)", ""),
)
_SUBJECTS = (("基本支出", "funds.basic.rate"), ("项目支出", "funds.project.rate"))
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """NFKC for matching: full-width digits and punctuation become ASCII, lengths kept.

    Cached: extraction and several checks fold the same paragraphs again."""
    return unicodedata.normalize("NFKC", text)


def figures_in(doc: Document, paragraphs: list[Paragraph], body_of: dict[int, str] | None = None) -> list[Figure]:
    """Every figure the rules recognise in these paragraphs, in reading order."""
    found: list[Figure] = []
    for paragraph in paragraphs:
        folded = fold_text((body_of or {}).get(paragraph.index, paragraph.text))
        start = 0
        for sentence in re.split(r"(?<=[。；;])", folded.text):
            found.extend(_sentence_figures(doc, paragraph, folded, start, sentence))
            start += len(sentence)
    return found


LABEL_RANKS = {rule.label: rule.rank for rule in MONEY_RULES}
SHARED = ("全部执行",)
_ROW_SENTENCE = re.compile(r"完成值")  # `资金3728万元全部执行到位` states the budget and the spending in one amount


def rank_of(figure: Figure) -> tuple[int, bool]:
    """How directly the text states this field (0 a label such as 全年预算数 … 3 any amount);
    among equals, an amount printed in 万元 before one read from 元."""
    return (LABEL_RANKS.get(figure.label, 0) if figure.origin == "prose" else 0), bool(figure.note)


_DIGIT = re.compile(r"\d")
_GRADE_WORD = re.compile(r"[优良中差]")


def _rules_for(sentence: str) -> tuple[Rule, ...]:
    """Only the rules that could match: most sentences of a report state no figure."""
    rules: tuple[Rule, ...] = ()
    if _DIGIT.search(sentence):
        rules = (*(MONEY_RULES if "元" in sentence else ()), *RESULT_RULES)
    return (*rules, *GRADE_RULES) if _GRADE_WORD.search(sentence) else rules


def _sentence_figures(doc: Document, paragraph: Paragraph, folded: Folded, offset: int, sentence: str) -> list[Figure]:
    taken: set[int] = set()
    figures = []
    for rule in _rules_for(sentence):
        for match in rule.pattern.finditer(sentence):
            number = match.start("num")
            if number in taken and rule.label not in SHARED:
                continue
            if rule.key == "stated.total" and _ROW_SENTENCE.search(sentence[max(0, match.start() - 30): match.start()]):
                continue  # `…实际完成值98%,自评得分20分` is one indicator's score
            taken.add(number)
            printed = fold(folded.original(offset + match.start(), offset + match.end()))  # width folded only
            figures.append((match.start(), _figure(doc, paragraph, sentence, rule, match, printed)))
    return [figure for _, figure in sorted(figures, key=lambda item: item[0])]


def _figure(doc: Document, paragraph: Paragraph, sentence: str, rule: Rule, match: re.Match[str],
            printed: str) -> Figure:
    inside = match.groupdict().get("col")
    column = ("budget" if inside.startswith("预算") else "executed") if inside else _column(sentence[: match.start()])
    key = rule.key.replace("{col}", column)
    if key == "stated.execution_rate":
        key = _rate_subject(sentence[: match.start()])
    ref = doc.ref(paragraph, text=printed)
    if rule in GRADE_RULES:
        word = GRADE_WORDS.get(match["num"], match["num"])
        return Figure(key=key, label=rule.label, text=word, origin="prose", source=ref)
    value, note = _in_wan(Decimal(match["num"]), match.groupdict().get("unit"))
    return Figure(key=key, label=rule.label, value=value, unit=rule.unit, origin="prose", source=ref, note=note)


def _in_wan(value: Decimal, unit: str | None) -> tuple[Decimal, str]:
    """An amount printed in 元: small ones are a slip for 万元 (kept as printed), others converted."""
    if unit != "元":
        return value, ""
    if value < SLIP_BELOW:
        return value, f"原文单位为“元”（{value:f}元），按数量级应为万元，按万元记"
    return value / 10000, f"原文为 {value:f} 元，折合 {value / 10000:f} 万元"


SLIP_BELOW = Decimal(1000)  # no self-evaluated budget is under a thousand 元


def _column(before: str) -> str:
    budget = max(before.rfind(mark) for mark in _BUDGET_MARKS)
    spent = max(before.rfind(mark) for mark in _SPENT_MARKS)
    return "budget" if budget > spent else "executed"


def _rate_subject(before: str) -> str:
    """`…年终决算基本支出325.69万元，执行率为114.1%` is the rate of 基本支出."""
    clause_start = max(before.rfind("。"), 0)
    positions = [(before.rfind(word, clause_start), key) for word, key in _SUBJECTS]
    position, key = max(positions)
    if position >= 0 and "预算执行率" not in before[position:] + "执行率" and "整体" not in before[position:]:
        return key
    return "stated.execution_rate"
