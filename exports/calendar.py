"""Deadlines as an iCalendar file: one all-day event per applicable finding and per PCC response.

Each event's UID is made from the report's file name and the finding's key, so importing a newer file
into a calendar updates the events it already holds instead of adding copies.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

from icalendar import Calendar, Event

from .cells import neutralise

UID_DOMAIN = "hmicfrs-findings"
BASE_URL = "http://127.0.0.1:8001"


def absolute(base_url: str, link: str | None) -> str | None:
    """A served link ("/pdfs/x.pdf#page=3") made absolute; an absolute link is kept."""
    if not link or urlparse(link).scheme:
        return link
    return base_url.rstrip("/") + "/" + link.lstrip("/")


def _uid(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:24] + "@" + UID_DOMAIN


def _event(uid: str, day: date, summary: str, description: str, stamp: datetime, url: str | None) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", neutralise(summary))  # a calendar's export to CSV must not run a formula either
    event.add("description", neutralise(description))
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    return event


def build_calendar(findings: list[dict], reports: list[dict], force: str,
                   verdicts: tuple[str, ...] = ("yes",), base_url: str = BASE_URL) -> Calendar:
    """Events for findings whose verdict is in `verdicts` and that have a due date, plus each report's
    PCC response date. An event's URL is absolute (a calendar app has no page to be relative to):
    `base_url` is where `hmicfrs serve` is reached."""
    cal = Calendar()
    cal.add("prodid", "-//hmicfrs//HMICFRS findings//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"HMICFRS deadlines - {force}")
    stamp = datetime.now(UTC).replace(microsecond=0)
    for r in findings:
        if r["verdict"] not in verdicts or r["due"] is None:
            continue
        label = r["kind"].replace("_", " ")
        ref = f" {r['ref']}" if r["ref"] else ""
        when = "immediate effect (from publication)" if r["immediate"] else (r["deadline_text"] or "")
        description = "\n\n".join(filter(None, [
            r["text"], f"Deadline: {when}", f"Applies: {r['verdict']} - {r['reason']}",
            f"Report: {r['report_title'] or r['source']} (published {r['published']})",
        ]))
        cal.add_component(_event(_uid(r["source"], r["key"], force), r["due"],
                                 f"HMICFRS {label}{ref} due - {r['report_title'] or r['source']}",
                                 description, stamp, absolute(base_url, r["pdf_link"])))
    for rep in reports:
        if not rep.get("pcc_response_due"):
            continue
        cal.add_component(_event(
            _uid(rep["source"], "pcc-response"), date.fromisoformat(rep["pcc_response_due"]),
            f"PCC response due - {rep['title'] or rep['source']}",
            "The police and crime commissioner's response to this HMICFRS report is due 56 days after "
            f"publication ({rep['published']}).", stamp, None))
    return cal


def write_ics(cal: Calendar, path: Path) -> int:
    """Write the calendar; returns the number of events."""
    path.write_bytes(cal.to_ical())
    return len(cal.subcomponents)
