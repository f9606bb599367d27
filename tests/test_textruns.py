"""The fast text-run reader gives exactly the reference reader's runs and page model.

The reference (`textruns_reference`) asks PDFium for each rect's text and font character with a
whole-page scan; the fast reader (`textruns`) reads the page text once and proves each run from
geometry. The PDFs here are the demo samples and one page drawn to be awkward: text drawn over
text, one glyph per text object with tight kerning, narrow first glyphs, a raised footnote marker,
rotated and tiny text, a drop capital across lines and runs that begin with a space.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from hmicfrs.ingest import pdf, textruns, textruns_reference
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
