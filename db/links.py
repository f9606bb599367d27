"""Links in the database: tracker records -> findings, and findings -> the findings they restate.

Both are rebuilt from scratch by `hmicfrs match` (and after an ingest when a tracker is loaded); a
person's confirm / reject lives in link_decisions, keyed by report file and finding key, and is
re-applied on every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from ..extractors.matching import (
    MATCHED,
    Candidate,
    adjust,
    assign,
    normalise_item,
    state_for,
    text_candidates,
    title_agreement,
)
from .records import current_records


class LinkError(LookupError):
    """A confirm/reject that names no record or finding."""


@dataclass
class MatchResult:
    records: int
    matched: int
    probable: int
    confirmed: int
    orphans: int
    new: int
    restated: int
    editions: int


def _findings(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query(
        "select f.id, f.key, f.kind, f.ref, f.text, f.lead_in, f.verdict, f.report_id, r.source, r.title, r.published, "
        "r.edition from findings f join reports r on r.id = f.report_id order by r.published, r.id, f.id"))


def publication_key(row: dict) -> tuple[str, str]:
    """Two editions of one report (the PDF and a print of its web page) share title and date."""
    return normalise_item(row["title"]), row["published"] or ""


def primary_reports(findings: list[dict]) -> dict[int, int]:
    """report id -> the report id of its publication's primary edition (the PDF over a web print,
    then the first ingested)."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for f in findings:
        rank = (f["edition"] in ("web", "html"), f["report_id"])
        key = publication_key(f)
        if key not in best or rank < best[key]:
            best[key] = rank
    return {f["report_id"]: best[publication_key(f)][1] for f in findings}


def link_findings(db: sqlite_utils.Database, findings: list[dict], primary: dict[int, int],
                  workers: int = -1) -> tuple[int, int]:
    """finding_links: each finding of a secondary edition -> the primary's copy ("edition"), and each
    finding of a later report -> the earlier finding it restates ("restated"). Returns the counts."""
    rows: list[dict] = []
    candidates = text_candidates([f["text"] for f in findings], [f["text"] for f in findings], workers=workers,
                                 floor=MATCHED, top=8)
    best: dict[int, Candidate] = {}
    for c in candidates:
        a, b = findings[c.left], findings[c.right]
        if a["id"] == b["id"] or a["kind"] != b["kind"]:
            continue
        same_publication = primary[a["report_id"]] == primary[b["report_id"]]
        if same_publication:
            # a copy in a secondary edition points at the primary edition's finding
            if a["report_id"] == b["report_id"] or b["report_id"] != primary[b["report_id"]] \
                    or a["report_id"] == primary[a["report_id"]]:
                continue
            c.score = c.text_score + 1  # an edition link beats a restatement
        elif (b["published"] or "") < (a["published"] or ""):
            c.score = c.text_score
        else:
            continue
        if c.left not in best or c.score > best[c.left].score:
            best[c.left] = c
    for c in best.values():
        a, b = findings[c.left], findings[c.right]
        method = "edition" if primary[a["report_id"]] == primary[b["report_id"]] else "restated"
        rows.append({"finding_id": a["id"], "original_id": b["id"], "score": c.text_score, "method": method})
    with db.atomic():
        db.execute("delete from finding_links")
        db["finding_links"].insert_all(rows)
    editions = sum(r["method"] == "edition" for r in rows)
    return len(rows) - editions, editions


