"""One measured batch run, in its own process: `python bench/worker.py FOLDER JOBS`.

Prints JSON: seconds, files, peak resident memory of this process and of its worker
processes (MB), and the check codes found per file (for the defect recall)."""

from __future__ import annotations

import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

from jixiao.batch import find_files, run_batch
from jixiao.checks import CheckOptions


class Collect:
    def __init__(self) -> None:
        self.codes: dict[str, set[str]] = defaultdict(set)
        self.rows = self.unreadable_count = 0

    def row(self, row: dict) -> None:
        self.rows += 1

    def finding(self, finding) -> None:  # type: ignore[no-untyped-def]
        self.codes[Path(finding.file).name].add(finding.code)

    def unreadable(self, file: str, reason: str) -> None:
        self.unreadable_count += 1


def main() -> None:
    folder, jobs = Path(sys.argv[1]), int(sys.argv[2])
    files = find_files([folder])
    sink = Collect()
    start = time.perf_counter()
    run_batch(files, CheckOptions(), jobs, sink)
    seconds = time.perf_counter() - start
    kb = 1024
    print(json.dumps({
        "seconds": seconds, "files": len(files), "rows": sink.rows, "unreadable": sink.unreadable_count,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kb,
        "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kb,
        "codes": {name: sorted(codes) for name, codes in sink.codes.items()},
    }))


if __name__ == "__main__":
    main()
