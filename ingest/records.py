"""A force's tracker export (CSV or XLSX) -> clean record rows.

Header names differ between exports ("Reference" / "Ref No" / "HMICFRS ref"), so each column is
recognised by fuzzy matching against the synonyms in FIELDS; `overrides` ({"My Header": "text"}) win.
Status words are the force's own; `state_of` maps them to open / closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from rapidfuzz import fuzz, process

from ..text import normalise
from .sheets import SheetError, read_table

FIELDS: dict[str, list[str]] = {
    "reference": ["reference", "ref", "ref no", "reference number", "id", "record id", "hmicfrs reference",
                  "unique reference", "portal reference", "urn", "portal id", "portal ref", "hmicfrs id",
                  "recommendation id", "unique id"],
    "type": ["type", "finding type", "item type", "category", "recommendation type", "record type",
             "type of recommendation", "recommendation or afi", "rec afi", "rec afi coc", "portal type"],
    # the monitoring portal's export heads it "Portal level"; forces' own trackers vary
    "level": ["level", "priority", "priority level", "risk level", "portal level", "hmicfrs level", "current level",
              "monitoring level", "assurance level", "level of assurance", "level 1 4", "portal level 1 4"],
    "status": ["status", "current status", "progress status", "rag status", "state", "portal status",
               "hmicfrs status", "force status", "overall status"],
    "report_title": ["report title", "report", "report name", "inspection", "inspection title", "publication",
                     "source report", "inspection report", "report published", "publication title"],
    "published": ["published", "publication date", "report date", "date published", "published date",
                  "date of publication", "report publication date"],
    "text": ["text", "recommendation", "recommendation text", "description", "detail", "finding",
             "finding text", "wording", "afi text", "summary", "full text", "recommendation afi",
             "recommendation afi text", "recommendation detail"],
    "owner": ["owner", "lead", "lead officer", "responsible officer", "action owner", "portfolio lead",
              "responsible lead", "chief officer lead", "senior responsible officer", "force lead", "owner name"],
    "due": ["due date", "due", "deadline", "target date", "completion date", "date due"],
}
REQUIRED = ("reference", "text")
# A header holding one of these words is taken for the field when no synonym matched ("Portal level (1-4)")
WORDS = {"level": "level", "status": "status", "owner": "owner"}
# The portal gives items closed before it introduced levels 1-4 their own line ("Closed before levels")
NO_LEVEL = {"n/a", "na", "-", "\u2013", "none", "not applicable", "tbc", "not set", "no level", "nil"}
BEFORE_LEVELS = re.compile(r"\b(?:before|prior\s+to|pre)[\s-]+(?:the\s+)?(?:introduction\s+of\s+)?levels?\b", re.I)
HEADER_MATCH = 85  # rapidfuzz token_sort_ratio a header needs to be taken for a field

CLOSED_PHRASES = ("not applicable", "no longer relevant", "no longer applicable", "n/a")
CLOSED_WORDS = ("closed", "complete", "completed", "discharged", "achieved", "implemented", "signed off",
                "done", "superseded", "withdrawn", "no longer relevant", "finished", "resolved")
OPEN_MARKERS = ("pending", "awaiting", "partially", "in progress", "being", "not ", "ongoing", "open", "overdue",
                "on track", "off track", "delayed")


class RecordsError(Exception):
    """The file cannot be imported at all (unreadable, or a required column is missing)."""


@dataclass
class RecordsFile:
    rows: list[dict]
    mapping: dict[str, str]  # field -> header as printed
    unmapped: list[str]  # headers no field took
    bad_rows: list[tuple[int, str]] = field(default_factory=list)  # (spreadsheet row number, reason)


def state_of(status: str | None) -> str:
    """The force's status word -> open | closed. "Pending sign off" and "partially achieved" are open."""
    words = (status or "").strip().lower()
    if any(phrase in words for phrase in CLOSED_PHRASES):
        return "closed"
    if any(marker in words for marker in OPEN_MARKERS):
        return "open"
    return "closed" if any(w in words for w in CLOSED_WORDS) else "open"


def _key(header: str) -> str:
    return normalise(header, ascii=True, lower=True, words=True)


