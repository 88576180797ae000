"""The Profile model: everything the engine takes from a profile, validated strictly.

Unknown keys are errors (`extra="forbid"`): a silently ignored key is the classic failure
of rules-as-data projects. A profile that `extends` another is merged first, then validated.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Provenance = Literal["OFFICIAL", "OFFICIAL-UNVERIFIED", "PRACTICE", "JIXIAO DEFAULT"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Years(_Strict):
    start: int = Field(alias="from", ge=1990)
    end: int | None = Field(None, alias="to", ge=1990)

    def covers(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


class Weights(_Strict):
    """Default 分值 of 预算执行率 and the 一级 blocks; null means "take it from the table"."""

    execution: Decimal
    output: Decimal | None = None
    effect: Decimal | None = None
    satisfaction: Decimal | None = None


class Band(_Strict):
    """Execution-rate band: from `min_rate` (inclusive, a fraction) the score is `score`."""

    min_rate: Decimal
    score: Decimal


class Execution(_Strict):
    denominator: Literal["budget"] = "budget"  # 全年预算数 (adjusted), never 年初预算数
    formula: Literal["proportional", "bands"] = "proportional"
    cap: Decimal = Decimal("1")
    bands: tuple[Band, ...] = ()
    over_100_full_marks: bool = True
    zero_budget_full_when_spent: bool = False  # 浙江 variant: A = 0, B ≠ 0 → 100%

    @model_validator(mode="after")
    def _bands_when_banded(self) -> Execution:
        if self.formula == "bands" and not self.bands:
            raise ValueError("formula: bands 需要 bands 列表")
        return self


class Overshoot(_Strict):
    flag_at: Decimal = Decimal("1.30")
    zero_target_flag_at: Decimal | None = None
    require_note: bool = True
    deduct: bool = False
    floor: Decimal = Decimal("0.6")


class Quantitative(_Strict):
    le: Literal["ratio", "linear"] = "ratio"
    overshoot: Overshoot = Overshoot()


class Tier(_Strict):
    """A qualitative tier: allowed score `low·w ≤ s ≤ high·w` (`high_open`: s < high·w)."""

    label: str
    low: Decimal
    high: Decimal
    high_open: bool
    keywords: tuple[str, ...] = ()


class Qualitative(_Strict):
    tiers: tuple[Tier, Tier, Tier]


class Deadline(_Strict):
    late: Literal["strict", "proportional"] = "strict"


class Grade(_Strict):
    min_total: Decimal
    label: str


class Rounding(_Strict):
    """Row scores are rounded half-up to 0.01; a stated value within `tolerance_per_term`
    × (number of addends) of a recomputed one differs only by rounding (rules.md §3.8)."""

    places: Literal[2] = 2
    mode: Literal["half_up"] = "half_up"
    tolerance_per_term: Decimal = Decimal("0.005")


class Profile(_Strict):
    id: str
    title: str
    source: str
    provenance: Provenance
    fiscal_years: Years
    extends: str | None = None
    notes: str = ""
    weights: Weights
    weights_may_vary: bool = True
    total_max: Decimal = Decimal("100")
    execution: Execution = Execution()
    quantitative: Quantitative = Quantitative()
    qualitative: Qualitative
    deadline: Deadline = Deadline()
    grades: tuple[Grade, ...]
    rounding: Rounding = Rounding()

    @model_validator(mode="after")
    def _grades_descending(self) -> Profile:
        bounds = [g.min_total for g in self.grades]
        if bounds != sorted(bounds, reverse=True) or not bounds or bounds[-1] != 0:
            raise ValueError("grades 须按下限从高到低排列，最后一档下限为 0")
        return self

    def grade_for(self, total: Decimal) -> str:
        return next(g.label for g in self.grades if total >= g.min_total)
