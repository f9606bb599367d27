"""A batch's next PDFs are read by the worker processes ahead of their turn, within a page budget,
and a file already stored is not read at all."""

import shutil

from hmicfrs import readahead
from hmicfrs.ingest.document import sha256_of


def batch(tmp_path, sample_pdfs, n):
    names = list(sample_pdfs) * 2
    paths = []
    for i, name in enumerate(names[:n]):
        paths.append(tmp_path / f"{i}-{name}.pdf")
        shutil.copy(sample_pdfs[name], paths[-1])
    return paths


def test_the_next_files_are_being_read_while_the_first_is_taken(tmp_path, sample_pdfs):
    paths = batch(tmp_path, sample_pdfs, 5)
    ahead = readahead.ReadAhead(paths, 2, lambda digest: True)
    try:
        digest, reading = ahead.take(0)
        assert digest == sha256_of(paths[0]) and reading.path == paths[0]
        assert sorted(ahead.readings) == [1, 2, 3]  # LOOKAHEAD_FILES beyond the current one
        pages = reading.pages()
        assert [p.number for p in pages] == list(range(1, reading.page_count + 1))
        _, fourth = ahead.take(3)  # taken out of order: the ones before stay until asked for
        assert fourth.pages() and sorted(ahead.readings) == [1, 2, 4]
    finally:
        ahead.close()


def test_the_look_ahead_stops_at_its_page_budget(tmp_path, sample_pdfs, monkeypatch):
    paths = batch(tmp_path, sample_pdfs, 4)
    monkeypatch.setattr(readahead, "LOOKAHEAD_PAGES", 1)
    ahead = readahead.ReadAhead(paths, 2, lambda digest: True)
    try:
        ahead.take(0)
        assert sorted(ahead.readings) == [1]  # one file ahead, however long; no more once over budget
    finally:
        ahead.close()


def test_a_stored_file_is_not_read(tmp_path, sample_pdfs):
    paths = batch(tmp_path, sample_pdfs, 3)
    stored = sha256_of(paths[1])
    ahead = readahead.ReadAhead(paths, 2, lambda digest: digest != stored)
    try:
        ahead.take(0)
        assert sorted(ahead.readings) == [2]
        assert ahead.take(1) == (stored, None)
    finally:
        ahead.close()
