"""The fast text-run reader gives exactly the reference reader's runs and page model.

The reference (`textruns_reference`) asks PDFium for each rect's text and font character with a
whole-page scan; the fast reader (`textruns`) reads the page text once and proves each run from
geometry. The PDFs here are the demo samples and one page drawn to be awkward: text drawn over
text, one glyph per text object with tight kerning, narrow first glyphs, a raised footnote marker,
rotated and tiny text, a drop capital across lines and runs that begin with a space.
"""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from hmicfrs.ingest import pdf, textruns, textruns_geometry, textruns_reference
from hmicfrs.ingest.layout import build_page


def awkward_pdf(path):
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 10.5)
    c.drawString(72, 780, "Officers told us they were committed to improving investigations.")
    c.drawString(72, 780, "Overprinted words sit on the same baseline as another run.")
    c.setFont("Helvetica-Bold", 10.5)
    c.drawString(72, 760, "Recommendation 1")
    c.setFont("Helvetica", 10.5)
    c.drawString(72 + c.stringWidth("Recommendation 1", "Helvetica-Bold", 10.5), 760, " is drawn in two runs.")
    x = 72.0
    for ch in "illicit, lit. justified: one glyph per object; if i l . , ! ' ":  # tight, per glyph
        c.drawString(x, 740, ch)
        x += c.stringWidth(ch, "Helvetica", 10.5) * 0.8
    c.drawString(72, 720, "Footnote marker")
    c.setFont("Helvetica", 6)
    c.drawString(72 + c.stringWidth("Footnote marker", "Helvetica", 10.5), 724, "12")
    c.setFont("Times-Italic", 12)
    c.drawString(72, 700, "jumping italic fjords overhang")
    c.setFont("Times-Italic", 9)  # a space too thin for a rect, reaching into the overhanging j
    c.drawString(72 + c.stringWidth("jumping italic fjords overhang", "Times-Italic", 12), 700, " jolly")
    c.setFont("Helvetica-Bold", 40)
    c.drawString(72, 640, "D")
    c.setFont("Helvetica", 10.5)
    for i, line in enumerate(["rop capital beside three lines", "of body text that sit to its", "right side."]):
        c.drawString(102, 668 - 12 * i, line)
    c.setFont("Helvetica", 3)
    c.drawString(72, 620, "tiny print i l . at three points")
    c.saveState()
    c.translate(300, 400)
    c.rotate(30)
    c.setFont("Helvetica", 11)
    c.drawString(0, 0, "Rotated text in a tilted box")
    c.restoreState()
    text = c.beginText(72, 560)
    text.setFont("Helvetica", 10.5)
    text.setCharSpace(-0.8)
    text.textLine("Squeezed letters overlap their neighbours: lilt ill.")
    text.setCharSpace(0)
    text.textLine("   Leading spaces, then words   with   wide gaps.")
    c.drawText(text)
    c.showPage()
    c.setFont("Helvetica", 10.5)
    c.drawString(72, 780, "Second page, plain.")
    c.showPage()
    c.showPage()  # an empty page
    c.save()
    return path


def page_models(path):
    """For each page: (fast runs, reference runs, fast lines, reference lines)."""
    doc = pdfium.PdfDocument(str(path))
    out = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            left, _, _, top = page.get_mediabox()
            textpage = page.get_textpage()
            fast = textruns.read_runs(textpage, top, left)
            ref = textruns_reference.read_runs(textpage, top, left)
            textpage.close()
            raw_page = pdf.read_page(page, index + 1)
            ref_page = pdf.RawPage(raw_page.number, raw_page.width, raw_page.height, [pdf.Run(*r) for r in ref],
                                   raw_page.boxes, raw_page.rotation, raw_page.chars)
            page.close()
            out.append((fast, ref, _lines(raw_page), _lines(ref_page)))
    finally:
        doc.close()
    return out


def _lines(raw_page):
    return [(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.box) for ln in build_page(raw_page).lines]


@pytest.fixture
def fallbacks(monkeypatch):
    """Counts of runs the fast reader had to read the reference way."""
    counts = {"bounded_text": 0, "char_index": 0}
    for name in counts:
        real = getattr(textruns, name)

        def counted(*args, _real=real, _name=name):
            counts[_name] += 1
            return _real(*args)
        monkeypatch.setattr(textruns, name, counted)
    return counts


