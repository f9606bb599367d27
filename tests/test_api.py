"""The library API on in-memory databases: a result per file, triage read back, no printing."""

import shutil

import pytest

from hmicfrs import api
from hmicfrs.extractors.applicability import ForceProfile
from hmicfrs.triage import judged_rows, pcc_reports


@pytest.fixture
def batch(tmp_path, sample_pdfs):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(sample_pdfs["fraud-2024-sample"], folder / "fraud.pdf")
    shutil.copy(sample_pdfs["kent-peel-sample"], folder / "kent.pdf")
    (folder / "broken.pdf").write_bytes(b"<!DOCTYPE html><html>404</html>")
    return folder


def test_ingest_returns_a_result_per_file_and_writes_the_database(memory_db, batch, capsys):
    results = api.ingest(memory_db, [batch])
    assert [(r.label.rsplit("/", 1)[-1], r.status) for r in results] == [
        ("broken.pdf", "failed"), ("fraud.pdf", "ingested"), ("kent.pdf", "ingested")]
    assert "HTML" in results[0].reason and results[1].report_id and results[0].report_id is None
    assert memory_db["reports"].count == 2 and memory_db["ingest_errors"].count == 1
    again = api.ingest(memory_db, [batch / "fraud.pdf"])
    assert [(r.status, r.report_id) for r in again] == [("unchanged", results[1].report_id)]
    assert capsys.readouterr() == ("", "")  # the library never prints


def test_a_missing_path_is_a_library_error(memory_db, tmp_path):
    with pytest.raises(api.NoSuchSource, match="no-such.pdf"):
        api.ingest(memory_db, [tmp_path / "no-such.pdf"])


def test_open_database_refuses_what_is_not_a_database(tmp_path):
    with pytest.raises(api.DatabaseProblem, match="is a folder"):
        api.open_database(tmp_path)
    (tmp_path / "x.db").write_text("hello")
    with pytest.raises(api.DatabaseProblem, match="not an SQLite database"):
        api.open_database(tmp_path / "x.db")
    with pytest.raises(api.DatabaseProblem, match="no database yet"):
        api.open_database(tmp_path / "new.db", create=False)
    with pytest.raises(api.DatabaseProblem, match="does not exist"):
        api.open_database(tmp_path / "missing" / "new.db")


def test_triage_rejudges_for_another_force_and_the_pcc_rule(memory_db, batch):
    api.ingest(memory_db, [batch / "kent.pdf", batch / "fraud.pdf"])
    chosen, rows = judged_rows(memory_db, [], ForceProfile("Kent Police"))
    kent = [r for r in rows if r["source"] == "kent.pdf"]
    assert kent and {r["verdict"] for r in kent} == {"yes"}
    assert {r["source"] for r in pcc_reports(chosen, rows, "Kent Police", ("yes",))} == {"kent.pdf", "fraud.pdf"}
    chosen, rows = judged_rows(memory_db, ["kent.pdf"], ForceProfile())
    assert {r["verdict"] for r in rows} == {"no"} and pcc_reports(chosen, rows, "West Midlands Police", ("yes",)) == []


def test_applicable_findings_of_one_report(memory_db, batch):
    api.ingest(memory_db, [batch / "fraud.pdf"])
    found = api.applicable_findings(memory_db, "fraud.pdf")
    assert {f["verdict"] for f in found} <= {"yes", "conditional"} and len(found) == 4


def test_pdf_urls_are_percent_encoded(tmp_path):
    assert api.pdf_url(tmp_path / "a b é 100%.pdf") == "/pdfs/a%20b%20%C3%A9%20100%25.pdf"


def test_demo_is_built_by_the_library(memory_db, tmp_path):
    demo = api.build_demo(memory_db, tmp_path / "samples")
    assert [r.status for r in demo.results].count("failed") == 1  # the broken download, on purpose
    assert demo.tracker.rows == 4 and demo.match is not None and demo.match.matched == 3
