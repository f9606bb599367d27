"""Read a batch's next PDFs in worker processes while this process extracts and saves the current one.

Without this, the workers sit idle while a report's findings are extracted and stored, and a short
report is read in one process only. With it, the pool always holds the next files' page ranges (up
to a page budget, so memory stays bounded), in the batch's order: the file being waited for is at
the head of the queue. A reader process that dies takes down every task in the pool, so a file whose
reading breaks is read again alone before it is blamed (see `PageReading.pages`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .ingest.document import PageReading, sha256_of, start_reading

LOOKAHEAD_FILES = 3  # files being read beyond the one waited for ...
LOOKAHEAD_PAGES = 256  # ... and the pages they may hold, at most (one long report is always allowed)


class ReaderPool(Executor):
    """Processes that read page ranges, started again after one dies (a file that crashes PDFium), so
    that one file's crash is that file's error and the batch goes on."""

    def __init__(self, workers: int) -> None:
        self._max_workers = workers
        self._pool = ProcessPoolExecutor(workers)

    def submit(self, fn, /, *args, **kwargs):
        try:
            return self._pool.submit(fn, *args, **kwargs)
        except BrokenProcessPool:
            self.restart()
            return self._pool.submit(fn, *args, **kwargs)

    def restart(self) -> None:
        """Drop every task in the pool and start fresh processes."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = ProcessPoolExecutor(self._max_workers)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


class ReadAhead:
    """The readings of a batch's PDFs, started ahead of their turn. `wanted(digest)` says whether a
    file with that SHA-256 still needs reading (not already stored)."""

    def __init__(self, paths: list[Path], workers: int, wanted: Callable[[str], bool]) -> None:
        self.paths = paths
        self.workers = workers
        self.wanted = wanted
        self.pool: ReaderPool | None = None
        self.digests: dict[int, str] = {}
        self.readings: dict[int, PageReading] = {}
        self.next = 0  # the first file not yet considered

    def take(self, index: int) -> tuple[str | None, PageReading | None]:
        """The file's SHA-256 (None if it could not be read) and its reading (None if it needs none
        from the pool: not a PDF, already stored, unreadable), after starting the files after it."""
        self.next = max(self.next, index)
        self._fill(index)
        return self.digests.get(index), self.readings.pop(index, None)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def _fill(self, current: int) -> None:
        """Start readings from the current file on, within the look-ahead's files and pages."""
        while self.next < len(self.paths) and self.next <= current + LOOKAHEAD_FILES:
            ahead = [r.page_count for i, r in self.readings.items() if i > current]
            if self.next > current and (sum(ahead) >= LOOKAHEAD_PAGES):
                return
            self._start(self.next)
            self.next += 1

    def _start(self, index: int) -> None:
        path = self.paths[index]
        if path.suffix.lower() != ".pdf":
            return
        try:
            digest = self.digests[index] = self.digests.get(index) or sha256_of(path)
        except OSError:
            return  # the file's own turn says why it cannot be read
        if not self.wanted(digest):
            return
        if self.pool is None:
            self.pool = ReaderPool(self.workers)
        reading = start_reading(path, self.pool, self.workers)
        reading.on_broken = self._clear_pool
        self.readings[index] = reading

    def _clear_pool(self) -> Executor:
        """A reader died: forget every reading in flight (each starts again at its turn) and give a
        fresh pool, empty but for the file that asks."""
        assert self.pool is not None
        self.pool.restart()
        self.next = min([self.next, *self.readings])  # to be started again
        self.readings.clear()
        return self.pool


def pool_size(workers: int) -> int:
    """Processes for a batch's readers: what was asked (0: all cores), at most the core count."""
    cores = os.cpu_count() or 1
    return cores if workers <= 0 else min(workers, cores)
