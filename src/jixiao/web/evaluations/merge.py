"""What another person changed, and how two people's edits are put together.

When a save is refused because someone saved in the meantime, `changes(base, theirs, mine)`
lists what they changed since the version the user started from, field by field, with the
user's own input beside it. `merge(base, theirs, mine)` builds the form holding both: their
changes, then the user's; where both changed the same field differently, the user's input
stays in the form and the conflict is named, so nothing is decided silently. Indicator rows
are matched by their 一级/二级/三级指标 (then by position), so inserted or deleted rows do
not shift every cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from jixiao.web.evaluations.editing import LABELS, ORDER, ROW_FIELDS, ROW_LABELS, Form, Row
from jixiao.web.evaluations.limits import parse_number


@dataclass
class Change:
    place: str  # 总分 · 第3行“发放宣传资料” 得分 · 章节“基本情况”
    before: str
    after: str
    mine: str | None = None  # the user's input for the same field (None: not in the form)

    @property
    def conflict(self) -> bool:
        return self.mine is not None and self.mine not in (self.before, self.after)


def match_rows(base: list[Row], theirs: list[Row]) -> dict[int, int]:
    """Base row index → their row index: same names first, then same position."""
    free: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, row in enumerate(theirs):
        free[_key(row)].append(j)
    mapping = {i: free[_key(row)].pop(0) for i, row in enumerate(base) if free[_key(row)]}
    used = set(mapping.values())
    for i in range(len(base)):
        if i not in mapping and i < len(theirs) and i not in used:
            mapping[i] = i
            used.add(i)
    return mapping


def _key(row: Row) -> tuple[str, ...]:
    return row.values["level1"], row.values["level2"], row.values["name"]


def _label(row: Row, index: int) -> str:
    return f"第{index + 1}行“{row.values['name'] or row.values['level2'] or '（未命名）'}”"


def changes(base: Form, theirs: Form, mine: Form) -> list[Change]:
    """Their changes since `base`, each with the user's input for that field."""
    result = [Change(LABELS[path], base.values[path], theirs.values[path], mine.values.get(path))
              for path in base.values if base.values[path] != theirs.values[path]]
    mapping = match_rows(base.rows, theirs.rows)
    my_rows = {row.id: row for row in mine.rows if row.id is not None}
    for i, row in enumerate(base.rows):
        if i not in mapping:
            result.append(Change(_label(row, i), "（原有此行）", "（已删除）"))
            continue
        other, mine_row = theirs.rows[mapping[i]], my_rows.get(i)
        result += [Change(f"{_label(row, i)} {ROW_LABELS[f]}", row.values[f], other.values[f],
                          mine_row.values[f] if mine_row else None)
                   for f in ROW_FIELDS if row.values[f] != other.values[f]]
    result += [Change(_label(row, j), "（无）", "（新增此行）") for j, row in enumerate(theirs.rows)
               if j not in mapping.values()]
    return result + _section_changes(base, theirs, mine)


def _section_changes(base: Form, theirs: Form, mine: Form) -> list[Change]:
    if len(base.sections) != len(theirs.sections):
        return [Change("报告正文", f"{len(base.sections)} 个章节", f"{len(theirs.sections)} 个章节")]
    result = []
    for i, (old, new) in enumerate(zip(base.sections, theirs.sections)):
        mine_section = mine.sections[i] if i < len(mine.sections) else None
        for name, title in (("heading", "标题"), ("text", "正文")):
            if old[name] != new[name]:
                result.append(Change(f"章节“{old['heading']}” {title}", old[name], new[name],
                                     mine_section[name] if mine_section else None))
    return result


def _pick(base: str, theirs: str, mine: str, place: str, notes: list[str]) -> str:
    if mine == base or mine == theirs:
        return theirs
    if theirs != base:
        notes.append(f"{place}：对方改为“{theirs}”，您改为“{mine}”，暂按您的输入")
    return mine


def merge(base: Form, theirs: Form, mine: Form) -> tuple[Form, list[str]]:
    """The form with their changes and the user's, and a note for each conflict. Row ids in
    the result refer to `theirs` (the version now stored)."""
    notes: list[str] = []
    values = {path: _pick(base.values[path], theirs.values[path], mine.values[path], LABELS[path], notes)
              for path in base.values}
    rows = _merge_rows(base, theirs, mine, notes)
    sections = _merge_sections(base, theirs, mine, notes)
    return Form(values, rows, sections), notes


def _in_order(rows: list[Row]) -> list[Row]:
    """Rows as the user ordered them (the form was checked: every order is a number or blank)."""
    def key(item: tuple[int, Row]) -> tuple[Decimal, int]:
        index, row = item
        try:
            return parse_number(row.order, ORDER), index
        except ValidationError:
            return Decimal(index), index
    return [row for _, row in sorted(enumerate(rows), key=key)]


def _merge_rows(base: Form, theirs: Form, mine: Form, notes: list[str]) -> list[Row]:
    mapping = match_rows(base.rows, theirs.rows)
    rows: list[Row] = []
    for row in _in_order(mine.rows):
        if row.delete:
            continue
        if row.id is None:
            rows.append(Row(None, dict(row.values)))
            continue
        old, label = base.rows[row.id], _label(base.rows[row.id], row.id)
        if row.id not in mapping:
            if row.values != old.values:
                notes.append(f"{label}：对方删除了此行，您修改了它，暂按新增行保留")
                rows.append(Row(None, dict(row.values)))
            continue
        other = theirs.rows[mapping[row.id]]
        rows.append(Row(mapping[row.id], {f: _pick(old.values[f], other.values[f], row.values[f],
                                                   f"{label} {ROW_LABELS[f]}", notes) for f in ROW_FIELDS}))
    kept = {row.id for row in mine.rows if row.id is not None and not row.delete}
    for i, old in enumerate(base.rows):
        if i not in kept and i in mapping and theirs.rows[mapping[i]].values != old.values:
            notes.append(f"{_label(old, i)}：您删除了此行，对方修改了它，暂按您的删除")
    rows += [Row(j, dict(row.values)) for j, row in enumerate(theirs.rows) if j not in mapping.values()]
    for index, row in enumerate(rows):
        row.order = str(index)
    return rows


def _merge_sections(base: Form, theirs: Form, mine: Form, notes: list[str]) -> list[dict[str, str]]:
    if not (len(base.sections) == len(theirs.sections) == len(mine.sections)):
        for old, own in zip(base.sections, mine.sections):  # cannot be merged section by section
            if own != old:
                notes.append(f"章节“{old['heading']}”：对方增删了章节，无法逐段合并；下面显示的是对方的正文，"
                             f"您的修改是（请复制后重新填入）：{own['heading']}\n{own['text']}")
        return [dict(section) for section in theirs.sections]
    return [{name: _pick(old[name], new[name], own[name], f"章节“{old['heading']}”", notes) for name in ("heading", "text")}
            for old, new, own in zip(base.sections, theirs.sections, mine.sections)]
