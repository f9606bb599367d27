"""Text runs read with one pass over the page's text, giving what the reference reader gives.

The reference reader (`textruns_reference`) asks PDFium two questions per text rect, each of which
scans every character on the page: a 3,000-character page with 46 runs pays for 140,000 character
visits. Here the page's text comes out in one call, and each rect's characters are located by
asking PDFium how many rects a *range* of characters makes (a cheap call over a short range): a
rect is PDFium's union of the consecutive characters of one text object, so the range where the
count goes from one to two is where the next rect starts.

The answer is then assembled the way PDFium's bounded-text walk would assemble it, and is only
used where that is proved from geometry: the shrunk rect meets no other rect and no loose space
(tested for the whole page at once in `textruns_geometry`), the first and last characters fall
inside it, and the characters between fall inside it as a group.
Any run that fails a check (overlapping text, a narrow glyph at an edge, a line break inside a
text object) is read the reference way, so the result is the same run for run; a page whose text
does not map one character to one code unit is read the reference way whole.

Assumed, not checked (PDFium exposes no cheap way): a glyph too thin to belong to any rect (a space
drawn with an empty outline, a zero-width mark) that sits *inside* a rect's character range lies
within that rect, on its baseline.

Relied on from PDFium's `CPDF_TextPage::GetRectArray` (the identity checks would show a change): a
rect starts from its first character's box, normalised, and grows by the boxes of the characters
after it until the text object changes, skipping generated characters and boxes under 0.01 point.
So a rect of one character is that character's box (which is then not asked for), and a word whose
characters make as many rects as it has characters has a rect starting at each of them (one range
query instead of one per character).
"""

from __future__ import annotations

import ctypes
import functools
import re
import struct

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .textruns_geometry import Meetings, meetings
from .textruns_reference import FontScratch, RunFields, bounded_text, char_index, run_fields

BREAKS = " \r\n"
HYPHEN_MARK = "\ufffe"  # in PDFium's page text: a hyphen that breaks a word across lines
_BREAKS = re.compile(r"[ \r\n]*")
_WORD = re.compile(r"[^ \r\n]*")
_WORD_AND_BREAK = re.compile(r"[^ \r\n]*[ \r\n]*")

Rect = tuple[float, float, float, float]  # left, bottom, right, top (PDFium's float values)
_FOUR_DOUBLES = struct.Struct("4d")

# Bound once: these run a few times per rect, 100,000 times and more over a corpus.
_count_rects = raw.FPDFText_CountRects
_get_rect = raw.FPDFText_GetRect
_get_char_box = raw.FPDFText_GetCharBox


# PDFium's tests, written out inline below (and in textruns_geometry for the whole page): rects meet
# when max(left) < min(right) and max(bottom) < min(top) (a non-empty overlap of normalised rects); a
# rect holds a point with its edges included.

class _Box:
    """Four double out-parameters sharing one buffer, read back in one go as (left, bottom, right, top)."""

    def __init__(self) -> None:
        self.buffer = (ctypes.c_double * 4)()
        self.left, self.bottom, self.right, self.top = (
            ctypes.c_double.from_buffer(self.buffer, 8 * i) for i in range(4))
        self.read = functools.partial(_FOUR_DOUBLES.unpack_from, self.buffer)


