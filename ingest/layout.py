"""Runs -> lines in reading order: columns, footnote markers, running headers and footers.

Geometry before regex: superscript footnote markers are smaller and raised, footnotes and running
headers/footers are set smaller than the body text, side-by-side columns are separated by a gutter.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..model import Line, Page
from ..text import normalise
from .pdf import RawPage, Run

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class LayoutSettings:
    """The geometry thresholds of page layout. Sizes are shares of the page's body font size, bands
    shares of the page's height or width, distances in PDF points."""

    small: float = 0.85  # a run smaller than this share of the body size is not body text
    edge_band: float = 0.08  # top and bottom share of the page where running headers, footers, page numbers sit
    word_gap: float = 1.2  # runs on one baseline at most this many body sizes apart are one line
    min_gap_size: float = 6.0  # ... counting a body size under this as this (tiny type)
    baseline_share: float = 0.3  # share of the font size two runs' baselines may differ by on one line
    baseline_points: float = 2.0  # ... and at least this many points
    space_share: float = 0.15  # a gap between runs wider than this share of the font size is a space
    # ... except between two runs of one glyph each (a print that places every glyph on its own): there
    # letter-spacing and the side bearings of a narrow glyph (a tabular "1") reach 0.17, a word space 0.2
    glyph_space_share: float = 0.18
    box_slack: float = 2.0  # points a line's centre may stray outside a shaded box and still be in it
    gutter_min_lines: int = 8  # body lines a page needs before two columns are looked for
    gutter_min_side: int = 4  # body lines each column needs
    gutter_band: float = 0.05  # share of the width either side of the middle a column's edge may reach
    gutter_spanning: float = 0.1  # most share of body lines that may cross the middle on a two-column page
    gutter_slack: float = 2.0  # points left of the right column's start that still count as that column
    body_line_chars: int = 15  # a line shorter than this does not help find the gutter
    body_size_slack: float = 0.6  # points a line's size may differ from the body size and still be body text
    running_min_pages: int = 4  # a document needs this many pages before repeated edge lines are dropped
    min_glyph_width: float = 0.34  # share of the font size a line of printed text is at least wide per character
    running_share: float = 0.3  # an edge line on this share of the pages is a running header or footer
    running_min_repeats: int = 3  # ... and on at least this many


LAYOUT = LayoutSettings()


def body_size(runs: list[Run]) -> float:
    """The font size most characters on the page are set in."""
    sizes: dict[float, int] = {}
    for run in runs:
        if run.size:
            key = round(run.size * 2) / 2
            sizes[key] = sizes.get(key, 0) + len(run.text.strip())
    # the first size seen wins a tie, as Counter.most_common does
    return max(sizes.items(), key=_count)[0] if sizes else 0.0


def build_page(raw_page: RawPage, settings: LayoutSettings = LAYOUT) -> Page:
    """Assemble a page's runs into body lines in reading order, with shaded-box ids."""
    s = settings
    runs = [r for r in map(_placed, raw_page.runs) if r is not None and r.text.strip()]
    size = body_size(runs)
    groups = _group_lines(runs, size, s)
    made = [_make_line(g, raw_page.number, s) for g in groups]
    everything = sorted(made, key=lambda ln: (ln.top, ln.x0))
    full_text = "\n".join(ln.text for ln in everything)
    if not full_text and raw_page.text.strip():  # characters PDFium reads outside any run (vertical text)
        full_text = "\n".join(filter(None, (clean(t) for t in raw_page.text.splitlines())))
    # Body lines: the same lines less small type (footnote markers, footnotes, running headers/footers);
    # a line with no small type is the line already made (full_text is built, so sharing it is safe)
    lines = []
    small = size * s.small
    for group, line in zip(groups, made, strict=True):
        capitals = _small_capitals(group)
        body = [r for r in group if not size or not r.size or r.size >= small or capitals]
        if len(body) == len(group):
            lines.append(line)
        elif body:
            lines.append(_make_line(body, raw_page.number, s))
    _drop_edge_noise(lines, raw_page.height, s)
    lines = _reading_order(lines, raw_page.width, size, s)
    boxes = raw_page.boxes
    for line in lines:
        for i, box in enumerate(boxes):
            cx, cy = (line.x0 + min(line.x1, box.x1)) / 2, (line.top + line.bottom) / 2
            slack = s.box_slack
            if box.x0 - slack <= cx <= box.x1 + slack and box.top - slack <= cy <= box.bottom + slack:
                line.box = raw_page.number * 1000 + i  # unique in the document
                break
    page = Page(raw_page.number, raw_page.width, raw_page.height, full_text, lines, size)
    page.rotated = raw_page.rotation != 0
    return page


