"""Where batch results go, written as they arrive: .xlsx (three sheets, streamed), .csv
(three files) or .jsonl (one line per evaluation, finding or unreadable file)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from openpyxl import Workbook

from jixiao.batch import SUMMARY_COLUMNS
from jixiao.model.finding import SEVERITY_TITLES, Finding

FINDING_COLUMNS = ("文件", "评价对象", "级别", "代码", "说明", "位置", "行号")


def _finding_row(finding: Finding) -> list[Any]:
    where = finding.where
    return [finding.file, finding.subject, SEVERITY_TITLES[finding.severity], finding.code, finding.message,
            where.place() if where else "", where.line if where else None]


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value  # spreadsheets hold numbers, not text


class XlsxSink:
    def __init__(self, path: Path) -> None:
        self.path, self.book = path, Workbook(write_only=True)
        self.summary, self.findings, self.errors = (self.book.create_sheet(t) for t in ("汇总", "审核意见", "无法读取"))
        self.summary.append([title for _, title in SUMMARY_COLUMNS])
        self.findings.append(list(FINDING_COLUMNS))
        self.errors.append(["文件", "原因"])

    def row(self, row: dict[str, Any]) -> None:
        self.summary.append([_cell(row[key]) for key, _ in SUMMARY_COLUMNS])

    def finding(self, finding: Finding) -> None:
        self.findings.append(_finding_row(finding))

    def unreadable(self, file: str, reason: str) -> None:
        self.errors.append([file, reason])

    def close(self) -> None:
        self.book.save(self.path)


class CsvSink:
    def __init__(self, path: Path) -> None:
        stem = path.with_suffix("")
        self.handles: list[TextIO] = []
        self.summary = self._writer(path, [t for _, t in SUMMARY_COLUMNS])
        self.findings = self._writer(Path(f"{stem}-findings.csv"), list(FINDING_COLUMNS))
        self.errors = self._writer(Path(f"{stem}-unreadable.csv"), ["文件", "原因"])

    def _writer(self, path: Path, header: list[str]) -> Any:
        handle = path.open("w", encoding="utf-8-sig", newline="")  # BOM: Excel opens UTF-8 CSV correctly
        self.handles.append(handle)
        writer = csv.writer(handle)
        writer.writerow(header)
        return writer

    def row(self, row: dict[str, Any]) -> None:
        self.summary.writerow([row[key] for key, _ in SUMMARY_COLUMNS])

    def finding(self, finding: Finding) -> None:
        self.findings.writerow(_finding_row(finding))

    def unreadable(self, file: str, reason: str) -> None:
        self.errors.writerow([file, reason])

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


class JsonlSink:
    def __init__(self, path: Path) -> None:
        self.handle = path.open("w", encoding="utf-8")

    def _write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self.handle.flush()

    def row(self, row: dict[str, Any]) -> None:
        self._write({"type": "evaluation", **row})

    def finding(self, finding: Finding) -> None:
        self._write({"type": "finding", **finding.model_dump(mode="json", exclude_defaults=True)})

    def unreadable(self, file: str, reason: str) -> None:
        self._write({"type": "unreadable", "file": file, "reason": reason})

    def close(self) -> None:
        self.handle.close()


SINKS = {"xlsx": XlsxSink, "csv": CsvSink, "jsonl": JsonlSink}
