"""The records every room hands on: pages, lines and blocks (ingest -> extractors), and the report
and its findings (extractors -> db). One coordinate vocabulary, as pdfplumber's: PDF points from the
top-left of the page, x0/x1 left/right, top/bottom.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2219\u00b7\u25a0\u25a1\u2013\u2014*>-]"
                    r"|\(cid:\d+\)|[\uf000-\uf0ff])\s*")

WEB_PRINT = re.compile(r"Chrom|Mozilla|WebKit|Gecko|Skia/PDF|wkhtmltopdf|Prince|WeasyPrint", re.I)


@dataclass(slots=True)
class Line:
    """One line of text in one column, footnote markers already removed."""

    page: int  # 1-based page number
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float  # dominant font size of the line
    bold: bool
    column: int = 0  # 0 = left or only column, 1 = right column
    box: int | None = None  # id of the shaded box holding the line, unique within the document

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Box:
    """A filled rectangle (a shaded call-out box) on a page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Page:
    """A page as the extractors see it: body lines in reading order, plus its full text."""

    number: int
    width: float
    height: float
    text: str  # everything printed on the page, for full-text search
    lines: list[Line] = field(default_factory=list)  # body lines (no running header/footer, footnotes)
    body_size: float = 0.0
    rotated: bool = False


@dataclass
class Block:
    """A run of lines that belong together: a heading, a paragraph, one list item or one table row."""

    kind: str  # "heading" | "para" | "bullet" | "row"
    lines: list[Line]
    first_on_page: bool = False  # first body block of its page or column: a break precedes it
    indent: float = 0.0  # how far the block starts right of the column's text margin
    bullet_glyph: bool = False
    pages: list[int] = field(default_factory=list)
    marker: str | None = None  # a list item's number or letter as printed: "3", "5a", "(b)", "1.2"
    cells: list[tuple[str, str]] | None = None  # a table row: (column header, cell text) in column order
    cell_lines: list[list[Line]] | None = None  # ... and each cell's lines

    @property
    def text(self) -> str:
        if self.cells is not None:
            return " ".join(text for _, text in self.cells if text)
        return join_lines([ln.text for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def box(self) -> int | None:
        return self.lines[0].box

    @property
    def column(self) -> int:
        return self.lines[0].column


def join_lines(texts: Iterable[str]) -> str:
    """Join wrapped lines into running text; a hyphen at a line end is kept (compound words)."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith(("-", "\u2010")) and text[:1].islower() and not out.endswith(" -"):
            out += text
        else:
            out += " " + text
    return out



@dataclass
class Report:
    title: str | None = None
    published: date | None = None
    # thematic | peel | joint | super-complaint | progress | force | frs | annual-assessment | inspection
    kind: str | None = None
    force: str | None = None  # the inspected force, for single-force reports
    page_count: int = 0
    sha256: str | None = None
    source: str | None = None
    is_hmicfrs: bool = True
    names_inspectorate: bool = True  # False: read as an inspection though its first pages do not name HMICFRS
    producer: str | None = None  # "Creator; Producer" from the PDF's metadata
    pdf_title: str | None = None  # the PDF's own Title metadata: the title when the cover offers none

    @property
    def edition(self) -> str:
        """"html" for an HTML edition, "web" for an HTML page printed to PDF by a browser, else "pdf"."""
        if self.producer == "HTML page":
            return "html"
        return "web" if self.producer and WEB_PRINT.search(self.producer) else "pdf"
    warnings: list[str] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)  # candidates a rejection rule turned down: rule, page, text
    recipients: list[str] = field(default_factory=list)  # a letter's addressees: "Birmingham City Council", ...

    @property
    def pcc_response_due(self) -> date | None:
        """A police and crime commissioner must respond to an HMICFRS report within 56 days."""
        return self.published + timedelta(days=56) if self.published else None

    def as_json(self) -> dict:
        out = asdict(self)
        out.pop("pdf_title")  # an input to the title, not part of the report's record
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
    parent_key: str | None = None  # key of the cause of concern a recommendation answers
    key: str = ""  # stable id within the report, e.g. "recommendation-3", "cause_of_concern-2"
    heading_addressee: str | None = None  # "To chief constables" printed with the label
    status: str | None = None  # "Status: partially achieved", printed in a progress report
    timescale: str | None = None  # the deadline as printed in a findings table's date column
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
            "parent_key": self.parent_key,
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


@dataclass
class Document:
    """One ingested file: its report, its pages and the findings extracted from them."""

    report: Report
    pages: list[Page]
    findings: list[Finding] = field(default_factory=list)
