"""The database's shape, as data, applied by an idempotent ensure_shape(db)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

BUSY_WAIT_MS = 60_000  # how long a statement waits for another writer before "database is locked"


class DatabaseProblem(Exception):
    """A database path that cannot be used: a folder, a file that is not SQLite, a missing folder."""

TABLES: dict[str, dict] = {
    "reports": {
        "columns": {"id": int, "source": str, "sha256": str, "title": str, "published": str, "kind": str,
                    "force": str, "page_count": int, "pcc_response_due": str,
                    "edition": str, "producer": str, "path": str, "warnings": str, "ingested_at": str},
        "pk": "id",
    },
    "findings": {
        "columns": {"id": int, "report_id": int, "key": str, "kind": str, "ref": str, "text": str,
                    "lead_in": str, "parent_key": str, "pages": str, "first_page": int, "pdf_link": str,
                    "deadline": str, "deadline_text": str, "immediate": int, "due": str, "addressees": str,
                    "heading_addressee": str, "status": str, "verdict": str, "reason": str,
                    "auto_verdict": str, "auto_reason": str, "decided_by": str, "decided_at": str,
                    "owner": str, "force": str, "rule": str},
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
                    "owner": str, "finding_text": str, "decided_by": str, "decided_at": str},
        "pk": ("source", "finding_key", "force"),
    },
    # Every decision ever recorded, from the command line or the browser; append-only (triggers below).
    # A row with a null verdict is a decision withdrawn (hmicfrs decide --clear).
    "decision_history": {
        "columns": {"id": int, "finding_id": int, "source": str, "finding_key": str, "verdict": str,
                    "reason": str, "owner": str, "decided_by": str, "decided_at": str, "previous_verdict": str},
        "pk": "id",
    },
    # The force's tracker: each import is a snapshot (as-of date) so that changes can be listed.
    "record_imports": {
        "columns": {"id": int, "source": str, "sha256": str, "as_of": str, "imported_at": str, "rows": int,
                    "mapping": str, "unmapped": str},
        "pk": "id",
    },
    "records": {
        "columns": {"import_id": int, "reference": str, "type": str, "level": int, "status": str, "state": str,
                    "report_title": str, "published": str, "text": str, "owner": str, "due": str, "extra": str,
                    "row": int, "before_levels": int},
        "pk": ("import_id", "reference"),
        "foreign_keys": [("import_id", "record_imports", "id")],
    },
    # Tracker record -> finding, rebuilt by every `hmicfrs match`; keyed by report file and finding key
    # as well as row id, so that a person's confirm/reject (link_decisions) outlives re-ingest.
    "record_links": {
        "columns": {"reference": str, "finding_id": int, "report_source": str, "finding_key": str,
                    "score": float, "method": str, "state": str},
        "pk": "reference",
    },
    "link_decisions": {
        "columns": {"reference": str, "report_source": str, "finding_key": str, "decision": str,
                    "decided_at": str},
        "pk": ("reference", "report_source", "finding_key"),
    },
    # A finding restated in a later report (or printed in another edition) -> the original finding.
    "finding_links": {
        "columns": {"finding_id": int, "original_id": int, "score": float, "method": str},
        "pk": "finding_id",
    },
    # the triage_source view, materialised (db/triage.py): one row per item, each edition once
    "triage_items": {
        "columns": {"id": int, "item": str, "text": str, "verdict": str, "reason": str, "owner": str, "due": str,
                    "report": str, "addressees": str, "match_state": str, "tracker_ref": str,
                    "tracker_state": str, "pdf_link": str, "decided_by": str, "decided_at": str,
                    "deadline_text": str, "published": str, "published_month": str, "due_month": str,
                    "year": str, "kind": str, "ref": str, "report_id": int, "force": str},
        "pk": "id",
    },
    "ingest_errors": {
        "columns": {"id": int, "source": str, "reason": str, "at": str, "first_at": str, "tries": int,
                    "sha256": str},
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
    ("records", ["reference"], False),
    ("record_links", ["finding_id"], False),
    ("finding_links", ["original_id"], False),
    ("reports", ["published"], False),
    ("decision_history", ["source", "finding_key"], False),
    ("decision_history", ["decided_at"], False),
    ("ingest_errors", ["source"], False),
]
# the triage view's default sort, and one index per facet (a facet is a scan of one small index)
INDEXES += [("triage_items", [column], False) for column in (
    "due", "verdict", "kind", "published", "published_month", "due_month", "report", "match_state", "report_id")]
FTS = {"findings": ["text", "lead_in"], "pages": ["text"], "records": ["text", "report_title"]}
VIEWS = {
    # the latest snapshot of the tracker
    "current_records": """
