"""Strict loading of profiles: duplicate keys, unknown keys and bad values are errors
that name the file and line; `extends` is resolved by deep merge before validation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from jixiao.rules.schema import Profile
from jixiao.strict_yaml import describe_validation_error, load_yaml

PROFILE_DIR = Path(__file__).parent / "profiles"
DEFAULT_PROFILE = "mof-2020"


class ProfileError(Exception):
    """A profile could not be loaded; the message names the file and line."""


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    try:
        data = load_yaml(text, str(path))
    except ValueError as exc:
        raise ProfileError(str(exc)) from None
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: 规则文件须为映射（键: 值）")
    return text, data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _resolved_data(profile_id: str, directory: Path, chain: tuple[str, ...] = ()) -> dict[str, Any]:
    if profile_id in chain:
        raise ProfileError(f"规则继承出现循环：{' → '.join((*chain, profile_id))}")
    path = directory / f"{profile_id}.yaml"
    if not path.is_file():
        raise ProfileError(f"找不到评分规则“{profile_id}”（{path}）")
    _, data = _read(path)
    parent = data.get("extends")
    if not parent:
        return data
    inherited = {k: v for k, v in _resolved_data(parent, directory, (*chain, profile_id)).items()
                 if k not in ("notes",)}
    return _merge(inherited, data)


def load_profile_file(profile_id: str, directory: Path = PROFILE_DIR) -> Profile:
    """Load and validate one profile, naming file and line of the first bad value."""
    data = _resolved_data(profile_id, directory)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        path = directory / f"{profile_id}.yaml"
        text = path.read_text(encoding="utf-8")
        raise ProfileError(describe_validation_error(exc, str(path), text)) from None


@cache
def load_profile(profile_id: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by id (cached)."""
    return load_profile_file(profile_id)


def available_profiles() -> list[Profile]:
    return [load_profile(path.stem) for path in sorted(PROFILE_DIR.glob("*.yaml"))]


def profile_for(profile_id: str | None, fiscal_year: int | None) -> Profile:
    """The profile asked for (default mof-2020). A year it does not cover is scored by it all
    the same, as the nearest rules there are: the Scorecard notes it (`scoring.engine`)."""
    return load_profile(profile_id or DEFAULT_PROFILE)
