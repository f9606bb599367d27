"""Links in the database: tracker records -> findings, and findings -> the findings they restate.

Both are rebuilt from scratch by `hmicfrs match` (and after an ingest when a tracker is loaded); a
person's confirm / reject lives in link_decisions, keyed by report file and finding key, and is
re-applied on every run.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils

from .records import current_records
from .triage import refresh_triage


class LinkError(LookupError):
    """A confirm/reject that names no record or finding."""


FINDING_COLUMNS = ("select f.id, f.key, f.kind, f.ref, f.text, f.lead_in, f.verdict, f.report_id, r.source, r.title, "
                   "r.published, r.edition from findings f join reports r on r.id = f.report_id")


def matching_findings(db: sqlite_utils.Database) -> list[dict]:
    """Every finding with what matching needs of its report, oldest report first."""
    return list(db.query(FINDING_COLUMNS + " order by r.published, r.id, f.id"))


def reports_by_id(db: sqlite_utils.Database) -> dict[int, dict]:
    return {r["id"]: r for r in db.query("select id, source, title, published, edition from reports")}


def tracker_records(db: sqlite_utils.Database) -> list[dict]:
    """The latest tracker snapshot's records."""
    return current_records(db)


def link_decisions(db: sqlite_utils.Database) -> dict[tuple[str, str, str], str]:
    """(reference, report file, finding key) -> "confirmed" or "rejected", as people decided."""
    return {(d["reference"], d["report_source"], d["finding_key"]): d["decision"]
            for d in db.query("select * from link_decisions")}


def store_finding_links(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Replace finding_links with these rows, in one transaction."""
    with db.atomic():
        db.execute("delete from finding_links")
        db["finding_links"].insert_all(rows)


def store_record_links(db: sqlite_utils.Database, rows: list[dict]) -> None:
    """Replace record_links with these rows, in one transaction; the triage table follows."""
    with db.atomic():
        db.execute("delete from record_links")
        db["record_links"].insert_all(rows)
        refresh_triage(db)  # match states, tracker references and edition links have all been rebuilt


def mapping(db: sqlite_utils.Database) -> dict[str, dict | None]:
    """Every current record's Reference -> the finding it is linked to, or None (the --json contract)."""
    out: dict[str, dict | None] = {}
    rows = db.query(
        "select c.reference, l.state, l.score, f.kind, f.ref, f.text, r.source from current_records c "
        "left join record_links l on l.reference = c.reference and l.finding_id is not null "
        "left join findings f on f.id = l.finding_id left join reports r on r.id = f.report_id order by c.row")
    for row in rows:
        if row["text"] is None:
            out[row["reference"]] = None
            continue
        report = row["source"][:-4] if row["source"].lower().endswith(".pdf") else row["source"]
        out[row["reference"]] = {"report": report, "kind": row["kind"], "ref": row["ref"], "text": row["text"],
                                 "state": row["state"], "score": row["score"]}
    return out


def decide_link(db: sqlite_utils.Database, reference: str, finding_id: int | None, decision: str) -> None:
    """A person confirms or rejects a record's link (the current one when finding_id is None)."""
    if not list(db.query("select 1 from current_records where reference = ?", [reference])):
        raise LinkError(f"no tracker record {reference!r} in the latest import")
    if finding_id is None:
        link = list(db.query("select finding_id from record_links where reference = ? and finding_id is not null",
                             [reference]))
        if not link:
            raise LinkError(f"{reference} is not linked to a finding; name one: --confirm {reference}=FINDING_ID")
        finding_id = link[0]["finding_id"]
    finding = list(db.query("select f.key, r.source from findings f join reports r on r.id = f.report_id "
                            "where f.id = ?", [finding_id]))
    if not finding:
        raise LinkError(f"no finding with id {finding_id}")
    db["link_decisions"].upsert({"reference": reference, "report_source": finding[0]["source"],
                                 "finding_key": finding[0]["key"], "decision": decision,
                                 "decided_at": datetime.now(UTC).isoformat(timespec="seconds")},
                                pk=("reference", "report_source", "finding_key"))
