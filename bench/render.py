"""Rendering the report (.docx) against size: `python bench/render.py [--sizes 12,24,48,96,200]`
(also `make bench-render`).

For each N it builds a department evaluation with N indicators, half its own and half
in one project, renders the report with jixiao (`write_report`: template, text, three forms with
merged cells) and, in the same run, the floor: python-docx building the same tables bare
(one `add_table`, every cell's text set row by row, no merges, no styles). Each is timed
as the best of three. It prints seconds, the ratio to the floor and seconds per indicator
(flat when rendering is linear), and writes them with the machine description to
bench/results/render-*.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

sys.path.insert(0, str(Path(__file__).parent))

from run import machine  # noqa: E402

from jixiao.model.evaluation import Evaluation  # noqa: E402
from jixiao.render.docx import write_report  # noqa: E402
from jixiao.render.grid import place  # noqa: E402
from jixiao.render.layout import tables  # noqa: E402
from jixiao.rules import load_profile  # noqa: E402
from jixiao.scoring import score  # noqa: E402

HERE = Path(__file__).parent
LEVELS = (("产出指标", ("数量指标", "质量指标", "时效指标", "成本指标")), ("效益指标", ("社会效益指标", "可持续影响指标")),
          ("满意度指标", ("服务对象满意度指标",)))
TARGET_SECONDS, TARGET_SIZE = 2.0, 200  # a 200-indicator evaluation renders in under 2 s


def indicators(count: int) -> list[dict[str, object]]:
    pairs = [(one, two) for one, twos in LEVELS for two in twos]
    rows = []
    for index in range(count):
        level1, level2 = pairs[index * len(pairs) // count]
        rows.append({"level1": level1, "level2": level2, "name": f"完成第{index + 1}项年度工作任务的情况",
                     "target": f"≥{90 + index % 10}%", "actual": f"{95 + index % 5}%", "weight": "0.45",
                     "score": "0.45", "deviation_note": "按计划完成" if index % 7 else ""})
    return rows


def evaluation(own: int, project_count: int) -> Evaluation:
    funds = {"total": {"initial_budget": "1105.56", "budget": "1013.19", "executed": "1013.19"}}
    stated = {"execution_weight": 10, "execution_rate": 100, "execution_score": 10, "total": 100}
    sections = [{"heading": f"第{n}部分", "number": number, "level": 1, "text": "本部分是单位自己写的说明文字。" * 20}
                for n, number in enumerate("一二三四五六七八九十", start=1)]
    project = {"kind": "project", "title": "区委办专项", "funds": funds, "indicators": indicators(project_count),
               "stated": stated}
    return Evaluation.model_validate({
        "kind": "department", "fiscal_year": 2023, "title": "2023年度某单位整体支出绩效自评报告",
        "unit": {"name": "某单位", "staffing": {"authorized": 30, "serving": 28}}, "funds": funds, "stated": stated,
        "basic_data": [{"key": "three_public", "budget": "5.32", "actual": "2.20"}], "sections": sections,
        "indicators": indicators(own), "projects": [project]})


def floor(ev: Evaluation, path: Path) -> None:
    """python-docx building the same tables, bare: cells' text set row by row, nothing else."""
    document = docx.Document()
    for grid in tables(ev):
        table = document.add_table(rows=len(grid.rows), cols=grid.width)
        rows = [row.cells for row in table.rows]
        for r, c, cell in place(grid):
            rows[r][c].text = cell.text
    document.save(str(path))


def best_of(times: int, action: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="12,24,48,96,200,2000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    profile = load_profile()
    rows = []
    with tempfile.TemporaryDirectory(prefix="jixiao-bench-") as folder:
        for size in sizes:
            ev = evaluation(size // 2, size - size // 2)
            card = score(ev, profile)
            ours = best_of(3, lambda: write_report(ev, card, Path(folder) / "report.docx"))
            bare = best_of(3, lambda: floor(ev, Path(folder) / "floor.docx"))
            indicators_total = size
            rows.append({"indicators": indicators_total, "seconds": round(ours, 3), "floor_seconds": round(bare, 3),
                         "ratio": round(ours / bare, 2), "ms_per_indicator": round(ours / indicators_total * 1000, 2)})
            print(f"{indicators_total:>5} 个指标  jixiao {ours:6.3f} 秒  底线 {bare:6.3f} 秒  "
                  f"比值 {ours / bare:5.2f}  每个指标 {ours / indicators_total * 1000:5.2f} 毫秒")
    at_target = [r for r in rows if r["indicators"] >= TARGET_SIZE]
    verdict = {"target": f"{TARGET_SIZE} 个指标在 {TARGET_SECONDS} 秒内",
               "met": bool(at_target) and at_target[0]["seconds"] < TARGET_SECONDS,
               "linear": rows[-1]["ms_per_indicator"] <= 1.5 * rows[0]["ms_per_indicator"]}
    print(f"目标：{verdict['target']}：{'达到' if verdict['met'] else '未达到'}；每个指标的时间"
          f"{'不随规模增长（线性）' if verdict['linear'] else '随规模增长'}")
    out = HERE / "results" / f"render-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"machine": machine(), "rows": rows, "verdict": verdict}, ensure_ascii=False, indent=2) + "\n",
                   encoding="utf-8")
    print(f"结果写入 {out}")


if __name__ == "__main__":
    main()
