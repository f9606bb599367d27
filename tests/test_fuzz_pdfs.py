"""Mutated PDFs (fixed seed): byte flips, truncations and a page-tree loop in one batch. Whatever each
file does, the batch completes: no traceback, one line and one ingest_errors row per failed file, a
sound database."""

import os
import re
import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner
from pdf_bytes import looping_page_tree, mutations

from hmicfrs import api, cli
from hmicfrs.ingest.document import read_page_range as real_read_page_range

SEED = 20261201


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, sample_pdfs):
    folder = tmp_path_factory.mktemp("fuzz")
    for name, data in mutations(sample_pdfs["kent-peel-sample"].read_bytes(), SEED).items():
        (folder / name).write_bytes(data)
    (folder / "loop.pdf").write_bytes(looping_page_tree())
    shutil.copy(sample_pdfs["custody-2016-sample"], folder / "whole.pdf")  # the batch reaches the last file
    return folder


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_of_damaged_pdfs_completes(tmp_path, fuzzed, workers):
    db_path = tmp_path / "t.db"
    files = sorted(p.name for p in fuzzed.iterdir())
    for attempt in (1, 2):  # and a re-run keeps one row per failed file
        result = CliRunner().invoke(cli.main, ["ingest", str(fuzzed), "--db", str(db_path), "--workers", workers],
                                    catch_exceptions=False)
        assert "Traceback" not in result.output
        summary = re.search(r"(\d+) ingested, (\d+) skipped \(unchanged\), (\d+) failed", result.output)
        assert summary, result.output
        done, skipped, failed = map(int, summary.groups())
        assert done + skipped + failed == len(files)
        assert result.exit_code == (1 if failed else 0)
        errors = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
        assert len(errors) == failed
        db = sqlite_utils.Database(db_path)
        rows = list(db["ingest_errors"].rows)
        assert len(rows) == failed and {r["tries"] for r in rows} <= {attempt}
        assert {r["source"] for r in rows} == {ln[7:].split(": ", 1)[0] for ln in errors}
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("select count(*) from reports where source = 'whole.pdf'").fetchone()[0] == 1
    assert any("loop.pdf" in ln and "cannot be read" in ln for ln in errors)
    assert failed >= 6  # the truncations at least


def crashing_reader(path, start, stop):
    """A reader process that dies on one file, as PDFium can on a hostile PDF."""
    if "crash" in path.name:
        os._exit(1)
    return real_read_page_range(path, start, stop)


@pytest.mark.parametrize("crash_at", [0, 1, 2])
def test_a_reader_process_that_dies_fails_its_file_only(tmp_path, sample_pdfs, monkeypatch, crash_at):
    """The next files are read ahead in the same pool, so a death breaks their tasks too: wherever the
    crashing file stands in the batch, only it is blamed and the others are ingested."""
    from hmicfrs.ingest import document

    monkeypatch.setattr(document, "read_page_range", crashing_reader)
    monkeypatch.setattr(api, "PAGES_PER_WORKER", 1)  # the samples are short: read every one in the pool
    names = ["a-good.pdf", "b-good.pdf", "c-good.pdf"]
    names[crash_at] = names[crash_at].replace("good", "crash")
    for name, sample in zip(names, ("kent-peel-sample", "fraud-2024-sample", "custody-2016-sample"), strict=True):
        shutil.copy(sample_pdfs[sample], tmp_path / name)
    result = CliRunner().invoke(cli.main, ["ingest", *(str(tmp_path / n) for n in names), "--db",
                                           str(tmp_path / "t.db"), "--workers", "2"], catch_exceptions=False)
    assert "1 failed" in result.output and "2 ingested" in result.output
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
    assert f"{names[crash_at]}: the PDF reader crashed on this file" in line
