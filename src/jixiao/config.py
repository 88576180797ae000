"""Configuration of the audit: `[tool.jixiao.check]` in pyproject.toml, or `[check]` in
jixiao.toml, in the working directory. Command-line flags override the file.

    [check]
    select = ["JX1", "scoring"]      # codes, code prefixes or family names
    ignore = ["JX401"]
    fail-on = "error"                # error | warning | info | never
    profile = "mof-2020"
    [check.options.JX703]
    threshold = 0.3
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from jixiao.errors import InputError

KEYS = {"select", "ignore", "fail-on", "profile", "options"}
FAIL_LEVELS = ("error", "warning", "info", "never")


def load_check_config(directory: Path) -> dict[str, Any]:
    for name, section in (("jixiao.toml", ("check",)), ("pyproject.toml", ("tool", "jixiao", "check"))):
        path = directory / name
        if not path.is_file():
            continue
        try:
            data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{path}: TOML 格式错误：{exc}") from None
        for key in section:
            data = data.get(key, {}) if isinstance(data, dict) else {}
        if data:
            return _validated(data, path)
    return {}


def _validated(data: dict[str, Any], path: Path) -> dict[str, Any]:
    unknown = set(data) - KEYS
    if unknown:
        raise InputError(f"{path}: 检查配置中有未知的键：{'、'.join(sorted(unknown))}")
    if data.get("fail-on", "error") not in FAIL_LEVELS:
        raise InputError(f"{path}: fail-on 须为 {' / '.join(FAIL_LEVELS)}")
    return data
