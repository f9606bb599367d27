"""Tables found by geometry alone, and their rows as blocks."""

from __future__ import annotations

from hmicfrs.extractors.findings import extract_findings
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


def test_header_cells_printed_as_one_line_are_cut_where_the_rows_start_their_cells():
    header = [Line(1, 60, 100, 150, 112, "Recommendation", 10, True),
              Line(1, 360, 100, 500, 112, "Lead organisation Timescale", 10, True)]
    rows = []
    for top, who, when in ((120, "Home Office", "Immediately"), (160, "College of Policing", "Within 12 months")):
        rows.append(Line(1, 60, top, 340, top + 12, "The body named should act on this finding.", 10, False))
        rows.append(Line(1, 360, top, 360 + 5.5 * len(who), top + 12, who, 10, False))
        rows.append(Line(1, 460, top, 460 + 5.5 * len(when), top + 12, when, 10, False))
    [table], _ = find_tables(header + rows)
    assert table.header == ["Recommendation", "Lead organisation", "Timescale"]
    assert [[" ".join(ln.text for ln in cell) for cell in row][1:] for row in table.rows] == [
        ["Home Office", "Immediately"], ["College of Policing", "Within 12 months"]]


def test_centred_header_cells_take_the_columns_where_the_rows_start():
    header = [Line(1, 65, 100, 107, 112, "Number", 10, True), Line(1, 224, 100, 313, 112, "Recommendation", 10, True),
              Line(1, 458, 100, 502, 112, "Deadline", 10, True)]
    rows = []
    for n, top in (("1", 120), ("2", 160)):
        rows += [Line(1, 64, top, 68, top + 12, n, 10, False),
                 Line(1, 121, top, 409, top + 12, "Chief fire officers should make sure that it is done", 10, False),
                 Line(1, 429, top, 508, top + 12, "31 October 2026", 10, False),
                 Line(1, 121, top + 13, 360, top + 25, "and shared with neighbouring services.", 10, False)]
    [table], rest = find_tables(header + rows)
    assert rest == [] and table.columns[1:] == [121, 429]
    assert [[" ".join(ln.text for ln in cell) for cell in row] for row in table.rows][0] == [
        "1", "Chief fire officers should make sure that it is done and shared with neighbouring services.",
        "31 October 2026"]


def test_a_ref_printed_close_to_its_text_is_its_own_cell():
    header = [Line(1, 93, 100, 111, 112, "Ref", 10, True),
              Line(1, 266, 100, 380, 112, "Area for improvement", 10, True)]
    rows = [Line(1, 90, 120, 98, 132, "a)", 10, False),
            Line(1, 125, 120, 480, 132, "The consistency of the hub's records.", 10, False),
            Line(1, 90, 150, 480, 162, "b) The timeliness with which the police share information.", 10, False),
            Line(1, 125, 163, 300, 175, "with schools.", 10, False)]
    [table], _ = find_tables(header + rows)
    assert [[" ".join(ln.text for ln in cell) for cell in row] for row in table.rows] == [
        ["a)", "The consistency of the hub's records."],
        ["b)", "The timeliness with which the police share information. with schools."]]


def test_rows_printed_without_a_gap_split_where_the_next_value_starts():
    """ "Area for improvement | Question": each text wraps over lines as close as a row's own lines; a
    new value in the second column, level with a new sentence in the first, starts the next row."""
    texts = [("The force should monitor its use of force", "1"), ("by officers, including Taser.", ""),
             ("The force should clear its backlog of", "2"), ("vetting reviews.", ""),
             ("The force should check its computer systems.", "3")]
    lines = cells(1, 100, ("Area for improvement", "Question"), bold=True)[:1]
    lines.append(Line(1, 350, 100, 400, 112, "Question", 10, True))
    for i, (text, question) in enumerate(texts):
        top = 116 + 13 * i
        lines.append(Line(1, 60, top, 300, top + 11, text, 10, False))
        if question:
            lines.append(Line(1, 350, top, 356, top + 11, question, 10, False))
    [table] = find_tables(lines)[0]
    rows = [[" ".join(ln.text for ln in cell) for cell in row] for row in table.rows]
    assert rows == [["The force should monitor its use of force by officers, including Taser.", "1"],
                    ["The force should clear its backlog of vetting reviews.", "2"],
                    ["The force should check its computer systems.", "3"]]


