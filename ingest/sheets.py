"""A tracker export (CSV or XLSX) -> rows of cells, in bounded memory, or one clear refusal.

Limits (a force's tracker is a few thousand rows and a few dozen columns; these are far above that):

| limit | value | why |
|---|---|---|
| file size | 50 MB | a tracker export is rarely over 5 MB |
| rows with data | 100,000 | counted by row number; trailing empty rows cost nothing |
| columns with data | 200 | trailing empty columns are dropped |
| XLSX uncompressed | 64 MB, and no part over 5 MB unpacking more than 100 times its packed size | zip bombs |

An XLSX sheet is read as a stream of its stored cells (never padded to the sheet's declared size), so
a sheet declared as 16,384 columns x 1,048,576 rows costs what its cells cost. CSV is decoded as
UTF-8 (a BOM is fine) or UTF-16 with a BOM; a file with no UTF-8 at all is read as Windows-1252 (older
Excel saves); a UTF-8 file with a stray byte is refused naming its line and byte, never guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from pathlib import Path

MAX_BYTES = 50 << 20
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_UNCOMPRESSED = 64 << 20
MAX_RATIO = 100
RATIO_FLOOR = 5 << 20  # parts smaller than this may compress as well as they like

UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


class SheetError(Exception):
    """The file cannot be read as a table (too big, unsafe, or not text); the message says what to do."""


def read_table(path: Path) -> list[list]:
    """The file's rows (each trimmed of trailing empty cells) as lists of cell values."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SheetError(f"the file is {size / 2**20:.0f} MB, over the {MAX_BYTES >> 20} MB limit for a tracker; "
                         "export only the tracker's own sheet or columns")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix in (".csv", ".txt"):
        return _csv_rows(decode_text(path.read_bytes()))
    raise SheetError(f"unsupported file type {suffix or '(none)'}; give a .csv or .xlsx export")


def decode_text(raw: bytes) -> str:
    """The text of a CSV by its true encoding, or SheetError naming the line and byte that is wrong."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SheetError(f"the UTF-16 text is broken at byte {exc.start}; save the file as CSV UTF-8") from exc
    else:
        text = _decode_8bit(raw)
    if "\x00" in text:
        raise SheetError("not a text CSV (it holds binary data); export the tracker as CSV or XLSX")
    return text


def _decode_8bit(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    line = raw.count(b"\n", 0, bad) + 1
    if UTF8_SEQUENCE.search(raw):  # UTF-8 elsewhere: one stray byte, not another encoding
        raise SheetError(f"line {line}: byte 0x{raw[bad]:02X} at offset {bad} is not UTF-8, and the rest of the "
                         "file is; fix that character (or save the file as CSV UTF-8 again) and import again")
    try:
        return raw.decode("cp1252")  # no UTF-8 anywhere: an older Excel "CSV" save
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SheetError(f"line {line}: byte 0x{raw[exc.start]:02X} is neither UTF-8 nor Windows-1252 text; "
                         "save the file as CSV UTF-8 and import again") from exc


def _csv_rows(text: str) -> list[list]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list] = []
    try:
        # quoted cells may hold line breaks, so the reader (not splitlines) decides where a row ends
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
            _keep(rows, number, row)
    except csv.Error as exc:
        raise SheetError(f"not a readable CSV ({exc}); export the tracker as CSV again") from exc
    return rows


def _keep(rows: list[list], number: int, cells: list) -> None:
    """Add a row (numbered from 1) to rows, enforcing the caps on rows and columns with data."""
    while cells and (cells[-1] is None or cells[-1] == ""):
        cells = cells[:-1]
    if not cells:
        return
    if number > MAX_ROWS:
        raise SheetError(f"data on row {number:,}: over the {MAX_ROWS:,}-row limit for a tracker; "
                         "export the tracker's rows only")
    if len(cells) > MAX_COLUMNS:
        raise SheetError(f"row {number:,} has data in column {len(cells):,}: over the {MAX_COLUMNS}-column "
                         "limit for a tracker; export the tracker's columns only")
    rows.extend([] for _ in range(number - 1 - len(rows)))  # empty rows between keep their numbers
    rows.append(list(cells))


def check_zip(path: Path) -> None:
    """Refuse an XLSX whose parts unpack to more than the limits (a zip bomb) before reading any."""
    try:
        with zipfile.ZipFile(path) as zf:
            parts = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise SheetError("not a readable Excel workbook (not a zip archive); save it again from Excel as .xlsx, "
                         "or export CSV") from exc
    total = sum(p.file_size for p in parts)
    if total > MAX_UNCOMPRESSED:
        raise SheetError(f"the workbook unpacks to {total / 2**20:,.0f} MB, over the {MAX_UNCOMPRESSED >> 20} MB "
                         "limit (a zip bomb?); export the tracker's sheet as CSV")
    for part in parts:
        if part.file_size > RATIO_FLOOR and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise SheetError(f"{part.filename} unpacks to {part.file_size // max(part.compress_size, 1):,} times "
                             f"its size (over {MAX_RATIO}: a zip bomb?); export the tracker's sheet as CSV")


def _xlsx_rows(path: Path) -> list[list]:
    from openpyxl import load_workbook

    check_zip(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken or hostile file
        raise SheetError(f"not a readable Excel workbook ({type(exc).__name__}); save it again from Excel as "
                         ".xlsx, or export CSV") from exc
    try:
        rows: list[list] = []
        for number, cells in _stored_rows(wb.worksheets[0]):
            _keep(rows, number, cells)
        return rows
    except SheetError:
        raise
    except Exception as exc:  # noqa: BLE001 - XXE, entity expansion, broken XML: refused by the parser
        raise SheetError(f"the workbook's XML cannot be read safely ({type(exc).__name__}); save it again from "
                         "Excel as .xlsx, or export CSV") from exc
    finally:
        wb.close()


def _stored_rows(ws):
    """(row number, values up to the last stored cell) for each row the sheet stores.

    openpyxl's read-only iter_rows pads every row to the sheet's declared width (16,384 columns in a
    padded file): its worksheet parser is used directly instead (openpyxl is pinned)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    with ws._get_source() as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        for number, stored in parser.parse():
            kept = [c for c in stored if c["value"] is not None and c["value"] != ""]
            if not kept:
                continue
            last = max(c["column"] for c in kept)
            if last > MAX_COLUMNS:
                raise SheetError(f"row {number:,} has data in column {last:,}: over the {MAX_COLUMNS}-column "
                                 "limit for a tracker; export the tracker's columns only")
            cells: list = [None] * last
            for c in kept:
                cells[c["column"] - 1] = c["value"]
            yield number, cells
