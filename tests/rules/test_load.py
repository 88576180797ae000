"""Strict profile loading: each broken profile gets a message naming file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.rules import ProfileError, available_profiles, load_profile, profile_for
from jixiao.rules.load import load_profile_file

BASE = (Path(__file__).parents[2] / "src" / "jixiao" / "rules" / "profiles" / "mof-2020.yaml").read_text("utf-8")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_shipped_profiles_load_and_extend_the_national_one() -> None:
    ids = {p.id for p in available_profiles()}
    assert ids == {"mof-2020", "hubei", "jiangxi", "guangxi"}
    hubei = load_profile("hubei")
    assert hubei.weights.execution == 20 and hubei.weights.output is None
    assert hubei.qualitative == load_profile("mof-2020").qualitative  # inherited
    assert load_profile("jiangxi").execution.formula == "bands"


def test_unknown_key_names_file_and_line(tmp_path: Path) -> None:
    text = BASE.replace("weights_may_vary: true", "weights_may_vary: true\nweight_may_vary: true")
    directory = _write(tmp_path, "mof-2020", text)
    line = text.splitlines().index("weight_may_vary: true") + 1
    with pytest.raises(ProfileError, match=rf"mof-2020.yaml:{line}: 字段 weight_may_vary：未知的键"):
        load_profile_file("mof-2020", directory)


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    directory = _write(tmp_path, "dup", BASE.replace("id: mof-2020", "id: dup\ntotal_max: 100"))
    with pytest.raises(ProfileError, match="重复的键“total_max”"):
        load_profile_file("dup", directory)


def test_bad_value_names_the_nested_field(tmp_path: Path) -> None:
    directory = _write(tmp_path, "bad", BASE.replace("  le: ratio", "  le: sideways"))
    with pytest.raises(ProfileError, match=r"bad.yaml:\d+: 字段 quantitative.le：取值须为 'ratio' or 'linear'"):
        load_profile_file("bad", directory)


def test_extends_a_missing_profile(tmp_path: Path) -> None:
    directory = _write(tmp_path, "child", "id: child\nextends: nowhere\n")
    with pytest.raises(ProfileError, match="找不到评分规则“nowhere”"):
        load_profile_file("child", directory)


def test_extends_cycle(tmp_path: Path) -> None:
    _write(tmp_path, "a", "id: a\nextends: b\n")
    directory = _write(tmp_path, "b", "id: b\nextends: a\n")
    with pytest.raises(ProfileError, match="循环：a → b → a"):
        load_profile_file("a", directory)


def test_banded_execution_needs_bands(tmp_path: Path) -> None:
    _write(tmp_path, "mof-2020", BASE)
    directory = _write(tmp_path, "x", "id: x\nextends: mof-2020\nexecution: {formula: bands}\n")
    with pytest.raises(ProfileError, match="bands 列表"):
        load_profile_file("x", directory)


def test_fiscal_year_outside_the_profile_is_scored_by_it_with_a_note() -> None:
    """2018 and 2019 reports are read and checked like any other (the nearest rules)."""
    from jixiao.model.evaluation import Evaluation
    from jixiao.scoring import score

    profile = profile_for("mof-2020", 2019)
    assert profile.id == "mof-2020"
    card = score(Evaluation(kind="project", fiscal_year=2019), profile)
    assert card.notes == ["评分规则“mof-2020”适用于 2020– 年度，本报告为 2019 年度，按最接近年度的规则评分"]
    assert score(Evaluation(kind="project", fiscal_year=2024), profile_for(None, 2024)).notes == []


@pytest.mark.parametrize(("total", "grade"), [
    ("100", "优"), ("90", "优"), ("90.00", "优"), ("89.99", "良"), ("89.5", "良"), ("80", "良"),
    ("79.99", "中"), ("60", "中"), ("59.99", "差"), ("0", "差"),
])
def test_grade_bands_are_half_open_lower_inclusive(total: str, grade: str) -> None:
    """rules.md §1.6: 90（含）-100 优, 80（含）-90 良, 60（含）-80 中, 60 以下 差."""
    from decimal import Decimal

    assert load_profile("mof-2020").grade_for(Decimal(total)) == grade
