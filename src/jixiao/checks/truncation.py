"""Whether a document stops part-way: an excerpt, a page cut off, a truncated upload.

Its last paragraph ends without closing a sentence (no 。！？；), or its last block is a
form whose indicator rows never reach their 总分 row. Checks that look for what comes
later (sections, the result, the last row's values) say nothing about what lies past it.
"""

from __future__ import annotations

import re

from jixiao.ingest.document import Document, Paragraph, Table
from jixiao.ingest.fold import fold

_CLOSED = re.compile(r"[。！？!?；;…”’」』)）]\s*$|^\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[（(]?附(?:件|表)?\s*\d.*)$"
                     r"|(?:签字|签章|盖章|填表人|日期)\s*[:：]?\s*$|年\s*\d{0,2}\s*月\s*\d{0,2}\s*日\s*$"
                     r"|^\s*(?:总分|合计|总计)[\s|:：\d.分]*$")  # a form's total row, flattened


def truncated(doc: Document) -> bool:
    if doc.ending is not None:
        return doc.ending != "总分" and not _CLOSED.search(fold(doc.ending).text.strip())
    blocks = [b for b in doc.blocks if not isinstance(b, Paragraph) or b.text.strip()]
    if not blocks:
        return False
    last = blocks[-1]
    if isinstance(last, Table):
        return not any(fold(c.text).text.replace(" ", "") in ("总分", "合计") for row in last.rows for c in row[:2])
    return not _CLOSED.search(fold(last.text).text.strip())


def last_words(doc: Document) -> str:
    if doc.ending is not None:
        return doc.ending[-20:]
    last = next((b for b in reversed(doc.blocks) if isinstance(b, Paragraph) and b.text.strip()), None)
    return last.text.strip()[-20:] if last is not None else ""
