"""The benchmark: `python bench/run.py [--sizes 100,1000,10000]` (also `make bench`).

For .txt and .docx at each size N it measures read+extract+score+check per file (in a
fresh process, `jixiao batch` with --jobs equal to the cores), the floor in the same run,
peak memory, the speed-up of --jobs 2 over --jobs 1 at 1,000 files and the recall of the
injected defects, prints the table of ratios and writes it with the machine description
to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from floor import measure  # noqa: E402
from generate import make_corpus, make_variants  # noqa: E402

HERE = Path(__file__).parent
WORK = HERE / "work"
TARGETS = {"docx_ratio": 5.0, "txt_files_per_core": 200, "memory_growth": 1.5, "speedup": 1.7}


def run_batch(folder: Path, jobs: int) -> dict:
    output = subprocess.run([sys.executable, str(HERE / "worker.py"), str(folder), str(jobs)],
                            capture_output=True, text=True, check=True)
    return json.loads(output.stdout)


def speedup(corpus: Path, jobs: int, repeats: int = 2) -> float:
    """--jobs N against --jobs 1, alternating runs and keeping the best of each (warm disk,
    no order effect): the ratio of the two fastest times."""
    best = {1: float("inf"), jobs: float("inf")}
    for _ in range(repeats):
        for count in (1, jobs):
            best[count] = min(best[count], run_batch(corpus, count)["seconds"])
    return round(best[1] / best[jobs], 2)


def recall(result: dict, manifest: dict[str, list[str]]) -> tuple[int, int]:
    expected = found = 0
    for name, codes in result["codes"].items():
        want = manifest[name.split("-")[1].split(".")[0]]
        expected += len(want)
        found += len(set(want) & set(codes))
    return found, expected


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    return {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count(), "cpu": model}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--variants", type=int, default=36)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = min(os.cpu_count() or 1, 2)
    manifest = make_variants(WORK / "variants", args.variants)
    rows = []
    for suffix in (".txt", ".docx"):
        for size in sizes:
            corpus = make_corpus(WORK / "variants", WORK / f"{suffix[1:]}-{size}", suffix, size)
            floor = measure(sorted(corpus.iterdir()))
            result = run_batch(corpus, jobs)
            ours = result["seconds"] * jobs / size  # processor-seconds per file
            found, expected = recall(result, manifest)
            row = {"format": suffix[1:], "files": size, "jobs": jobs, "seconds": round(result["seconds"], 2),
                   "files_per_second": round(size / result["seconds"], 1),
                   "files_per_core_second": round(size / result["seconds"] / jobs, 1),
                   "ms_per_file": round(ours * 1000, 2), "floor_ms_per_file": round(floor * 1000, 3),
                   "ratio_to_floor": round(ours / floor, 1),
                   "peak_mb": round(max(result["peak_mb"], result["worker_peak_mb"]), 1),
                   "recall": f"{found}/{expected}", "unreadable": result["unreadable"]}
            if size == 1000 and jobs > 1:
                row["speedup_jobs"] = speedup(corpus, jobs)
            rows.append(row)
            print(_line(row), flush=True)
    report = {"when": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(), "targets": TARGETS,
              "rows": rows, "verdicts": verdicts(rows)}
    print("\n".join(f"{name}: {text}" for name, text in report["verdicts"].items()))
    out = HERE / "results" / f"{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {out.relative_to(HERE.parent)}")


def _line(row: dict) -> str:
    speed = f"  jobs2/jobs1 {row['speedup_jobs']}×" if "speedup_jobs" in row else ""
    return (f"{row['format']:>4} N={row['files']:>6}  {row['files_per_core_second']:>7} files/s/core  "
            f"{row['ms_per_file']:>6} ms/file  floor {row['floor_ms_per_file']:>6} ms  ratio {row['ratio_to_floor']:>5}×  "
            f"peak {row['peak_mb']:>6} MB  recall {row['recall']}{speed}")


def verdicts(rows: list[dict]) -> dict[str, str]:
    def pick(fmt: str) -> list[dict]:
        return [r for r in rows if r["format"] == fmt]

    docx, txt = pick("docx"), pick("txt")
    out = {}
    if docx:
        worst = max(r["ratio_to_floor"] for r in docx)
        out["docx within 5× the floor"] = f"{'met' if worst <= TARGETS['docx_ratio'] else 'NOT met'} (worst {worst}×)"
    if txt:
        slowest = min(r["files_per_core_second"] for r in txt)
        out["txt ≥ 200 files/s per core"] = f"{'met' if slowest >= TARGETS['txt_files_per_core'] else 'NOT met'} ({slowest})"
    for fmt, group in (("txt", txt), ("docx", docx)):
        if len(group) > 1:
            growth = group[-1]["peak_mb"] / group[0]["peak_mb"]
            out[f"{fmt} memory flat in N"] = f"{'met' if growth <= TARGETS['memory_growth'] else 'NOT met'} ({growth:.2f}×)"
        speedups = [r["speedup_jobs"] for r in group if "speedup_jobs" in r]
        if speedups:
            out[f"{fmt} jobs 2 ≥ 1.7× jobs 1"] = f"{'met' if speedups[0] >= TARGETS['speedup'] else 'NOT met'} ({speedups[0]}×)"
    recalls = [r["recall"].split("/") for r in rows]
    found, expected = sum(int(a) for a, _ in recalls), sum(int(b) for _, b in recalls)
    out["injected defects found"] = f"{found}/{expected}"
    return out


if __name__ == "__main__":
    main()
