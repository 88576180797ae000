"""Hand-written self-evaluation forms (made-up units and figures), and the ways real
publications flatten them: bars, one cell per line, spaces, tabs, or cells run together.

Each form is a list of rows of cells, as the official layout prints them; `flatten`
writes it in one layout. `FACTS` are what extraction must read from every layout.
"""

from __future__ import annotations

from decimal import Decimal

# 财预〔2020〕10号 项目支出绩效自评表
NATIONAL_PROJECT = [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "社区绿化养护项目"],
    ["主管部门", "某区城市管理局", "实施单位", "某区园林绿化中心"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "120", "150", "135", "10", "90%", "9"],
    ["其中：当年财政拨款", "120", "150", "135", "—", "90%", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "养护绿地面积", "≥200亩", "210亩", "20", "20"],
    ["质量指标", "苗木成活率", "≥95%", "96%", "20", "20"],
    ["时效指标", "完成时间", "2023年12月31日前", "2023年11月30日", "20", "20"],
    ["效益指标", "社会效益指标", "群众投诉次数", "≤5次", "3次", "20", "20"],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "92%", "10", "10"],
    ["总分", "100", "99"],
]
NATIONAL_PROJECT_FACTS = {
    "fiscal_year": 2023, "unit.implementer": "某区园林绿化中心", "unit.department": "某区城市管理局",
    "funds.total.initial_budget": "120", "funds.total.budget": "150", "funds.total.executed": "135",
    "stated.execution_weight": "10", "stated.execution_rate": "90", "stated.execution_score": "9",
    "stated.total": "99",
    "indicators": [("≥200亩", "210亩", "20", "20"), ("≥95%", "96%", "20", "20"),
                   ("2023年12月31日前", "2023年11月30日", "20", "20"), ("≤5次", "3次", "20", "20"),
                   ("≥90%", "92%", "10", "10")],
}

# 湖北: 预算执行 20 分, 预算数(A) / 执行数(B), 执行率 as a fraction, scores only
HUBEI_PROJECT = [
    ["2022年度财政项目绩效自评表"],
    ["单位名称：某县职业培训学校", "填报日期：2023年3月1日"],
    ["项目名称", "技能培训补助"],
    ["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
    ["年度财政资金总额", "200", "180", "0.9", "18"],
    ["年度绩效目标1（80分）"],
    ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", "30"],
    ["效益指标", "社会效益指标", "就业率", "≥60%", "65%", "30"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "20"],
    ["总分", "98"],
]
HUBEI_PROJECT_FACTS = {
    "fiscal_year": 2022, "unit.name": "某县职业培训学校",
    "funds.total.budget": "200", "funds.total.executed": "180",
    "stated.execution_weight": "20", "stated.execution_rate": "90", "stated.execution_score": "18",
    "stated.total": "98",
    "indicators": [("≥500人次", "520人次", None, "30"), ("≥60%", "65%", None, "30"), ("≥90%", "95%", None, "20")],
}

# 转移支付（项目）绩效目标自评表: no scores; 中央 and 地方 lines under the total
TRANSFER = [
    ["某省中央转移支付绩效目标自评表"],
    ["（2021年度）"],
    ["转移支付（项目）名称", "农村公路养护补助"],
    ["资金使用单位", "某县交通运输局"],
    ["资金投入情况（万元）", "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A×100%）"],
    ["年度资金总额：", "300", "240", "80%"],
    ["其中：中央财政资金", "200", "160", "80%"],
    ["地方资金", "100", "80", "80%"],
    ["一级指标", "二级指标", "三级指标", "指标值", "全年实际值", "未完成原因分析"],
    ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里"],
    ["质量指标", "路况优良率", "≥80%", "85%"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥85%", "90%"],
]
TRANSFER_FACTS = {
    "fiscal_year": 2021, "unit.implementer": "某县交通运输局",
    "funds.total.budget": "300", "funds.total.executed": "240", "stated.execution_rate": "80",
    "indicators": [("≥120公里", "126公里", None, None), ("≥80%", "85%", None, None), ("≥85%", "90%", None, None)],
}

LAYOUT_FORMS = {
    "national-project": (NATIONAL_PROJECT, NATIONAL_PROJECT_FACTS),
    "hubei-project": (HUBEI_PROJECT, HUBEI_PROJECT_FACTS),
    "transfer": (TRANSFER, TRANSFER_FACTS),
}


def flatten(rows: list[list[str]], layout: str) -> str:
    """The form as text in one of the published layouts."""
    if layout == "bars":
        return "\n".join(" | ".join(row) + " |" for row in rows) + "\n"
    if layout == "lines":
        return "\n\n".join(cell for row in rows for cell in row) + "\n"
    if layout == "tabs":  # copied out of Word or WPS: one line per row, tabs between cells
        return "\n".join("\t".join(row) for row in rows) + "\n"
    if layout == "spaces":
        return "\n".join(" ".join(row) for row in rows) + "\n"
    if layout == "run-together":
        return "".join("".join(row) for row in rows) + "\n"
    raise ValueError(layout)


def plain(value: object) -> str | None:
    if value is None:
        return None
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text