select r.* from records r
where r.import_id = (select id from record_imports order by as_of desc, id desc limit 1)
""",
    # one row per item: a copy printed in another edition of the same report (finding_links "edition")
    # is left out, and carries the primary copy's decision. db/triage.py keeps triage_items equal to it.
    "triage_source": """
select f.id, upper(substr(f.kind, 1, 1)) || replace(substr(f.kind, 2), '_', ' ') || coalesce(' ' || f.ref, '') as item,
       f.text, f.verdict, f.reason, f.owner, coalesce(f.due, 'no date') as due, r.title as report, f.addressees,
       coalesce(l.state, 'untracked') as match_state, l.reference as tracker_ref, c.state as tracker_state,
       f.pdf_link, f.decided_by, f.decided_at, f.deadline_text, r.published,
       substr(r.published, 1, 7) as published_month, substr(f.due, 1, 7) as due_month,
       substr(r.published, 1, 4) as year, f.kind, f.ref, f.report_id, f.force
from findings f join reports r on r.id = f.report_id
left join record_links l on l.finding_id = f.id
left join current_records c on c.reference = l.reference
where not exists (select 1 from finding_links e where e.finding_id = f.id and e.method = 'edition')
""",
    # what Datasette shows: one table with an index per facet, so that facets and counts stay fast at a
    # million findings; days left are counted when the page is read
    "triage": """
select id, item, text, verdict, reason, owner, due,
       cast(julianday(nullif(due, 'no date')) - julianday('now', 'localtime', 'start of day') as integer) as days_left,
       report, addressees, match_state, tracker_ref, tracker_state, pdf_link, decided_by, decided_at,
       deadline_text, published, published_month, due_month, year,
       max(0, cast(julianday('now', 'localtime', 'start of day') - julianday(nullif(due, 'no date')) as integer))
         as days_overdue,
       kind, ref, report_id, force
from triage_items
""",
    # rows the force marks "closed before levels" are their own line, as on the monitoring portal
    "records_summary": """
select type, case when before_levels then 'closed before levels' else level end as level,
       sum(state = 'open') as open, sum(state = 'closed') as closed, count(*) as total
from current_records group by 1, 2 order by 1, 2
""",
    # applicable findings that no tracker record is linked to (other editions of a report left out)
    "untracked": """
select f.id, r.title as report, r.published, f.kind, f.ref, f.text, f.verdict, f.reason, f.due, f.pdf_link,
       o.original_id as restates
from findings f join reports r on r.id = f.report_id
left join finding_links o on o.finding_id = f.id
where f.verdict in ('yes', 'conditional')
  and f.id not in (select finding_id from record_links where finding_id is not null)
  and coalesce(o.method, '') != 'edition'
""",
}

# The finding a history row is about, its primary edition (P), and every edition's copy of it.
_PRIMARY = ("coalesce((select original_id from finding_links where finding_id = NEW.finding_id "
            "and method = 'edition'), NEW.finding_id)")
_EDITIONS = (f"(select {_PRIMARY} union select finding_id from finding_links "
             f"where method = 'edition' and original_id = {_PRIMARY})")
_TRIAGE_COLUMNS = ", ".join(TABLES["triage_items"]["columns"])
# A decision is one row appended to decision_history, whoever records it (hmicfrs decide, or the decide
# canned query in the browser); these triggers check it and apply it to every edition of the item.
TRIGGERS = {
    "decision_history_check": """
create trigger decision_history_check before insert on decision_history
begin
  select raise(abort, 'no such finding: give the id of a row in the findings table')
    where not exists (select 1 from findings where id = NEW.finding_id);
  select raise(abort, 'verdict must be yes, conditional or no')
    where NEW.verdict is not null and NEW.verdict not in ('yes', 'conditional', 'no');
  select raise(abort, 'give a reason so that others can see why')
    where NEW.verdict is not null and trim(coalesce(NEW.reason, '')) = '';
end""",
    "decision_history_apply": f"""
