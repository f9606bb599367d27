"""Matching run end to end: read rows from the database, let the extractors' matching policy decide
the links, store them. Used by `hmicfrs match`, after an ingest and after a tracker import."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from .db import links as store
from .extractors import matching


@dataclass
class MatchResult:
    records: int
    matched: int
    probable: int
    confirmed: int
    orphans: int
    new: int  # applicable findings no record is linked to
    restated: int
    editions: int


def match_records(db: sqlite_utils.Database, workers: int = -1) -> MatchResult:
    """Link findings to the findings they restate (or copy, in another edition), then the latest tracker
    snapshot's records to findings one-to-one; store both and count the outcome."""
    findings = store.matching_findings(db)
    primary = matching.primary_reports(findings)
    finding_rows = matching.finding_links(findings, primary, workers)
    store.store_finding_links(db, finding_rows)
    pool = [f for f in findings if primary[f["report_id"]] == f["report_id"]]
    records = store.tracker_records(db)
    rows = matching.record_links(records, pool, store.link_decisions(db), workers)
    store.store_record_links(db, rows)
    linked = {r["finding_id"] for r in rows if r["finding_id"]}
    new = sum(1 for f in pool if f["verdict"] in ("yes", "conditional") and f["id"] not in linked)
    count = {s: sum(r["state"] == s for r in rows) for s in ("matched", "probable", "confirmed", "orphan")}
    editions = sum(r["method"] == "edition" for r in finding_rows)
    return MatchResult(len(records), count["matched"], count["probable"], count["confirmed"], count["orphan"],
                       new, len(finding_rows) - editions, editions)


def compare_editions(db: sqlite_utils.Database, threshold: int = matching.MATCHED) -> list[dict]:
    """For every report ingested in more than one edition, the findings found in one edition only."""
    return matching.editions_disagreeing(store.matching_findings(db), store.reports_by_id(db), threshold)
