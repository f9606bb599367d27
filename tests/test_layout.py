"""ingest/layout.py, one test per behaviour, on hand-built runs (pure geometry, no PDF needed)."""

from hmicfrs.ingest.layout import LAYOUT, LayoutSettings, body_size, build_page, clean, drop_running_lines
from hmicfrs.ingest.pdf import RawPage, Run
from hmicfrs.model import Box, Page

W, H = 595.0, 842.0  # A4 in points


def run(x0, bottom, text, size=10.0, bold=False, width=None):
    width = width if width is not None else len(text) * size * 0.5
    return Run(x0, bottom - size, x0 + width, bottom, text, size, bold)


def page(runs, boxes=(), number=1, rotation=0):
    return RawPage(number, W, H, list(runs), list(boxes), rotation, sum(len(r.text) for r in runs))


def body(n=12, x0=72.0, top=200.0, step=14.0, text="Body text of the report goes on here"):
    return [run(x0, top + i * step, f"{text} {i}") for i in range(n)]


def test_body_size_is_the_size_most_characters_are_set_in():
    runs = [run(72, 100, "A big heading", size=18), *body(3)]
    assert body_size(runs) == 10.0
    assert body_size([]) == 0.0


def test_runs_on_one_baseline_close_together_make_one_line_far_apart_two():
    near = [run(72, 300, "Within six", width=50), run(124, 300, "months", width=30)]
    far = [run(72, 400, "Left side", width=45), run(400, 400, "Right side", width=50)]
    texts = [ln.text for ln in build_page(page(body(3) + near + far)).lines]
    assert "Within six months" in texts
    assert "Left side" in texts and "Right side" in texts


def test_a_gap_between_runs_wider_than_the_space_share_is_a_space():
    joined = [run(72, 300, "Recommen", width=40), run(112.5, 300, "dation", width=30)]  # 0.5 pt: one word
    spaced = [run(72, 320, "the", width=15), run(90, 320, "force", width=25)]  # 3 pt: two words
    texts = [ln.text for ln in build_page(page(body(3) + joined + spaced)).lines]
    assert "Recommendation" in texts and "the force" in texts


def glyphs(x0, bottom, text, gap, size=13.33):
    """One run per glyph, as a browser print places them: each glyph 0.5 em wide, `gap` em apart, and
    a space (as PDFium reports one) on the glyph before it."""
    runs, x = [], x0
    for ch in text:
        if ch == " ":
            runs[-1].text += " "
            x += 0.25 * size
            continue
        runs.append(run(x, bottom, ch, size=size, width=0.5 * size))
        x += (0.5 + gap) * size
    return runs


def test_between_single_glyph_runs_letter_spacing_and_narrow_digits_are_no_space():
    # measured in Chromium prints: a tabular "1" and the next digit 0.16-0.17 em apart, letter-spaced
    # capitals up to 0.15 em; a word space with no space character 0.2 em or more
    digits = glyphs(72, 300, "Published 12 March 2024", 0.165)
    caps = glyphs(72, 330, "RECOMMENDATION 6", 0.152)
    words = glyphs(72, 360, "the", 0.02) + glyphs(72 + 1.6 * 13.33 + 0.21 * 13.33, 360, "force", 0.02)
    texts = [ln.text for ln in build_page(page(body(3) + digits + caps + words)).lines]
    assert "Published 12 March 2024" in texts and "RECOMMENDATION 6" in texts and "the force" in texts
    wide = [run(72, 400, "Within", width=30), run(72 + 30 + 0.165 * 10, 400, "twelve", width=30)]
    assert "Within twelve" in [ln.text for ln in build_page(page(body(3) + wide)).lines]  # runs of words


