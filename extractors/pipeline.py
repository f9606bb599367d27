"""Pages -> report metadata and triaged findings: the extractors in order."""

from __future__ import annotations

from datetime import date

from ..model import Block, Finding, Page, Report
from .addressees import find_addressees
from .applicability import ForceProfile, Verdict, judge
from .deadlines import earlier_report_date, find_deadline
from .findings import extract_findings
from .recipients import letter_recipients
from .report_meta import INSPECTORATE, file_title, metadata_title, read_metadata, readable_title
from .selfcheck import check_counts


def describe_report(pages: list[Page], report: Report) -> Report:
    """Fill in title, publication date, kind and force from the report's pages."""
    meta = read_metadata(pages)
    # one readable line: the cover's largest type, else the PDF's Title metadata, else the file name
    report.title = readable_title(meta["title"]) or metadata_title(report.pdf_title) or file_title(report.source)
    report.published = meta["published"]
    report.kind = meta["kind"]
    report.force = meta["force"]
    report.is_hmicfrs, report.names_inspectorate = meta["is_hmicfrs"], meta["names_inspectorate"]
    report.recipients = letter_recipients(pages)
    report.page_count = len(pages)
    return report


def extract(pages: list[Page], blocks: list[Block], report: Report,
            profile: ForceProfile | None = None) -> list[Finding]:
    """Every finding of an HMICFRS report, with deadline, addressees and applicability; warnings on
    the report where its own count of items disagrees with what was found."""
    if not report.is_hmicfrs:
        report.warnings.append(not_a_report_note(blocks))
        return []
    if not report.names_inspectorate:
        report.warnings.append("the first pages do not name HMICFRS; read as an inspection report because they "
                               "speak of an inspection: check that it is one")
    extraction = extract_findings(blocks)
    findings = extraction.findings
    report.rejected = [{"rule": r.rule, "page": r.page, "text": r.text} for r in extraction.rejections]
    report.warnings.extend(check_counts(pages, findings, report.published))
    original = earlier_report_date("\n".join(p.text for p in pages[:3]), report.published)
    triage(findings, report, profile or ForceProfile(), original)
    return findings


def not_a_report_note(blocks: list[Block]) -> str:
    """What a document that is not an HMICFRS report is: a paper quoting HMICFRS, or unrelated."""
    if any(INSPECTORATE.search(b.text) for b in blocks):
        return "not an HMICFRS report (a paper that quotes HMICFRS): no findings extracted"
    return "not an HMICFRS report (a document with no sign of HMICFRS at all): no findings extracted"


def triage(findings: list[Finding], report: Report, profile: ForceProfile, original: date | None = None) -> None:
    """Deadline, addressees and verdict for each finding (a person's decision overrides later).
    `original`: the publication date of the report a revisit restates items from."""
    for finding in findings:
        start = original if original and finding.status else report.published  # a restated item's clock
        deadline = find_deadline(finding.text, start, finding.lead_in, finding.timescale)
        finding.deadline, finding.deadline_text, finding.immediate = deadline.date, deadline.text, deadline.immediate
        finding.due = deadline.date or (report.published if deadline.immediate else None)
        finding.addressees, verdict = judge_item(finding.text, finding.lead_in, report.force,
                                                 finding.heading_addressee, profile, report.recipients)
        finding.verdict, finding.reason = verdict.verdict, verdict.reason


def judge_item(text: str, lead_in: str | None, report_force: str | None, heading: str | None,
               profile: ForceProfile, partners: list[str] | None = None) -> tuple[list[str], Verdict]:
    """Addressees of one item and its verdict for the profile's force."""
    addr = find_addressees(text, lead_in, report_force, heading, partners)
    return addr.names, judge(addr, profile, report_force)
