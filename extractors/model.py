"""Records the extractors hand to the database: a report and its findings."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

WEB_PRINT = re.compile(r"Chrom|Mozilla|WebKit|Gecko|Skia/PDF|wkhtmltopdf|Prince|WeasyPrint", re.I)


@dataclass
class Report:
    title: str | None = None
    published: date | None = None
    kind: str | None = None  # thematic | peel | joint | super-complaint | progress | inspection
    force: str | None = None  # the inspected force, for single-force reports
    pages: int = 0
    sha256: str | None = None
    source: str | None = None
    is_hmicfrs: bool = True
    producer: str | None = None  # "Creator; Producer" from the PDF's metadata

    @property
    def edition(self) -> str:
        """"html" for an HTML edition, "web" for an HTML page printed to PDF by a browser, else "pdf"."""
        if self.producer == "HTML page":
            return "html"
        return "web" if self.producer and WEB_PRINT.search(self.producer) else "pdf"
    warnings: list[str] = field(default_factory=list)

    @property
    def pcc_response_due(self) -> date | None:
        """A police and crime commissioner must respond to an HMICFRS report within 56 days."""
        from datetime import timedelta

        return self.published + timedelta(days=56) if self.published else None

    def as_json(self) -> dict:
        out = asdict(self)
        out["published"] = self.published.isoformat() if self.published else None
        due = self.pcc_response_due
        out["pcc_response_due"] = due.isoformat() if due else None
        out["edition"] = self.edition
        return out


@dataclass
class Finding:
    kind: str  # recommendation | area_for_improvement | cause_of_concern | action
    ref: str | None
    text: str
    pages: list[int]
    rule: str  # id of the rule that found it
    lead_in: str | None = None
    parent_ref: str | None = None  # key of the cause of concern a recommendation answers
    key: str = ""  # stable id within the report, e.g. "recommendation-3", "cause_of_concern-2"
    boxed: bool = False
    heading_addressee: str | None = None  # "To chief constables" printed with the label
    status: str | None = None  # "Status: partially achieved", printed in a progress report
    deadline: date | None = None
    deadline_text: str | None = None
    immediate: bool = False
    due: date | None = None  # the deadline, or the publication date for an immediate item
    addressees: list[str] = field(default_factory=list)
    verdict: str | None = None
    reason: str | None = None

    def as_json(self, force: str | None = None) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "ref": self.ref,
            "text": self.text,
            "lead_in": self.lead_in,
            "parent_ref": self.parent_ref,
            "pages": self.pages,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "immediate": self.immediate,
            "due": self.due.isoformat() if self.due else None,
            "addressees": self.addressees,
            "status": self.status,
            "rule": self.rule,
            "applicability": {"force": force, "verdict": self.verdict, "reason": self.reason},
        }
