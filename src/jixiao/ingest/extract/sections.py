"""Headed sections of a report's prose.

Numbering tells the level: `一、` 1, `（一）` 2, `1.`/`1、` 3, `（1）` 4. Converters write
auto-numbered headings with Arabic digits and a trailing space (`1、 部门基本情况`,
`（3） 人员情况`, where the original had 一、 and （三）), so a digit followed by a space
takes the level of the Chinese form. A heading is short; a long paragraph that starts
with a number is a heading only up to its first `。` (`1.项目支出预算执行情况。该项目…`).
A numbered paragraph that continues a list — the previous paragraph numbered the same
way carried the number before it and was not a heading — is a list item, not a heading
(`9、指导推动政法系统…。` then `10、完成区委交办的其他任务。`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.ingest.document import Document, Paragraph

_CN = "一二三四五六七八九十"
# (pattern, level, family): the family groups numberings that count one list together.
PATTERNS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(rf"^([{_CN}]+)、\s*"), 1, "cn"),
    (re.compile(r"^(\d{1,2})、\s+"), 1, "arabic、"),
    (re.compile(rf"^[（(]([{_CN}]+)[)）]\s*"), 2, "(cn)"),
    (re.compile(r"^[（(](\d{1,2})[)）]\s+"), 2, "(arabic)"),
    (re.compile(r"^(\d{1,2})、\s*"), 3, "arabic、"),
    (re.compile(r"^(\d{1,2})[.．](?!\d)\s*"), 3, "arabic."),
    (re.compile(r"^[（(](\d{1,2})[)）]"), 4, "(arabic)"),
)
MAX_HEADING = 40
MAX_LEAD = 32  # a heading run into its first sentence: `1.项目支出预算执行情况。…`


@dataclass
class Heading:
    paragraph: Paragraph
    number: str
    level: int
    title: str
    body: str  # text after the heading in the same paragraph


@dataclass
class Part:
    """A heading with the paragraphs up to the next heading of any level."""

    heading: Heading | None
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        lead = [self.heading.body] if self.heading and self.heading.body else []
        return "\n".join(lead + [p.text for p in self.paragraphs])


@dataclass
class _Numbered:
    family: str
    number: str
    heading: Heading | None


def numbering_of(paragraph: Paragraph) -> tuple[_Numbered, Heading | None] | None:
    """The paragraph's numbering and, if it reads as one, the heading it starts."""
    text = paragraph.text.strip()
    for pattern, level, family in PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        title, body = _split_lead(text[match.end():].strip())
        heading = Heading(paragraph, match[1], paragraph.heading_level or level, title, body) if title else None
        return _Numbered(family, match[1], heading), heading
    return None


def _split_lead(rest: str) -> tuple[str, str]:
    whole = rest.rstrip("。")
    if len(rest) <= MAX_HEADING and _title_like(whole) and (not rest.endswith("。") or len(rest) <= MAX_LEAD):
        return whole, ""
    head, dot, body = rest.partition("。")
    if dot and len(head) <= MAX_LEAD and _title_like(head):
        return head, body.strip()
    return "", ""


_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|万|元|%|％)")


def _title_like(text: str) -> bool:
    """A heading names a topic: no sentence marks, and no amount (`共支182.564万元` is a statement)."""
    return bool(text) and not any(mark in text for mark in ("，", "；", "。", "：")) and text[-1] not in "、" \
        and not _AMOUNT.search(re.sub(r"[（(][^）)]*[)）]", "", text))


def _continues_list(current: _Numbered, previous: _Numbered | None) -> bool:
    if previous is None or previous.family != current.family or previous.heading is not None:
        return False
    return current.number.isdigit() and previous.number.isdigit() and int(current.number) == int(previous.number) + 1


_ATTACHMENT = re.compile(r"^附(?:件|表)?\s*\d+(?:[-—－]\d+)?(?:[:：\s]|$)")
# The date of a 落款, filled in or left blank: `2024年3月15日`, `二〇二四年三月`, `年　　月　　日`.
_DATE_LINE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})?\s*年\s*[\d一二三四五六七八九十]{0,2}\s*月"
                        r"\s*(?:[\d一二三四五六七八九十]{0,3}\s*日)?$")
MAX_SIGNER = 40


def _closing(part: Part, paragraph: Paragraph) -> Part | None:
    """The 落款 that ends the report's text: a date line, with the signing unit on the line
    before it; neither belongs to the last section."""
    if part.heading is None or not _DATE_LINE.match(paragraph.text.strip()):
        return None
    closing = Part(heading=None)
    last = part.paragraphs[-1] if part.paragraphs else None
    if last is not None and len(last.text) <= MAX_SIGNER and not any(mark in last.text for mark in "。，；："):
        closing.paragraphs.append(part.paragraphs.pop())
    return closing


def split_parts(doc: Document) -> list[Part]:
    """The document's paragraphs grouped under their headings (a first part may have none).

    A section ends where the attachments begin: at a table or an `附件1` line, the text
    that follows belongs to no section of the report's outline. The 落款 (signing unit and
    date) ends it too.
    """
    parts = [Part(heading=None)]
    last: dict[str, _Numbered] = {}
    for block in doc.blocks:
        if not isinstance(block, Paragraph):
            if parts[-1].heading is not None:
                parts.append(Part(heading=None))
            continue
        paragraph = block
        if _ATTACHMENT.match(paragraph.text) and parts[-1].heading is not None:
            parts.append(Part(heading=None))
        closing = _closing(parts[-1], paragraph)
        if closing is not None:
            parts.append(closing)
        found = numbering_of(paragraph)
        heading = None
        if found is not None:
            numbered, heading = found
            if heading is not None and _continues_list(numbered, last.get(numbered.family)):
                numbered.heading = heading = None
            last[numbered.family] = numbered
        if heading is not None:
            parts.append(Part(heading=heading))
        else:
            parts[-1].paragraphs.append(paragraph)
    return parts
