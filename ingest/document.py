"""One file -> pages -> report and findings. No database here: see db/ for storing them."""

from __future__ import annotations

import hashlib
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from ..extractors.applicability import ForceProfile
from ..extractors.model import Finding, Report
from ..extractors.pipeline import describe_report, extract
from .errors import NoTextLayer
from .layout import build_page, drop_running_lines
from .model import Page
from .pdf import iter_pages, open_pdf, producer_of

CHUNK = 32  # most pages one worker reads in one task


@dataclass
class Document:
    report: Report
    pages: list[Page]
    findings: list[Finding] = field(default_factory=list)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_page_range(path: Path, start: int, stop: int) -> list[Page]:
    """Pages start..stop-1 (0-based) of a PDF: the unit of work a worker process reads."""
    doc, _ = open_pdf(path)
    try:
        return [build_page(raw) for raw in iter_pages(doc, start, stop)]
    finally:
        doc.close()


def read_pages(path: Path, report: Report, pool: Executor | None = None) -> list[Page]:
    """Every page's text and body lines; PDFium holds one page at a time. Notes warnings and the
    producing software on the report. With a process pool, page ranges are read in parallel."""
    doc, open_warnings = open_pdf(path)
    warnings = report.warnings
    warnings.extend(open_warnings)
    report.producer = producer_of(doc)
    try:
        count = len(doc)
        if pool is None:
            pages = [build_page(raw) for raw in iter_pages(doc)]
    finally:
        doc.close()
    if pool is not None:
        workers = getattr(pool, "_max_workers", 2)
        size = max(4, min(CHUNK, -(-count // workers)))
        futures = [pool.submit(read_page_range, path, s, s + size) for s in range(0, count, size)]
        pages = [page for future in futures for page in future.result()]
    if not any(p.text.strip() for p in pages):
        raise NoTextLayer()
    rotated = [p.number for p in pages if p.rotated]
    if rotated:
        warnings.append(f"page(s) {', '.join(map(str, rotated[:10]))} rotated; text read in the page's own frame")
    drop_running_lines(pages)
    return pages


def read_document(path: Path, profile: ForceProfile | None = None, sha256: str | None = None,
                  source: str | None = None, pool: Executor | None = None) -> Document:
    """Parse and extract one PDF. Raises an IngestError subclass for files that cannot be read."""
    report = Report(sha256=sha256 or sha256_of(path), source=source or path.name)
    pages = read_pages(path, report, pool)
    describe_report(pages, report)
    findings = extract(pages, report, profile)
    return Document(report, pages, findings)


def read_html_document(path: Path, profile: ForceProfile | None = None, sha256: str | None = None,
                       source: str | None = None) -> Document:
    """Parse and extract a saved HTML edition of a report into the same model as a PDF."""
    from ..extractors.report_meta import INSPECTORATE
    from .html import read_html_pages

    report = Report(sha256=sha256 or sha256_of(path), source=source or path.name, producer="HTML page")
    pages, title, published, site_text = read_html_pages(path)
    describe_report(pages, report)
    if title:
        report.title = title
    if published:
        from contextlib import suppress
        from datetime import date

        with suppress(ValueError):  # an odd meta date: keep the one read from the text
            report.published = date.fromisoformat(published[:10])
    if not report.is_hmicfrs and INSPECTORATE.search(site_text):
        report.is_hmicfrs = True  # the site's own header and footer name it; the article may not
    findings = extract(pages, report, profile)
    return Document(report, pages, findings)
