"""Lines -> blocks: headings, paragraphs and list items, in reading order across the document.

A block ends at a paragraph gap, a change of column, page or shaded box, a heading, or the start of
a list item. List items are found by indent and by a bullet glyph where there is one (some PDFs
print bullets as an odd glyph or none at all, so the indent decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import BULLET, Block, Line, Page

PARAGRAPH_GAP = 1.45  # a gap between lines wider than this many line heights starts a paragraph
HEADING_SCALE = 1.08  # lines this much larger than body text are headings


def is_heading(line: Line, body: float) -> bool:
    """Bold or larger than body text, and short: a heading or an item label."""
    if len(line.text) > 140 or not re.search(r"[A-Za-z]", line.text):
        return False
    return line.bold or (body > 0 and line.size >= body * HEADING_SCALE)


def iter_blocks(pages: Iterable[Page]) -> Iterator[Block]:
    """Split every page's body lines into blocks, in reading order."""
    for page in pages:
        yield from _page_blocks(page)


def _page_blocks(page: Page) -> Iterator[Block]:
    margins = _column_margins(page.lines)
    current: Block | None = None
    prev: Line | None = None
    first = True
    for line in page.lines:
        heading = is_heading(line, page.body_size)
        margin = margins.get((line.column, line.box), line.x0)
        indent = max(0.0, line.x0 - margin)
        glyph = bool(BULLET.match(line.text)) and len(line.text) > 2
        if glyph and line.text[0] in "–—-" and indent <= 2:
            glyph = False  # a dash opening a wrapped line of body text, not a list dash
        starts_item = glyph or (indent > 6 and not heading and _starts_item(current, prev, line))
        new_block = (
            current is None
            or heading
            or current.kind == "heading"
            or prev is None
            or line.column != prev.column
            or line.box != prev.box
            or _gap(prev, line) > PARAGRAPH_GAP * max(line.height, 1.0) - line.height
            or starts_item
            or (current.kind == "bullet" and indent < current.indent - 3)
        )
        if new_block:
            if current is not None:
                yield current
            kind = "heading" if heading else ("bullet" if starts_item or indent > 6 else "para")
            current = Block(kind, [line], first_on_page=first or (prev is not None and line.column != prev.column),
                            indent=indent, bullet_glyph=glyph)
            first = False
        else:
            current.lines.append(line)
        prev = line
    if current is not None:
        yield current


def _gap(prev: Line, line: Line) -> float:
    return line.top - prev.bottom


def _starts_item(current: Block | None, prev: Line | None, line: Line) -> bool:
    """Does an indented line without a bullet glyph start a list item, or continue the one above?"""
    if current is None or prev is None or current.kind != "bullet" or line.column != prev.column:
        return True  # the first indented line after body text
    first_x = current.lines[0].x0
    if current.bullet_glyph:  # wrapped lines of a glyph bullet hang right of the glyph
        return line.x0 <= first_x + 3
    if abs(line.x0 - first_x) <= 3:  # same indent, no glyph: a new item if the one above ended
        return bool(re.search(r"([;.:!?]|;\s*(and|or))[\u201d\"')]*$", prev.text))
    return line.x0 < first_x - 3


def _column_margins(lines: list[Line]) -> dict[tuple[int, int | None], float]:
    """The left text margin of each column (and of each shaded box, which is inset)."""
    counts: dict[tuple[int, int | None], dict[int, int]] = {}
    for line in lines:
        col = counts.setdefault((line.column, line.box), {})
        col[round(line.x0)] = col.get(round(line.x0), 0) + len(line.text)
    margins = {}
    for column, xs in counts.items():
        best = max(xs.values())
        # the leftmost x that carries a good share of the text (a list-heavy page still has a margin)
        margins[column] = float(min(x for x, n in xs.items() if n >= best * 0.25))
    return margins
