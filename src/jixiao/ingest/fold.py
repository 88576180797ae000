"""Text folded for recognition, with the way back to the text as printed.

Reports reach us in traditional characters (mirror sites re-publish them, some with
pinyin glosses after each character: `農(nóng)業(yè)`), with full-width digits and signs
(`９９．５％`, `≧`), and OCR output. Recognition matches labels and numbers on the
folded text; every value it records is cut from the original text through `original()`,
so provenance keeps what the report printed:

    fold("預(yù)算執(zhí)行率１００％").text == "预算执行率100%"
    folded.original(0, 5) == "預(yù)算執(zhí)行率"
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
_SIGNS = {"≧": "≥", "≦": "≤", "〜": "~", "～": "~", "–": "-", "—": "-", "－": "-", "\u3000": " ", "\xa0": " "}
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin gloss right after a character: `農(nóng)`. It carries a tone mark, so `数(A)` is kept.
_GLOSS = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,8}}\)")


@dataclass(frozen=True, slots=True)
class Folded:
    """`text` for matching; `starts[i]` is where folded character i begins in `source`."""

    source: str
    text: str
    starts: tuple[int, ...] | None = None  # None: the identity map

    def position(self, index: int) -> int:
        """The offset in `source` of folded offset `index` (which may be the end)."""
        if self.starts is None:
            return index
        return self.starts[index] if index < len(self.starts) else len(self.source)

    def original(self, start: int, end: int) -> str:
        """The printed text behind folded text[start:end], glosses included."""
        if start >= end:
            return ""
        return self.source[self.position(start): self._end(end)]

    def squashed(self) -> Folded:
        """The same text without whitespace (`年度财政 资金总额`), still mapped back."""
        keep = [i for i, ch in enumerate(self.text) if not ch.isspace()]
        if len(keep) == len(self.text):
            return self
        return Folded(self.source, "".join(self.text[i] for i in keep), tuple(self.position(i) for i in keep))

    def _end(self, end: int) -> int:
        if self.starts is None:
            return end
        last = self.starts[end - 1]
        following = self.position(end)
        return following if following > last else last + 1


def fold(text: str) -> Folded:
    """Simplified characters, NFKC width, ASCII-like signs, glosses removed; mapped back."""
    return _fold(text)


@lru_cache(maxsize=4096)
def _fold(text: str) -> Folded:
    kept, starts = _without_glosses(text)
    simplified = _T2S.convert(kept)
    if len(simplified) != len(kept):  # a phrase conversion changed the length: go character by character
        simplified = "".join(_T2S.convert(ch) or ch for ch in kept)
    chars: list[str] = []
    mapped: list[int] = []
    for offset, ch in zip(starts, simplified):
        for out in _fold_char(ch):
            chars.append(out)
            mapped.append(offset)
    folded = "".join(chars)
    identity = folded == text
    return Folded(text, folded, None if identity else tuple(mapped))


def _without_glosses(text: str) -> tuple[str, list[int]]:
    pieces, starts, position = [], [], 0
    for match in _GLOSS.finditer(text):
        pieces.append(text[position: match.start()])
        starts.extend(range(position, match.start()))
        position = match.end()
    pieces.append(text[position:])
    starts.extend(range(position, len(text)))
    return "".join(pieces), starts


@lru_cache(maxsize=1024)
def _fold_char(ch: str) -> str:
    if ch in _SIGNS:
        return _SIGNS[ch]
    if ch.isascii():
        return ch
    return unicodedata.normalize("NFKC", ch) or ch


def simplify(text: str) -> str:
    """Only the folded text (for labels and keys)."""
    return _fold(text).text
