"""Save a parsed document, record a failure. One report is written in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import sqlite_utils

from ..model import Finding, Page, Report
from .decisions import apply_decisions
from .editions import link_editions
from .schema import BUSY_WAIT_MS
from .triage import refresh_triage

FIRST_WAIT_MS = 300  # a writer waits this long quietly, then says it is waiting and waits BUSY_WAIT_MS


class DatabaseBusy(Exception):
    """Another program kept the database locked for longer than we wait."""


@contextmanager
def write_transaction(db: sqlite_utils.Database, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """One write transaction, taken up front (BEGIN IMMEDIATE) so that two writers queue instead of
    failing: a second `hmicfrs ingest` on the same database waits its turn, after calling `on_wait`."""
    conn = db.conn
    try:
        _begin(conn, FIRST_WAIT_MS)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        if on_wait is not None:
            on_wait()
        try:
            _begin(conn, BUSY_WAIT_MS)
        except sqlite3.OperationalError as exc2:
            raise DatabaseBusy(f"another program has kept the database locked for {BUSY_WAIT_MS // 1000} s; "
                               "try again when it has finished") from exc2
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _begin(conn: sqlite3.Connection, wait_ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout = {wait_ms}")
    conn.execute("BEGIN IMMEDIATE")



def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def report_id_for(db: sqlite_utils.Database, sha256: str) -> int | None:
    rows = list(db.query("select id from reports where sha256 = ?", [sha256]))
    return rows[0]["id"] if rows else None


def save_document(db: sqlite_utils.Database, report: Report, pages: list[Page], findings: list[Finding],
                  force: str | None, pdf_url: str | None = None, path: str | None = None,
                  on_wait: Callable[[], None] | None = None) -> int:
    """Replace any earlier version of this source and write the report, pages and findings atomically.
    The database must be in shape (`open_database`)."""
    with write_transaction(db, on_wait):  # one transaction: all of the report or none of it
        for old in db.query("select id from reports where source = ? or sha256 = ?", [report.source, report.sha256]):
            delete_report(db, old["id"])
        due = report.pcc_response_due
        report_id = db["reports"].insert({
            "source": report.source, "sha256": report.sha256, "title": report.title,
            "published": report.published.isoformat() if report.published else None, "kind": report.kind,
            "force": report.force, "page_count": report.page_count,
            "pcc_response_due": due.isoformat() if due else None,
            "edition": report.edition, "producer": report.producer, "path": path,
            "warnings": json.dumps(report.warnings) if report.warnings else None, "ingested_at": now(),
        }).last_pk
        db.conn.executemany("insert into pages (report_id, page, text) values (?, ?, ?)",
                            [(report_id, p.number, p.text) for p in pages])
        for f in findings:
            link = f"{pdf_url}#page={f.pages[0]}" if pdf_url and f.pages else None
            finding_id = _insert(db, "findings", {
                "report_id": report_id, "key": f.key, "kind": f.kind, "ref": f.ref, "text": f.text,
                "lead_in": f.lead_in, "parent_key": f.parent_key, "pages": json.dumps(f.pages),
                "first_page": f.pages[0] if f.pages else None, "pdf_link": link,
                "deadline": f.deadline.isoformat() if f.deadline else None, "deadline_text": f.deadline_text,
                "immediate": int(f.immediate), "due": f.due.isoformat() if f.due else None,
                "addressees": json.dumps(f.addressees), "heading_addressee": f.heading_addressee,
                "status": f.status, "verdict": f.verdict, "reason": f.reason, "auto_verdict": f.verdict,
                "auto_reason": f.reason, "force": force, "rule": f.rule,
            })
            db.conn.executemany("insert into finding_addressees (finding_id, addressee) values (?, ?)",
                                [(finding_id, a) for a in f.addressees])
        apply_decisions(db, report_id)
        refresh_triage(db, link_editions(db, report_id))
    return report_id


def _insert(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row into a table the schema made, and return its id (plain SQL: sqlite-utils' insert
    looks the table up again on every call, a third of the time of saving a report)."""
    names = ", ".join(row)
    marks = ", ".join("?" * len(row))
    return db.conn.execute(f"insert into {table} ({names}) values ({marks})", list(row.values())).lastrowid


def delete_report(db: sqlite_utils.Database, report_id: int) -> None:
    ids = [r["id"] for r in db.query("select id from findings where report_id = ?", [report_id])]
    if ids:
        marks = ",".join("?" * len(ids))
        db.execute(f"delete from finding_addressees where finding_id in ({marks})", ids)
        # links are rebuilt by the next match; a person's link decisions are kept in link_decisions
        db.execute(f"delete from finding_links where finding_id in ({marks}) or original_id in ({marks})", ids * 2)
        db.execute(f"delete from record_links where finding_id in ({marks})", ids)
    db.execute("delete from findings where report_id = ?", [report_id])
    db.execute("delete from triage_items where report_id = ?", [report_id])
    db.execute("delete from pages where report_id = ?", [report_id])
    db.execute("delete from reports where id = ?", [report_id])


def record_error(db: sqlite_utils.Database, source: str, reason: str, *, sha256: str | None = None,
                 on_wait: Callable[[], None] | None = None) -> None:
    """One row per failed file: a re-run updates its reason, when it was last tried and how many tries."""
    with write_transaction(db, on_wait):
        rows = list(db.query("select first_at, at, tries from ingest_errors where source = ?", [source]))
        # rows written before tries were counted stand for one try each
        tries = sum(r["tries"] or 1 for r in rows) + 1
        first = min((r["first_at"] or r["at"] for r in rows), default=None)
        db.execute("delete from ingest_errors where source = ?", [source])
        at = now()
        db["ingest_errors"].insert({"source": source, "reason": reason, "at": at, "first_at": first or at,
                                    "tries": tries, "sha256": sha256})


def clear_error(db: sqlite_utils.Database, source: str, sha256: str | None = None,
                on_wait: Callable[[], None] | None = None) -> int:
    """Forget a file's failures once it ingests (by its name, or by its content under another name)."""
    with write_transaction(db, on_wait):
        cursor = db.execute("delete from ingest_errors where source = ? or (sha256 is not null and sha256 = ?)",
                            [source, sha256])
    return cursor.rowcount
