"""What a scoring rule concludes for one line, before it is compared with the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.model.money import round2


@dataclass
class Remarks:
    """Notes and flags gathered before the rule that decides the score is known."""

    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def flag(self, code: str, note: str) -> None:
        self.flags.append(code)
        self.notes.append(note)


@dataclass
class Verdict:
    """Either a point score (`value`) or an allowed range [low, high] (`value` None)."""

    formula: str
    explanation: str
    low: Decimal
    high: Decimal
    value: Decimal | None = None
    high_open: bool = False
    ratio: Decimal | None = None
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def flag(self, code: str, note: str) -> None:
        self.flags.append(code)
        self.notes.append(note)

    @classmethod
    def point(cls, formula: str, computed: tuple[Decimal, str], **extra: object) -> Verdict:
        value = round2(computed[0])
        explanation = f"{computed[1]} = {value}"
        return cls(formula, explanation, low=value, high=value, value=value, **extra)  # type: ignore[arg-type]

    @classmethod
    def unknown(cls, weight: Decimal, reason: str) -> Verdict:
        return cls("not_computable", reason, low=Decimal("0.00"), high=round2(weight))
