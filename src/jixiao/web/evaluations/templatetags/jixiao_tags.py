from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    """`{{ values|get:path }}`: a form value by its model path."""
    return mapping.get(key, "")


@register.filter
def severity(code: str) -> str:
    """`warning` → 警告: the same Chinese titles as the command line."""
    from jixiao.model.finding import SEVERITY_TITLES

    return SEVERITY_TITLES.get(code, code)
