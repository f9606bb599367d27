"""The reference text-run reader: one PDFium page scan per run, kept as the truth the fast reader matches.

For each of PDFium's text rects it asks PDFium for the text inside the rect (shrunk a little) and for a
character under the rect's left edge, and takes size, baseline and weight from that character. Both
questions scan every character on the page inside PDFium, which is slow on long pages but is, by
definition, what a run is. `textruns.read_runs` gives the same answer faster and falls back on
`bounded_text` and `char_index` here for any run it cannot prove; the identity tests compare the two.
"""

from __future__ import annotations

import ctypes
import functools
import re

import pypdfium2 as pdfium
import pypdfium2.raw as raw

BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
FORCE_BOLD_FLAG = 1 << 18
SHRINK = 0.6  # adjacent runs share edge pixels: the text rect is shrunk so a shared glyph prints once
PROBE_INSET = 1.5  # where the character that gives a run its font is looked for, from each end
FONT_NAME_BYTES = 128  # room for a font's name (longer names are cut, which only the bold test reads)

# x0, top, x1, bottom, text, size, bold: the fields of pdf.Run, in order
RunFields = tuple[float, float, float, float, str, float, bool]


class FontScratch:
    """Reusable ctypes out-parameters for reading one character's font."""

    def __init__(self) -> None:
        self.name = ctypes.create_string_buffer(FONT_NAME_BYTES)
        self.flags = ctypes.c_int()
        self.origin_x, self.origin_y = ctypes.c_double(), ctypes.c_double()


def read_runs(textpage: pdfium.PdfTextPage, page_top: float, page_left: float) -> list[RunFields]:
    """Every text rect on the page as a run, asking PDFium twice per rect (the slow, reference way)."""
    runs = []
    scratch = FontScratch()
    for i in range(raw.FPDFText_CountRects(textpage, 0, -1)):
        rect = textpage.get_rect(i)
        text = bounded_text(textpage, rect)
        if not text.strip():
            continue
        runs.append(run_fields(textpage, char_index(textpage, rect), rect, text, page_top, page_left, scratch))
    return runs


def bounded_text(textpage: pdfium.PdfTextPage, rect: tuple[float, float, float, float]) -> str:
    """PDFium's text inside the rect, shrunk a little at both ends."""
    x0, y_top, x1, y_bottom = rect
    return textpage.get_text_bounded(x0 + SHRINK, y_bottom, x1 - SHRINK, y_top)


def char_index(textpage: pdfium.PdfTextPage, rect: tuple[float, float, float, float]) -> int | None:
    """A character inside the run (the run's middle may fall on a space)."""
    x0, y_top, x1, y_bottom = rect
    y = (y_top + y_bottom) / 2
    for x in (x0 + PROBE_INSET, (x0 + x1) / 2, x1 - PROBE_INSET):
        index = textpage.get_index(x, y, 2, 2)
        if index is not None and index >= 0:
            return index
    return None


@functools.cache
def _bold_name(name: bytes) -> bool:
    """Whether a font's name says it is bold (a page uses a handful of fonts: asked once each)."""
    return bool(BOLD_NAME.search(name.decode("latin-1")))


# Bound once: run_fields asks these for every run on every page.
_font_size = raw.FPDFText_GetFontSize
_char_origin = raw.FPDFText_GetCharOrigin
_font_info = raw.FPDFText_GetFontInfo
_font_weight = raw.FPDFText_GetFontWeight


def run_fields(textpage: pdfium.PdfTextPage, index: int | None, rect: tuple[float, float, float, float],
               text: str, page_top: float, page_left: float, scratch: FontScratch) -> RunFields:
    """A run's box from its baseline and font size, with the size and weight of the character at index."""
    x0, y_top, x1, y_bottom = rect
    if index is None:
        size, bold, baseline = 0.0, False, y_bottom
    else:
        size = _font_size(textpage, index)
        _char_origin(textpage, index, scratch.origin_x, scratch.origin_y)
        baseline = scratch.origin_y.value
        _font_info(textpage, index, scratch.name, FONT_NAME_BYTES, scratch.flags)
        # the weight is asked only when the name and flags do not already say bold
        bold = (_bold_name(scratch.name.value) or bool(scratch.flags.value & FORCE_BOLD_FLAG)
                or _font_weight(textpage, index) >= 600)
    # A line box from the baseline and the font size, not the glyphs' ink: a dash and a word on
    # one baseline then line up, and gaps between lines measure the same everywhere.
    em = size or (y_top - y_bottom)
    base = page_top - baseline
    return (x0 - page_left, base - 0.75 * em, x1 - page_left, base + 0.22 * em, text, size, bold)
