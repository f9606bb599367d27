"""Text runs read with one pass over the page's text, giving what the reference reader gives.

The reference reader (`textruns_reference`) asks PDFium two questions per text rect, each of which
scans every character on the page: a 3,000-character page with 46 runs pays for 140,000 character
visits. Here the page's text comes out in one call, and each rect's characters are located by
asking PDFium how many rects a *range* of characters makes (a cheap call over a short range): a
rect is PDFium's union of the consecutive characters of one text object, so the range where the
count goes from one to two is where the next rect starts.

The answer is then assembled the way PDFium's bounded-text walk would assemble it, and is only
used where that is proved from geometry: the shrunk rect meets no other rect and no loose space,
the first and last characters fall inside it, and the characters between fall inside it as a group.
Any run that fails a check (overlapping text, a narrow glyph at an edge, a line break inside a
text object) is read the reference way, so the result is the same run for run; a page whose text
does not map one character to one code unit is read the reference way whole.

Assumed, not checked (PDFium exposes no cheap way): a glyph too thin to belong to any rect (a space
drawn with an empty outline, a zero-width mark) that sits *inside* a rect's character range lies
within that rect, on its baseline.
"""

from __future__ import annotations

import ctypes
import struct
from collections import defaultdict

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .textruns_reference import PROBE_INSET, SHRINK, FontScratch, RunFields, bounded_text, char_index, run_fields

CELL_MIN = 16.0  # smallest grid cell (points) for finding the rects and spaces near a run
BREAKS = " \r\n"

Rect = tuple[float, float, float, float]  # left, bottom, right, top (PDFium's float values)


# PDFium's tests, written out inline below: rects meet when max(left) < min(right) and
# max(bottom) < min(top) (a non-empty overlap of normalised rects); a rect holds a point with its edges
# included. Packing to float and back gives the values PDFium sees from double arguments.

