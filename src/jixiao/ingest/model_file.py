"""Load an Evaluation written by hand or by jixiao (YAML or JSON).

Every failure is an InputError whose message names the file and, for YAML, the line:
`eval.yaml:14: 字段 indicators[2].weight：须为数字`.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from jixiao.errors import InputError
from jixiao.model.evaluation import Evaluation
from jixiao.strict_yaml import describe_validation_error, load_yaml

MODEL_SUFFIXES = (".yaml", ".yml", ".json")
MAX_MODEL_BYTES = 20 * 1024 * 1024


def load_evaluation(path: Path) -> Evaluation:
    """Read a .yaml/.yml/.json Evaluation file."""
    if not path.exists():
        raise InputError(f"{path}: 文件不存在")
    if not path.is_file():
        raise InputError(f"{path}: 不是文件")
    if path.stat().st_size > MAX_MODEL_BYTES:
        raise InputError(f"{path}: 文件过大（超过 20 MB），不像是一份自评数据")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: 不是 UTF-8 编码的文本文件") from None
    return parse_evaluation(text, str(path), json_format=path.suffix.lower() == ".json")


def parse_evaluation(text: str, name: str, json_format: bool = False) -> Evaluation:
    data = _parse_json(text, name) if json_format else _parse_yaml(text, name)
    if not isinstance(data, dict):
        raise InputError(f"{name}: 内容须为一个映射（键: 值），实际是{_type_name(data)}")
    try:
        return Evaluation.model_validate(data)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc, name, None if json_format else text)) from None


def _parse_yaml(text: str, name: str) -> object:
    try:
        return load_yaml(text, name)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _parse_json(text: str, name: str) -> object:
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: JSON 格式错误：{exc.msg}") from None


def _type_name(data: object) -> str:
    if data is None:
        return "空文件"
    return {list: "列表", str: "一段文本", int: "一个数", Decimal: "一个数"}.get(type(data), type(data).__name__)
