"""The force's tracker in the database: snapshots, what changed between them, the portal summary."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlite_utils

from ..ingest.records import RecordsFile
from .triage import refresh_triage


@dataclass
class ImportResult:
    import_id: int
    rows: int
    replaced: bool  # an earlier snapshot with the same as-of date was replaced


def save_records(db: sqlite_utils.Database, parsed: RecordsFile, source: str, sha256: str, as_of: date) -> ImportResult:
    """Store one snapshot in one transaction; a snapshot with the same as-of date is replaced."""
    with db.atomic():
        old = [r["id"] for r in db.query("select id from record_imports where as_of = ?", [as_of.isoformat()])]
        for import_id in old:
            db.execute("delete from records where import_id = ?", [import_id])
            db.execute("delete from record_imports where id = ?", [import_id])
        import_id = db["record_imports"].insert({
            "source": source, "sha256": sha256, "as_of": as_of.isoformat(),
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"), "rows": len(parsed.rows),
            "mapping": json.dumps(parsed.mapping), "unmapped": json.dumps(parsed.unmapped),
        }).last_pk
        db["records"].insert_all(({
            "import_id": import_id, "reference": r["reference"], "type": r.get("type"), "level": r.get("level"),
            "status": r.get("status"), "state": r["state"], "report_title": r.get("report_title"),
            "published": r.get("published"), "text": r["text"], "owner": r.get("owner"), "due": r.get("due"),
            "extra": json.dumps(r["extra"]) if r.get("extra") else None, "row": r["row"],
            "before_levels": int(bool(r.get("before_levels"))),
        } for r in parsed.rows), batch_size=500)
        # the tracker state shown beside each linked item is now this snapshot's
        refresh_triage(db, [r["report_id"] for r in db.query(
            "select distinct f.report_id from record_links l join findings f on f.id = l.finding_id")])
    return ImportResult(import_id, len(parsed.rows), bool(old))


def snapshots(db: sqlite_utils.Database) -> list[dict]:
    """Every import, oldest first."""
    if not db["record_imports"].exists():
        return []
    return list(db.query("select * from record_imports order by as_of, id"))


def current_records(db: sqlite_utils.Database) -> list[dict]:
    if not db["record_imports"].exists():
        return []
    return list(db.query("select * from current_records order by row"))


def changes(db: sqlite_utils.Database, before: int, after: int) -> list[dict]:
    """What changed from one snapshot to another: added, removed, and status/level/state changes."""
    old = {r["reference"]: r for r in db.query("select * from records where import_id = ?", [before])}
    new = {r["reference"]: r for r in db.query("select * from records where import_id = ?", [after])}
    out = []
    for ref in sorted(old.keys() | new.keys()):
        a, b = old.get(ref), new.get(ref)
        if a is None:
            out.append({"reference": ref, "change": "added", "before": None, "after": b["status"]})
        elif b is None:
            out.append({"reference": ref, "change": "removed", "before": a["status"], "after": None})
        else:
            for name in ("status", "level", "state"):
                if a[name] != b[name]:
                    out.append({"reference": ref, "change": name, "before": a[name], "after": b[name]})
    return out


def type_rank(kind: str | None) -> int:
    """The portal's order of types: causes of concern, recommendations, areas for improvement, the rest."""
    words = re.sub(r"[^a-z]+", " ", (kind or "").lower()).strip()
    if "concern" in words or words in ("coc", "cfc"):
        return 0
    if words.startswith("rec") or "recommendation" in words:
        return 1
    if words in ("afi", "afis") or "improvement" in words:
        return 2
    return 3


def _level_rank(level) -> tuple[int, int]:
    if isinstance(level, int):
        return 0, level
    return (1, 0) if level else (2, 0)  # "closed before levels", then no level given


def summary(db: sqlite_utils.Database) -> list[dict]:
    """Open / closed / total by type and level, from the latest snapshot: the portal-style table.
    Types stay as the force wrote them, in the portal's order; levels 1-4, then "closed before levels"."""
    if not db["record_imports"].exists():
        return []
    rows = [dict(r) for r in db.query("select * from records_summary")]
    return sorted(rows, key=lambda r: (type_rank(r["type"]), r["type"] or "", _level_rank(r["level"])))