class _Page:
    """One text page's characters as PDFium holds them, read with a few calls per rect."""

    def __init__(self, handle: raw.FPDF_TEXTPAGE, text: str, rects: list[Rect]) -> None:
        self.handle = handle  # the bare handle: no property lookup per call
        self.text = text
        self.rects = rects
        self.out = _Box()

    def box(self, index: int) -> Rect:
        out = self.out
        _get_char_box(self.handle, index, out.left, out.right, out.bottom, out.top)
        return out.read()

    def range_rects(self, start: int, count: int) -> tuple[int, Rect]:
        """How many rects the characters [start, start+count) make, and the first one."""
        n, out = _count_rects(self.handle, start, count), self.out
        _get_rect(self.handle, 0, out.left, out.top, out.right, out.bottom)
        return n, out.read()

    def starts(self) -> list[int] | None:
        """The index of the first character of each rect, or None when they cannot be found."""
        text, handle = self.text, self.handle
        n, k = len(text), len(self.rects)
        if not k:
            return []
        a = _first(0, n - 1, lambda e: self.range_rects(0, e + 1)[1] != (0.0, 0.0, 0.0, 0.0),
                   _BREAKS.match(text).end())
        if a is None:
            return None
        starts = [a]
        kind = 0  # the guess that was right last time: the next character (0), word (1) or line (2)
        while len(starts) < k:
            lo = a + 1  # the first character that may start the next rect
            if kind == 0 and lo < n and text[lo] not in BREAKS:
                # A word of one-glyph text objects makes as many rects as it has characters (a rect
                # is the characters of one text object): then each of them starts a rect.
                end = _WORD.match(text, a).end()
                if end - a > 2 and _count_rects(handle, a, end - a) == end - a:
                    starts.extend(range(lo, end))
                    a = end - 1
                    continue
            a, kind = self._next_start(a, lo, kind)
            if a is None:
                return None
            starts.append(a)
        if len(starts) != k or _count_rects(handle, a, n - a) != 1:
            return None
        return starts

    def _next_start(self, a: int, lo: int, kind: int) -> tuple[int | None, int]:
        """The first character after a where a new rect starts, known to be lo or later (the smallest
        e for which the characters a..e make two rects), and which guess found it. The guesses are
        tried first, the one of this kind first: one call when lo is right, two when another one is."""
        text, handle, hi, start = self.text, self.handle, len(self.text) - 1, lo
        for which in _GUESS_ORDER[kind]:
            g = _GUESSES[which](text, a, start)
            if g is None or not lo <= g <= hi:
                continue  # also a guess outside what the earlier guesses left open
            if _count_rects(handle, a, g - a + 1) >= 2:
                if g == lo or _count_rects(handle, a, g - a) < 2:
                    return g, which
                hi = g - 1
            else:
                lo = g + 1
        return _first(lo, hi, lambda e: _count_rects(handle, a, e - a + 1) >= 2), kind

    def spaces_and_lasts(self, starts: list[int]) -> tuple[list[tuple[int, Rect]], list[int | None]]:
        """The spaces outside the rects' words (before the first rect, and ending each rect's characters)
        with their boxes; and each rect's last character that is not a space or line break (None if it
        has none)."""
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
        return [(i, self.box(i)) for i in loose], lasts


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


# Where the rect after the one starting at a may start, the first candidate being lo: each guess is
# checked with range queries, so a wrong guess only costs a call.
def _next_char(text: str, a: int, lo: int) -> int | None:
    """The first character from lo that is not a space or line break (a rect per glyph)."""
    end = _BREAKS.match(text, lo).end()
    return end if end < len(text) else None


def _next_word(text: str, a: int, lo: int) -> int | None:
    """The first character of the word after the one at lo (a rect per word)."""
    end = _WORD_AND_BREAK.match(text, lo).end()
    return end if end < len(text) else None


def _next_line(text: str, a: int, lo: int) -> int | None:
    """The first character of the line after a that is not a space (a rect per line)."""
    nl = text.find("\n", a)
    if nl < 0:
        return None
    end = _BREAKS.match(text, nl).end()
    return end if end < len(text) else None


_GUESSES = (_next_char, _next_word, _next_line)
_GUESS_ORDER = ((0, 1, 2), (1, 2, 0), (2, 0, 1))  # the kind of guess that was right last time first


def _page_text(textpage: pdfium.PdfTextPage, n: int) -> str | None:
    """The page text with one code unit per character, or None when PDFium's text does not map so."""
    # room for two code units a character: PDFium writes characters beyond U+FFFF as surrogate pairs
    buffer = (ctypes.c_ushort * (2 * n + 2))()
    written = raw.FPDFText_GetText(textpage.raw, 0, n, buffer)
    text = bytes(memoryview(buffer)[: max(written - 1, 0)]).decode("utf-16-le", errors="replace")
    if len(text) != n or "\ufffd" in text or "\x00" in text:
        return None
    return text


