"""`jixiao batch`: read, extract, score and check every report under some folders, in
parallel processes, writing one row per evaluation as results arrive.

Workers return small records (a summary row, the findings, paragraph fingerprints), never
whole documents; fingerprints go to a temporary SQLite file so that text copied between
reports is found across the whole batch with memory that does not grow with it. One bad
file never stops the batch; Ctrl-C stops it and the results so far are still written.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.checks import CheckOptions, check_subject
from jixiao.checks.reuse import MIN_CHARS, _norm
from jixiao.checks.run import subject_of
from jixiao.errors import InputError
from jixiao.ingest.pipeline import supported_suffixes
from jixiao.model.finding import Finding
from jixiao.rules import ProfileError

SUMMARY_COLUMNS = (
    ("file", "文件"), ("unit", "单位"), ("year", "年度"), ("kind", "类型"), ("budget", "全年预算数"),
    ("executed", "全年执行数"), ("stated_total", "填报总分"), ("recomputed_total", "重算总分"), ("grade", "填报等级"),
    ("projects", "项目数"), ("errors", "错误"), ("warnings", "警告"), ("infos", "提示"),
)


@dataclass
class Outcome:
    """What one worker sends back for one file."""

    file: str
    row: dict[str, Any] | None = None
    findings: list[Finding] = field(default_factory=list)
    fingerprints: list[tuple[str, int, str]] = field(default_factory=list)  # (hash, line, excerpt)
    error: str = ""


def find_files(inputs: list[Path]) -> list[Path]:
    """Every supported file under the inputs (folders are searched recursively), sorted."""
    suffixes = set(supported_suffixes())
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found += sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            found.append(item)
    return found


def process(path: Path, options: CheckOptions) -> Outcome:
    """The whole pipeline for one file; every user-caused problem becomes `error`."""
    try:
        subject = subject_of(path, options.profile)
    except (InputError, ProfileError) as exc:
        return Outcome(str(path), error=str(exc))
    except Exception as exc:  # an unexpected failure on one file must not stop the batch
        return Outcome(str(path), error=f"{path}: 处理时出错（{type(exc).__name__}: {exc}）")
    findings = check_subject(subject, options)
    return Outcome(str(path), _row(subject, findings), findings, _fingerprints(subject))


def _row(subject: Any, findings: list[Finding]) -> dict[str, Any]:
    ev, card = subject.evaluation, subject.scorecard
    counts = Counter(f.severity for f in findings)
    recomputed = card.total if card.total is not None else (f"{card.total_low}–{card.total_high}" if card.has_indicators else None)
    return {"file": subject.file, "unit": ev.unit.name, "year": ev.fiscal_year, "kind": ev.kind,
            "budget": ev.funds.total.budget, "executed": ev.funds.total.executed, "stated_total": ev.stated.total,
            "recomputed_total": recomputed, "grade": ev.stated.grade, "projects": len(ev.projects),
            "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}


def _fingerprints(subject: Any) -> list[tuple[str, int, str]]:
    if subject.document is None:
        return []
    prints = []
    for paragraph in subject.document.paragraphs:
        text = _norm(paragraph.text)
        if len(text) >= MIN_CHARS:
            digest = hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
            prints.append((digest, paragraph.line or paragraph.index, paragraph.text[:40]))
    return prints


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means


@dataclass
class BatchResult:
    processed: int = 0
    unreadable: int = 0
    interrupted: bool = False
    reused: int = 0


def run_batch(files: list[Path], options: CheckOptions, jobs: int, sink: Any,
              progress: Callable[[int], None] = lambda n: None, stop: threading.Event | None = None) -> BatchResult:
    """Process files in `jobs` processes, handing each outcome to `sink` as it arrives.

    `stop` (see StopOnInterrupt) ends the loop at the next file, so a Ctrl-C never lands
    inside the writer and the results so far stay writable."""
    result = BatchResult()
    stop = stop or threading.Event()
    with _FingerprintStore() as store:
        for outcome in _outcomes(files, options, jobs):
            _take(outcome, sink, store, result)
            progress(1)
            if stop.is_set():
                result.interrupted = True
                break
        for finding in store.copies():
            sink.finding(finding)
            result.reused += 1
    return result


class StopOnInterrupt:
    """While inside, SIGINT sets an event instead of raising KeyboardInterrupt (main thread
    only): the caller decides where stopping is safe."""

    def __enter__(self) -> threading.Event:
        self.event = threading.Event()
        self.previous = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, lambda *_: self.event.set())
        return self.event

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def _take(outcome: Outcome, sink: Any, store: _FingerprintStore, result: BatchResult) -> None:
    if outcome.error:
        sink.unreadable(outcome.file, outcome.error)
        result.unreadable += 1
        return
    sink.row(outcome.row)
    for finding in outcome.findings:
        sink.finding(finding)
    store.add(outcome.file, outcome.fingerprints)
    result.processed += 1


def _process_chunk(paths: list[Path], options: CheckOptions) -> list[Outcome]:
    return [process(path, options) for path in paths]


def _outcomes(files: list[Path], options: CheckOptions, jobs: int, chunk: int = 8) -> Iterator[Outcome]:
    """Outcomes as they finish. Files go to workers in small chunks: one round trip between
    processes per chunk, not per file, and a bounded number in flight (memory stays flat)."""
    if jobs <= 1:
        for path in files:
            yield process(path, options)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_quiet_worker)
    pending: set[Future[list[Outcome]]] = set()
    chunks = (files[i:i + chunk] for i in range(0, len(files), chunk))
    try:
        for paths in chunks:
            pending.add(pool.submit(_process_chunk, paths, options))
            if len(pending) >= jobs * 3:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (outcome for future in done for outcome in future.result())
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (outcome for future in done for outcome in future.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _FingerprintStore:
    """Paragraph fingerprints on disk; text copied between reports found by GROUP BY."""

    def __enter__(self) -> _FingerprintStore:
        self.folder = tempfile.TemporaryDirectory(prefix="jixiao-batch-")
        self.db = sqlite3.connect(os.path.join(self.folder.name, "prints.db"))
        self.db.execute("CREATE TABLE p (hash TEXT, file TEXT, line INTEGER, excerpt TEXT)")
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()
        self.folder.cleanup()

    def add(self, file: str, prints: list[tuple[str, int, str]]) -> None:
        self.db.executemany("INSERT INTO p VALUES (?, ?, ?, ?)", [(h, file, line, text) for h, line, text in prints])

    def copies(self) -> Iterator[Finding]:
        """One finding per report and earlier report it shares paragraphs with.

        Each fingerprint is joined only to its first occurrence, so the work stays linear
        even when thousands of reports share the same boilerplate."""
        from jixiao.model.source import SourceRef

        self.db.executescript(
            "CREATE INDEX i ON p (hash);"
            "CREATE TABLE firsts AS SELECT hash, MIN(file) AS file, line FROM p GROUP BY hash;"  # SQLite: line of the MIN row
            "CREATE INDEX j ON firsts (hash);")
        query = ("SELECT p.file, MIN(p.line), COUNT(*), f.file, MIN(f.line), MIN(p.excerpt) FROM p JOIN firsts f "
                 "ON p.hash = f.hash AND p.file > f.file GROUP BY p.file, f.file ORDER BY p.file, f.file")
        for file, line, count, other, other_line, excerpt in self.db.execute(query):
            yield Finding(code="JX602", slug="text-copied-between-reports", severity="info", file=file,
                          message=f"与 {other} 有 {count} 段文字相同（如第{line}行“{excerpt[:24]}……”）",
                          where=SourceRef(file=file, line=line), related=[SourceRef(file=other, line=other_line)],
                          why="不同单位的职能和绩效各不相同，大段雷同说明报告套用了他人的文本。")