def test_sample_reports_read_identically_and_mostly_fast(sample_pdfs, fallbacks):
    runs = 0
    for path in sample_pdfs.values():
        for fast, ref, lines_fast, lines_ref in page_models(path):
            assert fast == ref
            assert lines_fast == lines_ref
            runs += len(ref)
    assert runs > 200
    assert fallbacks["bounded_text"] < runs * 0.1  # the fast path did the work
    assert fallbacks["char_index"] < runs * 0.3


def test_awkward_page_reads_identically(tmp_path, fallbacks):
    models = page_models(awkward_pdf(tmp_path / "awkward.pdf"))
    for fast, ref, lines_fast, lines_ref in models:
        assert fast == ref
        assert lines_fast == lines_ref
    first = models[0][1]
    texts = " ".join(r[4] for r in first)
    assert "Overprinted" in texts and "Rotated" in texts and "jolly" in texts
    assert fallbacks["bounded_text"] > 0  # overprinted and squeezed text took the reference way
    assert models[2][0] == []  # the empty page


def test_a_word_hyphenated_across_lines_is_read_fast_but_for_its_own_run(tmp_path, fallbacks, monkeypatch):
    """PDFium marks a hyphen that breaks a word across lines with U+FFFE in the page text; only the run
    holding it is read the reference way, not the whole page."""
    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 11)
    lines = ["We recognise the importance of problem-", "solving plans, which the force uses", "in every",
             "neighbourhood, and of well-", "being support for its officers."]
    for i, line in enumerate(lines):
        c.drawString(72, 700 - 14 * i, line)
    c.save()
    whole_page = []
    real = textruns_reference.read_runs
    monkeypatch.setattr(textruns_reference, "read_runs", lambda *a: whole_page.append(1) or real(*a))
    [(fast, ref, lines_fast, lines_ref)] = page_models(path)
    assert fast == ref and lines_fast == lines_ref
    assert len(whole_page) == 1  # page_models' own reference read: the fast reader did not fall back
    # the two lines ending in a broken word, each read twice (page_models reads the page twice)
    assert fallbacks["bounded_text"] == 2 * 2 and len(fast) == 5


def test_run_text_matches_pdfium_at_every_rect(tmp_path):
    """Each run's text is PDFium's own bounded text for its rect (not only equal between two readers)."""
    doc = pdfium.PdfDocument(str(awkward_pdf(tmp_path / "awkward.pdf")))
    page = doc[0]
    textpage = page.get_textpage()
    left, _, _, top = page.get_mediabox()
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    expected = [t for t in (textruns_reference.bounded_text(textpage, r) for r in rects) if t.strip()]
    assert [r[4] for r in textruns.read_runs(textpage, top, left)] == expected
    textpage.close()
    page.close()
    doc.close()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(
    st.text(alphabet="ilj.,;:'-–fiAVTWoy 123()", min_size=1, max_size=14),
    st.integers(20, 560), st.integers(20, 820),
    st.sampled_from(["Helvetica", "Helvetica-Bold", "Times-Italic", "Courier"]),
    st.sampled_from([3, 6, 9, 10.5, 24]), st.sampled_from([0, -1.5, 0.5]), st.booleans()),
    min_size=1, max_size=12))
