"""Lines -> blocks: headings, paragraphs and list items, in reading order across the document.

A block ends at a paragraph gap, a change of column, page or shaded box, a heading, or the start of
a list item. List items are found by indent and by a bullet glyph where there is one (some PDFs
print bullets as an odd glyph or none at all, so the indent decides).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import BULLET, Block, Line, Page
from .tables import Table, cell_text, find_tables


@dataclass(frozen=True)
class BlockSettings:
    """Where one block ends and the next begins. Distances in PDF points."""

    paragraph_gap: float = 1.45  # a gap between lines wider than this many line heights starts a paragraph
    heading_scale: float = 1.08  # lines this much larger than body text are headings
    heading_max_chars: int = 140  # a longer line is body text, however bold
    item_indent: float = 6.0  # a line indented more than this from its column's margin is a list item
    same_x: float = 3.0  # lines starting within this of each other start at the same indent
    hang: float = 3.0  # a wrapped line of a numbered item starts at least this far right of its number
    dash_indent: float = 2.0  # a dash at most this far in opens a wrapped line of body text, not a list item
    margin_share: float = 0.25  # a column's margin is the leftmost x carrying this share of its busiest x's text


BLOCKS = BlockSettings()


def is_heading(line: Line, body: float) -> bool:
    """Bold or larger than body text, and short: a heading or an item label."""
    if len(line.text) > BLOCKS.heading_max_chars or not re.search(r"[A-Za-z]", line.text):
        return False
    return line.bold or (body > 0 and line.size >= body * BLOCKS.heading_scale)


MARKER = re.compile(
    r"^(?P<m>\(?\d{1,2}[a-z]?[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)]|\d{1,2}\.\d{1,2}\.?|\d{1,2}[a-z]?)"
    r"\s+(?=\S)")
BARE_MARKER = re.compile(r"\(?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4}|\d{1,2}\.\d{1,2})[.)]?"
                         r"|[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2219\u00b7\u25a0\u25a1\u2013\u2014*>\uf000-\uf0ff-]")
MID_PHRASE = re.compile(r"(?:[,\u2013\u2014-]|\b(?:the|a|an|of|and|for|to|in|on|with|by|or|that|which|its|their|"
                        r"National|Police|Chief))$", re.I)


def list_marker(line: Line, indent: float, set_apart: bool = False) -> str | None:
    """The number or letter opening a list item or a numbered paragraph ("3", "5a", "(b)", "2.4").
    `set_apart`: the number was printed apart from its text (a tab), as list numbers are."""
    m = MARKER.match(line.text)
    if not m:
        return None
    marker = m.group("m")
    if not marker.endswith((".", ")")) and "." not in marker and indent <= BLOCKS.item_indent and not set_apart:
        return None  # a bare number at the margin: a wrapped line that starts "20 (20 percent)"
    if re.fullmatch(r"\d{1,2}\.", marker) and re.match(r"\d", line.text[m.end():]):
        return None  # "1. 5 million", not a list
    return marker.strip()


def iter_blocks(pages: Iterable[Page]) -> Iterator[Block]:
    """Split every page's body lines into blocks, in reading order; tables come out one block a row."""
    pages = list(pages)
    body = document_body_size(pages)
    carry: Table | None = None
    for page in pages:
        tables, rest = find_tables(page.lines, carry=carry)
        # a table that runs to the foot of its page may go on at the top of the next
        carry = tables[-1] if tables and not any(ln.top > tables[-1].bottom for ln in rest) else None
        lines, set_apart = _join_bare_markers(_drop_overprints(rest))
        lines = _margin_lines_together(lines)
        blocks = list(_page_blocks(page, lines, max(page.body_size, body), set_apart))
        for table in tables:
            rows = _row_blocks(table)
            at = next((i for i, b in enumerate(blocks) if b.lines[0].top > table.top), len(blocks))
            blocks[at:at] = rows
        if blocks:
            blocks[0].first_on_page = True
        yield from blocks


def _row_blocks(table: Table) -> list[Block]:
    out = []
    for row in table.rows:
        lines = sorted((ln for cell in row for ln in cell), key=lambda ln: (ln.top, ln.x0))
        if not lines:
            continue
        cells = [(head, cell_text(cell)) for head, cell in zip(table.header, row, strict=True)]
        out.append(Block("row", lines, first_on_page=not out, cells=cells,
                         cell_lines=[sorted(c, key=lambda ln: ln.top) for c in row]))
    return out


