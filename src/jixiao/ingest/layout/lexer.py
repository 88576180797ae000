"""Cut text whose table cells ran together at the labels of the forms.

`项目名称东津院区建设补助主管部门襄阳市卫生健康委` becomes the label 项目名称, the joined
piece 东津院区建设补助, the label 主管部门 and the piece 襄阳市卫生健康委. A label takes
the column marks and points printed after it (`预算执行情况(万元)(20分)`). The text
between labels stays `joined`: it may still hold several cells (`10001000100%20`), which
the form reader splits by the form's own arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from jixiao.ingest.forms import lexicon
from jixiao.ingest.layout.pieces import Piece

_MARKS = r"(?:[(（][^()（）]{0,14}[)）])*"
# Mirror sites number the pages of a document `1、`, `2、` at the start of each page's text.
_NOISE = re.compile(r"^(?:其中)?[^\w=<>≥≤%‰]*$")


@dataclass(frozen=True)
class Lexeme:
    piece: Piece
    kind: str  # a lexicon kind (`name:unit.name`, `column`, `level`, …) or `text`
    inside: bool = False  # cut from run-together text (its neighbours may be the same cell)


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    entries = lexicon()
    words = "|".join(re.escape(word) for word, _ in entries)
    return re.compile(rf"(?:{words}){_MARKS}"), dict(entries)


def lex(piece: Piece) -> list[Lexeme]:
    """Labels and the text between them, in order (a piece that is one label is that label)."""
    pattern, kinds = _pattern()
    key = piece.key
    found: list[Lexeme] = []
    position = 0
    for match in pattern.finditer(key):
        _text(piece, position, match.start(), found)
        found.append(Lexeme(piece.sub(match.start(), match.end(), joined=False), kind_of(match.group(0)),
                            inside=piece.joined))
        position = match.end()
    _text(piece, position, len(key), found)
    if found and not found[-1].piece.row_end and piece.row_end:
        found[-1] = Lexeme(found[-1].piece.ended(), found[-1].kind, found[-1].inside)
    return found


def kind_of(label: str) -> str:
    """The lexicon kind of a label as printed (`预算数(A)` → column), else `text`."""
    _, kinds = _pattern()
    return kinds.get(re.sub(rf"{_MARKS}$", "", label), "text")


def _text(piece: Piece, start: int, end: int, found: list[Lexeme]) -> None:
    while start < end and piece.key[start] in ":：":  # the colon after a label is not the value's
        start += 1
    if start < end and not _NOISE.match(piece.key[start:end]):
        found.append(Lexeme(piece.sub(start, end, joined=piece.joined), "text", inside=piece.joined))