def _placed(run: Run, s: LayoutSettings = LAYOUT) -> Run | None:
    """A run that holds a line break and is too narrow for all its characters carries text PDFium could
    not place (a fixed-position footer printed over the line, clipped glyphs): only the text before the
    break, when the run has room for it."""
    head, _, tail = run.text.replace("\r\n", "\n").partition("\n")
    if not tail.strip():
        return run
    room = (run.x1 - run.x0) / (s.min_glyph_width * (run.size or 10))  # most characters the run can hold
    if len(run.text.strip()) <= room:
        return run  # a rect that spans both lines' text (a footnote wrapped in one run)
    if 0 < len(head.strip()) <= room:
        return replace(run, text=head)
    return None


def _small_capitals(group: list[Run]) -> bool:
    """A whole line in small bold capitals ("AREA FOR IMPROVEMENT"): a label or heading set small, not
    a footnote or a superscript marker."""
    text = "".join(r.text for r in group).strip()
    return all(r.bold for r in group) and len(re.sub(r"[^A-Z]", "", text)) >= 6 and text.upper() == text


@functools.lru_cache(maxsize=8192)  # a page set one glyph per run repeats the same few texts
def clean(text: str) -> str:
    """The shared normaliser (hmicfrs/text.py) with line breaks kept, after PDFium's own marks: NFKC
    (ligatures), soft hyphens, control characters and odd spaces out; typographic quotes and dashes kept."""
    text = CONTROL.sub("", text.replace("\x02", "-"))  # \x02: PDFium's mark for a hyphen ending a line
    if text.isascii():  # NFKC leaves ASCII as it is: only spaces to fold (most runs; kept fast)
        return SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return normalise(text, lines=True)


def _group_lines(runs: list[Run], size: float, s: LayoutSettings = LAYOUT) -> list[list[Run]]:
    """Runs sharing a baseline and close enough horizontally form one line."""
    gap_limit = max(size, s.min_gap_size) * s.word_gap
    points, share = s.baseline_points, s.baseline_share
    ordered = sorted(runs, key=_row_key)
    lines: list[list[Run]] = []
    for run in ordered:
        bottom, x0 = run.bottom, run.x0
        slack = max(points, share * (run.size or size))
        for line in reversed(lines[-6:]):  # the latest lines, the last one first
            last = line[-1]
            if abs(last.bottom - bottom) <= slack and -1 <= x0 - last.x1 <= gap_limit:
                line.append(run)
                break
        else:
            lines.append([run])
    return lines


def _row_key(run: Run) -> tuple[int, float]:
    return round(run.bottom), run.x0


