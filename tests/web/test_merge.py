"""Putting two people's edits together: rows are matched by their names, so rows the other
person inserted or deleted do not shift the user's edits; a field both changed is a
conflict that keeps the user's input and is named."""

from __future__ import annotations

from jixiao.web.evaluations.editing import ROW_FIELDS, Form, Row
from jixiao.web.evaluations.merge import changes, match_rows, merge


def row(name: str, score: str = "5", row_id: int | None = None) -> Row:
    values = dict.fromkeys(ROW_FIELDS, "") | {"level1": "产出指标", "level2": "数量指标", "name": name, "weight": "5",
                                             "score": score}
    return Row(row_id, values)


def form(rows: list[Row], total: str = "98", sections: list[dict[str, str]] | None = None) -> Form:
    return Form({"stated.total": total, "title": "标题"}, rows, sections or [{"heading": "一", "text": "甲"}])


BASE = form([row("甲", row_id=0), row("乙", row_id=1), row("丙", row_id=2)])


def test_rows_are_matched_by_name_then_position() -> None:
    theirs = [row("新"), row("甲"), row("丙改名")]
    assert match_rows(BASE.rows, theirs) == {0: 1, 2: 2}  # 甲 by name; 丙 renamed in its place; 乙 deleted
    assert match_rows(BASE.rows, [row("甲"), row("乙"), row("丙改名")]) == {0: 0, 1: 1, 2: 2}


def test_their_inserted_row_does_not_shift_my_edit() -> None:
    theirs = form([row("新增"), row("甲", row_id=1), row("乙", row_id=2), row("丙", row_id=3)])
    mine = form([row("甲", row_id=0), row("乙", "3", row_id=1), row("丙", row_id=2)])
    merged, notes = merge(BASE, theirs, mine)
    assert [(r.id, r.values["name"], r.values["score"]) for r in merged.rows] == [
        (1, "甲", "5"), (2, "乙", "3"), (3, "丙", "5"), (0, "新增", "5")]
    assert notes == []


def test_a_row_they_deleted_and_i_edited_is_kept_and_named() -> None:
    theirs = form([row("甲", row_id=0), row("丙", row_id=1)])
    mine = form([row("甲", row_id=0), row("乙", "2", row_id=1), row("丙", row_id=2)])
    merged, notes = merge(BASE, theirs, mine)
    assert [(r.id, r.values["name"]) for r in merged.rows] == [(0, "甲"), (None, "乙"), (1, "丙")]
    assert notes == ["第2行“乙”：对方删除了此行，您修改了它，暂按新增行保留"]


def test_the_same_field_changed_twice_is_a_conflict_with_my_value() -> None:
    theirs = form(BASE.rows, total="97")
    merged, notes = merge(BASE, theirs, form(BASE.rows, total="96"))
    assert merged.values["stated.total"] == "96" and notes == ["总分：对方改为“97”，您改为“96”，暂按您的输入"]
    assert merge(BASE, theirs, form(BASE.rows, total="97"))[1] == []  # the same change twice is no conflict
    assert merge(BASE, theirs, BASE)[0].values["stated.total"] == "97"


def test_the_diff_lists_their_changes_with_my_input() -> None:
    theirs = form([row("甲", "4", row_id=0), row("丙", row_id=1), row("丁")], sections=[{"heading": "一", "text": "乙"}])
    found = [(c.place, c.before, c.after, c.mine) for c in changes(BASE, theirs, BASE)]
    assert found == [("第1行“甲” 得分", "5", "4", "5"), ("第2行“乙”", "（原有此行）", "（已删除）", None),
                     ("第3行“丁”", "（无）", "（新增此行）", None), ("章节“一” 正文", "甲", "乙", "甲")]