def _margin_lines_together(lines: list[Line]) -> list[Line]:
    """Two narrow columns that the page layout did not part, read top to bottom with their lines
    alternating: a label set in a left margin that wraps ("Area for" / "improvement 1") beside the
    item's text, or a sidebar of labelled items beside body paragraphs. A line under another at the
    same x is moved up under it when only lines clear of both lie between them: in the same type,
    close under it and finishing its phrase (a wrapped line), or within two line heights when
    everything between lies to the left (a sidebar's label, then its text); never when a line
    between is level with it (the label of the next item beside its first line)."""
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        # every line between must stand clear of the pair, the next one first: in running text it
        # never does, so most lines are passed over here (left and right are within 2 of line's edges)
        if nxt is None or not (nxt.x0 > line.x1 + 6 or nxt.x1 < line.x0 - 4):
            i += 1
            continue
        for j in range(i + 2, min(i + 8, len(out))):
            if _continues_beside(line, out[j], out[i + 1:j]):
                out.insert(i + 1, out.pop(j))
                break
        i += 1
    return out


def _continues_beside(line: Line, below: Line, between: list[Line]) -> bool:
    if abs(below.x0 - line.x0) > 2 or below.column != line.column or below.box != line.box:
        return False
    gap = _gap(line, below)
    if gap < 0:
        return False
    if any(abs(ln.top - below.top) <= 2 for ln in between):
        return False  # a line level with it in the other column ("R2" beside the next item's text): a new row
    left, right = min(line.x0, below.x0), max(line.x1, below.x1)
    if abs(below.size - line.size) < 0.3 and below.bold == line.bold and gap < 0.6 * line.height \
            and (MID_PHRASE.search(line.text) or below.text[:1].islower()):  # not "R5" over "R6"
        return all(ln.x0 > right + 6 or ln.x1 < left - 6 for ln in between)
    return gap < 2 * line.height and all(ln.x1 < left - 6 for ln in between)


