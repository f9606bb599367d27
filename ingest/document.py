"""One PDF -> pages with their body lines, read page by page (in parallel processes with a pool)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import CancelledError, Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Page, Report
from .errors import IngestError, NoTextLayer
from .layout import build_page, drop_running_lines
from .pdf import iter_pages, metadata_of, open_pdf, producer_of

if TYPE_CHECKING:
    import pypdfium2 as pdfium

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


@dataclass
class PageReading:
    """A PDF whose pages worker processes are reading: what opening it told, and the tasks that bring
    its pages. `error` is why it could not be opened, raised when its pages are asked for.
    `on_broken` is called when a reader process died while other files were being read too: it
    must clear the pool of them, so that reading this file again, alone, says whether it is to blame."""

    path: Path
    page_count: int = 0
    warnings: list[str] = field(default_factory=list)
    producer: str | None = None
    pdf_title: str | None = None
    error: IngestError | None = None
    tasks: list[Future] = field(default_factory=list)
    alone: bool = False  # read with no other file in the pool
    on_broken: Callable[[], Executor] | None = None

    def submit(self, pool: Executor, workers: int) -> None:
        """Hand the page ranges to the pool (a task per range, at most CHUNK pages each)."""
        size = max(4, min(CHUNK, -(-self.page_count // max(workers, 1))))
        self.tasks = [pool.submit(read_page_range, self.path, s, s + size) for s in range(0, self.page_count, size)]

    def pages(self) -> list[Page]:
        """Every page, in order, once the workers have read them."""
        if self.error is not None:
            raise self.error
        try:
            return self._collect()
        except (BrokenProcessPool, CancelledError):  # cancelled: the pool was restarted for a dead reader
            if self.alone or self.on_broken is None:
                raise
        # a reader died: perhaps on another file in the pool at the same time; read this one alone
        pool = self.on_broken()
        self.alone = True
        self.submit(pool, getattr(pool, "_max_workers", 2))
        return self._collect()

    def _collect(self) -> list[Page]:
        return [page for task in self.tasks for page in task.result()]


def open_reading(path: Path, alone: bool = False) -> PageReading:
    """Open the PDF here for what it says of itself (metadata, page count), its pages not yet handed
    to a pool. A file that cannot be opened gives a reading that carries the error."""
    reading = PageReading(path, alone=alone)
    try:
        doc, reading.warnings = open_pdf(path)
    except IngestError as exc:
        reading.error = exc
        return reading
    try:
        reading.page_count = len(doc)
        reading.producer, reading.pdf_title = _made_by(doc)
    finally:
        doc.close()
    return reading


def _made_by(doc: pdfium.PdfDocument) -> tuple[str | None, str | None]:
    """The producing software and the Title in the PDF's metadata."""
    return producer_of(doc), metadata_of(doc).get("Title")


def start_reading(path: Path, pool: Executor, workers: int, alone: bool = False) -> PageReading:
    """Open the PDF and hand its pages to the pool."""
    reading = open_reading(path, alone)
    if reading.error is None:
        reading.submit(pool, workers)
    return reading


def read_pages(path: Path, report: Report, pool: Executor | None = None,
               on_reading: Callable[[], None] | None = None, reading: PageReading | None = None) -> list[Page]:
    """Every page's text and body lines; PDFium holds one page at a time. Notes warnings and the
    producing software on the report. With a process pool, page ranges are read in parallel; with a
    `reading` already started (the next file of a batch), its pages are collected.
    on_reading is called once the PDF has opened and its pages are being read (after any worker
    processes exist): the caller's cue to prepare, alongside, what it needs next."""
    if reading is None and pool is not None:
        reading = start_reading(path, pool, getattr(pool, "_max_workers", 2), alone=True)
    if reading is not None:
        if reading.error is not None:
            raise reading.error
        report.warnings.extend(reading.warnings)
        report.producer, report.pdf_title = reading.producer, reading.pdf_title
        if on_reading:
            on_reading()
        pages = reading.pages()
    else:
        pages = _read_here(path, report, on_reading)
    if not any(p.text.strip() for p in pages):
        raise NoTextLayer()
    rotated = [p.number for p in pages if p.rotated]
    if rotated:
        report.warnings.append(f"page(s) {', '.join(map(str, rotated[:10]))} rotated; text read in the page's own "
                               "frame")
    drop_running_lines(pages)
    return pages


def _read_here(path: Path, report: Report, on_reading: Callable[[], None] | None) -> list[Page]:
    """Every page, read in this process."""
    doc, open_warnings = open_pdf(path)
    report.warnings.extend(open_warnings)
    try:
        report.producer, report.pdf_title = _made_by(doc)
        if on_reading:
            on_reading()
        return [build_page(raw) for raw in iter_pages(doc)]
    finally:
        doc.close()