def _make_line(runs: list[Run], page: int, s: LayoutSettings = LAYOUT) -> Line:
    runs = sorted(runs, key=_x0)
    space_share, glyph_share = s.space_share, s.glyph_space_share
    pieces = []
    weights: dict[tuple[float, bool], int] = {}
    first = runs[0]
    top, x1, bottom = first.top, first.x1, first.bottom
    # the previous run's right edge, whether it ends with a space and whether it is one glyph
    prev_x1, prev_spaced, prev_glyph, prev_text = 0.0, False, False, ""
    for run in runs:
        text = run.text
        piece = clean(text)
        if len(piece) > 1 and piece == prev_text and run.x0 < prev_x1:
            continue  # a comma's rect inside the descender of the "y" before it, read as "y," again
        prev_text = piece
        if piece:
            share = glyph_share if len(piece) == 1 and prev_glyph else space_share
            if pieces and (prev_spaced or text[:1].isspace() or run.x0 - prev_x1 > share * (run.size or 10)):
                pieces.append(" ")
            pieces.append(piece)
        prev_x1, prev_spaced, prev_glyph = run.x1, text[-1:].isspace(), len(text.strip()) == 1
        key = (round(run.size * 2) / 2, run.bold)
        weights[key] = weights.get(key, 0) + len(text)
        # min() and max() written out: the same answer, without two calls per run
        if run.top < top:
            top = run.top
        if run.x1 > x1:
            x1 = run.x1
        if run.bottom > bottom:
            bottom = run.bottom
    # the weight most characters are set in; the first seen wins a tie, as Counter.most_common does
    size, bold = max(weights.items(), key=_count)[0]
    return Line(page, first.x0, top, x1, bottom, "".join(pieces).strip(), size, bold)


def _x0(run: Run) -> float:
    return run.x0


def _count(item: tuple[object, int]) -> int:
    return item[1]


def _drop_edge_noise(lines: list[Line], height: float, s: LayoutSettings = LAYOUT) -> None:
    """Bare page numbers at the top or bottom edge of the page."""
    keep = [
        ln for ln in lines
        if not ((ln.bottom > height * (1 - s.edge_band) or ln.top < height * s.edge_band)
                and re.fullmatch(r"(page\s*)?\d{1,4}(\s*of\s*\d+)?", ln.text, re.I))
    ]
    lines[:] = keep


def _reading_order(lines: list[Line], width: float, size: float, s: LayoutSettings = LAYOUT) -> list[Line]:
    """Left column top to bottom, then the right column, when the page has two columns."""
    gutter = _find_gutter(lines, width, size, s)
    if gutter is None:
        return sorted(lines, key=lambda ln: (ln.top, ln.x0))
    for line in lines:
        line.column = 1 if line.x0 >= gutter - s.gutter_slack else 0
    return sorted(lines, key=lambda ln: (ln.column, ln.top, ln.x0))


def _find_gutter(lines: list[Line], width: float, size: float, s: LayoutSettings = LAYOUT) -> float | None:
    """The x where a right column starts, if body lines stand in two side-by-side columns."""
    body = [ln for ln in lines if abs(ln.size - size) < s.body_size_slack and len(ln.text) > s.body_line_chars]
    if len(body) < s.gutter_min_lines:
        return None
    mid, band = width / 2, width * s.gutter_band
    left = [ln for ln in body if ln.x1 < mid + band]
    right = [ln for ln in body if ln.x0 > mid - band]
    spanning = [ln for ln in body if ln.x0 < mid - band and ln.x1 > mid + band]
    if len(left) < s.gutter_min_side or len(right) < s.gutter_min_side or len(spanning) > s.gutter_spanning * len(body):
        return None
    starts = Counter(round(ln.x0) for ln in right)
    return float(starts.most_common(1)[0][0]) if starts else None


def drop_running_lines(pages: list[Page], settings: LayoutSettings = LAYOUT) -> None:
    """Lines repeated at the same edge of many pages (running headers/footers set in body size)."""
    s = settings
    if len(pages) < s.running_min_pages:
        return
    counts: Counter[str] = Counter()
    for page in pages:
        for key in {_edge_key(ln, page.height, s) for ln in page.lines} - {None}:
            counts[key] += 1
    running = {k for k, n in counts.items() if n >= max(s.running_min_repeats, len(pages) * s.running_share)}
    if not running:
        return
    for page in pages:
        page.lines = [ln for ln in page.lines if _edge_key(ln, page.height, s) not in running]


def _edge_key(line: Line, height: float, s: LayoutSettings = LAYOUT) -> str | None:
    if line.top < height * s.edge_band:
        band = "top"
    elif line.bottom > height * (1 - s.edge_band):
        band = "bottom"
    else:
        return None
    return band + ":" + re.sub(r"\d+", "#", line.text.lower())
