"""The database's shape, as data, applied by an idempotent ensure_shape(db)."""

from __future__ import annotations

import sqlite_utils

TABLES: dict[str, dict] = {
    "reports": {
        "columns": {"id": int, "source": str, "sha256": str, "title": str, "published": str, "kind": str,
                    "force": str, "pages": int, "pcc_response_due": str, "warnings": str, "ingested_at": str},
        "pk": "id",
    },
    "findings": {
        "columns": {"id": int, "report_id": int, "key": str, "kind": str, "ref": str, "text": str,
                    "lead_in": str, "parent_key": str, "pages": str, "first_page": int, "pdf_link": str,
                    "deadline": str, "deadline_text": str, "immediate": int, "due": str, "addressees": str,
                    "heading_addressee": str, "status": str, "verdict": str, "reason": str,
                    "auto_verdict": str, "auto_reason": str, "decided_by": str, "decided_at": str,
                    "force": str, "rule": str},
        "pk": "id",
        "foreign_keys": [("report_id", "reports", "id")],
    },
    "finding_addressees": {
        "columns": {"finding_id": int, "addressee": str},
        "pk": ("finding_id", "addressee"),
        "foreign_keys": [("finding_id", "findings", "id")],
    },
    "pages": {
        "columns": {"report_id": int, "page": int, "text": str},
        "pk": ("report_id", "page"),
        "foreign_keys": [("report_id", "reports", "id")],
    },
    # A person's verdict on a finding, kept apart from the findings so that it survives re-ingest:
    # keyed by the report's file name and the finding's stable key, never by row id.
    "decisions": {
        "columns": {"source": str, "finding_key": str, "force": str, "verdict": str, "reason": str,
                    "finding_text": str, "decided_by": str, "decided_at": str},
        "pk": ("source", "finding_key", "force"),
    },
    "ingest_errors": {
        "columns": {"id": int, "source": str, "reason": str, "at": str},
        "pk": "id",
    },
}
INDEXES = [
    ("reports", ["sha256"], True),
    ("reports", ["source"], False),
    ("findings", ["report_id"], False),
    ("findings", ["kind"], False),
    ("findings", ["verdict"], False),
    ("findings", ["deadline"], False),
    ("finding_addressees", ["addressee"], False),
]
FTS = {"findings": ["text", "lead_in"], "pages": ["text"]}
# Days left are counted when the page is read, so they are never stale in an immutable database.
VIEWS = {
    "triage": """
select f.id, r.title as report, r.published, f.kind, f.ref, f.text, f.verdict, f.reason, f.decided_by,
       f.due, substr(f.due, 1, 7) as due_month, f.deadline_text,
       cast(julianday(f.due) - julianday('now', 'localtime', 'start of day') as integer) as days_left,
       max(0, cast(julianday('now', 'localtime', 'start of day') - julianday(f.due) as integer)) as days_overdue,
       f.addressees, f.pdf_link, f.report_id, f.force
from findings f join reports r on r.id = f.report_id
""",
}


def ensure_shape(db: sqlite_utils.Database) -> None:
    """Create whatever tables, indexes and full-text indexes are missing; safe to run every time."""
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    for name, spec in TABLES.items():
        if not db[name].exists():
            db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
        else:  # a database made by an earlier version gains the new columns
            have = db[name].columns_dict
            for column, kind in spec["columns"].items():
                if column not in have:
                    db[name].add_column(column, kind)
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    for table, columns in FTS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)
