"""ingest/blocks.py, one test per behaviour, on hand-built lines."""

from hmicfrs.ingest.blocks import BlockSettings, is_heading, iter_blocks
from hmicfrs.model import Line, Page

STEP = 12.0  # line pitch of 10 pt body text


def line(text, top, x0=72.0, size=10.0, bold=False, column=0, box=None, page=1):
    return Line(page, x0, top, x0 + 400, top + size, text, size, bold, column, box)


def blocks(*lines, number=1):
    return list(iter_blocks([Page(number, 595, 842, "", list(lines), 10.0)]))


def kinds_and_texts(result):
    return [(b.kind, b.text) for b in result]


def test_a_short_bold_or_larger_line_is_a_heading_a_long_one_is_not():
    assert is_heading(line("Causes of concern", 0, bold=True), 10.0)
    assert is_heading(line("Summary", 0, size=14), 10.0)
    assert not is_heading(line("x " * 80, 0, bold=True), 10.0)
    assert not is_heading(line("2024", 0, bold=True), 10.0)  # no letters: a number, not a heading
    assert not is_heading(line("Plain body text", 0), 10.0)


def test_a_paragraph_gap_starts_a_new_block_and_a_normal_pitch_does_not():
    result = blocks(line("First paragraph line one", 100), line("line two", 100 + STEP),
                    line("Second paragraph", 100 + 3 * STEP))
    assert kinds_and_texts(result) == [("para", "First paragraph line one line two"), ("para", "Second paragraph")]


def test_a_heading_is_a_block_of_its_own():
    result = blocks(line("Recommendations", 100, bold=True), line("The force should act.", 100 + STEP))
    assert kinds_and_texts(result) == [("heading", "Recommendations"), ("para", "The force should act.")]
    assert result[0].first_on_page and not result[1].first_on_page


def test_a_bullet_glyph_starts_an_item_and_its_wrapped_lines_join_it():
    result = blocks(line("The force should:", 100), line("\u2022 review its call handling", 100 + STEP, x0=80),
                    line("in every control room;", 100 + 2 * STEP, x0=88),
                    line("\u2022 train its staff.", 100 + 3 * STEP, x0=80))
    assert [b.kind for b in result] == ["para", "bullet", "bullet"]
    assert result[1].text == "\u2022 review its call handling in every control room;" and result[1].bullet_glyph


def test_indented_lines_without_glyphs_split_where_an_item_ends():
    lead = "In the six months after this report is published, all chief constables in England and Wales should:"
    result = blocks(line(lead, 100), line("make sure every report is assessed;", 100 + STEP, x0=90),
                    line("tell victims what the force will do", 100 + 2 * STEP, x0=90),
                    line("and when it will do it.", 100 + 3 * STEP, x0=90))
    assert [b.text for b in result[1:]] == ["make sure every report is assessed;",
                                            "tell victims what the force will do and when it will do it."]


def test_a_dash_at_the_margin_opens_a_wrapped_line_not_a_list_item():
    result = blocks(line("Body text that runs on", 100), line("- and on after a dash", 100 + STEP))
    assert kinds_and_texts(result) == [("para", "Body text that runs on - and on after a dash")]


def test_a_change_of_column_or_box_starts_a_new_block():
    result = blocks(line("left column text", 700), line("right column text", 100, x0=320, column=1),
                    line("boxed text", 100 + STEP, x0=320, column=1, box=1001))
    assert [b.text for b in result] == ["left column text", "right column text", "boxed text"]
    assert result[1].first_on_page  # a column break precedes it


def test_blocks_run_across_pages_in_order():
    pages = [Page(n, 595, 842, "", [line(f"page {n} text", 100, page=n)], 10.0) for n in (1, 2)]
    result = list(iter_blocks(pages))
    assert [(b.page, b.first_on_page) for b in result] == [(1, True), (2, True)]


def test_settings_change_where_blocks_break(monkeypatch):
    from hmicfrs.ingest import blocks as module

    lines = (line("one", 100), line("two", 100 + 2 * STEP))
    assert len(blocks(*lines)) == 2
    monkeypatch.setattr(module, "BLOCKS", BlockSettings(paragraph_gap=3))
    assert len(blocks(*lines)) == 1
