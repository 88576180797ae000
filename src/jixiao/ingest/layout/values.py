"""The shapes of values in a self-evaluation form, on folded text.

A measure is what a 指标值 or 实际完成值 cell holds: an optional comparator, a number,
a unit, an optional suffix (`≥90%`, `不少于500人`, `95%以上`, `1000万元`, `0起`), a date
(`2021年12月31日`, `12月底前`, `9月前`), or a result phrase from the short list every
province uses (`已完成`, `合格`, `达成目标`, `按规定执行`, `无`). Where cells are run
together these shapes tell where one value ends: `100%100%` is two measures,
`5亿元6.47亿元` two, `结余率小于5%达成目标值` a name, a measure and a result.
"""

from __future__ import annotations

import re

COMPARATORS = ("大于等于", "小于等于", "不低于", "不少于", "不小于", "不超过", "不高于", "不多于", "不大于",
               "大于", "小于", "高于", "低于", "超过", "达到", "至少", "控制在", "≥", "≤", ">=", "<=", ">", "<", "=")
UNITS = ("万元", "亿元", "元", "万人次", "人次", "万人", "人", "个", "次", "件", "份", "篇", "场次", "场", "项", "户", "家",
         "所", "座", "台", "套", "辆", "天", "日", "个月", "月", "年", "万亩", "亩", "公顷", "万吨", "吨", "公里", "km",
         "平方米", "㎡", "米", "册", "本", "期", "批次", "批", "小时", "学时", "课时", "架", "起", "种", "条", "处",
         "宗", "株", "头", "只", "千克", "斤", "所", "间", "名", "位", "分", "周", "轮", "期次", "人天", "元/人")
SUFFIXES = ("及以上", "及以下", "以上", "以下", "以内", "之内", "之前", "以前", "前", "底")
RESULT_WORDS = (
    "已完成", "全部完成", "基本完成", "按时完成", "完成", "未完成", "达成目标值", "达成目标", "达成预期指标",
    "部分达成预期指标", "未达成预期指标", "达标", "已达标", "合格", "优良", "优秀", "良好", "较好", "好", "高", "较高",
    "显著", "明显", "明显提升", "明显提高", "有所提高", "有所提升", "逐步提高", "稳步提升", "提高", "提升", "持续",
    "长期", "及时", "准确", "满意", "基本满意", "按规定执行", "按规定", "专款专用", "无", "有", "是", "否", "规范",
    "健全", "完善", "有效", "良性", "稳定", "正常", "达到", "符合", "符合要求", "全部达成",
)
_CMP = "|".join(re.escape(c) for c in sorted(COMPARATORS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
_SUFFIX = "|".join(re.escape(s) for s in SUFFIXES)
NUMBER = r"\d+(?:\.\d+)?"
_UNIT_TAIL = rf"(?:%|‰|(?:{_UNIT})(?:/(?:{_UNIT}))?(?:、[天月年次])?)"
MEASURE = re.compile(rf"(?:{_CMP})?{NUMBER}{_UNIT_TAIL}?(?:{_SUFFIX})?")
_DATE = re.compile(
    r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月(?:\d{1,2}日)?|年底|年末)(?:底|份)?(?:之前|以前|前|底)?(?:完成)?"
    r"|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}"
)
_RESULT = "|".join(re.escape(w) for w in sorted(RESULT_WORDS, key=len, reverse=True))
_ALREADY = r"已[\u4e00-\u9fff]{1,4}"  # 已公开, 已落实, 已发放
_TRAILING = re.compile(
    rf"(?:(?:{_CMP})?{NUMBER}{_UNIT_TAIL}?(?:{_SUFFIX})?|{_DATE.pattern})$"
)
_TRAILING_RESULT = re.compile(rf"(?:{_RESULT}|{_ALREADY})$")
_LEADING_RESULT = re.compile(rf"^(?:{_RESULT}|{_ALREADY})")
# Words that open a qualitative target: 按规定时限, 超上年度, 不超过预算, 无资产损失
TARGET_OPENERS = ("按", "超", "不超过", "不低于", "不少于", "不高于", "达到", "完成", "全部", "无", "≥", "≤", "确保",
                  "控制在", "力争", "逐步", "提高", "保持", "小于", "大于", "低于", "高于")
GAIN_WORDS = ("增收", "增加", "增长", "提高", "下降", "减少", "节约", "节省", "降低", "增")


def is_measure(text: str) -> bool:
    """The whole text is one measure or date: `≥90%`, `2万元`, `12月底前`."""
    return bool(MEASURE.fullmatch(text) or _DATE.fullmatch(text))


def is_value(text: str) -> bool:
    """A measure, a date, or a result phrase."""
    return is_measure(text) or bool(re.fullmatch(rf"(?:{_RESULT}|{_ALREADY})", text))


def trailing_measure(text: str) -> int | None:
    """Where a measure or date that ends `text` begins (its comparator included), else None.

    The earliest start that still parses wins, so `不超过5%` keeps its comparator, but a
    digit that belongs to the text before (`达到5亿元` + `5亿元`) is not taken: the
    measure must start at a digit or a comparator."""
    best = None
    for match in _starts(text):
        if _TRAILING.fullmatch(text[match:]):
            best = match
            break
    return best


def _starts(text: str) -> list[int]:
    """Candidate starts of a trailing measure, earliest first (at most 24 characters back)."""
    low = max(0, len(text) - 24)
    starts = []
    for index in range(low, len(text)):
        ch = text[index]
        prev = text[index - 1] if index else ""
        if (ch.isdigit() and not prev.isdigit() and prev != ".") or any(text.startswith(c, index) for c in COMPARATORS):
            starts.append(index)
    return starts


def trailing_result(text: str) -> int | None:
    """Where a result phrase that ends `text` begins (`按规定执行`, `已公开`), else None."""
    match = _TRAILING_RESULT.search(text)
    return match.start() if match else None


def leading_result(text: str) -> int | None:
    """The length of a result phrase that opens `text` (`无` of `无没有轮换`), else None."""
    match = _LEADING_RESULT.match(text)
    return match.end() if match else None
