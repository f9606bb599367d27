"""The triage sheet: one row per finding, as CSV or as an Excel workbook a person can filter. Text is
never a live formula (`cells.py`)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .cells import neutralise, strings_not_formulas


@dataclass(frozen=True)
class Column:
    title: str
    width: int
    value: object  # row -> cell value
    wrap: bool = False


def _join(values: list) -> str:
    return "; ".join(map(str, values))


COLUMNS = [
    Column("Report", 40, lambda r: r["report_title"] or r["source"], wrap=True),
    Column("Published", 12, lambda r: r["published"]),
    Column("Type", 20, lambda r: r["kind"].replace("_", " ")),
    Column("Ref", 6, lambda r: r["ref"] or ""),
    Column("Finding", 80, lambda r: r["text"], wrap=True),
    Column("Lead-in", 30, lambda r: r["lead_in"] or "", wrap=True),
    Column("Applies", 12, lambda r: r["verdict"]),
    Column("Reason", 45, lambda r: r["reason"], wrap=True),
    Column("Decided by", 14, lambda r: r["decided_by"] or ""),
    Column("Due", 12, lambda r: r["due"]),
    Column("Deadline as printed", 24, lambda r: r["deadline_text"] or "", wrap=True),
    Column("Addressees", 30, lambda r: _join(r["addressees"]), wrap=True),
    Column("Pages", 8, lambda r: _join(r["pages"])),
    Column("Status", 18, lambda r: r["status"] or ""),
    Column("Source file", 24, lambda r: r["source"]),
    Column("Key", 22, lambda r: r["key"]),
]


def sheet_rows(rows: list[dict]) -> list[list]:
    """The sheet's cells, header first; dates stay dates."""
    return [[c.title for c in COLUMNS]] + [[c.value(r) for c in COLUMNS] for r in rows]


def write_csv(rows: list[dict], path: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel opens it with the right characters."""
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        for cells in sheet_rows(rows):
            writer.writerow(c.isoformat() if isinstance(c, date) else neutralise(c) for c in cells)


def write_xlsx(rows: list[dict], path: Path, title: str = "Triage") -> None:
    """A workbook with a frozen bold header, filters on every column, set widths and real dates."""
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    for cells in sheet_rows(rows):
        ws.append(cells)
    strings_not_formulas(ws)  # a finding or title starting "=" stays text
    for i, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        for cell in ws[letter][1:]:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
            if column.wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)