def map_headers(headers: list[str], overrides: dict[str, str] | None = None) -> tuple[dict[str, str], list[str]]:
    """field -> header. Exact synonyms first, then the closest fuzzy match; each header used once."""
    overrides = {_key(h): f for h, f in (overrides or {}).items()}
    bad = sorted(set(overrides.values()) - set(FIELDS))
    if bad:
        raise RecordsError(f"--map names unknown field(s) {', '.join(bad)}; fields are {', '.join(FIELDS)}")
    mapping: dict[str, str] = {}
    free = [h for h in headers if h and h.strip()]
    for header in list(free):
        if _key(header) in overrides:
            mapping[overrides[_key(header)]] = header
            free.remove(header)
    missing = [k for k in overrides if k not in {_key(h) for h in headers}]
    if missing:
        raise RecordsError(f"--map names column(s) not in the file: {', '.join(missing)}; "
                           f"the file's columns are: {', '.join(h for h in headers if h)}")
    for exact in (True, False):
        for name, synonyms in FIELDS.items():
            if name in mapping or not free:
                continue
            keys = [_key(h) for h in free]
            if exact:
                hit = next((i for i, k in enumerate(keys) if k in synonyms), None)
            else:
                best = max((process.extractOne(k, synonyms, scorer=fuzz.token_sort_ratio) + (i,)
                            for i, k in enumerate(keys)), key=lambda t: t[1])
                hit = best[3] if best[1] >= HEADER_MATCH else None
            if hit is not None:
                mapping[name] = free.pop(hit)
    for name, word in WORDS.items():
        hit = next((h for h in free if word in _key(h).split()), None)
        if name not in mapping and hit is not None:
            mapping[name] = hit
            free.remove(hit)
    return mapping, free


def _rows_of(path: Path) -> list[list]:
    """The file's rows, read in bounded memory (limits in `sheets.py`)."""
    try:
        return read_table(path)
    except SheetError as exc:
        raise RecordsError(str(exc)) from exc


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalise(str(value)) or None


def parse_date(value) -> date | None:
    """ISO, UK day-first (31/03/2025, 31 March 2025) or a spreadsheet date. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {text!r} (use 31/03/2025 or 2025-03-31)")


def read_records(path: Path, overrides: dict[str, str] | None = None) -> RecordsFile:
    """Every row of a tracker export as a record dict; bad rows are listed with their row number."""
    if not path.exists():
        raise RecordsError("no such file")
    if path.stat().st_size == 0:
        raise RecordsError("the file is empty")
    table = _rows_of(path)
    start = next((i for i, row in enumerate(table) if sum(1 for c in row if _text(c)) >= 2), None)
    if start is None:
        raise RecordsError("no header row found (a row with at least two column names)")
    headers = [_text(h) or "" for h in table[start]]
    mapping, unmapped = map_headers(headers, overrides)
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        columns = ", ".join(filter(None, headers))
        raise RecordsError(f"no column for {', '.join(missing)}; the file's columns are {columns}. "
                           f"Name it with --map, e.g. --map 'Your Header={missing[0]}'")
    index = {name: headers.index(header) for name, header in mapping.items()}
    rows, bad, seen = [], [], {}
    for offset, cells in enumerate(table[start + 1:], start=start + 2):
        if not any(_text(c) for c in cells):
            continue
        cell = {name: cells[i] if i < len(cells) else None for name, i in index.items()}
        record = {name: _text(value) for name, value in cell.items()}
        record["row"] = offset
        problem = _check(record, cell, seen)
        if problem:
            bad.append((offset, problem))
            continue
        seen[record["reference"]] = offset
        record["state"] = state_of(record.get("status"))
        extra = {h: _text(cells[i]) for i, h in enumerate(headers[: len(cells)]) if h in unmapped}
        record["extra"] = {h: v for h, v in extra.items() if v} or None
        # "closed before levels" may also be written in a column of its own ("Closure type", "Notes")
        record["before_levels"] = record["before_levels"] or any(BEFORE_LEVELS.search(v) for v in
                                                                 (record["extra"] or {}).values())
        rows.append(record)
    if not rows and not bad:
        raise RecordsError("no data rows under the header")
    return RecordsFile(rows, mapping, unmapped, bad)


def _check(record: dict, cell: dict, seen: dict[str, int]) -> str | None:
    """What is wrong with one row, or None. Dates and levels are converted in place."""
    if not record.get("reference"):
        return "no reference"
    if record["reference"] in seen:
        return f"reference {record['reference']} already given on row {seen[record['reference']]}"
    if not record.get("text"):
        return f"{record['reference']}: no text"
    for name in ("published", "due"):
        try:
            value = parse_date(cell.get(name))
        except ValueError as exc:
            return f"{record['reference']}: {name}: {exc}"
        record[name] = value.isoformat() if value else None
    level = record.get("level")
    record["before_levels"] = any(BEFORE_LEVELS.search(record.get(name) or "") for name in ("level", "status"))
    if level is not None and (BEFORE_LEVELS.search(level) or level.lower().strip(" .") in NO_LEVEL):
        record["level"] = None
    elif level is not None:
        digits = re.search(r"\d+", level)
        if not digits:
            return f"{record['reference']}: level {level!r} is not a number"
        record["level"] = int(digits.group())
    return None
