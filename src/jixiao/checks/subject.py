"""What a check looks at (Subject) and what it yields (Draft).

A Subject bundles one Evaluation with its Scorecard, the profile, the Document it was read
from (None for model files) and, for a child project, its parent Subject. A Draft is a
finding without the check's identity; the runner completes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.ingest.document import Document
from jixiao.model.evaluation import Evaluation
from jixiao.model.finding import Severity
from jixiao.model.money import fmt
from jixiao.model.scorecard import Scorecard
from jixiao.model.source import SourceRef
from jixiao.rules.schema import Profile


@dataclass(frozen=True)
class Subject:
    evaluation: Evaluation
    scorecard: Scorecard
    profile: Profile
    document: Document | None = None
    file: str = ""
    parent: Subject | None = None

    @property
    def is_root(self) -> bool:
        return self.parent is None

    def at(self, path: str) -> SourceRef | None:
        """Where the value at a field path was read (None for hand-written data)."""
        return self.evaluation.provenance.get(path)

    def children(self) -> list[Subject]:
        return [Subject(child, card, self.profile, self.document, self.file, self)
                for child, card in zip(self.evaluation.projects, self.scorecard.children)]


@dataclass
class Draft:
    message: str
    at: SourceRef | None = None
    related: list[SourceRef] = field(default_factory=list)
    evidence: str = ""
    severity: Severity | None = None  # overrides the check's default


def money(value: Decimal | None) -> str:
    return f"{fmt(value)} 万元"
