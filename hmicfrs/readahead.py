"""Read a batch's PDFs in worker processes ahead of their turn, while this process extracts and saves.

Without this, the workers sit idle while a report's findings are extracted and stored, and a short
report is read in one process only. With it, the pool always holds the next files' page ranges, up
to a window of files and pages (so memory stays bounded). Within a window the longest report is
handed over, and then taken, first: its pages are read while spaCy loads, and its extraction here
overlaps the workers reading the short ones instead of coming last, alone. The order depends only
on the files (their place in the batch and their page counts), so a batch is stored the same way
every time. A reader process that dies takes down every task in the pool, so a file whose reading
breaks is read again alone before it is blamed (see `PageReading.pages`).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .ingest.document import PageReading, open_reading, sha256_of

LOOKAHEAD_FILES = 32  # files opened ahead of the one being extracted ...
LOOKAHEAD_PAGES = 1024  # ... and the pages their readings may hold, at most (a longer report is read alone)


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
    """The batch's files in the order they are to be taken, with their readings started ahead.
    `wanted(digest)` says whether a file with that SHA-256 still needs reading (not already stored)."""

    def __init__(self, paths: list[Path], workers: int, wanted: Callable[[str], bool]) -> None:
        self.paths = paths
        self.workers = workers
        self.wanted = wanted
        self.pool: ReaderPool | None = None
        self.digests: dict[int, str] = {}
        self.readings: dict[int, PageReading] = {}
        self.queue: deque[int] = deque()  # files opened, in the order they are to be taken
        self.next = 0  # the first file not yet opened
        self.stale: set[int] = set()  # readings whose tasks a restarted pool dropped

    def take(self) -> tuple[int, str | None, PageReading | None] | None:
        """The next file to extract: its index in the batch, its SHA-256 (None if it could not be
        read) and its reading (None if the pool has nothing to read: not a PDF, already stored,
        unreadable); None when the batch is done. Opens and starts the files after it first."""
        self._fill()
        if not self.queue:
            return None
        index = self.queue.popleft()
        reading = self.readings.pop(index, None)
        if index in self.stale and reading is not None:
            self.stale.discard(index)
            reading.submit(self._pool(), self.workers)
        return index, self.digests.get(index), reading

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def _fill(self) -> None:
        """Open the next files of the batch while the window has room, and hand their pages to the
        pool longest first; files with nothing to read join the queue as they come."""
        opened: list[tuple[int, PageReading]] = []
        pages = sum(r.page_count for r in self.readings.values())
        while self.next < len(self.paths) and len(self.queue) + len(opened) <= LOOKAHEAD_FILES:
            if pages >= LOOKAHEAD_PAGES and (self.queue or opened):
                break
            reading = self._open(self.next)
            if reading is None:
                self.queue.append(self.next)
            else:
                opened.append((self.next, reading))
                pages += reading.page_count
            self.next += 1
        opened.sort(key=lambda item: -item[1].page_count)  # stable: equal lengths keep the batch order
        for index, reading in opened:
            if reading.error is None:
                reading.submit(self._pool(), self.workers)
            reading.on_broken = self._clear_pool
            self.readings[index] = reading
            self.queue.append(index)

    def _open(self, index: int) -> PageReading | None:
        """The file's reading, opened but not yet submitted; None when the pool has nothing to read."""
        path = self.paths[index]
        if path.suffix.lower() != ".pdf":
            return None
        try:
            digest = self.digests[index] = sha256_of(path)
        except OSError:
            return None  # the file's own turn says why it cannot be read
        if not self.wanted(digest):
            return None
        return open_reading(path)

    def _pool(self) -> ReaderPool:
        if self.pool is None:
            self.pool = ReaderPool(self.workers)
        return self.pool

    def _clear_pool(self) -> Executor:
        """A reader died: drop every other reading's tasks (each is handed over again at its turn) and
        give a fresh pool, empty but for the file that asks."""
        pool = self._pool()
        pool.restart()
        self.stale = set(self.readings)
        return pool


def pool_size(workers: int) -> int:
    """Processes for a batch's readers: what was asked (0: all cores), at most the core count."""
    cores = os.cpu_count() or 1
    return cores if workers <= 0 else min(workers, cores)
