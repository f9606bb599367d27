"""The library behind the commands: ingest sources into a database and get a result per file.

Nothing here prints. The CLI, `hmicfrs demo`, `hmicfrs sync` and the tests call these functions:

    from hmicfrs import api
    db = api.open_database("hmicfrs.db")
    results = api.ingest(db, ["reports/"])

Each file's result says whether it was ingested, unchanged (same SHA-256 already stored), a duplicate
(the same file stored under another name) or failed, and why. A failure is recorded in `ingest_errors`
and the batch goes on. One file's work is hmicfrs/outcome.py; this module runs a batch around it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import sqlite_utils

from .db.queries import latest_report
from .db.records import ImportResult, save_records
from .db.save import DatabaseBusy, record_error
from .db.schema import DatabaseProblem, open_database
from .extractors.applicability import ForceProfile
from .ingest.document import sha256_of
from .ingest.pdf import open_pdf
from .ingest.records import RecordsFile
from .linking import MatchResult, match_records
from .outcome import Outcome, ingest_file
from .readahead import ReadAhead, ReaderPool, pool_size
from .triage import applicable_findings

if TYPE_CHECKING:  # the network side (httpx, bs4) is imported only when something is fetched
    from .corpus.sync import Downloaded

__all__ = ["DatabaseBusy", "DatabaseProblem", "FileResult", "Outcome", "NoSuchSource", "Source", "after_ingest",
           "applicable_findings", "build_demo", "ingest", "ingest_each", "local_sources", "open_database",
           "record_failures", "store_tracker"]

CORPUS_DIR = "hmicfrs-corpus"
INGESTED, UNCHANGED, DUPLICATE, FAILED = "ingested", "unchanged", "duplicate", "failed"
PAGES_PER_WORKER = 4  # fewer pages than this per process costs more in start-up than it saves
HTML_SUFFIXES = (".html", ".htm")


class NoSuchSource(FileNotFoundError):
    """A path given to ingest that does not exist."""


@dataclass
class Source:
    """One file to ingest: where it is, the name it is stored under, how messages name it, and the
    address its PDF is served at (`hmicfrs serve` serves ingested PDFs at /pdfs/)."""

    path: Path
    name: str
    label: str
    pdf_url: str

    @classmethod
    def from_path(cls, path: Path) -> Source:
        return cls(path, path.name, str(path), pdf_url(path))

    @classmethod
    def from_download(cls, d: Downloaded) -> Source:
        return cls(d.path, d.name, d.url, pdf_url(d.path))


FileResult = Outcome  # status, label, reason, same_as, warnings, report_id (see hmicfrs/outcome.py)


def pdf_url(path: Path) -> str:
    """Where the PDF is served: /pdfs/ plus its file name, percent-encoded (spaces, accents, "%")."""
    return "/pdfs/" + quote(path.name)


def local_sources(paths: Iterable[str | Path]) -> list[Source]:
    """Files and folders (searched recursively for PDFs) -> sources. Raises NoSuchSource."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() == ".pdf" and f.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise NoSuchSource(f"{p}: no such file or folder")
    return [Source.from_path(f) for f in files]


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def record_failures(db: sqlite_utils.Database, failures: Iterable[tuple[str, str]]) -> list[FileResult]:
    """(label, reason) pairs (URLs that could not be fetched) -> ingest_errors rows and failed results."""
    out = []
    for label, reason in failures:
        record_error(db, label, reason)
        out.append(FileResult(FAILED, label, reason=reason))
    return out


def ingest_each(db: sqlite_utils.Database, sources: list[Source], profile: ForceProfile | None = None,
                workers: int = 1, on_wait: Callable[[], None] | None = None) -> Iterator[FileResult]:
    """Ingest the sources one by one, yielding each file's result as it is done. An unchanged file
    (its SHA-256 already stored) is skipped, and so is the same file under another name ("duplicate");
    a changed one replaces its old rows in one transaction; one that cannot be read, for any reason,
    gets its one ingest_errors row and the batch goes on. `workers` > 1 reads PDF pages in that many
    processes (capped at the core count; for a single file, also at its page count), the next files
    of a batch while this process extracts and saves the current one (a batch is then taken longest
    file first within windows of 32 files, see hmicfrs/readahead.py); `on_wait` is called when
    another program holds the database and this one waits its turn."""
    profile = profile or ForceProfile()
    # each report is one transaction; in WAL mode, NORMAL syncs at checkpoints instead of every commit
    # (2 ms a report here): a power cut may lose the last reports stored, which a re-run ingests again,
    # and never corrupts the database
    db.execute("PRAGMA synchronous = NORMAL")
    if len(sources) > 1 and pool_size(workers) > 1:
        yield from _ingest_reading_ahead(db, sources, profile, pool_size(workers), on_wait)
        return
    pool = _Pool(workers)
    try:
        for src in sources:
            yield ingest_file(db, src.path, src.name, src.label, profile, pool.for_file, src.pdf_url, on_wait=on_wait)
    finally:
        pool.close()


