from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    """`{{ values|get:path }}`: a form value by its model path."""
    return mapping.get(key, "")
