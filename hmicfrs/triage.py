"""Triage read back from the database: findings judged for a force, re-judged on the fly when the
stored verdicts were made for another force, and the reports whose PCC response dates matter."""

from __future__ import annotations

import sqlite_utils

from .db.queries import select_reports, triage_rows
from .extractors.applicability import ForceProfile
from .extractors.pipeline import judge_item

APPLICABLE = ("yes", "conditional")


def judged_rows(db: sqlite_utils.Database, reports: tuple[str, ...] | list[str],
                profile: ForceProfile) -> tuple[list[dict], list[dict]]:
    """The chosen reports (ids or file names; all when none) and their findings judged for the profile's
    force. Raises db.queries.NotFound for a report not in the database."""
    chosen = select_reports(db, reports)
    rows = triage_rows(db, [r["id"] for r in chosen])
    for row in rows:
        if row["force"] != profile.name:  # stored verdicts (and decisions) are for another force
            row["addressees"], verdict = judge_item(row["text"], row["lead_in"], row["report_force"],
                                                    row["heading_addressee"], profile)
            row["verdict"], row["reason"], row["decided_by"] = verdict.verdict, verdict.reason, None
    return chosen, rows


def applicable_findings(db: sqlite_utils.Database, report: str | int,
                        profile: ForceProfile | None = None) -> list[dict]:
    """One report's findings that apply to the force (verdict yes or conditional)."""
    _, rows = judged_rows(db, [str(report)], profile or ForceProfile())
    return [r for r in rows if r["verdict"] in APPLICABLE]


def pcc_reports(chosen: list[dict], rows: list[dict], force: str, verdicts: tuple[str, ...]) -> list[dict]:
    """A PCC responds to reports on its own force and to reports that ask something of it."""
    concerned = {r["report_id"] for r in rows if r["verdict"] in verdicts}
    return [r for r in chosen if r["id"] in concerned or r["force"] == force]