def match_records(db: sqlite_utils.Database, workers: int = -1) -> MatchResult:
    """Link the latest tracker snapshot to findings one-to-one and store record_links."""
    findings = _findings(db)
    primary = primary_reports(findings)
    restated, editions = link_findings(db, findings, primary, workers)
    pool = [f for f in findings if primary[f["report_id"]] == f["report_id"]]
    records = current_records(db)
    decisions = {(d["reference"], d["report_source"], d["finding_key"]): d["decision"]
                 for d in db.query("select * from link_decisions")}
    candidates = text_candidates([r["text"] for r in records], [f["text"] for f in pool], workers=workers,
                                 right_alt=[f"{f['lead_in']} {f['text']}" if f["lead_in"] else None for f in pool])
    titles: dict[tuple[str, str], float | None] = {}
    kept = []
    for c in candidates:
        record, finding = records[c.left], pool[c.right]
        decision = decisions.get((record["reference"], finding["source"], finding["key"]))
        if decision == "rejected":
            continue
        pair = (record.get("report_title") or "", finding["title"] or "")
        if pair not in titles:
            titles[pair] = title_agreement(*pair)
        c.score = 1000.0 if decision == "confirmed" else adjust(c, record, finding, titles[pair])
        kept.append(c)
    # a confirmed pair the text scores missed (a person knows better) is added outright
    index = {(f["source"], f["key"]): i for i, f in enumerate(pool)}
    by_ref = {r["reference"]: i for i, r in enumerate(records)}
    present = {(c.left, c.right) for c in kept}
    for (ref, source, key), decision in decisions.items():
        pair = (by_ref.get(ref), index.get((source, key)))
        if decision == "confirmed" and None not in pair and pair not in present:
            kept.append(Candidate(pair[0], pair[1], 0.0, 1000.0))
    chosen = {c.left: c for c in assign(kept)}
    rows = []
    for i, record in enumerate(records):
        c = chosen.get(i)
        if c is None:
            rows.append({"reference": record["reference"], "finding_id": None, "report_source": None,
                         "finding_key": None, "score": None, "method": None, "state": "orphan"})
            continue
        finding = pool[c.right]
        confirmed = c.score >= 1000
        rows.append({"reference": record["reference"], "finding_id": finding["id"],
                     "report_source": finding["source"], "finding_key": finding["key"],
                     "score": round(min(100.0, c.text_score if confirmed else c.score), 1),
                     "method": "person" if confirmed else "text+report",
                     "state": "confirmed" if confirmed else state_for(c.score)})
    with db.atomic():
        db.execute("delete from record_links")
        db["record_links"].insert_all(rows)
    linked = {r["finding_id"] for r in rows if r["finding_id"]}
    new = sum(1 for f in pool if f["verdict"] in ("yes", "conditional") and f["id"] not in linked)
    count = {s: sum(r["state"] == s for r in rows) for s in ("matched", "probable", "confirmed", "orphan")}
    return MatchResult(len(records), count["matched"], count["probable"], count["confirmed"], count["orphan"],
                       new, restated, editions)


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


def compare_editions(db: sqlite_utils.Database, threshold: int = MATCHED) -> list[dict]:
    """For every report ingested in more than one edition, the findings of each edition that no
    finding of another edition matches (same kind, text score >= threshold)."""
    from rapidfuzz import fuzz

    findings = _findings(db)
    groups: dict[tuple[str, str], dict[int, list[dict]]] = {}
    for f in findings:
        f["norm"] = normalise_item(f["text"])
        groups.setdefault(publication_key(f), {}).setdefault(f["report_id"], []).append(f)
    reports = {r["id"]: r for r in db.query("select id, source, title, published, edition from reports")}
    out = []
    for editions in groups.values():
        if len(editions) < 2:
            continue
        only_in = []
        for report_id, items in editions.items():
            others = [g for rid, fs in editions.items() if rid != report_id for g in fs]
            for f in items:
                if not any(g["kind"] == f["kind"] and fuzz.ratio(f["norm"], g["norm"]) >= threshold for g in others):
                    only_in.append({"source": f["source"], "kind": f["kind"], "ref": f["ref"], "text": f["text"]})
        first = reports[next(iter(editions))]
        out.append({"title": first["title"], "published": first["published"],
                    "editions": [f"{reports[r]['source']} ({reports[r]['edition']})" for r in editions],
                    "only_in": only_in})
    return out