def test_a_comma_inside_the_descender_of_the_letter_before_it_is_read_once():
    # a justified browser print, one glyph per run: PDFium reads the "y" box as "y, " (the comma's box
    # lies inside it) and the comma's own narrow box as "y, " again
    runs = glyphs(72, 300, "quickl", 0.05)
    x = runs[-1].x1 + 0.5
    runs += [run(x, 300, "y, ", size=13.33, width=7.0), run(x + 6.1, 300, "y, ", size=13.33, width=1.9),
             *glyphs(x + 12.0, 300, "then", 0.05)]
    texts = [ln.text for ln in build_page(page(body(3) + runs)).lines]
    assert "quickly, then" in texts
    apart = [run(72, 340, "ab", width=10), run(90, 340, "ab", width=10)]  # the same text twice, side by side
    assert "ab ab" in [ln.text for ln in build_page(page(body(3) + apart)).lines]


def test_a_small_raised_footnote_marker_leaves_the_body_line_but_stays_in_the_page_text():
    marker = Run(172, 293, 176, 297, "12", 6.0, False)
    result = build_page(page(body(3) + [run(72, 300, "the force should act", width=100), marker]))
    line = next(ln for ln in result.lines if ln.text.startswith("the force"))
    assert line.text == "the force should act"
    assert "12" in result.text


def test_a_bare_page_number_at_the_foot_of_the_page_is_dropped():
    result = build_page(page(body(3) + [run(290, 820, "17", width=10), run(72, 600, "Page 17 of the plan")]))
    texts = [ln.text for ln in result.lines]
    assert "17" not in texts and "Page 17 of the plan" in texts


def test_two_columns_read_left_column_then_right():
    left = body(6, x0=50, text="Left column line with enough words")
    right = body(6, x0=310, text="Right column line with enough words")
    for r in left + right:
        r.x1 = r.x0 + 230
    result = build_page(page(right + left))
    assert [ln.column for ln in result.lines] == [0] * 6 + [1] * 6
    assert result.lines[0].text.startswith("Left") and result.lines[6].text.startswith("Right")


def test_one_column_lines_read_top_to_bottom():
    result = build_page(page(list(reversed(body(5)))))
    assert [ln.text[-1] for ln in result.lines] == list("01234")
    assert {ln.column for ln in result.lines} == {0}


def test_a_line_inside_a_shaded_box_carries_the_box_id():
    box = Box(1, 60, 390, 500, 450)
    result = build_page(page(body(3) + [run(80, 420, "Recommendation 1 in a box")], boxes=[box]))
    boxed = [ln for ln in result.lines if ln.box is not None]
    assert [ln.text for ln in boxed] == ["Recommendation 1 in a box"] and boxed[0].box == 1000


def test_a_line_repeated_at_the_same_edge_of_many_pages_is_a_running_header():
    pages = [build_page(page([run(72, 40, f"PEEL 2025 Kent Police {n}"), *body(3)], number=n)) for n in range(1, 6)]
    drop_running_lines(pages)
    assert all(not ln.text.startswith("PEEL") for p in pages for ln in p.lines)
    short = [build_page(page([run(72, 40, "PEEL 2025"), *body(3)], number=n)) for n in range(1, 4)]
    drop_running_lines(short)  # three pages are too few to tell a running header from a heading
    assert all(p.lines[0].text == "PEEL 2025" for p in short)


def test_a_rotated_page_is_marked():
    assert build_page(page(body(2), rotation=90)).rotated and not build_page(page(body(2))).rotated


def test_clean_folds_ligatures_and_drops_soft_hyphens():
    assert clean("e\ufb03cient  co\u00adoperation\u00a0now") == "efficient cooperation now"


def test_settings_change_the_geometry():
    """The thresholds are settings: a wider edge band drops a page number further in."""
    raw = page(body(3) + [run(290, 760, "5", width=6)])
    assert "5" in [ln.text for ln in build_page(raw).lines]
    assert "5" not in [ln.text for ln in build_page(raw, LayoutSettings(edge_band=0.2)).lines]
    assert LAYOUT.small == 0.85 and isinstance(Page, type)
