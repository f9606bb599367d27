"""Kill the ingest process (SIGKILL) mid-batch, more than once: the database stays sound, holds no
partial report, and a re-run completes the batch."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from hmicfrs.samples import Item, Sample, build_pdf, filler

HMICFRS = str(Path(sys.executable).with_name("hmicfrs"))


def long_report(path: Path, pages: int) -> Path:
    flow = []
    for i in range(pages):
        flow += [("h", f"Chapter {i + 1}"), filler(40, i % 6),
                 Item(f"Recommendation {i + 1}", f"Within {i % 11 + 1} months, chief constables should review "
                      f"procedure {i + 1} and publish the result."), "pagebreak"]
    return build_pdf(Sample("A long inspection report", "1 March 2025", flow), path)


def sound(db_path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if not db["reports"].exists():  # killed before the first command made its tables (a loaded machine)
        return db
    for report in db["reports"].rows:  # a report is there whole or not at all
        stored = db.execute("select count(*) from pages where report_id = ?", [report["id"]]).fetchone()[0]
        assert stored == report["page_count"]
    orphans = db.execute("select count(*) from findings where report_id not in (select id from reports)")
    assert orphans.fetchone()[0] == 0
    return db


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_sound_database_and_rerun_completes(tmp_path, sample_pdfs):
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for i in range(3):
        long_report(folder / f"long-{i}.pdf", 60 + i)
    for name, pdf in sample_pdfs.items():
        shutil.copy(pdf, folder / f"{name}.pdf")
    db_path = tmp_path / "t.db"
    kills = 0
    for delay in (0.8, 1.6, 2.4):
        proc = subprocess.Popen([HMICFRS, "ingest", str(folder), "--db", str(db_path)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        sound(db_path)
    assert kills >= 1, "the ingest finished before it could be killed; make the corpus longer"
    done = subprocess.run([HMICFRS, "ingest", str(folder), "--db", str(db_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    db = sound(db_path)
    assert db["reports"].count == 3 + len(sample_pdfs)  # the committee paper is stored too, with no findings
    assert {r["source"] for r in db["reports"].rows} >= {"long-0.pdf", "long-1.pdf", "long-2.pdf"}
