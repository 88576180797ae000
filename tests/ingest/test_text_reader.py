"""The tab-per-cell text layout, rule by rule, on small snippets."""

from jixiao.ingest.readers.text import parse_text


def rows(text: str) -> list[list[str]]:
    document = parse_text(text, "t.txt")
    return [[cell.text for cell in row] for row in document.tables[0].rows]


def test_cells_rows_and_the_end_of_a_table() -> None:
    document = parse_text("标题\n\ta\n\tb\n\n\tc\n\td\n\n\n说明：其后正文", "t.txt")
    assert [[c.text for c in r] for r in document.tables[0].rows] == [["a", "b"], ["c", "d"]]
    assert [p.text for p in document.paragraphs] == ["标题", "说明：其后正文"]
    assert [type(b).__name__ for b in document.blocks] == ["Paragraph", "Table", "Paragraph"]


def test_a_cell_runs_over_lines_and_across_one_blank_line() -> None:
    assert rows("\t年度预\n算申请\n（万元）\n\t年初预算数") == [["年度预\n算申请\n（万元）", "年初预算数"]]
    assert rows("\t产出指标\n\n(50分)\n\t数量指标") == [["产出指标\n\n(50分)", "数量指标"]]


def test_an_ideographic_space_line_is_content_not_a_separator() -> None:
    assert rows("\t效益指标\n\n（30分）\n\u3000\n\t经济效益") == [["效益指标\n\n（30分）\n\u3000", "经济效益"]]


def test_vertically_merged_cells_are_empty_cells() -> None:
    assert rows("\t绩效指标\n\t一级\n\n\t\n\t产出") == [["绩效指标", "一级"], ["", "产出"]]


def test_bookmarks_are_removed_and_lines_numbered() -> None:
    document = parse_text("[bookmark: _GoBack]一、基本情况\n\n\t表格", "t.txt")
    assert document.paragraphs[0].text == "一、基本情况"
    assert document.paragraphs[0].line == 1
    assert document.tables[0].rows[0][0].line == 3


def test_cell_flat_text_drops_breaks_and_ideographic_spaces() -> None:
    cell = parse_text("\t\u3000经济效\n益指标\u3000", "t.txt").tables[0].rows[0][0]
    assert cell.flat == "经济效益指标"
