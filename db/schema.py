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
                    "deadline": str, "deadline_text": str, "immediate": int, "addressees": str,
                    "status": str, "verdict": str, "reason": str, "force": str, "rule": str},
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


def ensure_shape(db: sqlite_utils.Database) -> None:
    """Create whatever tables, indexes and full-text indexes are missing; safe to run every time."""
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    for name, spec in TABLES.items():
        if not db[name].exists():
            db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    for table, columns in FTS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
