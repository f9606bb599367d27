"""Lines -> tables, by geometry alone: a header row of short cells side by side, then rows whose lines
fall into the header's columns. Which tables hold findings is the extractors' business; here a table
is only cells.

A row starts where its first column has text, or after a visible gap between rows (cells that wrap
keep their lines close). A table ends at a line that straddles a column boundary, a change of type
size, or a gap wider than a paragraph's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Line


@dataclass(frozen=True)
class TableSettings:
    """Thresholds for finding tables (PDF points unless said otherwise)."""

    same_row: float = 2.0  # tops within this distance are one printed row
    max_header_cell: int = 40  # characters: header cells are short
    min_columns: int = 2
    min_rows: int = 1  # body rows below the header
    column_slack: float = 4.0  # a cell's text may start this far left of its column
    centred_slack: float = 12.0  # ... a centred cell's this far, when it starts well clear of the column before
    overhang: float = 20.0  # ... and end this far into the next column (a line running further is body text)
    row_gap: float = 0.45  # a gap above a line wider than this many line heights starts a row
    end_gap: float = 2.5  # a gap wider than this many line heights ends the table
    max_ref: int = 8  # characters: a first column this short holds refs, so each new one starts a row
    size_change: float = 1.5  # a line this many points larger or smaller than the body rows ends it


SETTINGS = TableSettings()
NUMBER_ONLY = re.compile(r"^\(?\d{1,2}(?:\.\d{1,2})*[.)]?$")
REF_CELL = re.compile(r"^\(?(?:R?\d{1,3}(?:\.\d{1,2})?[a-z]?|[a-z]|[ivx]{1,4})[.)]?(?=\s+\S)")


@dataclass
class Table:
    """Cells of one table on one page: `header` texts, and each row's cells in header order."""

    page: int
    columns: list[float]  # left edge of each column
    header: list[str]
    header_lines: list[Line]
    rows: list[list[list[Line]]] = field(default_factory=list)  # row -> column -> lines
    consumed: list[Line] = field(default_factory=list)  # the page's lines the rows were read from

    @property
    def top(self) -> float:
        return (self.header_lines or self.consumed)[0].top

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in [*self.header_lines, *self.consumed])


def find_tables(lines: list[Line], settings: TableSettings = SETTINGS,
                carry: Table | None = None) -> tuple[list[Table], list[Line]]:
    """The tables on one page's body lines, and the lines that are not in any table. `carry`: the last
    page's table when it ran to the foot of that page; its rows may go on at the top of this one."""
    two_columns = any(ln.column for ln in lines)  # side-by-side text columns are not a table ...
    ordered = _in_printed_rows(lines, settings)
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    going_on = _continued(ordered, carry, settings) if carry is not None and not two_columns else None
    if going_on is not None:
        tables.append(going_on)
        used = {id(ln) for ln in going_on.consumed}
        i = len(going_on.consumed)
    while i < len(ordered):
        row = _printed_row(ordered, i, settings)
        if two_columns and len(row) < 3:
            i += 1  # ... but a header of three cells or more starts one even there
            continue
        table = _table_from(ordered, i, row, settings)
        if table is None:
            i += 1
            continue
        tables.append(table)
        members = {id(ln) for ln in table.header_lines} | {id(ln) for ln in table.consumed}
        used |= members
        i = max(j for j, ln in enumerate(ordered) if id(ln) in members) + 1
    rest = [ln for ln in lines if id(ln) not in used]
    return tables, rest


def _wraps_line_above(cell: Line, above: list[Line]) -> bool:
    return any(abs(ln.x0 - cell.x0) <= 2 and 0 <= cell.top - ln.bottom < 0.6 * cell.height for ln in above)


