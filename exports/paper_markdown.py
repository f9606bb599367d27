"""The board paper as Markdown, and the wording both renderers share (dates, headings, item details)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from .paper import Item, Paper, ReportSection

REPORT_KINDS = {"peel": "PEEL inspection", "thematic": "Thematic inspection", "joint": "Joint inspection",
                "progress": "Progress report", "super-complaint": "Super-complaint report",
                "inspection": "Inspection", "force": "Force inspection", "frs": "Fire and rescue service inspection",
                "annual-assessment": "Annual assessment"}
PORTAL_COLUMNS = ("Type", "Level", "Open", "Closed", "Total")


def long_date(iso: str | None) -> str:
    """'2023-12-05' -> '5 December 2023'."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def title(paper: Paper) -> str:
    return f"HMICFRS update: {paper.force}"


def purpose(paper: Paper) -> str:
    n = len(paper.reports)
    return (f"This paper updates the committee on the {n} HMICFRS report{'s' if n != 1 else ''} published between "
            f"{long_date(paper.since)} and {long_date(paper.until)}: what each inspected and found, the "
            f"recommendations, causes of concern and areas for improvement that apply to {paper.force}, and the "
            "force's position on the HMICFRS monitoring portal.")


def report_line(report: ReportSection) -> str:
    """'Published 5 December 2023. Joint inspection by ... PCC response due 30 January 2024.'"""
    kind = REPORT_KINDS.get(report.kind, report.kind.capitalize() or "Report")
    by = f" by {', '.join(report.inspectorates)}" if report.inspectorates else ""
    parts = [f"Published {long_date(report.published)}.", f"{kind}{by}."]
    if report.pcc_response_due:
        parts.append(f"The police and crime commissioner's response is due by {long_date(report.pcc_response_due)}.")
    return " ".join(parts)


def item_details(item: Item, force: str) -> list[str]:
    """Deadline, addressees (unless only the force itself), how a conditional item applies, the tracker record."""
    out = []
    if item.immediate:
        out.append("Deadline: with immediate effect")
    elif item.deadline:
        relative = item.deadline_text and not re.search(r"\d{4}", item.deadline_text)
        # "Within three months" is counted from publication: say so beside the date it gives
        text = (item.deadline_text or "")[:1].lower() + (item.deadline_text or "")[1:]
        when = f" ({text}{'' if 'publication' in text else ' of publication'})" if relative else ""
        out.append(f"Deadline: {long_date(item.deadline)}{when}")
    if item.addressees and item.addressees != [force]:
        out.append(f"Addressed to: {', '.join(item.addressees)}")
    if item.condition:
        out.append(f"Applies: {item.condition}")
    t = item.tracker
    if t:
        bits = [f"{t['reference']}", f"owner {t['owner']}" if t["owner"] else "no owner recorded",
                f"status {t['status'] or t['state']}"]
        out.append("Tracker: " + ", ".join(bits) + (f"; update: {t['update']}" if t.get("update") else ""))
    elif item.verdict in ("yes", "conditional"):
        out.append("Tracker: not yet recorded")
    return out


def portal_rows(paper: Paper) -> list[list[str]]:
    """The portal table's body rows, with a total line."""
    rows = [[r["type"] or "-", str(r["level"]) if r["level"] is not None else "-", str(r["open"]), str(r["closed"]),
             str(r["total"])] for r in paper.portal]
    if paper.portal:
        rows.append(["All", "", *(str(sum(r[k] for r in paper.portal)) for k in ("open", "closed", "total"))])
    for row in rows:
        row[1] = row[1][0].upper() + row[1][1:] if row[1] else row[1]  # "Closed before levels"
    return rows


def other_forces_line(paper: Paper) -> str:
    """The reports on other forces, named in one sentence."""
    named = [f"{r['title']} ({long_date(r['published'])})" for r in paper.other_forces]
    return (f"Also published in the period, on other forces and with nothing that applies to {paper.force}: "
            + "; ".join(named) + ".")


def portal_note(paper: Paper) -> str:
    source = f" ({paper.portal_source}, as at {long_date(paper.portal_as_of)})" if paper.portal_as_of else ""
    return (f"From the force's latest tracker export{source}. {paper.due_next_90_days} applicable "
            f"item{'s are' if paper.due_next_90_days != 1 else ' is'} due in the next 90 days and "
            f"{paper.overdue} {'are' if paper.overdue != 1 else 'is'} overdue and not closed "
            f"(as at {long_date(paper.today)}).")


def _md_item(item: Item, force: str, out: list[str]) -> None:
    first, *rest = item.paragraphs or [""]
    out += [f"**{item.label}.** {first}", ""]
    out.extend(f"{p}\n" for p in rest)
    if item.bullets:
        out.extend(f"- {b}" for b in item.bullets)
        out.append("")
    out.extend(f"{p}\n" for p in item.after)
    out.extend([*(f"*{d}*  " for d in item_details(item, force)), ""])


def _md_report(report: ReportSection, number: str, force: str, out: list[str]) -> None:
    out += [f"### {number} {report.title}", "", report_line(report), ""]
    if report.summary:
        out += [report.summary, ""]
    out += [report.sentence, ""]
    if report.own_peel:
        if report.causes:
            out.append("#### Causes of concern and their recommendations\n")
        for cause, recs in report.causes:
            _md_item(cause, force, out)
            if recs:
                out += [recs[0].lead_in or "Recommendations:", ""]  # the lead-in once
                for rec in recs:
                    _md_item(rec, force, out)
        if report.others:
            out.append("#### Areas for improvement\n")
            for item in report.others:
                _md_item(item, force, out)
        return
    for item in report.applicable:
        _md_item(item, force, out)


def to_markdown(paper: Paper) -> str:
    """The whole paper as Markdown."""
    out = [f"# {title(paper)}", "", f"Reports published {long_date(paper.since)} to {long_date(paper.until)}.", "",
           "## 1. Purpose", "", purpose(paper), "", "## 2. HMICFRS monitoring portal", ""]
    if paper.portal:
        out += ["| " + " | ".join(PORTAL_COLUMNS) + " |", "|---|---|---:|---:|---:|"]
        out += ["| " + " | ".join(row) + " |" for row in portal_rows(paper)]
        out.append("")
    else:
        out += ["No tracker export has been imported (hmicfrs records import FILE).", ""]
    out += [portal_note(paper), "", "## 3. Reports published in the period", ""]
    if not paper.reports:
        out += ["No HMICFRS reports were published in the period.", ""]
    for n, report in enumerate(paper.reports, start=1):
        _md_report(report, f"3.{n}", paper.force, out)
    if paper.other_forces:
        out += [other_forces_line(paper), ""]
    return "\n".join(out).rstrip() + "\n"


def write_markdown(paper: Paper, path: Path) -> None:
    path.write_text(to_markdown(paper), "utf-8")
