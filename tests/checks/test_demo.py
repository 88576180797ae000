"""The hand-written demonstration report: every defect planted in it is found, at its line,
and nothing else.

Each line of `PLANTED` names the defect written into `examples/defects/demo_project_2023.txt`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jixiao.checks import CheckOptions, audit_files

DEMO = Path(__file__).parents[2] / "examples" / "defects" / "demo_project_2023.txt"

PLANTED = Counter([
    ("JX108", 5),   # 在职 15 人 above 编制 12 人
    ("JX313", 6),   # two towns named, “3个乡镇” said
    ("JX107", 10),  # 450 / 500 = 90%, stated 95%
    ("JX309", 10),  # 全年执行数450元: 元 for 万元
    ("JX508", 12),  # 202年3月1日
    ("JX415", 12),  # “项目目标全部完成” while a target is missed and execution is 90%
    ("JX503", 13),  # the template's instruction left in
    ("JX109", 25), ("JX109", 25), ("JX109", 25),  # 中央 300 + 地方 150 ≠ 500 (and each column)
    ("JX312", 29),  # goal dated 2022 in a 2023 report
    ("JX201", 31),  # 10 + 100 points: the row listed twice adds 10
    ("JX405", 31),  # 30公里 against ≥40公里, full marks
    ("JX202", 31), ("JX202", 35), ("JX202", 37),  # level-1 points differ from the 10号 defaults
    ("JX418", 32),  # 水质检测合格率 under 质量指标 and 满意度指标
    ("JX407", 34), ("JX416", 34),  # 成本 = the whole budget, without comparator
    ("JX414", 35),  # 万人 against 万户
    ("JX417", 36),  # 达到预期指标 as the result
    ("JX203", 37), ("JX206", 37),  # 11 points out of 10
    ("JX510", 38),  # the duplicated row's score left blank
])


def test_every_planted_defect_is_found_and_nothing_else() -> None:
    findings = audit_files([DEMO], CheckOptions()).findings
    found = Counter((f.code, f.where.line if f.where else 0) for f in findings)
    assert found == PLANTED, f"unexpected: {found - PLANTED}; missing: {PLANTED - found}"
