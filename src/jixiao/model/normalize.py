"""Pure string normalisation for values as they appear in real report cells.

NFKC folds full-width digits, ％, ＞＝, ． and U+3000 to ASCII; it leaves ≧ ≦ 〜 ‰
alone, so those are mapped explicitly (rules.md §3.1). Example: `　≧３８个` → `≥38个`.
"""

from __future__ import annotations

import re
import unicodedata

_SIGNS = str.maketrans({"≧": "≥", "≦": "≤", "〜": "~", "～": "~", "–": "-", "—": "-", "－": "-"})
_SPACES = re.compile(r"\s+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def normalize_value_text(text: str) -> str:
    """Fold width, variant signs, spaces and thousands separators; keep meaning."""
    folded = unicodedata.normalize("NFKC", text).translate(_SIGNS)
    folded = _SPACES.sub("", folded)
    folded = folded.replace(">=", "≥").replace("<=", "≤").replace("≥=", "≥").replace("≤=", "≤")
    return _THOUSANDS.sub("", folded)


def clean_cell(text: str | None) -> str:
    """Strip the ideographic spaces, NBSP and stray whitespace every sample cell carries."""
    if text is None:
        return ""
    return text.replace("\u3000", " ").replace("\xa0", " ").strip()