create trigger decision_history_apply after insert on decision_history
begin
  delete from decisions where NEW.verdict is null and (source, finding_key, force) in (
    select r.source, f.key, coalesce(f.force, '') from findings f join reports r on r.id = f.report_id
    where f.id in {_EDITIONS});
  insert or replace into decisions (source, finding_key, force, verdict, reason, owner, finding_text,
                                    decided_by, decided_at)
    select r.source, f.key, coalesce(f.force, ''), NEW.verdict, NEW.reason, NEW.owner, f.text,
           coalesce(NEW.decided_by, ''), NEW.decided_at
    from findings f join reports r on r.id = f.report_id
    where NEW.verdict is not null and f.id in {_EDITIONS};
  update findings set
    verdict = coalesce(NEW.verdict, auto_verdict),
    reason = case when NEW.verdict is null then auto_reason
             else 'decided by ' || coalesce(nullif(NEW.decided_by, ''), 'a person') || ': ' || NEW.reason end,
    decided_by = case when NEW.verdict is null then null else coalesce(nullif(NEW.decided_by, ''), 'a person') end,
    decided_at = case when NEW.verdict is null then null else NEW.decided_at end,
    owner = case when NEW.verdict is null then null else NEW.owner end
  where id in {_EDITIONS};
  delete from triage_items where id in {_EDITIONS};
  insert into triage_items ({_TRIAGE_COLUMNS}) select {_TRIAGE_COLUMNS} from triage_source where id in {_EDITIONS};
end""",
    "decision_history_no_update": """
create trigger decision_history_no_update before update on decision_history
begin
  select raise(abort, 'decision_history is append-only: record a new decision instead');
end""",
    "decision_history_no_delete": """
create trigger decision_history_no_delete before delete on decision_history
begin
  select raise(abort, 'decision_history is append-only: record a new decision instead');
end""",
}


def ensure_shape(db: sqlite_utils.Database) -> None:
    """Create whatever tables, indexes and full-text indexes are missing; safe to run every time. The
    changes are one transaction: a command killed half-way leaves the earlier shape, not half of a new one."""
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    with db.atomic():
        _apply_shape(db)


def _apply_shape(db: sqlite_utils.Database) -> None:
    from .triage import refresh_triage, triage_is_stale  # (triage.py reads TABLES from here)

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
    have_views = {r[0]: r[1] for r in db.execute("select name, sql from sqlite_master where type = 'view'")}
    for name, sql in VIEWS.items():
        if name not in have_views or sql.strip() not in have_views[name]:  # no write when already in shape
            db.create_view(name, sql.strip(), replace=True)
    have_triggers = {r[0]: r[1] for r in db.execute("select name, sql from sqlite_master where type = 'trigger'")}
    for name, sql in TRIGGERS.items():
        if have_triggers.get(name, "").strip().lower() != sql.strip().lower():
            db.execute(f"drop trigger if exists {name}")
            db.execute(sql)
    if triage_is_stale(db):  # a database made before triage_items existed
        refresh_triage(db)


def open_database(path: str | Path, create: bool = True) -> sqlite_utils.Database:
    """Open (or create) an hmicfrs database and bring it into shape: once per command.

    Raises DatabaseProblem for a folder, a file that is not SQLite, or a database that does not exist
    when `create` is false. ":memory:" gives an in-memory database (tests, one-off scripts)."""
    if str(path) == ":memory:":
        db = sqlite_utils.Database(memory=True)
        ensure_shape(db)
        return db
    p = Path(path)
    if p.is_dir():
        raise DatabaseProblem(f"{p} is a folder; name a database file, e.g. --db {p / 'hmicfrs.db'}")
    if not p.exists():
        if not create:
            raise DatabaseProblem(f"{p}: no database yet; run 'hmicfrs ingest PDF... --db {p}' first")
        if not p.parent.is_dir():
            raise DatabaseProblem(f"{p}: the folder {p.parent} does not exist; create it or choose another --db")
    # SQLite reads the header itself: opening and closing the file here would drop the locks this
    # process's other connections hold on it (POSIX locks belong to the process, not the descriptor)
    db = sqlite_utils.Database(p)
    db.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
    try:
        ensure_shape(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        if "not a database" in str(exc):
            raise DatabaseProblem(f"{p} is not an SQLite database; choose another --db file") from exc
        raise DatabaseProblem(f"{p} cannot be used as a database ({exc}); choose another --db file") from exc
    return db


def checkpoint(db_path) -> None:
    """Fold the write-ahead log into the database file. Datasette serves the file immutable, and an
    immutable reader ignores the -wal file: without this a fresh ingest could look empty or stale."""
    if Path(f"{db_path}-wal").exists():
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
