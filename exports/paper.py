"""The board paper: the quarterly "HMICFRS update" a force's liaison team writes for its audit
committee, drafted from the database as a plain record (`Paper`), which the Markdown, Word and JSON
renderers turn into files.

- Reports published in the window, in date order, each once: the editions of one publication (the PDF,
  a browser print of its web page, the HTML page) are collapsed to its primary edition, as matching does.
- Verdicts are the team's: a person's decision overrides the automatic verdict (the decisions table),
  also when the paper is drafted for another force than the one ingested for.
- Counts are per kind over the primary edition; conditional items count as applicable and are named
  with their condition.
- Tracker owner, status and latest update come from the record linked to the item (or to the earlier
  finding the item restates).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

import sqlite_utils
from rapidfuzz import fuzz

from ..db.decisions import SAME_WORDING
from ..db.records import summary
from ..extractors.applicability import ForceProfile
from ..extractors.matching import normalise_item, primary_reports
from .paper_text import KINDS, clean, condition_of, counts_sentence, inspectorates, label, split_text, summary_of

APPLICABLE = ("yes", "conditional")
NOT_A_REPORT = "not an HMICFRS report"  # the warning the pipeline stores on a paper that only quotes HMICFRS
UPDATE_COLUMNS = ("latest update", "update", "progress update", "progress", "commentary", "comments")


@dataclass
class Item:
    """One finding as the paper shows it."""

    id: int
    kind: str
    ref: str | None
    label: str  # "Recommendation 2"; the item's place among its kind when the report prints no number
    text: str  # the full text as extracted (sub-bullets on their own "- " lines)
    paragraphs: list[str]
    bullets: list[str]
    after: list[str]  # paragraphs after the sub-bullets
    lead_in: str | None
    parent_key: str | None
    key: str
    verdict: str
    reason: str
    condition: str | None  # "only to forces that use Niche" for a conditional item
    deadline: str | None
    deadline_text: str | None
    immediate: bool
    due: str | None
    addressees: list[str]
    tracker: dict | None = None  # {"reference", "owner", "status", "state", "update"}


@dataclass
class ReportSection:
    """One publication in the window."""

    title: str
    published: str
    kind: str
    source: str
    editions: list[str]  # every edition's file name, the primary first
    inspectorates: list[str]  # for joint reports
    summary: str | None
    pcc_response_due: str | None
    own_peel: bool  # a PEEL report on the paper's force: causes of concern, their recommendations, AFIs
    counts: dict[str, dict[str, int]]  # kind -> total / applicable / conditional
    sentence: str
    applicable: list[Item]
    causes: list[tuple[Item, list[Item]]] = field(default_factory=list)  # own PEEL: cause -> its recommendations
    others: list[Item] = field(default_factory=list)  # own PEEL: items under no cause (AFIs first)


@dataclass
class Paper:
    force: str
    since: str
    until: str
    today: str
    reports: list[ReportSection]
    portal: list[dict]  # records summary rows: type, level, open, closed, total
    portal_as_of: str | None
    portal_source: str | None
    due_next_90_days: int
    overdue: int
    # reports on other forces with nothing for this force: named in one line, not given a section
    other_forces: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        """The --json contract: reports (title, published, kind, counts, applicable, ...) and portal."""
        out = asdict(self)
        for section, report in zip(out["reports"], self.reports, strict=True):
            section["causes_of_concern"] = [{"cause": asdict(c), "recommendations": [asdict(r) for r in recs]}
                                            for c, recs in report.causes]
            del section["causes"], section["others"]
        return out


class PaperError(ValueError):
    """The paper cannot be drafted as asked (an empty window, dates the wrong way round)."""


def _report_rows(db: sqlite_utils.Database) -> list[dict]:
    # a force or board paper that quotes HMICFRS is stored (with this warning) but is no HMICFRS report
    rows = db.query("select id as report_id, id, source, title, published, kind, force, edition, pcc_response_due "
                    "from reports where published is not null and coalesce(warnings, '') not like ? "
                    "order by published, id", [f"%{NOT_A_REPORT}%"])
    return [dict(r) for r in rows]


def _edition_rank(report: dict) -> tuple[bool, int]:
    return report["edition"] in ("web", "html"), report["id"]


def editions_of(db: sqlite_utils.Database, reports: list[dict]) -> dict[int, int]:
    """report id -> its publication's primary edition. Editions share title and date (db.links); two reports
    published within a week whose items are mostly the same texts are also one publication, so that a web
    print whose title or date reads differently is still counted once."""
    primary = primary_reports(reports)
    texts: dict[int, set[str]] = {}
    for row in db.query("select report_id, text from findings"):
        texts.setdefault(row["report_id"], set()).add(normalise_item(row["text"])[:150])
    heads = sorted({primary[r["id"]] for r in reports})
    by_id = {r["id"]: r for r in reports}
    day = {i: date.fromisoformat(by_id[i]["published"]).toordinal() for i in heads}
    heads.sort(key=day.get)
    for n, a in enumerate(heads):
        for b in heads[n + 1:]:
            if day[b] - day[a] > 7:
                break
            ta, tb = texts.get(primary[a], set()), texts.get(primary[b], set())
            small = min(len(ta), len(tb))
            if primary[a] != primary[b] and small >= 2 and len(ta & tb) >= 0.8 * small:
                keep, drop = sorted((primary[a], primary[b]), key=lambda i: _edition_rank(by_id[i]))
                primary = {k: keep if v == drop else v for k, v in primary.items()}
    return primary


def publications(db: sqlite_utils.Database, since: date, until: date) -> list[tuple[dict, list[dict]]]:
    """(primary edition, its other editions) for each publication in the window, in date order."""
    reports = _report_rows(db)
    primary = editions_of(db, reports)
    by_id = {r["id"]: r for r in reports}
    groups: dict[int, list[dict]] = {}
    for r in reports:
        groups.setdefault(primary[r["id"]], []).append(r)
    counted = {r["report_id"] for r in db.query("select distinct report_id from findings")}
    out = []
    for primary_id, editions in groups.items():
        first = by_id[primary_id]
        if first["id"] not in counted:  # an edition the extractor found nothing in yields to one it read
            first = next((e for e in editions if e["id"] in counted), first)
        if since.isoformat() <= first["published"] <= until.isoformat():
            out.append((first, [e for e in editions if e["id"] != first["id"]]))
    return sorted(out, key=lambda pair: (pair[0]["published"], pair[0]["id"]))


def _findings(db: sqlite_utils.Database, report_ids: list[int]) -> list[dict]:
    if not report_ids:
        return []
    marks = ",".join("?" * len(report_ids))
    return [dict(r) for r in db.query(
        f"select f.*, r.source, r.force as report_force from findings f join reports r on r.id = f.report_id "
        f"where f.report_id in ({marks}) order by f.report_id, f.first_page, f.id", report_ids)]


def judge(db: sqlite_utils.Database, findings: list[dict], profile: ForceProfile) -> None:
    """Each finding's verdict for the profile's force, a person's decision overriding the automatic one."""
    decisions = {(d["source"], d["finding_key"]): d for d in db.query(
        "select * from decisions where force = ?", [profile.name])}
    for f in findings:
        if (f["force"] or "") != profile.name:  # stored verdicts are for another force: judge again
            from ..extractors.pipeline import judge_item  # spaCy loads only when needed

            _, verdict = judge_item(f["text"], f["lead_in"], f["report_force"], f["heading_addressee"], profile)
            f["verdict"], f["reason"] = verdict.verdict, verdict.reason
        d = decisions.get((f["source"], f["key"]))
        if d and fuzz.ratio(f["text"], d["finding_text"] or "") >= SAME_WORDING:
            f["verdict"], f["reason"] = d["verdict"], f"decided by {d['decided_by'] or 'a person'}: {d['reason']}"