def test_rows_printed_without_a_gap_split_where_the_text_column_opens_a_sentence_beside_a_new_title():
    """ "Theme | Area for improvement": the theme titles wrap and end with no stop; a theme line more
    than a line below the last, level with a new sentence after a finished one, starts the next row."""
    printed = [("Keeping people safe", "The force should check that its officers"),
               ("", "record every stop and search."),
               ("Working with partner", "The force should agree with its partners"),
               ("agencies", "how they share what they know about"),
               ("", "children at risk."),
               ("Working with partner", "The force should review the way it refers"),
               ("agencies", "people to victim services.")]
    lines = [Line(1, 60, 100, 90, 112, "Theme", 10, True),
             Line(1, 300, 100, 420, 112, "Area for improvement", 10, True)]
    for i, (theme, text) in enumerate(printed):
        top = 116 + 13 * i
        if theme:
            lines.append(Line(1, 60, top, 60 + 5.5 * len(theme), top + 11, theme, 10, False))
        lines.append(Line(1, 300, top, 300 + 5.5 * len(text), top + 11, text, 10, False))
    [table] = find_tables(lines)[0]
    rows = [[" ".join(ln.text for ln in cell) for cell in row] for row in table.rows]
    assert rows == [["Keeping people safe", "The force should check that its officers record every stop and search."],
                    ["Working with partner agencies", "The force should agree with its partners how they share what "
                                                      "they know about children at risk."],
                    ["Working with partner agencies", "The force should review the way it refers people to victim "
                                                      "services."]]


def test_a_table_cut_by_a_page_break_goes_on_at_the_top_of_the_next_page_without_its_header():
    """The last row on page 1 holds only the start of its text; page 2 opens with the rest of it, then
    the next rows, in the same columns and with no header: one table, its cut row read as one item."""
    page1 = cells(1, 600, ("No.", "Recommendation", "Who", "When"), bold=True)
    page1 += cells(1, 620, ("1", "Chief constables should publish", "Chief constables", "June 2026"))
    page1 += cells(1, 633, ("", "their plans for custody.", "", ""))
    page1 += cells(1, 660, ("2", "The College of Policing should", "College", "–"))
    page2 = cells(2, 72, ("", "update its guidance on strip", "", ""))
    page2 += cells(2, 85, ("", "searches of children.", "", ""))
    page2 += cells(2, 110, ("3", "The Home Office should fund", "Home Office", "2027"))
    page2 += cells(2, 123, ("", "more places of safety.", "", ""))
    after = Line(2, 60, 160, 520, 172, "We also found three areas for improvement, which are set out below.", 10, False)
    pages = [Page(1, 595, 842, "", page1, body_size=10), Page(2, 595, 842, "", [*page2, after], body_size=10)]
    blocks = list(iter_blocks(pages))
    assert [(b.page, b.kind) for b in blocks] == [(1, "row"), (1, "row"), (2, "row"), (2, "row"), (2, "para")]
    assert blocks[2].cells == [("No.", ""), ("Recommendation", "update its guidance on strip searches of children."),
                               ("Who", ""), ("When", "")]
    found = extract_findings(blocks).findings
    assert [(f.ref, f.text, f.pages) for f in found] == [
        ("1", "Chief constables should publish their plans for custody.", [1]),
        ("2", "The College of Policing should update its guidance on strip searches of children.", [1, 2]),
        ("3", "The Home Office should fund more places of safety.", [2])]


def test_a_heading_at_the_top_of_the_next_page_does_not_carry_the_table_on():
    page1 = findings_table(1, 700)
    page2 = [Line(2, 60, 72, 160, 86, "Chapter 2", 14, True),
             Line(2, 60, 100, 520, 112, "Our inspection found that forces record most of their seizures well.", 10,
                  False)]
    pages = [Page(1, 595, 842, "", page1, body_size=10), Page(2, 595, 842, "", page2, body_size=10)]
    assert [(b.page, b.kind) for b in iter_blocks(pages)] == [(1, "row"), (1, "row"), (2, "heading"), (2, "para")]
