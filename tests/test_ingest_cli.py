"""The ingest command on real files: batches, bad inputs, re-ingest, one transaction per report."""

import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs import cli
from hmicfrs.db import save


@pytest.fixture
def bad_files(tmp_path, sample_pdfs):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "page.pdf").write_bytes(b"<!DOCTYPE html><html>404</html>")
    (folder / "junk.pdf").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    data = sample_pdfs["kent-peel-sample"].read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: int(len(data) * 0.6)])
    locked = canvas.Canvas(str(folder / "locked.pdf"), pagesize=A4, encrypt="secret")
    locked.drawString(100, 700, "Recommendation 1")
    locked.save()
    scan = canvas.Canvas(str(folder / "scanned.pdf"), pagesize=A4)
    scan.setFillGray(0.3)
    scan.rect(50, 50, 400, 600, fill=1)  # marks on the page, no text layer
    scan.save()
    return folder


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


EXPECTED_REASONS = {
    "empty.pdf": "empty", "page.pdf": "HTML", "junk.pdf": "not a PDF", "truncated.pdf": "damaged",
    "locked.pdf": "password", "scanned.pdf": "no extractable text",
}


def test_bad_files_fail_cleanly_and_the_batch_goes_on(tmp_path, bad_files, sample_pdfs):
    shutil.copy(sample_pdfs["kent-peel-sample"], bad_files / "good.pdf")
    db_path = tmp_path / "t.db"
    result = run("ingest", bad_files, "--db", db_path)
    assert result.exit_code == 1
    for name, reason in EXPECTED_REASONS.items():
        line = next(ln for ln in result.output.splitlines() if name in ln)
        assert line.startswith("error: ") and reason in line
    assert "1 ingested, 0 skipped (unchanged), 6 failed" in result.output
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 1
    assert {r["source"].rsplit("/", 1)[-1] for r in db["ingest_errors"].rows} == set(EXPECTED_REASONS)


def test_reingest_skips_unchanged_and_replaces_changed(tmp_path, sample_pdfs):
    db_path = tmp_path / "t.db"
    target = tmp_path / "report.pdf"
    shutil.copy(sample_pdfs["kent-peel-sample"], target)
    assert run("ingest", target, "--db", db_path).exit_code == 0
    assert "0 ingested, 1 skipped" in run("ingest", target, "--db", db_path).output
    shutil.copy(sample_pdfs["fraud-2024-sample"], target)  # same name, new content
    assert "1 ingested" in run("ingest", target, "--db", db_path).output
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 1
    assert {r["kind"] for r in db["findings"].rows} == {"recommendation", "area_for_improvement"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_failure_while_saving_leaves_nothing_partial(tmp_path, sample_pdfs, monkeypatch):
    db_path = tmp_path / "t.db"

    def exploding(db, report_id):  # after the report, its pages and findings are written
        assert db["findings"].count > 0
        raise RuntimeError("disk full")

    monkeypatch.setattr(save, "apply_decisions", exploding)
    with pytest.raises(RuntimeError):
        run("ingest", sample_pdfs["kent-peel-sample"], "--db", db_path)
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 0 and db["findings"].count == 0 and db["pages"].count == 0


def test_full_text_search_finds_findings_and_pages(tmp_path, sample_pdfs):
    db_path = tmp_path / "t.db"
    run("ingest", sample_pdfs["fraud-2024-sample"], "--db", db_path)
    db = sqlite_utils.Database(db_path)
    hits = list(db["findings"].search("Niche"))
    assert len(hits) == 1 and hits[0]["ref"] == "4"
    assert list(db["pages"].search("timetable"))
    assert save.report_id_for(db, "nope") is None


def test_extract_json_contract(sample_pdfs):
    import json

    result = run("extract", sample_pdfs["kent-peel-sample"], "--json")
    out = json.loads(result.output)
    assert set(out["report"]) >= {"title", "published", "kind", "force", "page_count", "sha256", "source"}
    finding = out["findings"][0]
    assert set(finding) >= {"kind", "ref", "text", "lead_in", "parent_key", "pages", "deadline", "deadline_text",
                            "immediate", "addressees", "applicability"}
    assert finding["applicability"]["force"] == "West Midlands Police"


def test_extract_reports_a_bad_file_in_one_line(bad_files):
    result = CliRunner().invoke(cli.main, ["extract", str(bad_files / "page.pdf"), "--json"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "page.pdf" in result.output