def _trackers(db: sqlite_utils.Database, finding_ids: list[int]) -> dict[int, dict]:
    """finding id -> its tracker record (latest snapshot): linked to the finding itself, or to the finding it
    restates or copies from another edition (finding_links)."""
    if not finding_ids or not db["record_imports"].exists() or not db["record_imports"].count:
        return {}
    marks = ",".join("?" * len(finding_ids))
    columns = "c.reference, c.owner, c.status, c.state, c.extra"
    rows = db.query(
        f"select o.finding_id, {columns}, 0 as direct from finding_links o "
        f"join record_links l on l.finding_id = o.original_id join current_records c on c.reference = l.reference "
        f"where o.finding_id in ({marks}) union all "
        f"select l.finding_id, {columns}, 1 from record_links l join current_records c on c.reference = l.reference "
        f"where l.finding_id in ({marks}) order by direct", finding_ids * 2)
    out: dict[int, dict] = {}
    for r in rows:  # a direct link (sorted last) wins over one through another finding
        extra = {k.lower(): v for k, v in json.loads(r["extra"] or "{}").items()}
        update = next((extra[k] for k in UPDATE_COLUMNS if extra.get(k)), None)
        out[r["finding_id"]] = {"reference": clean(r["reference"]), "owner": clean(r["owner"]) or None,
                                "status": clean(r["status"]) or None, "state": r["state"],
                                "update": clean(update) or None}
    return out


