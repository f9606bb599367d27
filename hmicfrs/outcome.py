"""One file of a batch -> its outcome, whatever came before it: ingested, unchanged, the same file as
one already stored (under another name), or failed with one reason. Failures are recorded (one
`ingest_errors` row per file) and a file that ingests clears its old row. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .db.save import clear_error, record_error, save_document
from .extractors.applicability import ForceProfile
from .ingest.document import PageReading, sha256_of
from .ingest.errors import IngestError
from .pipeline import read_document, read_html_document


@dataclass
class Outcome:
    """What happened to one file. `status`: ingested | unchanged | duplicate | failed."""

    status: str
    label: str
    reason: str | None = None  # why it failed
    same_as: str | None = None  # duplicate: the stored file it is a copy of
    warnings: list[str] = field(default_factory=list)
    report_id: int | None = None


def ingest_file(db: sqlite_utils.Database, path: Path, name: str, label: str, profile: ForceProfile,
                pool: Executor | Callable[[Path], Executor | None] | None = None, pdf_url: str | None = None,
                on_wait: Callable[[], None] | None = None, digest: str | None = None,
                reading: PageReading | None = None) -> Outcome:
    """Ingest one PDF or saved HTML edition. A failure while reading it (of any kind) is its outcome and
    its `ingest_errors` row; a failure while saving (a full disk) is raised, as it would hit every file.
    `pool` may be a function giving the pool for this file (called only when the file is read);
    `on_wait` is called when another program holds the database and this one waits its turn.
    `digest` is the file's SHA-256 when already known, and `reading` its pages already being read
    by a batch's worker processes (hmicfrs/readahead.py)."""
    try:
        digest = digest or sha256_of(path)
    except OSError as exc:
        return _failed(db, label, f"cannot read the file ({exc.strerror or exc}); check the path and permissions",
                       on_wait=on_wait)
    stored = list(db.query("select id, source, path from reports where sha256 = ?", [digest]))
    if stored:
        clear_error(db, label, digest, on_wait)
        if stored[0]["source"] == name:
            return Outcome("unchanged", label, report_id=stored[0]["id"])
        return Outcome("duplicate", label, same_as=stored[0]["path"] or stored[0]["source"],
                       report_id=stored[0]["id"])
    try:
        if reading is not None:
            doc = read_document(path, profile, sha256=digest, source=name, reading=reading)
        else:
            doc = read_any(path, profile, digest, name, pool(path) if callable(pool) else pool)
    except BrokenProcessPool:  # PDFium crashed a reader process on this file; ReaderPool starts afresh
        return _failed(db, label, "the PDF reader crashed on this file (it is probably damaged); download it "
                       "again", digest, on_wait)
    except IngestError as exc:
        return _failed(db, label, str(exc), digest, on_wait)
    except OSError as exc:
        return _failed(db, label, f"cannot read the file ({exc.strerror or exc}); check the path and permissions",
                       digest, on_wait)
    except Exception as exc:  # noqa: BLE001 - one file's unforeseen failure must not end the batch
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        reason = (f"cannot be read ({type(exc).__name__}{': ' + detail if detail else ''}); the file may be "
                  "damaged: download it again, or report it with the file")
        return _failed(db, label, reason, digest, on_wait)
    report_id = save_document(db, doc.report, doc.pages, doc.findings, profile.name, pdf_url=pdf_url,
                              path=str(path.resolve()), on_wait=on_wait)
    clear_error(db, label, digest, on_wait)
    return Outcome("ingested", label, warnings=list(doc.report.warnings), report_id=report_id)


def read_any(path: Path, profile: ForceProfile, digest: str, name: str, pool: Executor | None = None):
    """The document of a PDF or of a saved HTML edition (by its suffix)."""
    if path.suffix.lower() in (".html", ".htm"):
        return read_html_document(path, profile, sha256=digest, source=name)
    return read_document(path, profile, sha256=digest, pool=pool, source=name)


def _failed(db: sqlite_utils.Database, label: str, reason: str, digest: str | None = None,
            on_wait: Callable[[], None] | None = None) -> Outcome:
    reason = " ".join(reason.split())  # one line, whatever the library said
    record_error(db, label, reason, sha256=digest, on_wait=on_wait)
    return Outcome("failed", label, reason=reason)
