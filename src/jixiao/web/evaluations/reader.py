"""Reads one uploaded file in a child process: `python -m jixiao.web.evaluations.reader PATH`
prints `{"data": …}` (the Evaluation as JSON) or `{"error": "…"}`. The web server runs it
with a time limit (importing.py), so a file that takes too long to read is stopped
without holding a server worker or its memory. Django is not loaded here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jixiao.errors import InputError
from jixiao.ingest import read_evaluation


def main(argv: list[str]) -> int:
    path = Path(argv[1])
    try:
        result = {"data": read_evaluation(path).model_dump(mode="json", exclude_defaults=True)}
    except InputError as exc:
        result = {"error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - any failure on untrusted bytes is a message
        result = {"error": f"{path}: 无法读取（{type(exc).__name__}）"}
    sys.stdout.write(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
