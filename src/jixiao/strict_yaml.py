"""Strict YAML and validation messages shared by every loader of user-written data.

Duplicate keys are errors, floats become Decimal (never binary floats for money), and a
pydantic ValidationError becomes one Chinese sentence naming the file, line and field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml
from pydantic import ValidationError


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and reads floats as Decimal."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"重复的键“{key}”", key_node.start_mark)
        seen[key] = loader.construct_object(value_node, deep=True)
    return seen


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node))
)


def load_yaml(text: str, name: str) -> Any:
    """Parse YAML strictly; a syntax error becomes ValueError `name:line: …`."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ValueError(f"{name}{line}: YAML 格式错误：{exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{name}: YAML 格式错误：{exc}") from None


def line_of(text: str, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest node found along `loc` in a YAML text."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == str(key)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


_REASONS = {
    "missing": "缺少必填项",
    "extra_forbidden": "未知的键",
    "int_parsing": "须为整数",
    "int_type": "须为整数",
    "decimal_parsing": "须为数字",
    "string_type": "须为文本",
    "dict_type": "须为映射（键: 值）",
    "model_type": "须为映射（键: 值）",
    "list_type": "须为列表",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "bool_parsing": "须为 true 或 false",
    "date_from_datetime_parsing": "须为日期",
}


def _reason(error: dict[str, Any]) -> str:
    if error["type"] == "literal_error":
        return f"取值须为 {error['ctx']['expected']}"
    if error["type"] == "value_error":
        return str(error["ctx"]["error"])
    return _REASONS.get(error["type"], error["msg"])


def describe_validation_error(exc: ValidationError, name: str, text: str | None = None) -> str:
    """`file:line: 字段 a.b[0]: 原因` for the first error (and a count of the rest)."""
    errors = exc.errors()
    first = errors[0]
    loc = tuple(part for part in first["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    line = line_of(text, loc) if text is not None else None
    where = f"{name}:{line}" if line else name
    dotted = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or "（根）"
    more = f"（另有 {len(errors) - 1} 处错误）" if len(errors) > 1 else ""
    return f"{where}: 字段 {dotted}：{_reason(first)}{more}"