def test_random_pages_read_identically(pieces):
    """Strings anywhere, overlapping or not, squeezed or spread, whole or one glyph per text object."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "random.pdf"
        c = canvas.Canvas(str(path), pagesize=(595, 842))
        for text, x, y, font, size, spacing, per_glyph in pieces:
            if per_glyph:
                for i, ch in enumerate(text):
                    c.setFont(font, size)
                    c.drawString(x + i * (size * 0.45 + spacing), y, ch)
            else:
                t = c.beginText(x, y)
                t.setFont(font, size)
                t.setCharSpace(spacing)
                t.textOut(text)
                c.drawText(t)
        c.save()
        for fast, ref, lines_fast, lines_ref in page_models(path):
            assert fast == ref
            assert lines_fast == lines_ref


def _meetings_pair_by_pair(rects, spaces, starts, lasts, edges):
    """What `textruns_geometry.meetings` answers, by comparing every rect with every box in Python."""
    drawn = [(at, b) for at, b in spaces if b[2] > b[0] and b[3] > b[1]]
    others = [(key, None, box) for key, box in enumerate(rects)] + [(None, at, box) for at, box in drawn]
    blocked, lead, taken = [], [], []
    for j, ((_, y0, _, y1), (left, right, px, py), a, last) in enumerate(
            zip(rects, edges, starts, lasts, strict=True)):
        b_j = l_j = t_j = False
        for key, at, (bl, bb, br, bt) in others:
            meet = bl < right and left < br and bl < br and bb < y1 and y0 < bt and bb < bt
            holds = bl <= px <= br and bb <= py <= bt
            if key is not None:  # a rect
                b_j |= meet and key != j
                t_j |= holds and key < j
            else:  # a loose space, the character at index `at`
                l_j |= meet and at == a - 1
                b_j |= meet and at != a - 1 and (last is None or at != last + 1)
                t_j |= holds and at < a
        blocked.append(b_j)
        lead.append(l_j)
        taken.append(t_j)
    return blocked, lead, taken


def _f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


@st.composite
def boxes_on_a_page(draw):
    """Rects (and loose spaces) of every size: one-glyph, line-wide, page-wide, empty; many of them
    touching or overlapping exactly at the shrunk edges and probe points the tests compare."""
    edges_x, edges_y = [], []

    def box():
        x = draw(st.one_of(st.floats(-50, 650).map(_f32), st.sampled_from(edges_x or [0.0])))
        y = draw(st.one_of(st.floats(-50, 650).map(_f32), st.sampled_from(edges_y or [0.0])))
        w = draw(st.sampled_from([0.0, 0.3, 1.2, 1.5, 5.0, 40.0, 400.0, 5000.0]))
        h = draw(st.sampled_from([0.0, 2.0, 11.0, 30.0, 900.0]))
        x1, y1 = _f32(x + w), _f32(y + h)
        edges_x.extend([x, x1, _f32(x + 0.6), _f32(x1 - 0.6), _f32(x + 1.5)])
        edges_y.extend([y, y1, _f32((y + y1) / 2)])
        return (x, y, x1, y1)

    rects = [box() for _ in range(draw(st.integers(1, 40)))]
    starts = sorted(draw(st.sets(st.integers(0, 400), min_size=len(rects), max_size=len(rects))))
    lasts = [draw(st.sampled_from([None, a, a + 1])) for a in starts]
    # a space just before a rect's characters, just after them, or anywhere
    near = st.sampled_from([a + d for a in starts for d in (-1, 1, 2)])
    spaces = [(draw(st.one_of(near, st.integers(0, 401))), box()) for _ in range(draw(st.integers(0, 8)))]
    return rects, spaces, starts, lasts


@settings(max_examples=150, deadline=None)
@given(boxes_on_a_page(), st.sampled_from([0, 1 << 30]))
def test_page_geometry_in_numpy_equals_every_pair_compared(page, all_pairs_max):
    """Both ways of choosing pairs (all of them, or those sharing a grid cell) give the pairwise answer."""
    rects, spaces, starts, lasts = page
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(textruns_geometry, "ALL_PAIRS_MAX", all_pairs_max)
        found = textruns_geometry.meetings(rects, spaces, starts, lasts)
    assert (found.blocked, found.lead, found.probe_taken) == _meetings_pair_by_pair(
        rects, spaces, starts, lasts, found.edges)


def test_page_geometry_refuses_coordinates_that_are_not_finite():
    rects = [(0.0, 0.0, 10.0, 10.0), (5.0, 0.0, float("inf"), 10.0)]
    assert textruns_geometry.meetings(rects, [], [0, 1], [0, 1]) is None


@pytest.mark.parametrize("all_pairs_max", [0, 1 << 30])
def test_pages_read_identically_whichever_way_pairs_are_chosen(tmp_path, sample_pdfs, monkeypatch, all_pairs_max):
    monkeypatch.setattr(textruns_geometry, "ALL_PAIRS_MAX", all_pairs_max)
    for path in [awkward_pdf(tmp_path / "awkward.pdf"), *sample_pdfs.values()]:
        for fast, ref, lines_fast, lines_ref in page_models(path):
            assert fast == ref
            assert lines_fast == lines_ref


def test_a_probe_point_past_a_narrow_rect_finds_the_rect_in_the_next_grid_cell(monkeypatch):
    monkeypatch.setattr(textruns_geometry, "ALL_PAIRS_MAX", 0)  # choose pairs by grid cell (16 points)
    earlier, narrow = (16.0, 0.0, 20.0, 10.0), (14.9, 0.0, 15.5, 10.0)  # probe at 14.9 + 1.5, inside `earlier`
    found = textruns_geometry.meetings([earlier, narrow], [], [0, 1], [0, 1])
    assert found.probe_taken == [False, True]