def _in_printed_rows(lines: list[Line], settings: TableSettings) -> list[Line]:
    """Lines top to bottom, and left to right within a printed row: cells whose tops differ by a
    fraction of a point (a wrapped cell beside one-line cells) are still one row read from the left."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    out: list[Line] = []
    row: list[Line] = []
    for line in ordered:
        if row and line.top - row[0].top > settings.same_row / 2:
            out += sorted(row, key=lambda ln: ln.x0)
            row = []
        row.append(line)
    return out + sorted(row, key=lambda ln: ln.x0)


def _printed_row(ordered: list[Line], start: int, settings: TableSettings) -> list[Line]:
    top = ordered[start].top
    return [ln for ln in ordered[start:start + 12] if abs(ln.top - top) <= settings.same_row]


def _table_from(ordered: list[Line], start: int, header: list[Line], settings: TableSettings) -> Table | None:
    if len(header) < settings.min_columns or any(len(h.text) > settings.max_header_cell for h in header):
        return None
    header = sorted(header, key=lambda ln: ln.x0)
    if all(_wraps_line_above(h, ordered[max(0, start - 8):start]) for h in header):
        return None  # "improvement 1 | the report comes ...": each cell the wrapped end of a line above
    if NUMBER_ONLY.match(header[0].text.strip()):
        return None  # "1   Leadership and partnership working": a numbered heading; a header names its columns
    if any(b.x0 - a.x1 < 6 for a, b in zip(header, header[1:], strict=False)):
        return None  # words of one line, not cells
    below = ordered[start + len(header):start + len(header) + 24]
    columns, names = _split_header(header, below, settings)
    columns = _aligned(columns, header, below)
    table = Table(header[0].page, columns, names, header)
    fill = _Filling(height=max(h.height for h in header), last_bottom=max(h.bottom for h in header),
                    carried=start == 0)
    for k in range(start + len(header), len(ordered)):
        line = ordered[k]
        mates = [ln for ln in table.consumed[-12:] if abs(ln.top - line.top) <= settings.same_row]
        pieces = _cells_of(line, table.columns, settings, mates)
        level = [ln for ln in ordered[k + 1:k + 12] if abs(ln.top - line.top) <= settings.same_row]
        if pieces is None or not fill.add(table, pieces, settings, level):
            break
        table.consumed.append(line)
    filled = [r for r in table.rows if sum(1 for cell in r if cell) >= 2]
    # a header repeated at the top of a page over the last line of a row the page break cut
    carried_over = start == 0 and len(header) >= 3 and bool(table.rows)
    if len(filled) < settings.min_rows and not carried_over:
        return None
    return table


def _continued(ordered: list[Line], carry: Table, settings: TableSettings) -> Table | None:
    """A table that a page break cut, going on at the top of the next page without its header: lines
    in its columns, in its rows' type size, from the page's first line on. Taken when a row holds
    two cells or more, or when the first row is the end of a cut row's text (no first column)."""
    if not ordered or not carry.consumed or [ln.text for ln in _printed_row(ordered, 0, settings)] == carry.header:
        return None  # the header printed again: read as a table of its own
    table = Table(ordered[0].page, carry.columns, carry.header, [])
    fill = _Filling(height=ordered[0].height, last_bottom=ordered[0].top, carried=True,
                    body_size=carry.consumed[-1].size)
    for k, line in enumerate(ordered):
        mates = [ln for ln in table.consumed[-12:] if abs(ln.top - line.top) <= settings.same_row]
        pieces = _cells_of(line, table.columns, settings, mates)
        level = [ln for ln in ordered[k + 1:k + 12] if abs(ln.top - line.top) <= settings.same_row]
        if pieces is None or any(ln.bold for _, ln in pieces) or not fill.add(table, pieces, settings, level):
            break
        table.consumed.append(line)
    if not table.rows:
        return None
    cut_row = not table.rows[0][0] and sum(len(cell) for cell in table.rows[0]) >= 2
    if not cut_row and not any(sum(1 for cell in row if cell) >= 2 for row in table.rows):
        return None
    return table


@dataclass
class _Filling:
    """Where the rows of a table being read have got to."""

    height: float
    last_bottom: float
    row_bottom: float = 0.0
    body_size: float | None = None
    carried: bool = False  # the table's header opens the page: its first row may be the end of one cut by the break

    def add(self, table: Table, pieces: list[tuple[int, Line]], settings: TableSettings,
            level: list[Line] = ()) -> bool:
        """Put one printed line's cells into the table; False when the line ends the table instead.
        `level`: the lines still to come in the same printed row (right of this one)."""
        for col, line in pieces:
            if self.body_size is None:
                self.body_size = line.size
            elif abs(line.size - self.body_size) > settings.size_change:
                return False
            if line.top - self.last_bottom > settings.end_gap * max(self.height, line.height):
                return False
            current = table.rows[-1] if table.rows else None
            new_row = current is None or (
                line.top - self.row_bottom > settings.row_gap * line.height and not _same_top_as_row(line, current)
            ) or (col == 0 and _is_ref(line.text, settings) and any(current))  # a new ref starts a row
            new_row = new_row or (col == 0 and _next_item_in_first_column(current, line, self.carried))
            new_row = new_row or (col == 0 and _next_sentence_beside(current, line, level, table.columns))
            moved = _next_row_start(current, col, line) if current is not None and not new_row else []
            if moved:  # a second value in this column, level with a new sentence in the first: the next row
                for ln in moved:
                    current[0].remove(ln)
                new_row = True
            if new_row:
                current = [[] for _ in table.columns]
                table.rows.append(current)
                current[0].extend(moved)
                self.row_bottom = line.bottom
            current[col].append(line)
            self.row_bottom = max(self.row_bottom, line.bottom)
            self.last_bottom = max(self.last_bottom, line.bottom)
        return True


