"""Pages of a document that a sharing site printed as numbered chunks, joined again.

Such sites show a Word file's text page by page: `1、<page 1>`, `2、<page 2>`, … and a
page break may fall inside a cell (`…时效指标12月底之前完成10` / `2、0%100%10`). Two
consecutive long chunks numbered n and n+1 are one text; the `2、` is dropped. The joined
paragraph remembers where each chunk begins so cells still point at their own line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.ingest.document import Paragraph

_CHUNK = re.compile(r"^\s*(\d{1,3})、")
MIN_CHUNK = 80  # a page of a form, not a numbered list item


@dataclass(frozen=True)
class Joined:
    paragraph: Paragraph  # the text of all chunks; index and line of the first
    parts: tuple[tuple[int, Paragraph], ...]  # (offset in the joined text, chunk)

    def locate(self, offset: int) -> Paragraph:
        return next(p for start, p in reversed(self.parts) if offset >= start)


def join_pages(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], dict[int, Joined]]:
    """The paragraphs with page chunks joined; `joined` maps id(new paragraph) → its parts."""
    out: list[Paragraph] = []
    joined: dict[int, Joined] = {}
    run: list[Paragraph] = []
    for paragraph in paragraphs + [None]:  # type: ignore[list-item]
        if paragraph is not None and run and _continues(run[-1], paragraph):
            run.append(paragraph)
            continue
        if run:
            out.append(_join(run, joined))
        run = [paragraph] if paragraph is not None and _chunk_number(paragraph) == 1 else []
        if paragraph is not None and not run:
            out.append(paragraph)
    return out, joined


def _chunk_number(paragraph: Paragraph) -> int | None:
    match = _CHUNK.match(paragraph.text)
    return int(match[1]) if match and len(paragraph.text) >= MIN_CHUNK else None


def _continues(previous: Paragraph, paragraph: Paragraph) -> bool:
    """The next page's chunk; the last one may be short (the text ends there)."""
    match = _CHUNK.match(paragraph.text)
    before = _CHUNK.match(previous.text)
    return before is not None and match is not None and int(match[1]) == int(before[1]) + 1


def _join(run: list[Paragraph], joined: dict[int, Joined]) -> Paragraph:
    if len(run) == 1:
        return run[0]
    text, parts = "", []
    for index, chunk in enumerate(run):
        body = chunk.text if index == 0 else chunk.text[_CHUNK.match(chunk.text).end():]  # type: ignore[union-attr]
        parts.append((len(text), chunk))
        text += body
    first = run[0]
    paragraph = Paragraph(text=text, index=first.index, line=first.line, page=first.page)
    joined[id(paragraph)] = Joined(paragraph, tuple(parts))
    return paragraph