def _ingest_reading_ahead(db: sqlite_utils.Database, sources: list[Source], profile: ForceProfile, workers: int,
                          on_wait: Callable[[], None] | None) -> Iterator[FileResult]:
    """A batch whose PDFs worker processes read ahead of their turn, taken longest first within each
    window of files (see hmicfrs/readahead.py)."""
    ahead = ReadAhead([s.path for s in sources], workers, lambda digest: not is_stored(db, digest))
    try:
        while (turn := ahead.take()) is not None:
            index, digest, reading = turn
            src = sources[index]
            yield ingest_file(db, src.path, src.name, src.label, profile, None, src.pdf_url, on_wait=on_wait,
                              digest=digest, reading=reading)
    finally:
        ahead.close()


def is_stored(db: sqlite_utils.Database, digest: str) -> bool:
    """Is a report with this SHA-256 in the database?"""
    return bool(list(db.query("select 1 from reports where sha256 = ? limit 1", [digest])))


class _Pool:
    """The reader pool for a file read on its own, started when the file needs it."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor: ReaderPool | None = None

    def for_file(self, path: Path) -> ReaderPool | None:
        size = worker_count(path, self.workers)
        if size < 2:
            return None
        if self.executor is None:
            self.executor = ReaderPool(size)
        return self.executor

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None


def worker_count(path: Path, workers: int) -> int:
    """Processes worth starting for this file: what was asked (0: all cores), at most the core count
    and one per PAGES_PER_WORKER pages."""
    wanted = pool_size(workers)
    if wanted < 2 or path.suffix.lower() in HTML_SUFFIXES:
        return 1
    try:
        doc, _ = open_pdf(path)
    except Exception:  # noqa: BLE001 - any damage: the reader itself will say what is wrong with the file
        return 1
    try:
        pages = len(doc)
    finally:
        doc.close()
    return max(1, min(wanted, -(-pages // PAGES_PER_WORKER)))


def has_tracker(db: sqlite_utils.Database) -> bool:
    """Has a tracker export been imported?"""
    return bool(db["record_imports"].count)


def after_ingest(db: sqlite_utils.Database, results: list[FileResult]) -> MatchResult | None:
    """Keep the tracker links current with new findings: re-match when something was ingested and a
    tracker is loaded. Returns the match result, or None when nothing needed matching."""
    if any(r.status == INGESTED for r in results) and has_tracker(db):
        return match_records(db)
    return None


def ingest(db: sqlite_utils.Database, paths: Iterable[str | Path], profile: ForceProfile | None = None,
           workers: int = 1, corpus: Path = Path(CORPUS_DIR), allow_hosts: tuple[str, ...] = ()) -> list[FileResult]:
    """Ingest files, folders and URLs into the database; a result per file (or per URL that failed).
    Re-matches the tracker afterwards when one is loaded."""
    paths = [str(p) for p in paths]
    urls = [p for p in paths if is_url(p)]
    sources = local_sources(p for p in paths if not is_url(p))
    results: list[FileResult] = []
    if urls:
        downloads, errors = fetch_urls(urls, corpus, allow_hosts)
        sources += [Source.from_download(d) for d in downloads]
        results += record_failures(db, errors)
    results += ingest_each(db, sources, profile, workers)
    after_ingest(db, results)
    return results


def fetch_urls(urls: list[str], corpus: Path, allow_hosts: tuple[str, ...] = ()) -> tuple[list[Downloaded], list]:
    """Download URLs into the corpus folder (see corpus/urls.py)."""
    from .corpus.urls import fetch_urls as fetch

    return fetch(urls, corpus, allow_hosts)


def note_synced_reports(db: sqlite_utils.Database, folder: Path, downloads: list[Downloaded]) -> None:
    """After a sync's ingest, the corpus manifest learns each report's kind and force as read from it."""
    from .corpus.sync import note_report

    for d in downloads:
        row = latest_report(db, d.name)
        if row:
            note_report(folder, d.url, row["kind"], row["force"])


def store_tracker(db: sqlite_utils.Database, parsed: RecordsFile, path: Path, as_of: date | None = None,
                  match: bool = True) -> tuple[ImportResult, MatchResult | None]:
    """Store a parsed tracker export as a snapshot (as of today by default), then re-match it to the
    findings when there are any."""
    result = save_records(db, parsed, path.name, sha256_of(path), as_of or date.today())
    return result, (match_records(db) if match and db["findings"].count else None)


@dataclass
class Demo:
    """What `build_demo` made: the sample files, each file's result, the tracker import and its links."""

    folder: Path
    files: list[Path]
    results: list[FileResult]
    tracker: ImportResult
    match: MatchResult | None


def build_demo(db: sqlite_utils.Database, folder: Path) -> Demo:
    """Draw the sample corpus (three report layouts, a committee paper, one broken download on purpose)
    and a tracker export into `folder`, ingest them into the database and match."""
    from .ingest.records import read_records
    from .samples import write_demo_corpus, write_demo_tracker

    files = write_demo_corpus(folder)
    tracker = write_demo_tracker(folder.parent / f"{folder.name}-tracker.csv")
    results = list(ingest_each(db, [Source.from_path(f) for f in files]))
    imported, matched = store_tracker(db, read_records(tracker), tracker)
    return Demo(folder, files, results, imported, matched)
