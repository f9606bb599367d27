"""Editions of one report (the PDF, a browser print of its web page, the saved HTML page), linked as
soon as the second one is ingested, so that the triage view lists each item once and one decision
covers every copy of it."""

from __future__ import annotations

import sqlite_utils

from ..extractors.matching import finding_links, primary_reports, publication_key
from .links import FINDING_COLUMNS


def link_editions(db: sqlite_utils.Database, report_id: int) -> list[int]:
    """Link the findings of this report's publication (every edition of it) to the primary edition's
    copies, and carry a decision made on one copy to the copies that have none. Call inside the
    ingest's transaction. Returns the ids of the publication's reports (its editions)."""
    report = db["reports"].get(report_id)
    if not report["published"]:
        return [report_id]
    key = publication_key(report)
    # editions share the publication date: an indexed look-up, then the titles compared
    same_day = [r["id"] for r in db.query("select id, title, published from reports where published = ?",
                                          [report["published"]]) if publication_key(r) == key]
    if len(same_day) < 2:
        return [report_id]
    marks = ",".join("?" * len(same_day))
    findings = list(db.query(f"{FINDING_COLUMNS} where f.report_id in ({marks}) order by r.id, f.id", same_day))
    ids = [f["id"] for f in findings]
    rows = [r for r in finding_links(findings, primary_reports(findings), workers=1) if r["method"] == "edition"]
    id_marks = ",".join("?" * len(ids))
    db.execute(f"delete from finding_links where method = 'edition' and finding_id in ({id_marks})", ids)
    db["finding_links"].upsert_all(rows, pk="finding_id")
    carry_decisions(db, rows)
    return same_day


def carry_decisions(db: sqlite_utils.Database, links: list[dict]) -> None:
    """A copy with no decision of its own takes its partner's (either way round the link)."""
    for link in links:
        pair = list(db.query(
            "select f.id, f.key, f.text, coalesce(f.force, '') as force, r.source, d.verdict, d.reason, d.owner, "
            "d.decided_by, d.decided_at from findings f join reports r on r.id = f.report_id left join decisions d "
            "on d.source = r.source and d.finding_key = f.key and d.force = coalesce(f.force, '') "
            "where f.id in (?, ?)", [link["finding_id"], link["original_id"]]))
        decided = [p for p in pair if p["verdict"]]
        if len(pair) != 2 or len(decided) != 1:
            continue
        d, target = decided[0], next(p for p in pair if not p["verdict"])
        db["decisions"].upsert({"source": target["source"], "finding_key": target["key"], "force": target["force"],
                                "verdict": d["verdict"], "reason": d["reason"], "owner": d["owner"],
                                "finding_text": target["text"], "decided_by": d["decided_by"],
                                "decided_at": d["decided_at"]}, pk=("source", "finding_key", "force"))
        who = d["decided_by"] or "a person"
        db.execute("update findings set verdict = ?, reason = ?, decided_by = ?, decided_at = ?, owner = ? "
                   "where id = ?", [d["verdict"], f"decided by {who}: {d['reason']}", who, d["decided_at"],
                                    d["owner"], target["id"]])
