"""Tables found by geometry alone, and their rows as blocks."""

from __future__ import annotations

from hmicfrs.ingest.blocks import iter_blocks
from hmicfrs.ingest.tables import find_tables
from hmicfrs.model import Line, Page

COLUMNS = (60, 100, 350, 470)


def cells(page: int, top: float, texts: tuple[str, ...], size: float = 10, bold: bool = False) -> list[Line]:
    """One printed row: a line per non-empty cell, each in its column."""
    out = []
    for x, text in zip(COLUMNS, texts, strict=False):
        if text:
            out.append(Line(page, x, top, x + min(5.5 * len(text), 230), top + 12, text, size, bold))
    return out


def findings_table(page: int = 1, start: float = 100) -> list[Line]:
    lines = cells(page, start, ("Ref", "Recommendation", "Responsible body", "Target date"), bold=True)
    lines += cells(page, start + 20, ("1", "Make sure that every device", "Chief constables", "31 March 2026"))
    lines += cells(page, start + 33, ("", "seized is recorded.", "", ""))
    lines += cells(page, start + 53, ("2", "Set a national standard for", "National Police Chiefs'", "December"))
    lines += cells(page, start + 66, ("", "examining devices.", "Council", "2025"))
    return lines


def test_a_table_with_wrapped_cells():
    para = Line(1, 60, 300, 520, 312, "The table above sets out our recommendations and the bodies they are for.", 10,
                False)
    tables, rest = find_tables([*findings_table(), para])
    assert rest == [para]
    [table] = tables
    assert table.header == ["Ref", "Recommendation", "Responsible body", "Target date"]
    texts = [[" ".join(ln.text for ln in cell) for cell in row] for row in table.rows]
    assert texts == [["1", "Make sure that every device seized is recorded.", "Chief constables", "31 March 2026"],
                     ["2", "Set a national standard for examining devices.", "National Police Chiefs' Council",
                      "December 2025"]]


def test_body_text_is_no_table():
    lines = [Line(1, 60, 100 + 14 * i, 520, 112 + 14 * i, f"An ordinary line of body text number {i} runs on.", 10,
                  False) for i in range(8)]
    assert find_tables(lines) == ([], lines)


def test_two_columns_are_no_table():
    left = [Line(1, 60, 100 + 14 * i, 280, 112 + 14 * i, "left words", 10, False, column=0) for i in range(6)]
    right = [Line(1, 310, 100 + 14 * i, 520, 112 + 14 * i, "right words", 10, False, column=1) for i in range(6)]
    tables, rest = find_tables(left + right)
    assert tables == [] and len(rest) == 12


def test_rows_become_blocks_with_their_cells_in_reading_order():
    heading = Line(1, 60, 70, 200, 84, "Table 1: Recommendations", 10, True)
    page = Page(1, 595, 842, "", [heading, *findings_table()], body_size=10)
    blocks = list(iter_blocks([page]))
    assert [b.kind for b in blocks] == ["heading", "row", "row"]
    assert blocks[1].cells == [("Ref", "1"), ("Recommendation", "Make sure that every device seized is recorded."),
                               ("Responsible body", "Chief constables"), ("Target date", "31 March 2026")]
