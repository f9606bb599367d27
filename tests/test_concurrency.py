"""Two `hmicfrs ingest` runs into one database: the second writer waits its turn, says so, and completes."""

import shutil
import sqlite3
import subprocess
import sys
import time

import pytest
import sqlite_utils

from hmicfrs import api

CLI = [sys.executable, "-c", "from hmicfrs.cli import main; main()"]


@pytest.mark.slow
def test_two_ingests_at_once_both_complete_while_a_writer_holds_the_database(tmp_path, sample_pdfs):
    db_path = tmp_path / "shared.db"
    api.open_database(db_path).close()
    folders = []
    for i, names in enumerate([("fraud-2024-sample", "kent-peel-sample"), ("custody-2016-sample",)]):
        folder = tmp_path / f"batch{i}"
        folder.mkdir()
        for name in names:
            shutil.copy(sample_pdfs[name], folder / f"{name}.pdf")
        folders.append(folder)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a third writer holds the lock: both ingests must queue behind it
    logs = [tmp_path / f"err{i}.txt" for i in range(2)]
    procs = [subprocess.Popen([*CLI, "ingest", str(folder), "--db", str(db_path)], stderr=log.open("w"),
                              stdout=subprocess.DEVNULL, cwd=tmp_path)
             for folder, log in zip(folders, logs, strict=True)]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all("waiting" in log.read_text() for log in logs):
        time.sleep(0.2)
    holder.execute("COMMIT")
    holder.close()
    codes = [p.wait(timeout=120) for p in procs]
    errs = [log.read_text() for log in logs]
    assert codes == [0, 0], errs
    for err in errs:
        assert f"waiting: another program is writing to {db_path}" in err and "database is locked" not in err
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 3 and db["ingest_errors"].count == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_writer_that_waits_says_so_once_and_then_writes(tmp_path, sample_pdfs):
    """The library's side of the same thing, in one process: on_wait is called, the report is stored."""
    db_path = tmp_path / "t.db"
    db = api.open_database(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    said = []

    def on_wait():
        said.append("waiting")
        holder.execute("COMMIT")  # the other writer finishes while we wait

    results = list(api.ingest_each(db, [api.Source.from_path(sample_pdfs["kent-peel-sample"])], on_wait=on_wait))
    assert said == ["waiting"] and [r.status for r in results] == ["ingested"]
    assert db["reports"].count == 1
