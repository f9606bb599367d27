"""Lines -> tables, by geometry alone: a header row of short cells side by side, then rows whose lines
fall into the header's columns. Which tables hold findings is the extractors' business; here a table
is only cells.

A row starts where its first column has text, or after a visible gap between rows (cells that wrap
keep their lines close). A table ends at a line that straddles a column boundary, a change of type
size, or a gap wider than a paragraph's.
"""

from __future__ import annotations

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
    overhang: float = 20.0  # ... and end this far into the next column (a line running further is body text)
    row_gap: float = 0.45  # a gap above a line wider than this many line heights starts a row
    end_gap: float = 2.5  # a gap wider than this many line heights ends the table
    max_ref: int = 8  # characters: a first column this short holds refs, so each new one starts a row
    size_change: float = 1.5  # a line this many points larger or smaller than the body rows ends it


SETTINGS = TableSettings()


@dataclass
class Table:
    """Cells of one table on one page: `header` texts, and each row's cells in header order."""

    page: int
    columns: list[float]  # left edge of each column
    header: list[str]
    header_lines: list[Line]
    rows: list[list[list[Line]]] = field(default_factory=list)  # row -> column -> lines

    @property
    def top(self) -> float:
        return self.header_lines[0].top


def find_tables(lines: list[Line], settings: TableSettings = SETTINGS) -> tuple[list[Table], list[Line]]:
    """The tables on one page's body lines, and the lines that are not in any table."""
    if any(ln.column for ln in lines):
        return [], lines  # a two-column page: side-by-side columns are not a table
    ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    while i < len(ordered):
        row = _printed_row(ordered, i, settings)
        table = _table_from(ordered, i, row, settings)
        if table is None:
            i += 1
            continue
        tables.append(table)
        members = {id(ln) for ln in table.header_lines}
        members |= {id(ln) for r in table.rows for cell in r for ln in cell}
        used |= members
        i = max(j for j, ln in enumerate(ordered) if id(ln) in members) + 1
    rest = [ln for ln in lines if id(ln) not in used]
    return tables, rest


def _printed_row(ordered: list[Line], start: int, settings: TableSettings) -> list[Line]:
    top = ordered[start].top
    return [ln for ln in ordered[start:start + 12] if abs(ln.top - top) <= settings.same_row]


def _table_from(ordered: list[Line], start: int, header: list[Line], settings: TableSettings) -> Table | None:
    if len(header) < settings.min_columns or any(len(h.text) > settings.max_header_cell for h in header):
        return None
    header = sorted(header, key=lambda ln: ln.x0)
    if any(b.x0 - a.x1 < 6 for a, b in zip(header, header[1:], strict=False)):
        return None  # words of one line, not cells
    table = Table(header[0].page, [h.x0 for h in header], [h.text for h in header], header)
    height = max(h.height for h in header)
    body_size: float | None = None
    last_bottom = max(h.bottom for h in header)
    current: list[list[Line]] | None = None
    row_bottom = last_bottom
    j = start + len(header)
    while j < len(ordered):
        line = ordered[j]
        col = _column_of(line, table.columns, settings)
        if col is None:
            break
        if body_size is None:
            body_size = line.size
        elif abs(line.size - body_size) > settings.size_change:
            break
        gap = line.top - last_bottom
        if gap > settings.end_gap * max(height, line.height):
            break
        new_row = current is None or (
            line.top - row_bottom > settings.row_gap * line.height and not _same_top_as_row(line, current)) or (
            col == 0 and bool(current[0]) and len(current[0][-1].text) <= settings.max_ref)
        if new_row:
            current = [[] for _ in table.columns]
            table.rows.append(current)
        current[col].append(line)
        row_bottom = max(row_bottom, line.bottom) if not new_row else line.bottom
        last_bottom = max(last_bottom, line.bottom)
        j += 1
    filled = [r for r in table.rows if sum(1 for cell in r if cell) >= 2]
    if len(filled) < settings.min_rows:
        return None
    return table


def _same_top_as_row(line: Line, row: list[list[Line]] | None) -> bool:
    return bool(row) and any(abs(ln.top - line.top) <= SETTINGS.same_row for cell in row for ln in cell)


def _column_of(line: Line, columns: list[float], settings: TableSettings) -> int | None:
    """The column a line sits in, or None when it straddles a column boundary (body text)."""
    col = None
    for k, left in enumerate(columns):
        if line.x0 >= left - settings.column_slack:
            col = k
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
