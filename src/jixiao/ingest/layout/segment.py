"""How a paragraph is cut into pieces, and whether it belongs to a form at all.

A paragraph with bars is cut at the bars; a paragraph that runs many form labels
together (`单位名称:…项目名称…预算数(A)执行数(B)…`) is one joined piece for the lexer; a
line of short parts separated by spaces is cut at the spaces when it holds a label or
the reader is inside a form; anything else is one piece. Prose (a long paragraph without
the form's labels) ends a form.
"""

from __future__ import annotations

import re

from jixiao.ingest.document import Paragraph
from jixiao.ingest.forms import FUND_COLUMNS, INDICATOR_COLUMNS, LEVEL2_SHORT, column_of, label_key, name_field
from jixiao.ingest.layout.lexer import Lexeme, kind_of, lex
from jixiao.ingest.layout.pieces import Piece, is_piped, pipe_cells, space_cells, whole

STRONG = ("一级指标", "二级指标", "三级指标", "年度资金总额", "资金总额", "年初预算数", "全年预算数", "全年执行数",
          "指标值", "完成值", "单位名称", "项目名称", "部门名称", "执行率", "预算数", "执行数")
LONG = 80
_SPLIT = re.compile(r"[ \t\u3000\xa0]+")
MAX_SPACED_PART = 40


def lexemes_of(paragraph: Paragraph, mode: str | None) -> list[Lexeme]:
    pieces = _pieces(paragraph, mode)
    found = [lexeme for piece in pieces for lexeme in _lex(piece)]
    return merge_split_labels(found)


def _pieces(paragraph: Paragraph, mode: str | None) -> list[Piece]:
    text = paragraph.text
    if is_piped(text):
        return [p if len(p.key) <= 40 else _as_joined(p) for p in pipe_cells(paragraph)]
    if is_joined_form(text):
        return whole(paragraph, joined=True)
    if _spaced(text) and (mode is not None or _labels_in(text)):
        return space_cells(paragraph)
    return whole(paragraph)


def _as_joined(piece: Piece) -> Piece:
    return Piece(piece.paragraph, piece.start, piece.end, joined=True, row_end=piece.row_end)


def _lex(piece: Piece) -> list[Lexeme]:
    if not piece.joined and label_key(piece.text) in LEVEL2_SHORT:
        return [Lexeme(piece, "level")]
    if not piece.joined and name_field(piece.text):
        return [Lexeme(piece, "name:" + name_field(piece.text))]  # type: ignore[operator]
    if not piece.joined and kind_of(piece.key) != "text":
        return [Lexeme(piece, kind_of(piece.key))]
    if not piece.joined and (column_of(piece.text, INDICATOR_COLUMNS) or column_of(piece.text, FUND_COLUMNS)):
        return [Lexeme(piece, "column")]  # a header cell is one label (`未完成原因分析`)
    if not piece.joined and len(piece.key) > LONG:
        return [Lexeme(piece, "text")]
    return lex(piece)


def merge_split_labels(lexemes: list[Lexeme]) -> list[Lexeme]:
    """`年初` + `预算数`, `经济效益` + `指标`: a label printed across two cells."""
    out: list[Lexeme] = []
    for lexeme in lexemes:
        if out and _joins(out[-1], lexeme):
            merged = out[-1].piece.merged(lexeme.piece)
            out[-1] = Lexeme(merged, kind_of(merged.key))
            continue
        out.append(lexeme)
    return out


class Merger:
    """Holds back one lexeme, so a label split across two paragraphs is read as one."""

    def __init__(self) -> None:
        self.held: Lexeme | None = None

    def push(self, lexeme: Lexeme) -> list[Lexeme]:
        if self.held is not None and _joins(self.held, lexeme):
            merged = self.held.piece.merged(lexeme.piece)
            self.held = Lexeme(merged, kind_of(merged.key))
            return []
        out = [self.held] if self.held is not None else []
        self.held = lexeme
        return out

    def flush(self) -> list[Lexeme]:
        out = [self.held] if self.held is not None else []
        self.held = None
        return out


def _joins(previous: Lexeme, lexeme: Lexeme) -> bool:
    if previous.piece.joined or lexeme.piece.joined or len(previous.piece.key) > 6 or not lexeme.piece.key:
        return False
    if previous.kind not in ("text", "level") and lexeme.piece.key not in ("指标", "目标"):
        return False
    return kind_of(previous.piece.key + lexeme.piece.key) != "text"


def is_joined_form(text: str) -> bool:
    """A long paragraph that runs a form's labels together: two of its header words side by
    side (`全年预算数全年执行数`, `预算数(A)执行数(B)`), not spread over sentences."""
    if len(text) < 40:
        return False
    key = label_key(text)
    if sum(1 for word in STRONG if word in key) < 2:
        return False
    lexemes = lex(whole(Paragraph(text, 0))[0])
    for first, second in zip(lexemes, lexemes[1:]):
        if first.kind == "column" and second.kind == "column" and label_key(first.piece.text) in STRONG:
            return True
    return False


def is_prose(text: str) -> bool:
    """A sentence, not a cell: it ends with 。 or is punctuated like one."""
    stripped = text.strip()
    if is_piped(stripped) or is_joined_form(stripped):
        return False
    return stripped.endswith("。") or len(re.findall(r"[，,；;]", stripped)) >= 2


def _labels_in(text: str) -> list[str]:
    return [lexeme.piece.key for lexeme in lex(whole(Paragraph(text, 0))[0]) if lexeme.kind != "text"]


def _spaced(text: str) -> bool:
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    return len(parts) >= 2 and all(len(p) <= MAX_SPACED_PART for p in parts)


_OUTLINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]\s*[\u4e00-\u9fff])")


def may_start(paragraph: Paragraph) -> bool:
    """Whether a form could begin here: a label of the form's header, funds or indicators,
    in a cell-like paragraph (a numbered heading of the report's outline is not one)."""
    text = paragraph.text
    if is_piped(text) or is_joined_form(text):
        return True
    if len(text) > 40 or _OUTLINE.match(text) or is_prose(text):
        return False
    return any(lexeme.kind != "text" for lexeme in lexemes_of(paragraph, None))


def ends_form(paragraph: Paragraph, reader) -> bool:  # noqa: ANN001 - FormReader (circular import)
    """Prose ends a form: a long paragraph without bars that is not a run-together form."""
    text = paragraph.text
    if reader.mode == "goals" or is_piped(text) or is_joined_form(text):
        return False
    return len(text) > LONG or (bool(_OUTLINE.match(text)) and reader.mode in ("ind_rows", "total", "after"))
