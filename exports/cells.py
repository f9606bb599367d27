"""Text that a spreadsheet will not run: every export writes its text cells through here.

OWASP's CSV-injection advice: a cell that begins with = + - @, a tab or a carriage return can be read
as a formula by Excel, LibreOffice or Google Sheets, so it is prefixed with a single quote (shown as
text, visibly). In XLSX a text cell is written as a string, never as a formula.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A CSV cell (or any text a spreadsheet may open) that cannot start a formula; non-text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def strings_not_formulas(ws: Worksheet) -> None:
    """Mark every cell openpyxl took for a formula (text starting "=") as the text it is."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