class _Page:
    """One text page's characters as PDFium holds them, read with a few calls per rect."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str, rects: list[Rect]) -> None:
        self.textpage = textpage.raw  # the bare handle: no property lookup per call
        self.text = text
        self.rects = rects
        self._d = [ctypes.c_double() for _ in range(4)]
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        # cells about as large as a typical rect: a line-wide rect then touches a cell or two
        widths = sorted(r[2] - r[0] for r in rects) or [0.0]
        heights = sorted(r[3] - r[1] for r in rects) or [0.0]
        self.cell_w = max(CELL_MIN, widths[len(widths) // 2])
        self.cell_h = max(CELL_MIN, heights[len(heights) // 2])

    def box(self, index: int) -> Rect:
        left, right, bottom, top = self._d
        raw.FPDFText_GetCharBox(self.textpage, index, left, right, bottom, top)
        return (left.value, bottom.value, right.value, top.value)

    def range_rects(self, start: int, count: int) -> tuple[int, Rect]:
        """How many rects the characters [start, start+count) make, and the first one."""
        n = raw.FPDFText_CountRects(self.textpage, start, count)
        left, top, right, bottom = self._d
        raw.FPDFText_GetRect(self.textpage, 0, left, top, right, bottom)
        return n, (left.value, bottom.value, right.value, top.value)

    def count(self, start: int, stop: int) -> int:
        """Rects made by the characters start..stop (inclusive); 1 also when none has a box."""
        return raw.FPDFText_CountRects(self.textpage, start, stop - start + 1)

    def starts(self) -> list[int] | None:
        """The index of the first character of each rect, or None when they cannot be found."""
        n, k = len(self.text), len(self.rects)
        if not k:
            return []
        first = _first(0, n - 1, lambda e: self.range_rects(0, e + 1)[1] != (0.0, 0.0, 0.0, 0.0),
                       _next_word(self.text, 0))
        if first is None:
            return None
        starts = [first]
        text, handle, count_rects = self.text, self.textpage, raw.FPDFText_CountRects
        while len(starts) < k:
            a = starts[-1]
            # one glyph or word per text object is common: the next character starts the next rect
            if a + 1 < n and text[a + 1] not in BREAKS and count_rects(handle, a, 2) >= 2:
                starts.append(a + 1)
                continue
            nxt = _first(a + 1, n - 1, lambda e, a=a: self.count(a, e) >= 2,
                         _next_word(text, a + 1), _next_line(text, a))
            if nxt is None:
                return None
            starts.append(nxt)
        if self.count(starts[-1], n - 1) != 1:
            return None
        return starts

    def index_spaces(self, starts: list[int]) -> tuple[list[tuple[int, Rect]], list[int | None]]:
        """Rects and the spaces between them (with their boxes) in a grid, for neighbour queries;
        also each rect's last character that is not a space or line break (None if it has none)."""
        text, n = self.text, len(self.text)
        loose = [i for i in range(starts[0]) if text[i] == " "]
        lasts: list[int | None] = []
        for a, stop in zip(starts, starts[1:] + [n], strict=True):
            last = stop - 1
            while last >= a and text[last] in BREAKS:
                if text[last] == " ":
                    loose.append(last)
                last -= 1
            lasts.append(last if last >= a else None)
        loose.sort()
        spaces = [(i, self.box(i)) for i in loose]
        for j, rect in enumerate(self.rects):
            self._enter(rect, j)
        for s, (_, box) in enumerate(spaces):
            if box[2] > box[0] and box[3] > box[1]:
                self._enter(box, -1 - s)
        return spaces, lasts

    def _enter(self, r: Rect, key: int) -> None:
        w, h = self.cell_w, self.cell_h
        for cx in range(int(r[0] // w), int(r[2] // w) + 1):
            for cy in range(int(r[1] // h), int(r[3] // h) + 1):
                self.grid[cx, cy].append(key)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[int]:
        """Keys of rects (>= 0) and spaces (< 0) in the grid cells the box touches (repeats possible)."""
        grid, w, h = self.grid, self.cell_w, self.cell_h
        cx0, cx1, cy0, cy1 = int(x0 // w), int(x1 // w), int(y0 // h), int(y1 // h)
        if cx0 == cx1 and cy0 == cy1:
            return grid.get((cx0, cy0), [])
        found: list[int] = []
        for cx in range(cx0, cx1 + 1):
            for cy in range(cy0, cy1 + 1):
                found += grid.get((cx, cy), ())
        return found


def _first(lo: int, hi: int, pred, *guesses: int | None) -> int | None:
    """The smallest e in [lo, hi] with pred(e) true (pred is monotone), trying likely answers first."""
    known_false = lo - 1
    for g in guesses:
        if g is None or not known_false < g <= hi:
            continue
        if pred(g):
            if g - 1 == known_false or not pred(g - 1):
                return g
            hi = g - 1
            break
        known_false = g
    lo = known_false + 1
    step = 1
    while lo <= hi and not pred(min(lo + step - 1, hi)):  # gallop to a true bound
        known_false = min(lo + step - 1, hi)
        lo, step = known_false + 1, step * 2
    if lo > hi:
        return None
    hi = min(lo + step - 1, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if pred(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _next_word(text: str, i: int) -> int | None:
    while i < len(text) and text[i] in BREAKS:
        i += 1
    return i if i < len(text) else None


def _next_line(text: str, i: int) -> int | None:
    nl = text.find("\n", i)
    return None if nl < 0 else _next_word(text, nl + 1)



def _page_text(textpage: pdfium.PdfTextPage, n: int) -> str | None:
    """The page text with one code unit per character, or None when PDFium's text does not map so."""
    # room for two code units a character: PDFium writes characters beyond U+FFFF as surrogate pairs
    buffer = (ctypes.c_ushort * (2 * n + 2))()
    written = raw.FPDFText_GetText(textpage.raw, 0, n, buffer)
    text = bytes(memoryview(buffer)[: max(written - 1, 0)]).decode("utf-16-le", errors="replace")
    if len(text) != n or "\ufffe" in text or "\ufffd" in text or "\x00" in text:
        return None
    return text


def read_runs(textpage: pdfium.PdfTextPage, page_top: float, page_left: float) -> list[RunFields]:
    """The page's runs, equal to `textruns_reference.read_runs`, reading the page's text once."""
    handle = textpage.raw
    n = raw.FPDFText_CountChars(handle)
    k = raw.FPDFText_CountRects(handle, 0, -1)
    d = [ctypes.c_double() for _ in range(4)]
    rects: list[Rect] = []
    for i in range(k):
        raw.FPDFText_GetRect(handle, i, d[0], d[3], d[2], d[1])
        rects.append((d[0].value, d[1].value, d[2].value, d[3].value))
    text = _page_text(textpage, n) if n > 0 else None
    page = _Page(textpage, text, rects) if text is not None else None
    starts = page.starts() if page is not None else None
    if page is None or starts is None:
        from .textruns_reference import read_runs as reference_runs

        return reference_runs(textpage, page_top, page_left)
    spaces, lasts = page.index_spaces(starts)
    # the shrunk edges and probe point of every rect, narrowed to float as PDFium receives them
    flat = [v for x0, y0, x1, y1 in rects for v in (x0 + SHRINK, x1 - SHRINK, x0 + PROBE_INSET, (y1 + y0) / 2)]
    narrowed = struct.unpack(f"{len(flat)}f", struct.pack(f"{len(flat)}f", *flat))
    scratch = FontScratch()
    runs = []
    for j, (rect, a) in enumerate(zip(rects, starts, strict=True)):
        stop = starts[j + 1] if j + 1 < k else n
        run_text, index = _fast_run(page, spaces, j, a, stop, lasts[j], narrowed[4 * j:4 * j + 4])
        if run_text is None:
            run_text = bounded_text(textpage, rect)
        if not run_text.strip():
            continue
        if index is None:
            index = char_index(textpage, rect)
        runs.append(run_fields(handle, index, rect, run_text, page_top, page_left, scratch))
    return runs


def _fast_run(page: _Page, spaces: list[tuple[int, Rect]], j: int, a: int, stop: int, last: int | None,
              edges: tuple[float, ...]) -> tuple[str | None, int | None]:
    """Rect j's bounded text and its font character, each None where this cannot prove it.

    The text is the characters [a, last word character], a space PDFium adds after them, and the
    space before them if it reaches into the shrunk rect; the font character is the first one (or
    the word after an opening space), if the left probe point falls in its box and in no earlier
    character's.
    """
    text, (x0, y0, x1, y1) = page.text, page.rects[j]
    # PDFium normalises the shrunk rect (a narrow glyph is searched inside out)
    left, right, px, py = edges
    if left > right:
        left, right = right, left
    lead = ""
    fl, fb, fr, ft = page.box(a)
    index = a if fl <= px <= fr and fb <= py <= ft else None
    word = a
    if text[a] == " " and a + 1 < stop:
        # a space drawn with a box opens the rect: PDFium's walk prints it if it reaches into the
        # shrunk rect, then carries on from the word after it (no two spaces follow each other)
        if fl < right and left < fr and fl < fr and fb < y1 and y0 < ft and fb < ft:
            lead = " "
        word = a + 1
        fl, fb, fr, ft = page.box(word)
        if index is None and fl <= px <= fr and fb <= py <= ft:
            index = word
    ok = not (last is None or last < word or left == right or text[word] in BREAKS)
    if ok:
        core = text[word:last + 1]
        ok = ("\r" not in core and "\n" not in core
              and fl < right and left < fr and fl < fr and fb < y1 and y0 < ft and fb < ft)
    if ok and last != word:
        ll, lb, lr, lt = page.box(last)
        ok = ll < right and left < lr and ll < lr and lb < y1 and y0 < lt and lb < lt
        if ok and last - word > 1 and any(c not in BREAKS for c in core[1:-1]):
            count, (ml, _, mr, _) = page.range_rects(word + 1, last - word - 1)
            ok = count == 1 and ml < mr and ml >= left and mr <= right
    if not ok and index is None:
        return None, None
    # Other rects, and the spaces between rects, must stay out of the shrunk rect, and no earlier
    # character may hold the probe point. The space just before the run may reach in, and then leads
    # the text, as in PDFium's walk; the space just after is printed whether or not it reaches in.
    rects = page.rects
    for key in page.near(x0 if x0 < left else left, y0, max(x1, right, px), y1):
        if key >= 0:
            if key == j:
                continue
            rl, rb, rr, rt = rects[key]
            if ok and rl < right and left < rr and rl < rr and rb < y1 and y0 < rt and rb < rt:
                ok = False
            if index is not None and key < j and rl <= px <= rr and rb <= py <= rt:
                index = None
        else:
            at, (sl, sb, sr, st) = spaces[-1 - key]
            if ok and sl < right and left < sr and sl < sr and sb < y1 and y0 < st and sb < st:
                if at == a - 1:
                    lead = " "
                elif at != last + 1:
                    ok = False
            if index is not None and at < a and sl <= px <= sr and sb <= py <= st:
                index = None
    if not ok:
        return None, index
    tail = " " if last + 1 < len(text) and text[last + 1] == " " else ""
    return lead + core + tail, index
