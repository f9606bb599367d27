"""The rooms in order, for one file: ingest (pages, blocks) -> extractors (report, findings).

No database here: `hmicfrs.db.save` stores what this returns.
"""

from __future__ import annotations

from concurrent.futures import Executor
from contextlib import suppress
from datetime import date
from pathlib import Path

from .extractors import warm
from .extractors.applicability import ForceProfile
from .extractors.pipeline import describe_report, extract
from .extractors.report_meta import INSPECTORATE, readable_title
from .ingest.blocks import iter_blocks
from .ingest.document import PageReading, read_pages, sha256_of
from .model import Document, Report


def read_document(path: Path, profile: ForceProfile | None = None, sha256: str | None = None,
                  source: str | None = None, pool: Executor | None = None,
                  reading: PageReading | None = None) -> Document:
    """Parse and extract one PDF (its pages read here, by the pool, or by a `reading` already under way).
    Raises an IngestError subclass for files that cannot be read."""
    report = Report(sha256=sha256 or sha256_of(path), source=source or path.name)
    pages = read_pages(path, report, pool, on_reading=warm.warm_up, reading=reading)  # spaCy loads while pages are read
    warm.ready()
    describe_report(pages, report)
    findings = extract(pages, list(iter_blocks(pages)), report, profile)
    return Document(report, pages, findings)


def read_html_document(path: Path, profile: ForceProfile | None = None, sha256: str | None = None,
                       source: str | None = None) -> Document:
    """Parse and extract a saved HTML edition of a report into the same model as a PDF."""
    from .ingest.html import read_html_pages  # BeautifulSoup only when an HTML edition is read

    report = Report(sha256=sha256 or sha256_of(path), source=source or path.name, producer="HTML page")
    # no warm-up thread here: a process pool may still fork its workers for a later PDF
    pages, title, published, site_text = read_html_pages(path)
    describe_report(pages, report)
    if readable_title(title):
        report.title = readable_title(title)
    if published:
        with suppress(ValueError):  # an odd meta date: keep the one read from the text
            report.published = date.fromisoformat(published[:10])
    if INSPECTORATE.search(site_text):  # the site's own header and footer name it; the article may not
        report.is_hmicfrs = report.names_inspectorate = True
    findings = extract(pages, list(iter_blocks(pages)), report, profile)
    return Document(report, pages, findings)
