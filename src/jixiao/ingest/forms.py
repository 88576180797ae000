"""The words of the official self-evaluation forms, in one place.

The 项目支出 / 部门整体 / 专项资金·转移支付 绩效自评表 of 财预〔2020〕10号 and the
provincial variants name the same columns and rows in different words: 全年预算数 or
预算数(A), 实际完成值 or 全年完成值 or 指标实际完成值, 分值 or 权重. Both the layout
recovery (tables flattened into text) and the table reader look labels up here, on the
folded text (simplified characters, no spaces, no `(A)`-style column marks).

    column_of("全年预算数(A)", FUND_COLUMNS) == "budget"
    column_of("指标值设置依据", INDICATOR_COLUMNS) is None   # a known column we do not read
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.ingest.fold import simplify

# A bracketed remark in a label: (A), (B/A×100%), (万元), (20分*执行率), (项目)
_MARK = re.compile(r"[（(][^()（）]{0,14}[)）]")
_SPACE = re.compile(r"[\s\u3000\xa0]+")

FUND_COLUMNS: dict[str, tuple[str, ...]] = {
    "initial_budget": ("年初预算数", "年初预算", "年初预算资金"),
    "budget": ("全年预算数", "调整后预算数", "全年预算", "预算数", "转移支付预算数", "全年预算资金"),
    "executed": ("全年执行数", "全年实际执行数", "实际执行数", "执行数", "全年执行", "转移支付执行数",
                 "全年实际支出数", "实际支出数"),
    "weight": ("分值", "分值权重", "权重"),
    "rate": ("执行率", "预算执行率"),
    "score": ("得分",),
}
INDICATOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称", "绩效指标名称", "绩效内容"),
    "target": ("年度指标值", "全年指标值", "指标值", "年度目标值", "目标值", "年初目标值", "预期指标值",
               "绩效目标值", "年初目标"),
    "actual": ("实际完成值", "全年实际值", "全年完成值", "实际完成指标值", "指标实际完成值", "完成值", "实际值",
               "全年实际完成值", "实际完成"),
    "weight": ("分值", "权重", "指标分值权重", "分值权重", "指标分值"),
    "score": ("得分", "自评得分", "指标得分"),
    "note": ("偏差原因分析及改进措施", "偏差原因", "未完成原因", "偏差及原因分析", "偏差分析", "未完成原因和改进措施",
             "未完成原因分析及改进措施", "未完成原因及改进措施", "偏差原因分析", "未完成原因分析"),
    "unit": ("计量单位",),
    "nature": ("指标性质",),
    "rate": ("完成率", "累计完成率"),
    "ignored": ("指标值设置依据", "上年完成值", "指标赋分规则", "佐证资料", "指标解释", "需提供的支撑材料", "记录"),
}
# Rows of the funds block: label → where it goes (`total` or a source of funds).
FUND_ROWS: tuple[tuple[str, str], ...] = (
    ("年度资金总额", "total"), ("年度财政资金总额", "total"), ("资金总额", "total"),
    ("当年财政拨款", "current_year"), ("上年结转资金", "carried_over"), ("上年结转", "carried_over"),
    ("其他资金", "other"), ("一般公共预算", "general_budget"), ("政府性基金", "government_fund"),
    ("中央财政资金", "central"), ("中央补助", "central"), ("中央资金", "central"), ("地方资金", "local"),
    ("中央、省、市补助县级资金", "central"), ("财政拨款", "current_year"),
)
LEVEL1_LABELS = ("产出指标", "效益指标", "满意度指标", "成本指标", "管理指标", "效果指标", "产出目标", "效益目标",
                 "满意度目标")
LEVEL2_LABELS = ("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
                 "可持续影响指标", "服务对象满意度指标", "满意度指标", "经济成本指标", "社会成本指标",
                 "生态环境成本指标", "数量目标", "质量目标", "时效目标", "成本目标", "社会效益目标",
                 "经济效益目标", "生态效益目标", "可持续影响目标", "服务对象满意度目标", "满意度目标")
# Short 二级 labels some forms print without 指标 (湖北: `成本`, `时效`, `可持续性`).
LEVEL2_SHORT = ("数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "可持续性",
                "服务对象满意度")
# Label → Evaluation field of the form's header block.
NAME_FIELDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("单位名称", "部门名称", "预算部门名称", "市级预算部门名称", "区级预算单位名称", "县级预算单位名称",
      "预算单位名称", "评价部门名称", "部门"), "unit.name"),
    (("项目名称", "项目支出名称", "专项名称", "专项资金名称", "转移支付项目名称", "转移支付名称"), "title"),
    (("主管部门", "县级主管部门", "地方主管部门", "市级主管部门", "项目主管部门"), "unit.department"),
    (("实施单位", "项目实施单位", "资金使用单位"), "unit.implementer"),
)
TOTAL_LABELS = ("总分", "合计", "总计", "总得分")


@lru_cache(maxsize=16384)
def label_key(text: str) -> str:
    """A label as looked up: simplified, without spaces, column marks, `其中:` or a colon."""
    key = _SPACE.sub("", simplify(text))
    key = _MARK.sub("", key).strip(":：")
    return key[3:].lstrip(":：") if key.startswith("其中") else key


def column_of(text: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    """The column a header cell names: an exact alias, else a long alias it begins with."""
    return _column_of(text, "fund" if columns is FUND_COLUMNS else "indicator" if columns is INDICATOR_COLUMNS
                      else None) if columns in (FUND_COLUMNS, INDICATOR_COLUMNS) else _lookup(text, columns)


@lru_cache(maxsize=16384)
def _column_of(text: str, which: str) -> str | None:
    return _lookup(text, FUND_COLUMNS if which == "fund" else INDICATOR_COLUMNS)


def _lookup(text: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    key = label_key(text)
    if not key or len(key) > 24:
        return None
    return _exact(key, columns) or _prefix(key, columns)


def _exact(key: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    return next((name for name, names in columns.items() if key in names), None)


def _prefix(key: str, columns: dict[str, tuple[str, ...]]) -> str | None:
    for name, names in columns.items():
        if any(len(alias) >= 4 and key.startswith(alias) for alias in names):
            return name
    return None


def fund_row(text: str) -> str | None:
    """The funds row a label starts (`其中：当年财政拨款` → current_year)."""
    key = label_key(text)
    return next((row for label, row in FUND_ROWS if key == label or key.startswith(label)), None)


def level_of(text: str) -> int | None:
    """1 or 2 when the text is a 一级 / 二级 indicator label (weights like `(50分)` allowed)."""
    key = re.sub(r"\d+(?:\.\d+)?分?$", "", label_key(re.sub(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]", "", text)))
    if key in LEVEL1_LABELS and (key not in LEVEL2_LABELS or key == "满意度指标"):
        return 1  # 满意度指标 heads its block; under it stands 服务对象满意度指标
    if key in LEVEL2_LABELS or key in LEVEL2_SHORT:
        return 2
    return None


def name_field(text: str) -> str | None:
    key = label_key(text)
    return next((path for labels, path in NAME_FIELDS if key in labels), None)

# Labels of the form's header block whose values are not read (they end the value before).
STOP_LABELS = ("填报日期", "填报单位", "项目类别", "项目属性", "项目类型", "下属单位个数", "负责人及电话", "联系人及电话",
               "联系人", "联系电话", "填报类型", "整体支出规模", "资金来源", "资金结构", "年度预算申请", "项目资金",
               "资金投入情况", "资金情况", "预算执行情况", "预算资金", "资金管理情况", "中央主管部门", "省级财政部门",
               "省级主管部门", "自评得分", "按收入性质分", "按支出性质分", "项目负责人", "填表人", "评价部门",
               "项目资金情况", "单位负责人签字", "单位负责人")
GOAL_LABELS: tuple[tuple[str, str], ...] = (
    ("预期目标", "expected"), ("年初设定目标", "expected"), ("总体目标", "expected"),
    ("实际完成情况", "achieved"), ("全年实际完成情况", "achieved"), ("目标实际完成情况", "achieved"),
    ("总体目标完成情况", "achieved"),
)
SECTION_LABELS = ("年度总体目标", "年度目标完成情况", "年度绩效目标", "绩效指标", "年度绩效指标完成情况", "年度绩效指标",
                  "偏差大或目标未完成原因分析", "改进措施及结果应用方案", "备注", "说明", "分解目标")


def lexicon() -> tuple[tuple[str, str], ...]:
    """Every label of the forms as (folded word, kind), longest first (for the lexer)."""
    entries: dict[str, str] = {}
    for labels, path in NAME_FIELDS:
        for label in labels:
            if len(label) >= 4:
                entries[label] = "name:" + path
    for label in STOP_LABELS:
        entries.setdefault(label, "stop")
    for label, goal in GOAL_LABELS:
        entries.setdefault(label, "goal:" + goal)
    for label in SECTION_LABELS:
        entries.setdefault(label, "section")
    for label, row in FUND_ROWS:
        entries.setdefault(label, "fund_row:" + row)
    for aliases in (*FUND_COLUMNS.values(), *INDICATOR_COLUMNS.values()):
        for alias in aliases:
            if len(alias) >= 2 and alias not in ("记录",):
                entries.setdefault(alias, "column")
    for label in (*LEVEL1_LABELS, *LEVEL2_LABELS):
        entries.setdefault(label, "level")
    for label in TOTAL_LABELS:
        entries.setdefault(label, "total")
    return tuple(sorted(entries.items(), key=lambda item: -len(item[0])))