def _drop_overprints(lines: list[Line]) -> list[Line]:
    """A word printed twice on one baseline, the copy overlapping the line it begins ("To" over "To
    address ..."): a drop cap or a shadow, kept once."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        for other in lines[max(0, i - 3):i + 4]:
            if other is not line and abs(other.top - line.top) <= 1.5 and other.x0 < line.x1 and \
                    line.x0 <= other.x0 and len(other.text) > len(line.text) and other.text.startswith(line.text):
                drop.add(id(line))
                break
    return [ln for ln in lines if id(ln) not in drop]


def _join_bare_markers(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """A number or bullet printed alone ("5a", "\u2022") with its text further along the same baseline:
    one line, wherever the reading order put the two (a smaller glyph sits a little lower than its
    text). Returns the lines and the ids of those joined (their marker was set apart from the text)."""
    partner: dict[int, int] = {}  # text line index -> marker line index
    taken: set[int] = set()
    for i, line in enumerate(lines):
        if not BARE_MARKER.fullmatch(line.text):
            continue
        for j in sorted(range(max(0, i - 3), min(i + 4, len(lines))), key=lambda k: abs(k - i)):
            other = lines[j]
            if (j != i and j not in taken and j not in partner and abs(other.top - line.top) <= 2.5
                    and other.x0 > line.x1 and other.column == line.column
                    and not BARE_MARKER.fullmatch(other.text)):
                partner[j] = i
                taken.add(i)
                break
    out: list[Line] = []
    joined: set[int] = set()
    for i, line in enumerate(lines):
        if i in taken:
            continue
        if i in partner:
            mark = lines[partner[i]]
            line = Line(line.page, mark.x0, min(line.top, mark.top), line.x1, max(line.bottom, mark.bottom),
                        f"{mark.text} {line.text}", line.size, line.bold, line.column, line.box)
            joined.add(id(line))
        out.append(line)
    return out, joined


def document_body_size(pages: list[Page]) -> float:
    """The body type size of most of the document's text: a page full of smaller table text keeps
    the document's notion of what is larger than body text."""
    weights: Counter[float] = Counter()
    for page in pages:
        weights[page.body_size] += len(page.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _page_blocks(page: Page, lines: list[Line], body: float, set_apart: set[int]) -> Iterator[Block]:
    margins = _column_margins(lines)
    hung = _hanging(lines)
    current: Block | None = None
    prev: Line | None = None
    first = True
    for line in lines:
        margin = margins.get((line.column, line.box), line.x0)
        indent = max(0.0, line.x0 - margin)
        in_list = current is not None and current.marker is not None and abs(current.lines[0].x0 - line.x0) <= 2
        marker = list_marker(line, indent, id(line) in set_apart or in_list or id(line) in hung)
        heading = is_heading(line, body) and not _item_not_heading(line, marker, body)
        glyph = bool(BULLET.match(line.text)) and len(line.text) > 2
        if glyph and line.text[0] in "–—-" and indent <= BLOCKS.dash_indent and id(line) not in set_apart \
                and id(line) not in hung:
            glyph = False  # a dash opening a wrapped line of body text, not a list dash
        # a bullet's wrapped line that starts with a number ("24 hours of the report ...") is no new item
        bare_number = marker is not None and not marker.endswith((".", ")")) and "." not in marker
        hanging = (current is not None and prev is not None
                   and (current.marker is not None and marker is None
                        or current.bullet_glyph and (marker is None or bare_number))
                   and not heading and line.column == prev.column and line.box == prev.box
                   and line.x0 > current.lines[0].x0 + BLOCKS.hang and _gap(prev, line) < line.height)
        starts_item = not hanging and (glyph or (marker is not None and not heading)
                                       or (indent > BLOCKS.item_indent and not heading
                                           and _starts_item(current, prev, line)))
        wrapped_heading = (heading and current is not None and current.kind == "heading" and prev is not None
                           and _heading_wraps(prev, line))
        new_block = not hanging and not wrapped_heading and (
            current is None
            or heading
            or current.kind == "heading"
            or prev is None
            or line.column != prev.column
            or line.box != prev.box
            or _gap(prev, line) > BLOCKS.paragraph_gap * max(line.height, 1.0) - line.height
            or starts_item
            or (current.kind == "bullet" and indent < current.indent - BLOCKS.same_x)
        )
        if new_block:
            if current is not None:
                yield current
            kind = "heading" if heading else ("bullet" if starts_item or indent > BLOCKS.item_indent else "para")
            if marker is not None and "." in marker.rstrip(".") and not glyph:
                kind = "para"  # "2.4 ...": a numbered paragraph, not a list item
            current = Block(kind, [line], first_on_page=first or (prev is not None and line.column != prev.column),
                            indent=indent, bullet_glyph=glyph, marker=None if heading else marker)
            first = False
        else:
            current.lines.append(line)
        prev = line
    if current is not None:
        yield current


def _heading_wraps(prev: Line, line: Line) -> bool:
    """A heading set over two lines: same type, close below, and the first line stops mid-phrase."""
    return (abs(prev.size - line.size) < 0.3 and prev.bold == line.bold and prev.column == line.column
            and prev.box == line.box and 0 <= _gap(prev, line) < 0.6 * line.height
            and (bool(MID_PHRASE.search(prev.text)) or line.text[:1].islower()))


def _hanging(lines: list[Line]) -> set[int]:
    """Ids of lines whose next line hangs to their right: a list item at the margin whose dash or number
    stands out from its wrapped text (a wrapped line of body text has its next line at the same margin)."""
    out = set()
    for line, nxt in zip(lines, lines[1:], strict=False):
        if nxt.column == line.column and 0 <= _gap(line, nxt) < line.height and nxt.x0 > line.x0 + BLOCKS.hang:
            out.add(id(line))
    return out


def _item_not_heading(line: Line, marker: str | None, body: float) -> bool:
    """A bold numbered line in body type that reads as a sentence is a list item, not a heading."""
    if marker is None or (body and line.size >= body * BLOCKS.heading_scale):
        return False
    return len(line.text.split()) > 6


def _gap(prev: Line, line: Line) -> float:
    return line.top - prev.bottom


def _starts_item(current: Block | None, prev: Line | None, line: Line) -> bool:
    """Does an indented line without a bullet glyph start a list item, or continue the one above?"""
    if current is None or prev is None or current.kind != "bullet" or line.column != prev.column:
        return True  # the first indented line after body text
    first_x = current.lines[0].x0
    if current.bullet_glyph:  # wrapped lines of a glyph bullet hang right of the glyph
        return line.x0 <= first_x + BLOCKS.same_x
    if abs(line.x0 - first_x) <= BLOCKS.same_x:  # same indent, no glyph: a new item if the one above ended
        return bool(re.search(r"([;.:!?]|;\s*(and|or))[\u201d\"')]*$", prev.text))
    return line.x0 < first_x - BLOCKS.same_x


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
        margins[column] = float(min(x for x, n in xs.items() if n >= best * BLOCKS.margin_share))
    return margins
