"""Read-side queries the commands share: which reports, and their findings as triage rows."""

from __future__ import annotations

import json
from datetime import date

import sqlite_utils


class NotFound(LookupError):
    """A report the user named is not in the database."""


def select_reports(db: sqlite_utils.Database, names: tuple[str, ...] | list[str]) -> list[dict]:
    """Reports by id, file name or file name without .pdf; every report when no name is given."""
    if not names:
        return list(db.query("select * from reports order by published, id"))
    chosen: dict[int, dict] = {}
    for name in names:
        rows = list(db.query(
            "select * from reports where cast(id as text) = ? or source = ? or source = ? || '.pdf'",
            [name, name, name]))
        if not rows:
            raise NotFound(f"no report {name!r} in the database: give its id or file name "
                           "(see the reports table, or run 'hmicfrs ingest' first)")
        chosen.update((r["id"], r) for r in rows)
    return sorted(chosen.values(), key=lambda r: (r["published"] or "", r["id"]))


def triage_rows(db: sqlite_utils.Database, report_ids: list[int]) -> list[dict]:
    """One dict per finding of the given reports, in report then page order, dates as dates."""
    if not report_ids:
        return []
    marks = ",".join("?" * len(report_ids))
    rows = db.query(
        f"select f.*, r.source, r.title as report_title, r.published, r.force as report_force, r.sha256 "
        f"from findings f join reports r on r.id = f.report_id where f.report_id in ({marks}) "
        f"order by r.published, r.id, f.first_page, f.id", report_ids)
    out = []
    for row in rows:
        row["addressees"] = json.loads(row["addressees"] or "[]")
        row["pages"] = json.loads(row["pages"] or "[]")
        for name in ("deadline", "due", "published"):
            row[name] = date.fromisoformat(row[name]) if row[name] else None
        out.append(row)
    return out


def latest_report(db: sqlite_utils.Database, source: str) -> dict | None:
    """The last report stored under this file name, or None."""
    rows = list(db.query("select * from reports where source = ? order by id desc limit 1", [source]))
    return rows[0] if rows else None