def _is_ref(text: str, settings: TableSettings) -> bool:
    """A first column this short holds refs ("R4", "2.1", "(b)"), not the wrapped last word of a
    cell ("week;", "and")."""
    text = text.strip()
    return len(text) <= settings.max_ref and not (
        re.fullmatch(r"[a-z]{2,}[,;:.]?", text) and not re.fullmatch(r"[ivx]{1,4}[.)]?", text))


def _next_item_in_first_column(row: list[list[Line]] | None, line: Line, carried: bool) -> bool:
    """Rows printed without a gap between them: a first-column line more than a line below the
    column's last line, while the other columns ran on, opens the next row when that last line ended
    an item ("...;", "...; and", "..."). The first row of a table whose header opens the page may hold
    only the end of a row the break cut (no first column): a first-column line below it opens the next."""
    if not row or not any(row[1:]):
        return False
    others_above = [ln for cell in row[1:] for ln in cell if ln.top < line.top - SETTINGS.same_row]
    if not others_above:
        return False
    if not row[0]:
        return carried and len(others_above) >= 2
    last = max(row[0], key=lambda ln: ln.top)
    return (line.top - last.bottom >= line.height
            and bool(re.search(r"(?:[.;!?]|;\s+(?:and|or))[\u201d\"')]*$", last.text.strip())))


def _next_sentence_beside(row: list[list[Line]] | None, line: Line, level: list[Line], columns: list[float]) -> bool:
    """Rows printed without a gap between them ("Section | Area for improvement"), the first column's
    text a title with no closing stop: a first-column line more than a line below the column's last
    line opens the next row when, level with it, a later column that ended a sentence opens a new one."""
    if not row or not row[0] or line.top - max(ln.bottom for ln in row[0]) < line.height:
        return False
    for mate in level:
        col = _column_of(mate, columns, SETTINGS)
        if not col or not row[col] or not mate.text[:1].isupper():
            continue
        last = max(row[col], key=lambda ln: ln.top)
        if last.top < line.top and re.search(r"[.!?][\u201d\"')]*$", last.text.strip()):
            return True
    return False


def _next_row_start(row: list[list[Line]], col: int, line: Line) -> list[Line]:
    """Rows printed without a gap between them ("text | 1", "text | 2"): a line in a later column that
    already holds text, below that text by more than a line, starts the next row when the first column
    opens a sentence level with it. Returns the first column's lines that belong to the next row."""
    if col == 0 or not row[col] or line.top - row[col][-1].bottom < line.height:
        return []
    level = [ln for ln in row[0] if abs(ln.top - line.top) <= SETTINGS.same_row]
    above = [ln for ln in row[0] if ln.top < line.top - SETTINGS.same_row]
    if not level or not above or not level[0].text[:1].isupper() or not re.search(r"[.!?:;]$", above[-1].text):
        return []
    return level


