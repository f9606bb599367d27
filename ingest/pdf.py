"""Read a PDF page by page into positioned text runs and shaded boxes, with pypdfium2.

pypdfium2 reads text runs (PDFium's "text rects": a stretch of characters on one baseline in one
font size) about 25 times faster than building pdfplumber's char objects, and runs are exactly the
unit the layout needs: columns, superscript footnote markers and headings each come out as runs of
their own (`textruns` reads them with one text extraction per page). One page is open at a time,
so memory stays flat on a long report.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from ..model import Box
from .errors import CorruptPdf, EmptyFile, EncryptedPdf, IngestError, NoPages, NotAPdf, UnreadablePage
from .textruns import read_runs


@dataclass(frozen=True)
class BoxSettings:
    """Which filled rectangles are shaded call-out boxes. Distances in PDF points, colours 0-255. (The
    run geometry's constants are in textruns_reference.py.)"""

    min_width: float = 0.3  # a shaded box spans at least this share of the page width ...
    min_height: float = 12.0  # ... and is at least this tall
    min_alpha: int = 20  # a fill more transparent than this is no box
    tint_darkest: int = 150  # a box's fill is a light tint: no channel darker than this ...
    tint_lightest: int = 252  # ... and not page white


BOXES = BoxSettings()


@dataclass(slots=True)
class Run:
    """A stretch of text on one baseline in one font (PDFium's text rect)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    bold: bool


@dataclass(slots=True)
class RawPage:
    number: int
    width: float
    height: float
    runs: list[Run]
    boxes: list[Box]
    rotation: int
    chars: int
    text: str = ""  # PDFium's plain text, kept only when it reads characters that form no runs (vertical text)


def check_signature(path: Path) -> None:
    """Fail fast, before PDFium, on files that are plainly not PDFs."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile()
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype" in lowered:
            raise NotAPdf("an HTML page saved with a .pdf name (no %PDF- header); download the PDF itself")
        raise NotAPdf()


# Why PDFium refused a file is decided from this file alone: PDFium keeps its last error across
# documents and some failures (an empty page tree, a broken stream) set none, so a stale "password"
# from the previous file would be reported for a damaged one. Each open first sets a known error.
_PRIMER = ctypes.create_string_buffer(b"%PDF-1.0 not a document")
ENCRYPT_KEY = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
PAGE_LEAF = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
EMPTY_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0(?!\d)|/Count\s+0(?!\d)[^>]*?/Type\s*/Pages\b")
SCAN_LIMIT = 64 << 20  # bytes read to explain a refusal (a damaged file is rarely bigger)


def open_pdf(path: Path) -> tuple[pdfium.PdfDocument, list[str]]:
    """Open a PDF, raising a specific IngestError; return the document and any warnings."""
    check_signature(path)
    raw.FPDF_LoadMemDocument(_PRIMER, len(_PRIMER) - 1, None)  # fails: the last error is now "format"
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _refusal(path, getattr(exc, "err_code", None)) from exc
    if len(doc) == 0:
        doc.close()
        raise NoPages()
    warnings = []
    if raw.FPDF_GetSecurityHandlerRevision(doc) != -1:
        warnings.append("the PDF is encrypted with an owner password only; it opened without one")
    return doc, warnings


def _refusal(path: Path, code: int | None) -> IngestError:
    """The true reason PDFium refused this file, from its error code checked against the file's bytes."""
    with path.open("rb") as fh:
        data = fh.read(SCAN_LIMIT)
    if code == raw.FPDF_ERR_PASSWORD and ENCRYPT_KEY.search(data):
        return EncryptedPdf()
    if EMPTY_TREE.search(data) and not PAGE_LEAF.search(data):
        return NoPages()
    return CorruptPdf()


def producer_of(doc: pdfium.PdfDocument) -> str | None:
    """The software that made the PDF ("Creator; Producer"): tells a browser print from the original."""
    meta = metadata_of(doc)
    return "; ".join(v for k, v in meta.items() if k in ("Creator", "Producer")) or None


def metadata_of(doc: pdfium.PdfDocument) -> dict[str, str]:
    """The PDF's document information (Title, Author, Creator, Producer...), empty values left out."""
    try:
        return doc.get_metadata_dict(skip_empty=True)
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return {}


def iter_pages(doc: pdfium.PdfDocument, start: int = 0, stop: int | None = None) -> Iterator[RawPage]:
    """Yield each page's runs and boxes (0-based start to stop), closing PDFium's page objects as it goes.
    A page PDFium cannot load or read raises UnreadablePage naming it."""
    for index in range(start, len(doc) if stop is None else min(stop, len(doc))):
        try:
            page = doc[index]
        except pdfium.PdfiumError as exc:  # a looping page tree, a damaged page object
            raise _unreadable(index) from exc
        try:
            raw_page = read_page(page, index + 1)
        except pdfium.PdfiumError as exc:
            raise _unreadable(index) from exc
        finally:
            page.close()
        yield raw_page


def _unreadable(index: int) -> UnreadablePage:
    return UnreadablePage(f"page {index + 1} cannot be read (damaged or looping page tree); download the PDF again")


def read_page(page: pdfium.PdfPage, number: int) -> RawPage:
    left, bottom, right, top = page.get_mediabox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    try:
        runs = _read_runs(textpage, top, left)
        chars = raw.FPDFText_CountChars(textpage)
        # "no text" is decided from what the page yields, not from the runs the layout can use
        plain = textpage.get_text_range() if chars > 0 and not runs else ""
    finally:
        textpage.close()
    return RawPage(number, width, height, runs, _read_boxes(page, number, top, left, width), page.get_rotation(), chars,
                   plain)


def _read_runs(textpage: pdfium.PdfTextPage, page_top: float, page_left: float) -> list[Run]:
    """The page's text runs, read with one text extraction per page (see textruns.py)."""
    return [Run(*fields) for fields in read_runs(textpage, page_top, page_left)]


def _read_boxes(page: pdfium.PdfPage, number: int, page_top: float, page_left: float, width: float) -> list[Box]:
    """Filled, light-coloured rectangles wide and tall enough to hold text: shaded call-out boxes."""
    boxes = []
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    bounds = [ctypes.c_float() for _ in range(4)]
    rgba = [ctypes.c_uint() for _ in range(4)]
    # a browser's print has a text object per glyph: the loop below runs over every one of them
    handle, get_object, get_type = page.raw, raw.FPDFPage_GetObject, raw.FPDFPageObj_GetType
    for i in range(raw.FPDFPage_CountObjects(handle)):
        obj = get_object(handle, i)
        if get_type(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
        if not fill_mode.value:
            continue
        raw.FPDFPageObj_GetBounds(obj, *bounds)
        x0, y0, x1, y1 = (b.value for b in bounds)
        if x1 - x0 < width * BOXES.min_width or y1 - y0 < BOXES.min_height:
            continue
        raw.FPDFPageObj_GetFillColor(obj, *rgba)
        r, g, b, a = (c.value for c in rgba)
        if a < BOXES.min_alpha or min(r, g, b) < BOXES.tint_darkest or min(r, g, b) >= BOXES.tint_lightest:
            continue
        boxes.append(Box(number, x0 - page_left, page_top - y1, x1 - page_left, page_top - y0))
    return boxes