def _item(f: dict, number: int, tracker: dict | None) -> Item:
    text = clean(f["text"])
    paragraphs, bullets, after = split_text(text)
    return Item(
        id=f["id"], kind=f["kind"], ref=f["ref"], label=label(f["kind"], f["ref"], number), text=text,
        paragraphs=paragraphs, bullets=bullets, after=after, lead_in=clean(f["lead_in"]) or None,
        parent_key=f["parent_key"],
        key=f["key"], verdict=f["verdict"], reason=f["reason"],
        condition=condition_of(f["reason"]) if f["verdict"] == "conditional" else None,
        deadline=f["deadline"], deadline_text=f["deadline_text"], immediate=bool(f["immediate"]), due=f["due"],
        addressees=json.loads(f["addressees"] or "[]"), tracker=tracker)


def section(report: dict, editions: list[dict], findings: list[dict], pages: list[str], trackers: dict[int, dict],
            force: str) -> ReportSection:
    """One publication's part of the paper, from its primary edition's findings (judged already)."""
    numbers: dict[str, int] = {}
    items = []
    for f in findings:
        if f["kind"] not in KINDS:
            continue
        numbers[f["kind"]] = numbers.get(f["kind"], 0) + 1
        items.append(_item(f, numbers[f["kind"]], trackers.get(f["id"])))
    applicable = [i for i in items if i.verdict in APPLICABLE]
    counts = {k: {"total": sum(i.kind == k for i in items), "applicable": sum(i.kind == k for i in applicable),
                  "conditional": sum(i.kind == k and i.verdict == "conditional" for i in applicable)}
              for k in KINDS if any(i.kind == k for i in items)}
    conditions: dict[str, dict[str, int]] = {}
    for i in applicable:
        if i.condition:
            conditions.setdefault(i.condition, {}).setdefault(i.kind, 0)
            conditions[i.condition][i.kind] += 1
    sentence = counts_sentence({k: c["total"] for k, c in counts.items()},
                               {k: c["applicable"] for k, c in counts.items() if c["applicable"]}, conditions, force)
    own_peel = report["kind"] == "peel" and report["force"] == force
    front = "\n".join(pages[:3])
    joint = inspectorates(front)
    out = ReportSection(
        title=clean(report["title"] or report["source"]), published=report["published"], kind=report["kind"] or "",
        source=report["source"], editions=[report["source"], *(e["source"] for e in editions)],
        inspectorates=joint if len(joint) > 1 else [], summary=summary_of(pages),
        # the PCC responds to reports on its force and to those that ask something of it (as the calendar)
        pcc_response_due=report["pcc_response_due"] if applicable or report["force"] == force else None,
        own_peel=own_peel, counts=counts, sentence=sentence,
        applicable=_peel_order(applicable) if own_peel else applicable)
    if own_peel:
        by_key = {i.key: i for i in applicable if i.kind == "cause_of_concern"}
        out.causes = [(cause, [i for i in applicable if i.parent_key == key]) for key, cause in by_key.items()]
        under = {i.id for _, recs in out.causes for i in recs} | {c.id for c, _ in out.causes}
        rest = [i for i in applicable if i.id not in under]
        out.others = sorted(rest, key=lambda i: i.kind != "area_for_improvement")
    return out


