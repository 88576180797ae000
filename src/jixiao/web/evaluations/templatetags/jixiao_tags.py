from typing import Any

from django import template
from django.utils.html import format_html

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


@register.simple_tag
def field_error(errors: dict[str, str], *parts: Any) -> str:
    """The message for the field `parts` names (`"ind", 3, "score"` → ind-3-score), beside it."""
    message = errors.get("-".join(str(p) for p in parts))
    return format_html('<span class="field-error" role="alert">{}</span>', message) if message else ""
