"""A person's verdict on a finding. It overrides the automatic verdict and survives re-ingest.

Decisions are stored apart from the findings, keyed by the report's file name, the finding's stable key
and the force. When a report is ingested again its findings pick their decisions back up, unless the
finding's wording has changed since (then the decision is not applied and the reason says so).

There is one way in: RECORD_SQL appends a row to decision_history, and the database's triggers
(db/schema.py) check it, store the decision for every edition of the item and update the findings.
`hmicfrs decide` runs it here; the browser runs the same SQL as the `decide` canned query, with the
signed-in actor and the time as Datasette's magic parameters.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils
from rapidfuzz import fuzz

VERDICTS = ("yes", "conditional", "no")
SAME_WORDING = 90  # rapidfuzz ratio at or above which a decision still fits a re-ingested finding
RECORD_SQL = """insert into decision_history
  (finding_id, source, finding_key, verdict, reason, owner, decided_by, decided_at, previous_verdict)
values (:finding,
  (select r.source from findings f join reports r on r.id = f.report_id where f.id = :finding),
  (select key from findings where id = :finding),
  :verdict, trim(:reason), nullif(trim(:owner), ''), :_actor_id, :_now_datetime_utc,
  (select verdict from findings where id = :finding))"""


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown finding, bad verdict)."""


@dataclass
class Decision:
    finding_id: int
    source: str
    finding_key: str
    force: str
    verdict: str
    reason: str


def find_finding(db: sqlite_utils.Database, target: str) -> dict:
    """A finding by row id ("12") or by report file and key ("kent-peel.pdf:recommendation-3")."""
    if target.isdigit():
        rows = list(db.query("select f.*, r.source from findings f join reports r on r.id = f.report_id "
                             "where f.id = ?", [int(target)]))
    else:
        source, _, key = target.rpartition(":")
        rows = list(db.query("select f.*, r.source from findings f join reports r on r.id = f.report_id "
                             "where r.source in (?, ?) and f.key = ?", [source, source + ".pdf", key]))
    if not rows:
        raise DecisionError(f"no finding {target!r}: give its id (the findings table's id column) "
                            "or REPORT.pdf:KEY, e.g. report.pdf:recommendation-3")
    return rows[0]


def now_utc() -> str:
    """The time as Datasette's _now_datetime_utc magic parameter writes it."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record(db: sqlite_utils.Database, finding_id: int, verdict: str | None, reason: str, owner: str | None,
           by: str | None) -> None:
    """Append a decision (verdict None: withdraw it) to decision_history; the triggers apply it."""
    try:
        with db.atomic():
            db.execute(RECORD_SQL, {"finding": finding_id, "verdict": verdict, "reason": reason or "",
                                    "owner": owner or "", "_actor_id": by or "", "_now_datetime_utc": now_utc()})
    except sqlite3.IntegrityError as exc:  # raise(abort, ...) in a trigger
        raise DecisionError(str(exc)) from exc


def decide(db: sqlite_utils.Database, target: str, verdict: str, reason: str, by: str | None = None,
           owner: str | None = None) -> Decision:
    """Record a person's verdict on one finding (and every edition's copy of it) and apply it at once."""
    if verdict not in VERDICTS:
        raise DecisionError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    if not reason.strip():
        raise DecisionError("give a reason (--reason) so that others can see why")
    row = find_finding(db, target)
    record(db, row["id"], verdict, reason, owner, by)
    return Decision(row["id"], row["source"], row["key"], row["force"] or "", verdict, reason.strip())


def undecide(db: sqlite_utils.Database, target: str, by: str | None = None) -> bool:
    """Withdraw a person's decision; the automatic verdict comes back. False when there was none."""
    row = find_finding(db, target)
    had = list(db.query("select 1 from decisions where source = ? and finding_key = ? and force = ?",
                        [row["source"], row["key"], row["force"] or ""]))
    if had:
        record(db, row["id"], None, "decision withdrawn", None, by)
    return bool(had)


def apply_decisions(db: sqlite_utils.Database, report_id: int) -> int:
    """Overlay the stored decisions on one report's findings (inside the caller's transaction)."""
    applied = 0
    rows = db.query(
        "select f.id, f.text, d.verdict, d.reason, d.owner, d.finding_text, d.decided_by, d.decided_at "
        "from findings f join reports r on r.id = f.report_id "
        "join decisions d on d.source = r.source and d.finding_key = f.key and d.force = coalesce(f.force, '') "
        "where f.report_id = ?", [report_id])
    for row in list(rows):
        if fuzz.ratio(row["text"], row["finding_text"] or "") < SAME_WORDING:
            db.execute("update findings set reason = reason || ? where id = ?",
                       [" (a person's earlier decision was for different wording; decide again)", row["id"]])
            continue
        who = row["decided_by"] or "a person"
        db.execute("update findings set verdict = ?, reason = ?, decided_by = ?, decided_at = ?, owner = ? "
                   "where id = ?", [row["verdict"], f"decided by {who}: {row['reason']}", who, row["decided_at"],
                                    row["owner"], row["id"]])
        applied += 1
    return applied
