"""Lines -> blocks: headings, paragraphs and list items, in reading order across the document.

A block ends at a paragraph gap, a change of column, page or shaded box, a heading, or the start of
a list item. List items are found by indent and by a bullet glyph where there is one (some PDFs
print bullets as an odd glyph or none at all, so the indent decides).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import BULLET, Block, Line, Page


@dataclass(frozen=True)
class BlockSettings:
    """Where one block ends and the next begins. Distances in PDF points."""

    paragraph_gap: float = 1.45  # a gap between lines wider than this many line heights starts a paragraph
    heading_scale: float = 1.08  # lines this much larger than body text are headings
    heading_max_chars: int = 140  # a longer line is body text, however bold
    item_indent: float = 6.0  # a line indented more than this from its column's margin is a list item
    same_x: float = 3.0  # lines starting within this of each other start at the same indent
    dash_indent: float = 2.0  # a dash at most this far in opens a wrapped line of body text, not a list item
    margin_share: float = 0.25  # a column's margin is the leftmost x carrying this share of its busiest x's text


BLOCKS = BlockSettings()


def is_heading(line: Line, body: float, s: BlockSettings = BLOCKS) -> bool:
    """Bold or larger than body text, and short: a heading or an item label."""
    if len(line.text) > s.heading_max_chars or not re.search(r"[A-Za-z]", line.text):
        return False
    return line.bold or (body > 0 and line.size >= body * s.heading_scale)


def iter_blocks(pages: Iterable[Page], settings: BlockSettings = BLOCKS) -> Iterator[Block]:
    """Split every page's body lines into blocks, in reading order."""
    for page in pages:
        yield from _page_blocks(page, settings)


def _page_blocks(page: Page, s: BlockSettings = BLOCKS) -> Iterator[Block]:
    margins = _column_margins(page.lines, s)
    current: Block | None = None
    prev: Line | None = None
    first = True
    for line in page.lines:
        heading = is_heading(line, page.body_size, s)
        margin = margins.get((line.column, line.box), line.x0)
        indent = max(0.0, line.x0 - margin)
        glyph = bool(BULLET.match(line.text)) and len(line.text) > 2
        if glyph and line.text[0] in "–—-" and indent <= s.dash_indent:
            glyph = False  # a dash opening a wrapped line of body text, not a list dash
        starts_item = glyph or (indent > s.item_indent and not heading and _starts_item(current, prev, line, s))
        new_block = (
            current is None
            or heading
            or current.kind == "heading"
            or prev is None
            or line.column != prev.column
            or line.box != prev.box
            or _gap(prev, line) > s.paragraph_gap * max(line.height, 1.0) - line.height
            or starts_item
            or (current.kind == "bullet" and indent < current.indent - s.same_x)
        )
        if new_block:
            if current is not None:
                yield current
            kind = "heading" if heading else ("bullet" if starts_item or indent > s.item_indent else "para")
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


def _starts_item(current: Block | None, prev: Line | None, line: Line, s: BlockSettings = BLOCKS) -> bool:
    """Does an indented line without a bullet glyph start a list item, or continue the one above?"""
    if current is None or prev is None or current.kind != "bullet" or line.column != prev.column:
        return True  # the first indented line after body text
    first_x = current.lines[0].x0
    if current.bullet_glyph:  # wrapped lines of a glyph bullet hang right of the glyph
        return line.x0 <= first_x + s.same_x
    if abs(line.x0 - first_x) <= s.same_x:  # same indent, no glyph: a new item if the one above ended
        return bool(re.search(r"([;.:!?]|;\s*(and|or))[\u201d\"')]*$", prev.text))
    return line.x0 < first_x - s.same_x


def _column_margins(lines: list[Line], s: BlockSettings = BLOCKS) -> dict[tuple[int, int | None], float]:
    """The left text margin of each column (and of each shaded box, which is inset)."""
    counts: dict[tuple[int, int | None], dict[int, int]] = {}
    for line in lines:
        col = counts.setdefault((line.column, line.box), {})
        col[round(line.x0)] = col.get(round(line.x0), 0) + len(line.text)
    margins = {}
    for column, xs in counts.items():
        best = max(xs.values())
        # the leftmost x that carries a good share of the text (a list-heavy page still has a margin)
        margins[column] = float(min(x for x, n in xs.items() if n >= best * s.margin_share))
    return margins
