"""Runs -> lines in reading order: columns, footnote markers, running headers and footers.

Geometry before regex: superscript footnote markers are smaller and raised, footnotes and running
headers/footers are set smaller than the body text, side-by-side columns are separated by a gutter.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

from ..model import Line, Page
from .pdf import RawPage, Run

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SMALL = 0.85  # a run smaller than this share of the body size is not body text
EDGE_BAND = 0.08  # top and bottom share of the page where running headers and footers sit
SPACES = re.compile(r"[ \t\u00a0]+")


def body_size(runs: list[Run]) -> float:
    """The font size most characters on the page are set in."""
    sizes: Counter[float] = Counter()
    for run in runs:
        if run.size:
            sizes[round(run.size * 2) / 2] += len(run.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def build_page(raw_page: RawPage) -> Page:
    """Assemble a page's runs into body lines in reading order, with shaded-box ids."""
    runs = [r for r in raw_page.runs if r.text.strip()]
    size = body_size(runs)
    groups = _group_lines(runs, size)
    made = [_make_line(g, raw_page.number) for g in groups]
    everything = sorted(made, key=lambda ln: (ln.top, ln.x0))
    full_text = "\n".join(ln.text for ln in everything)
    if not full_text and raw_page.text.strip():  # characters PDFium reads outside any run (vertical text)
        full_text = "\n".join(filter(None, (clean(t) for t in raw_page.text.splitlines())))
    # Body lines: the same lines less small type (footnote markers, footnotes, running headers/footers);
    # a line with no small type is the line already made (full_text is built, so sharing it is safe)
    lines = []
    for group, line in zip(groups, made, strict=True):
        body = [r for r in group if not size or not r.size or r.size >= size * SMALL]
        if len(body) == len(group):
            lines.append(line)
        elif body:
            lines.append(_make_line(body, raw_page.number))
    _drop_edge_noise(lines, raw_page.height)
    lines = _reading_order(lines, raw_page.width, size)
    boxes = raw_page.boxes
    for line in lines:
        for i, box in enumerate(boxes):
            cx, cy = (line.x0 + min(line.x1, box.x1)) / 2, (line.top + line.bottom) / 2
            if box.x0 - 2 <= cx <= box.x1 + 2 and box.top - 2 <= cy <= box.bottom + 2:
                line.box = raw_page.number * 1000 + i  # unique in the document
                break
    page = Page(raw_page.number, raw_page.width, raw_page.height, full_text, lines, size)
    page.rotated = raw_page.rotation != 0
    return page


@functools.lru_cache(maxsize=8192)  # a page set one glyph per run repeats the same few texts
def clean(text: str) -> str:
    """NFKC (ligatures), soft hyphens and odd spaces out; keeps typographic quotes and dashes."""
    if not text.isascii():  # NFKC and the replacements below leave ASCII as it is
        text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\ufffe", "")
    text = text.replace("\x02", "-")  # PDFium's mark for a hyphen that ends a line ("risk-" / "assessed")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text)
    return SPACES.sub(" ", text).strip()


def _group_lines(runs: list[Run], size: float) -> list[list[Run]]:
    """Runs sharing a baseline and close enough horizontally form one line."""
    gap_limit = max(size, 6.0) * 1.2
    ordered = sorted(runs, key=lambda r: (round(r.bottom), r.x0))
    lines: list[list[Run]] = []
    for run in ordered:
        for line in reversed(lines[-6:]):
            last = line[-1]
            same_base = abs(last.bottom - run.bottom) <= max(2.0, 0.3 * (run.size or size))
            if same_base and -1 <= run.x0 - last.x1 <= gap_limit:
                line.append(run)
                break
        else:
            lines.append([run])
    return lines


def _make_line(runs: list[Run], page: int) -> Line:
    runs = sorted(runs, key=lambda r: r.x0)
    pieces = []
    prev: Run | None = None
    weights: dict[tuple[float, bool], int] = {}
    top, x1, bottom = runs[0].top, runs[0].x1, runs[0].bottom
    for run in runs:
        piece = clean(run.text)
        spaced = run.text[:1].isspace() or (prev is not None and prev.text[-1:].isspace())
        if pieces and piece and (spaced or run.x0 - prev.x1 > 0.15 * (run.size or 10)):
            pieces.append(" ")
        if piece:
            pieces.append(piece)
        prev = run
        key = (round(run.size * 2) / 2, run.bold)
        weights[key] = weights.get(key, 0) + len(run.text)
        top, x1, bottom = min(top, run.top), max(x1, run.x1), max(bottom, run.bottom)
    # the weight most characters are set in; the first seen wins a tie, as Counter.most_common does
    size, bold = max(weights.items(), key=_count)[0]
    return Line(page, runs[0].x0, top, x1, bottom, "".join(pieces).strip(), size, bold)


def _count(item: tuple[tuple[float, bool], int]) -> int:
    return item[1]


def _drop_edge_noise(lines: list[Line], height: float) -> None:
    """Bare page numbers at the top or bottom edge of the page."""
    keep = [
        ln for ln in lines
        if not ((ln.bottom > height * (1 - EDGE_BAND) or ln.top < height * EDGE_BAND)
                and re.fullmatch(r"(page\s*)?\d{1,4}(\s*of\s*\d+)?", ln.text, re.I))
    ]
    lines[:] = keep


def _reading_order(lines: list[Line], width: float, size: float) -> list[Line]:
    """Left column top to bottom, then the right column, when the page has two columns."""
    gutter = _find_gutter(lines, width, size)
    if gutter is None:
        return sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for line in lines:
        line.column = 1 if line.x0 >= gutter - 2 else 0
    return sorted(lines, key=lambda ln: (ln.column, ln.top, ln.x0))


def _find_gutter(lines: list[Line], width: float, size: float) -> float | None:
    """The x where a right column starts, if body lines stand in two side-by-side columns."""
    body = [ln for ln in lines if abs(ln.size - size) < 0.6 and len(ln.text) > 15]
    if len(body) < 8:
        return None
    mid = width / 2
    left = [ln for ln in body if ln.x1 < mid + width * 0.05]
    right = [ln for ln in body if ln.x0 > mid - width * 0.05]
    spanning = [ln for ln in body if ln.x0 < mid - width * 0.05 and ln.x1 > mid + width * 0.05]
    if len(left) < 4 or len(right) < 4 or len(spanning) > 0.1 * len(body):
        return None
    starts = Counter(round(ln.x0) for ln in right)
    return float(starts.most_common(1)[0][0]) if starts else None


def drop_running_lines(pages: list[Page]) -> None:
    """Lines repeated at the same edge of many pages (running headers/footers set in body size)."""
    if len(pages) < 4:
        return
    counts: Counter[str] = Counter()
    for page in pages:
        for key in {_edge_key(ln, page.height) for ln in page.lines} - {None}:
            counts[key] += 1
    running = {k for k, n in counts.items() if n >= max(3, len(pages) * 0.3)}
    if not running:
        return
    for page in pages:
        page.lines = [ln for ln in page.lines if _edge_key(ln, page.height) not in running]


def _edge_key(line: Line, height: float) -> str | None:
    if line.top < height * EDGE_BAND:
        band = "top"
    elif line.bottom > height * (1 - EDGE_BAND):
        band = "bottom"
    else:
        return None
    return band + ":" + re.sub(r"\d+", "#", line.text.lower())
