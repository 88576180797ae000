"""Running checks: over one Subject (and its child projects), over files, over a batch.

A file that cannot be read becomes a JX001 finding, so one bad file never stops a run.
Options from the configuration are validated against each check's keyword-only parameters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.checks.registry import CHECKS, Check, select
from jixiao.checks.subject import Draft, Subject
from jixiao.errors import InputError
from jixiao.ingest.model_file import MODEL_SUFFIXES, load_evaluation
from jixiao.ingest.pipeline import read_document
from jixiao.ingest.extract import extract
from jixiao.model.finding import SEVERITY_ORDER, Finding
from jixiao.model.source import SourceRef
from jixiao.rules import ProfileError, profile_for
from jixiao.scoring import score


@dataclass
class CheckOptions:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    profile: str | None = None
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def checks(self) -> list[Check]:
        return select(self.select, self.ignore)

    def validate(self) -> None:
        for code, values in self.options.items():
            if code not in CHECKS:
                raise InputError(f"配置中的检查代码“{code}”不存在")
            unknown = set(values) - set(CHECKS[code].options)
            if unknown:
                known = "、".join(CHECKS[code].options) or "无"
                raise InputError(f"检查 {code} 没有选项“{'、'.join(sorted(unknown))}”（可用：{known}）")


def _finding(check_: Check, draft: Draft, subject: Subject) -> Finding:
    where = draft.at
    return Finding(
        code=check_.code, slug=check_.slug, severity=draft.severity or check_.severity, message=draft.message,
        file=(where.file if where and where.file else subject.file), subject=subject.evaluation.display_name,
        where=where, related=[r for r in draft.related if r is not None], evidence=draft.evidence, why=check_.why,
    )


def check_subject(root: Subject, options: CheckOptions) -> list[Finding]:
    """Every selected per-report check over the report and its child projects."""
    findings: list[Finding] = []
    for subject in (root, *root.children()):
        for check_ in options.checks():
            if check_.batch:
                continue
            for draft in check_.func(subject, **options.options.get(check_.code, {})):
                findings.append(_finding(check_, draft, subject))
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    def key(f: Finding) -> tuple[Any, ...]:
        where = f.where or SourceRef()
        return (f.file, where.line or 0, where.page or 0, where.table or 0, where.row or 0, SEVERITY_ORDER[f.severity], f.code)

    return sorted(findings, key=key)


@dataclass
class Audit:
    subjects: list[Subject] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


def subject_of(path: Path, profile_id: str | None) -> Subject:
    """Read, extract and score one file into a Subject."""
    if path.suffix.lower() in MODEL_SUFFIXES:
        evaluation, document = load_evaluation(path), None
    else:
        document = read_document(path)
        evaluation = extract(document)
    profile = profile_for(profile_id, evaluation.fiscal_year)
    return Subject(evaluation, score(evaluation, profile), profile, document, str(path))


def audit_files(paths: list[Path], options: CheckOptions) -> Audit:
    options.validate()
    audit = Audit()
    for path in paths:
        try:
            subject = subject_of(path, options.profile)
        except (InputError, ProfileError) as exc:
            audit.unreadable.append((str(path), str(exc)))
            audit.findings.append(Finding(code="JX001", slug="file-unreadable", severity="error", message=str(exc),
                                          file=str(path), why="文件无法读取，其中的内容都没有检查。"))
            continue
        audit.subjects.append(subject)
        audit.findings += check_subject(subject, options)
    audit.findings += _batch_findings(audit.subjects, options)
    audit.findings = sort_findings(audit.findings)
    return audit


def _batch_findings(subjects: list[Subject], options: CheckOptions) -> list[Finding]:
    if len(subjects) < 2:
        return []
    findings = []
    for check_ in options.checks():
        if check_.batch:
            for draft in check_.func(subjects, **options.options.get(check_.code, {})):
                owner = next((s for s in subjects if draft.at and s.file == draft.at.file), subjects[0])
                findings.append(_finding(check_, draft, owner))
    return findings
