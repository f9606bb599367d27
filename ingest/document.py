"""One PDF -> pages with their body lines, read page by page (in parallel processes with a pool)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

from ..model import Page, Report
from .errors import NoTextLayer
from .layout import build_page, drop_running_lines
from .pdf import iter_pages, metadata_of, open_pdf, producer_of

CHUNK = 32  # most pages one worker reads in one task


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


def read_pages(path: Path, report: Report, pool: Executor | None = None,
               on_reading: Callable[[], None] | None = None) -> list[Page]:
    """Every page's text and body lines; PDFium holds one page at a time. Notes warnings and the
    producing software on the report. With a process pool, page ranges are read in parallel.
    on_reading is called once the PDF has opened and its pages are being read (after any worker
    processes exist): the caller's cue to prepare, alongside, what it needs next."""
    doc, open_warnings = open_pdf(path)
    warnings = report.warnings
    warnings.extend(open_warnings)
    report.producer = producer_of(doc)
    report.pdf_title = metadata_of(doc).get("Title")
    try:
        count = len(doc)
        if pool is None:
            if on_reading:
                on_reading()
            pages = [build_page(raw) for raw in iter_pages(doc)]
    finally:
        doc.close()
    if pool is not None:
        workers = getattr(pool, "_max_workers", 2)
        size = max(4, min(CHUNK, -(-count // workers)))
        futures = [pool.submit(read_page_range, path, s, s + size) for s in range(0, count, size)]
        if on_reading:
            on_reading()
        pages = [page for future in futures for page in future.result()]
    if not any(p.text.strip() for p in pages):
        raise NoTextLayer()
    rotated = [p.number for p in pages if p.rotated]
    if rotated:
        warnings.append(f"page(s) {', '.join(map(str, rotated[:10]))} rotated; text read in the page's own frame")
    drop_running_lines(pages)
    return pages
