"""The triage table Datasette shows: the `triage_source` view (each item once across editions, with its
report, verdict and tracker link) materialised as `triage_items`, so that its facets and counts are
index scans at a million findings. Kept in step by whatever changes its inputs: saving or deleting a
report, a decision (a trigger), matching and tracker imports."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from .schema import TABLES

COLUMNS = ", ".join(TABLES["triage_items"]["columns"])


def refresh_triage(db: sqlite_utils.Database, report_ids: Iterable[int] | None = None) -> None:
    """Rebuild the triage rows of these reports (all of them when None), inside the caller's transaction."""
    if report_ids is None:
        db.execute("delete from triage_items")
        db.execute(f"insert into triage_items ({COLUMNS}) select {COLUMNS} from triage_source")
        return
    ids = sorted(set(report_ids))
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    db.execute(f"delete from triage_items where report_id in ({marks})", ids)
    db.execute(f"insert into triage_items ({COLUMNS}) select {COLUMNS} from triage_source "
               f"where report_id in ({marks})", ids)


def triage_is_stale(db: sqlite_utils.Database) -> bool:
    """A database made before triage_items existed (findings, but no triage rows)."""
    return bool(db.execute("select exists(select 1 from findings) "
                           "and not exists(select 1 from triage_items)").fetchone()[0])
