"""A hurried user's everyday mistakes: each is one line that says what to do, never a traceback or a
silently wrong result."""

import asyncio
import json
import os
import shutil
import socket

import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import build_corpus_db, copy_corpus_db
from datasette.app import Datasette
from icalendar import Calendar

from hmicfrs import api, cli, readahead
from hmicfrs.db.serve import metadata_for


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args])


def one_line_error(result, *words):
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    text = result.output.strip()
    assert text.count("\n") == 0 and text.startswith("Error: "), text
    for word in words:
        assert word in text, text


@pytest.fixture(scope="session")
def fraud_template(tmp_path_factory, sample_pdfs):
    return build_corpus_db(tmp_path_factory.mktemp("fraud") / "pdfs", {"fraud": sample_pdfs["fraud-2024-sample"]})


@pytest.mark.parametrize("option", ["--xlsx", "--csv", "--ics"])
def test_an_export_into_a_missing_folder_is_one_line(fraud_template, tmp_path, option):
    db_path, _ = copy_corpus_db(fraud_template, tmp_path)
    target = tmp_path / "no-such-folder" / "out.file"
    command = "calendar" if option == "--ics" else "triage"
    one_line_error(run(command, "--db", db_path, option, target), "does not exist", "no-such-folder")


@pytest.mark.parametrize("command", [["triage"], ["records", "summary"], ["ingest", "x.pdf"], ["serve"]])
def test_db_naming_a_folder_or_a_foreign_file_is_one_line(tmp_path, command):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 not really")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    one_line_error(run(*command, "--db", folder), "is a folder")
    one_line_error(run(*command, "--db", foreign), "not an SQLite database")
    assert foreign.read_text() == "not a database" and not (tmp_path / "notes.txt-wal").exists()  # left alone


def test_workers_are_capped_at_cores_and_pages(sample_pdfs):
    pdf = sample_pdfs["fraud-2024-sample"]
    cores = os.cpu_count() or 1
    assert 1 <= api.worker_count(pdf, 1000) <= min(cores, 3)  # a sample is under a dozen pages
    assert api.worker_count(pdf, 1) == 1


def test_workers_1000_start_no_more_processes_than_cores(tmp_path, sample_pdfs, monkeypatch):
    started = []
    real = api.ReaderPool

    def counting(max_workers):
        started.append(max_workers)
        return real(max_workers)

    monkeypatch.setattr(api, "ReaderPool", counting)
    monkeypatch.setattr(readahead, "ReaderPool", counting)  # a batch's pool (reading ahead)
    result = run("ingest", sample_pdfs["kent-peel-sample"], sample_pdfs["fraud-2024-sample"], "--db", tmp_path / "t.db",
                 "--workers", 1000)
    assert result.exit_code == 0 and "2 ingested" in result.output
    assert all(n <= (os.cpu_count() or 1) for n in started) and len(started) <= 1  # one pool for the batch


def test_a_file_name_with_a_newline_cannot_forge_a_message_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x\nerror: forged.pdf").write_bytes(b"not a pdf at all")
    result = run("ingest", folder, "--db", tmp_path / "t.db")
    lines = result.output.splitlines()
    assert not any(line.startswith("error: forged") for line in lines)
    assert any(line.startswith("error: ") and "x\\nerror: forged.pdf" in line for line in lines)


def test_serve_on_a_busy_port_says_to_choose_another(fraud_template, tmp_path):
    db_path, _ = copy_corpus_db(fraud_template, tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        one_line_error(run("serve", "--db", db_path, "--port", port), f"port {port}", "--port")


@pytest.fixture(scope="module")
def awkward_names(tmp_path_factory, sample_pdfs):
    """A report whose file name has spaces, an accent and "%", beside files that were never ingested."""
    root = tmp_path_factory.mktemp("names")
    folder = root / "pdfs"
    folder.mkdir()
    shutil.copy(sample_pdfs["fraud-2024-sample"], folder / "Fraud report é 100%.pdf")
    db = api.open_database(root / "t.db")
    assert [r.status for r in api.ingest(db, [folder])] == ["ingested"]
    shutil.copy(sample_pdfs["kent-peel-sample"], folder / "not-ingested.pdf")
    (folder / "secret.txt").write_text("private")
    link = next(db.query("select pdf_link from findings"))["pdf_link"]
    db.close()
    ds = Datasette([str(root / "t.db")], metadata=metadata_for(root / "t.db"), settings={"suggest_facets": False})

    def get(*paths):
        async def fetch():
            return [await ds.client.get(p) for p in paths]

        return asyncio.run(fetch())

    return link, get


def test_pdf_links_are_encoded_and_open(awkward_names):
    link, get = awkward_names
    assert link.startswith("/pdfs/Fraud%20report%20%C3%A9%20100%25.pdf#page=")
    (response,) = get(link.split("#")[0])
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response.headers["content-type"] == "application/pdf"


def test_only_ingested_pdfs_are_served(awkward_names):
    _, get = awkward_names
    for path in ("/pdfs/not-ingested.pdf", "/pdfs/secret.txt", "/pdfs/..%2Ft.db", "/pdfs/%2E%2E%2Ft.db"):
        (response,) = get(path)
        assert response.status_code == 404, path


def test_search_box_left_empty_is_not_an_error(awkward_names):
    _, get = awkward_names
    empty, blank, word = get("/t/search_findings.json?q=&_shape=array", "/t/search_findings.json?q=%20&_shape=array",
                             "/t/search_findings.json?q=Niche&_shape=array")
    assert empty.status_code == blank.status_code == 200 and empty.json() == blank.json() == []
    assert [row["ref"] for row in word.json()] == ["4"]


def test_calendar_events_link_absolutely(fraud_template, tmp_path):
    db_path, _ = copy_corpus_db(fraud_template, tmp_path)
    for extra, base in (((), "http://127.0.0.1:8001"), (("--base-url", "https://wmp.example/hmicfrs/"),
                                                         "https://wmp.example/hmicfrs")):
        assert run("calendar", "--db", db_path, "--ics", tmp_path / "c.ics", *extra).exit_code == 0
        cal = Calendar.from_ical((tmp_path / "c.ics").read_bytes())
        urls = [str(e["url"]) for e in cal.walk("VEVENT") if "url" in e]
        assert urls and all(u.startswith(f"{base}/pdfs/fraud.pdf#page=") for u in urls)


def test_ingest_errors_rows_keep_the_real_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\tb.pdf").write_bytes(b"junk")
    run("ingest", folder, "--db", tmp_path / "t.db")
    rows = list(sqlite_utils.Database(tmp_path / "t.db")["ingest_errors"].rows)
    assert [json.dumps(r["source"]).endswith('a\\tb.pdf"') for r in rows] == [True]


def test_a_missing_path_with_a_newline_is_still_one_line(tmp_path):
    result = run("ingest", tmp_path / "no\nerror: such.pdf", "--db", tmp_path / "t.db")
    one_line_error(result, "no\\nerror: such.pdf", "no such file or folder")


def test_paper_with_a_foreign_db_is_one_line(tmp_path):
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a database")
    one_line_error(run("paper", "--since", "2024-01-01", "--db", foreign), "not an SQLite database")
    one_line_error(run("paper", "--since", "2024-01-01", "--db", tmp_path / "none.db"), "no database yet")