def read_runs(textpage: pdfium.PdfTextPage, page_top: float, page_left: float) -> list[RunFields]:
    """The page's runs, equal to `textruns_reference.read_runs`, reading the page's text once."""
    handle = textpage.raw
    n = raw.FPDFText_CountChars(handle)
    k = _count_rects(handle, 0, -1)
    if k <= 0:
        return []
    out = _Box()
    left, bottom, right, top, read = out.left, out.bottom, out.right, out.top, out.read
    rects: list[Rect] = []
    for i in range(k):
        _get_rect(handle, i, left, top, right, bottom)
        rects.append(read())
    located = _locate(textpage, n, rects)
    if located is None:
        from .textruns_reference import read_runs as reference_runs

        return reference_runs(textpage, page_top, page_left)
    page, starts, lasts, near = located
    scratch = FontScratch()
    runs = []
    for rect, a, stop, last, edges, blocked, lead, taken in zip(
            rects, starts, starts[1:] + [n], lasts, *near, strict=True):
        run_text, index = _fast_run(page, rect, a, stop, last, edges, blocked, lead, taken)
        if run_text is None:
            run_text = bounded_text(textpage, rect)
        if not run_text.strip():
            continue
        if index is None:
            index = char_index(textpage, rect)
        runs.append(run_fields(handle, index, rect, run_text, page_top, page_left, scratch))
    return runs


def _locate(textpage: pdfium.PdfTextPage, n: int, rects: list[Rect]
            ) -> tuple[_Page, list[int], list[int | None], Meetings] | None:
    """The page's characters, where each rect's characters start and end, and what meets each rect;
    None when the page must be read the reference way."""
    text = _page_text(textpage, n) if n > 0 else None
    if text is None:
        return None
    page = _Page(textpage.raw, text, rects)
    starts = page.starts()
    if starts is None:
        return None
    spaces, lasts = page.spaces_and_lasts(starts)
    near = meetings(rects, spaces, starts, lasts)
    return None if near is None else (page, starts, lasts, near)


def _fast_run(page: _Page, rect: Rect, a: int, stop: int, last: int | None, edges: list[float],
              blocked: bool, lead_space: bool, probe_taken: bool) -> tuple[str | None, int | None]:
    """A rect's bounded text and its font character, each None where this cannot prove it.

    The rect's characters are [a, stop), its last word character `last`; `edges` and the three flags
    come from `textruns_geometry.meetings`. The text is the characters [a, last], a space PDFium adds
    after them, and the space before them if it reaches into the shrunk rect; the font character is
    the first one (or the word after an opening space), if the left probe point falls in its box and
    in no earlier character's. A rect of one character is that character's box, normalised (PDFium's
    `GetRectArray` starts each rect from its first character's box), so its box is not asked for.
    """
    text, left, right, px, py = page.text, *edges
    if HYPHEN_MARK in text[a:stop]:
        # PDFium's mark for a hyphen that ends a line inside a word ("problem-" / "solving"): its
        # walk prints it its own way, so this rect (a few on a page) is read the reference way
        return None, None
    if last == a:  # the common case, written out: one character that is not a space (and breaks)
        _, y0, _, y1 = rect
        fl, fb, fr, ft = rect if stop == a + 1 else page.box(a)
        index = a if not probe_taken and fl <= px <= fr and fb <= py <= ft else None
        if blocked or left == right or not (fl < right and left < fr and fl < fr and fb < y1 and y0 < ft and fb < ft):
            return None, index
        return (" " if lead_space else "") + text[a] + (" " if text[a + 1:a + 2] == " " else ""), index
    if blocked and probe_taken:
        return None, None
    _, y0, _, y1 = rect
    lead = ""
    fl, fb, fr, ft = rect if stop == a + 1 else page.box(a)
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
    # Other rects, and the spaces between rects, must stay out of the shrunk rect, and no earlier
    # character may hold the probe point. The space just before the run may reach in, and then leads
    # the text, as in PDFium's walk; the space just after is printed whether or not it reaches in.
    if probe_taken:
        index = None
    ok = not (blocked or last is None or last < word or left == right or text[word] in BREAKS)
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
    if not ok:
        return None, index
    tail = " " if last + 1 < len(text) and text[last + 1] == " " else ""
    return (" " if lead_space else lead) + core + tail, index