def _peel_order(items: list[Item]) -> list[Item]:
    """Causes of concern each followed by their recommendations, then everything else (AFIs first)."""
    causes = [i for i in items if i.kind == "cause_of_concern"]
    ordered = [x for c in causes for x in [c, *(i for i in items if i.parent_key == c.key)]]
    rest = [i for i in items if i not in ordered]
    return ordered + sorted(rest, key=lambda i: i.kind != "area_for_improvement")


def _pages(db: sqlite_utils.Database, report_id: int) -> list[str]:
    return [clean(r["text"]) for r in db.query("select text from pages where report_id = ? order by page", [report_id])]


def _due_counts(db: sqlite_utils.Database, profile: ForceProfile, today: date) -> tuple[int, int]:
    """Applicable findings (primary editions) due in the next 90 days, and overdue ones not closed."""
    reports = _report_rows(db)
    primary = editions_of(db, reports)
    findings = [f for f in _findings(db, [r["id"] for r in reports if primary[r["id"]] == r["id"]]) if f["due"]]
    judge(db, findings, profile)
    findings = [f for f in findings if f["verdict"] in APPLICABLE]
    trackers = _trackers(db, [f["id"] for f in findings])
    soon = sum(today.isoformat() <= f["due"] <= (today + timedelta(days=90)).isoformat() for f in findings)
    overdue = sum(f["due"] < today.isoformat() and (trackers.get(f["id"]) or {}).get("state") != "closed"
                  for f in findings)
    return soon, overdue


def build_paper(db: sqlite_utils.Database, profile: ForceProfile, since: date, until: date | None = None,
                today: date | None = None) -> Paper:
    """The paper for the reports published from `since` to `until` (default: today), for the profile's force."""
    today = today or date.today()
    until = until or today
    if until < since:
        raise PaperError(f"--until {until} is before --since {since}")
    chosen = publications(db, since, until)
    findings = _findings(db, [r["id"] for r, _ in chosen])
    judge(db, findings, profile)
    trackers = _trackers(db, [f["id"] for f in findings if f["verdict"] in APPLICABLE])
    sections, other_forces = [], []
    for report, editions in chosen:
        mine = [f for f in findings if f["report_id"] == report["id"]]
        if report["force"] not in (None, profile.name) and not any(f["verdict"] in APPLICABLE for f in mine):
            other_forces.append({"title": clean(report["title"] or report["source"]),
                                 "published": report["published"], "force": report["force"]})
            continue
        pages = _pages(db, report["id"])
        if summary_of(pages) is None:  # a web edition may carry the summary the PDF's text layer lacks
            pages = next((p for e in editions if summary_of(p := _pages(db, e["id"]))), pages)
        sections.append(section(report, editions, mine, pages, trackers, profile.name))
    snaps = list(db.query("select as_of, source from record_imports order by as_of desc, id desc limit 1")) \
        if db["record_imports"].exists() else []
    soon, overdue = _due_counts(db, profile, today)
    return Paper(force=profile.name, since=since.isoformat(), until=until.isoformat(), today=today.isoformat(),
                 reports=sections, portal=[{k: clean(v) if isinstance(v, str) else v for k, v in row.items()}
                                           for row in summary(db)],
                 portal_as_of=snaps[0]["as_of"] if snaps else None, portal_source=snaps[0]["source"] if snaps else None,
                 due_next_90_days=soon, overdue=overdue, other_forces=other_forces)