def _cells_of(line: Line, columns: list[float], settings: TableSettings,
              mates: list[Line] = ()) -> list[tuple[int, Line]] | None:
    """The column a line sits in; a line that starts inside a column other than the first and runs on
    into the next holds two cells that the layout printed close enough to join, and is cut in two
    (at the word nearest the boundary). None when a line runs across the columns: body text."""
    col = _column_of(line, columns, settings, mates)
    if col is not None:
        return [(col, line)]
    start = _column_start(line, columns, settings, mates)
    ref = REF_CELL.match(line.text)
    if start == 0 and ref and len(columns) > 1:  # "b) The timeliness ...": a ref cell joined to its text
        cut = ref.end()
        return [(0, Line(line.page, line.x0, line.top, columns[1], line.bottom, line.text[:cut].strip(), line.size,
                         line.bold, line.column, line.box)),
                (1, Line(line.page, columns[1], line.top, line.x1, line.bottom, line.text[cut:].strip(), line.size,
                         line.bold, line.column, line.box))]
    if start is None or start + 1 >= len(columns) or start == 0 and len(columns) < 3:
        return None  # in a two-column table a line across both is body text
    boundary = columns[start + 1] - settings.column_slack
    if start + 2 < len(columns) and line.x1 > columns[start + 2] + settings.overhang:
        return None
    share = (boundary - line.x0) / max(line.x1 - line.x0, 1.0)
    cut = _nearest_space(line.text, round(share * len(line.text)))
    if cut is None:
        return None
    left = Line(line.page, line.x0, line.top, boundary, line.bottom, line.text[:cut].strip(), line.size, line.bold,
                line.column, line.box)
    right = Line(line.page, columns[start + 1], line.top, line.x1, line.bottom, line.text[cut:].strip(), line.size,
                 line.bold, line.column, line.box)
    return [(start, left), (start + 1, right)]


def _split_header(header: list[Line], below: list[Line], settings: TableSettings) -> tuple[list[float], list[str]]:
    """Columns from the header cells, and from where the rows below start their cells: two header
    cells the layout printed close enough to join ("Lead organisation Timescale") are cut where the
    rows' third column starts."""
    columns, names = [], []
    for cell in header:
        starts = sorted({round(ln.x0) for ln in below if cell.x0 + 10 < ln.x0 < cell.x1 - 10})
        inside = [x for x in starts if sum(1 for ln in below if abs(ln.x0 - x) <= 2) >= 2]
        cut = _nearest_space(cell.text, round((inside[0] - cell.x0) / max(cell.x1 - cell.x0, 1.0) * len(cell.text))) \
            if inside else None
        if cut is None:
            columns.append(cell.x0)
            names.append(cell.text)
            continue
        columns += [cell.x0, float(inside[0])]
        names += [cell.text[:cut].strip(), cell.text[cut:].strip()]
    return columns, names


def _aligned(columns: list[float], header: list[Line], below: list[Line]) -> list[float]:
    """A centred or padded header cell starts right of its column's text: the column starts where most
    of the rows' cells start, between the header cell before it and this one (the first column moves
    at most a little: body text at the margin is not a cell)."""
    out: list[float] = []
    for k, left in enumerate(columns):
        previous = max((h.x1 for h in header if h.x1 <= left), default=0.0)
        before = left - 10 if k == 0 else max(previous, out[-1] + 1)
        counts: dict[float, int] = {}
        for ln in below:
            if before < ln.x0 < left:
                key = next((x for x in counts if abs(x - ln.x0) <= 2), round(ln.x0, 1))
                counts[key] = counts.get(key, 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]), default=(left, 0))
        out.append(best[0] if best[1] >= 2 else left)
    return out


def _column_start(line: Line, columns: list[float], settings: TableSettings, mates: list[Line] = ()) -> int | None:
    """The column a line starts in. `mates`: the row's lines already read level with it; a line that
    starts just left of a column, right of a mate that holds the column before ("... a single | Within 6
    months" under "Deadline"), is a centred cell of that column."""
    col = None
    for k, left in enumerate(columns):
        if line.x0 >= left - settings.column_slack:
            col = k
    if col is not None and col + 1 < len(columns) and columns[col + 1] - line.x0 <= settings.centred_slack \
            and any(mate.x1 < line.x0 and _column_start(mate, columns, settings) == col for mate in mates):
        return col + 1
    return col


def _nearest_space(text: str, at: int) -> int | None:
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    return min(spaces, key=lambda i: abs(i - at)) if spaces else None


def _same_top_as_row(line: Line, row: list[list[Line]] | None) -> bool:
    return bool(row) and any(abs(ln.top - line.top) <= SETTINGS.same_row for cell in row for ln in cell)


def _column_of(line: Line, columns: list[float], settings: TableSettings, mates: list[Line] = ()) -> int | None:
    """The column a line sits in, or None when it straddles a column boundary (body text)."""
    col = _column_start(line, columns, settings, mates)
    if col is None:
        return None
    nxt = columns[col + 1] if col + 1 < len(columns) else None
    if nxt is not None and line.x1 > nxt + settings.overhang:
        return None
    return col


def cell_text(cell: list[Line]) -> str:
    """A cell's lines as running text (the model's join rule)."""
    from ..model import join_lines

    return join_lines(ln.text for ln in sorted(cell, key=lambda ln: ln.top))
