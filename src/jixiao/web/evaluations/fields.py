"""Form fields that check what people type, with a Chinese message for each problem:
numbers within their bounds (limits.py), fiscal years, grades, and text that fits its
column and holds only characters every database can store."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from jixiao.web.evaluations.limits import Bounds, parse_number, parse_year

GRADES = ("优", "良", "中", "差")
GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}
SURROGATE = re.compile("[\ud800-\udfff]")
CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")  # invisible; no worksheet accepts them (NUL is refused)


def no_surrogates(value: Any) -> None:
    if isinstance(value, str) and SURROGATE.search(value):
        raise ValidationError("含有无法存储的字符")


def normalize_newlines(text: str) -> str:
    """Browsers send a textarea's line breaks as CR LF; the stored text keeps LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextField(forms.CharField):
    """Text of at most `max_length` characters; `multiline` keeps every space and line."""

    def __init__(self, *, multiline: bool = False, **kwargs: Any) -> None:
        self.multiline = multiline
        super().__init__(strip=not multiline, **kwargs)
        self.validators.append(no_surrogates)
        for validator in self.validators:
            if isinstance(validator, MaxLengthValidator):
                validator.message = "最多 %(limit_value)d 个字，现有 %(show_value)d 个"

    def to_python(self, value: Any) -> str:
        text = CONTROL.sub("", super().to_python(value))
        return normalize_newlines(text) if self.multiline else text

    def validate(self, value: str) -> None:
        if self.required and not value.strip():
            raise ValidationError(self.error_messages["required"], code="required")


class NumberField(forms.CharField):
    """A plain decimal number within `bounds` (no NaN, Infinity or exponent)."""

    def __init__(self, bounds: Bounds, **kwargs: Any) -> None:
        self.bounds = bounds
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        return None if text == "" else parse_number(text, self.bounds)


class YearField(forms.CharField):
    """A fiscal year: `2023` or `2023年`."""

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value)
        return None if text == "" else parse_year(text)


class GradeField(forms.CharField):
    """优, 良, 中 or 差 (优秀, 良好, 中等, 较差 are read as these)."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        grade = GRADE_WORDS.get(text, text)
        if grade and grade not in GRADES:
            raise ValidationError(f"等级须为 {'、'.join(GRADES)} 之一，或留空")
        return grade
