"""A batch's PDFs are read by the worker processes ahead of their turn, longest first within a window
of files and pages, and a file already stored is not read at all."""

import shutil
from concurrent.futures import Executor, Future

from hmicfrs import readahead
from hmicfrs.ingest.document import sha256_of


def batch(tmp_path, sample_pdfs, n):
    names = list(sample_pdfs) * 2
    paths = []
    for i, name in enumerate(names[:n]):
        paths.append(tmp_path / f"{i}-{name}.pdf")
        shutil.copy(sample_pdfs[name], paths[-1])
    return paths


class RecordingPool(Executor):
    """A pool that runs each task at once, here, noting the order the tasks were handed over."""

    def __init__(self, workers):
        self._max_workers = workers
        self.order = []

    def submit(self, fn, /, *args, **kwargs):
        self.order.append(args[0])
        future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def recording(monkeypatch):
    pools = []
    monkeypatch.setattr(readahead, "ReaderPool", lambda n: pools.append(RecordingPool(n)) or pools[-1])
    return pools


def take_all(ahead):
    taken = []
    while (turn := ahead.take()) is not None:
        taken.append(turn)
    return taken


def test_every_file_is_taken_once_longest_first_with_its_pages(tmp_path, sample_pdfs, monkeypatch):
    paths = batch(tmp_path, sample_pdfs, 5)
    pools = recording(monkeypatch)
    ahead = readahead.ReadAhead(paths, 2, lambda digest: True)
    taken = take_all(ahead)
    assert sorted(i for i, _, _ in taken) == [0, 1, 2, 3, 4]
    counts = [reading.page_count for _, _, reading in taken]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1  # the samples differ in length
    for index, digest, reading in taken:
        assert digest == sha256_of(paths[index]) and reading.path == paths[index]
        assert [p.number for p in reading.pages()] == list(range(1, reading.page_count + 1))
    handed = list(dict.fromkeys(pools[0].order))  # the pool was given the files in the same order
    assert handed == [paths[i] for i, _, _ in taken]


def test_the_window_bounds_the_files_and_pages_read_ahead(tmp_path, sample_pdfs, monkeypatch):
    paths = batch(tmp_path, sample_pdfs, 6)
    recording(monkeypatch)
    monkeypatch.setattr(readahead, "LOOKAHEAD_FILES", 2)
    ahead = readahead.ReadAhead(paths, 2, lambda digest: True)
    ahead.take()
    assert len(ahead.readings) == 2  # three opened, one taken
    monkeypatch.setattr(readahead, "LOOKAHEAD_PAGES", 1)
    ahead = readahead.ReadAhead(paths, 2, lambda digest: True)
    first = ahead.take()
    assert first[0] == 0 and not ahead.readings  # one file at a time once over the page budget
    assert [i for i, _, _ in take_all(ahead)] == [1, 2, 3, 4, 5]  # and then the batch's own order


def test_a_stored_file_is_not_read(tmp_path, sample_pdfs, monkeypatch):
    paths = batch(tmp_path, sample_pdfs, 3)
    pools = recording(monkeypatch)
    stored = sha256_of(paths[1])
    ahead = readahead.ReadAhead(paths, 2, lambda digest: digest != stored)
    taken = {i: (digest, reading) for i, digest, reading in take_all(ahead)}
    assert taken[1] == (stored, None) and paths[1] not in pools[0].order
    assert taken[0][1] is not None and taken[2][1] is not None
