"""The Datasette experience over a real database: the finding page, PDF links in the table, canned
queries, dashboards, and a real browser (Debian's Chromium driven by Playwright)."""

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from hmicfrs import cli
from hmicfrs.db.serve import metadata_for

CHROMIUM = "/usr/bin/chromium"
# outside the repository: no test writes into it
SCREENSHOTS = Path(os.environ.get("HMICFRS_SCREENSHOTS", Path(tempfile.gettempdir()) / "hmicfrs-screenshots"))
TRACKER = "Reference,Type,Level,Status,Text\nWMP-9,Recommendation,2,Being progressed,\"Within six months, the " \
          "Home Office should publish a timetable for replacing the national fraud reporting service.\"\n"


@pytest.fixture(scope="module")
def served_db(tmp_path_factory, sample_pdfs):
    folder = tmp_path_factory.mktemp("served")
    pdfs = folder / "pdfs"
    pdfs.mkdir()
    for name, pdf in sample_pdfs.items():
        shutil.copy(pdf, pdfs / f"{name}.pdf")
    db_path = folder / "hmicfrs.db"
    CliRunner().invoke(cli.main, ["ingest", str(pdfs), "--db", str(db_path)])
    (folder / "tracker.csv").write_text(TRACKER)
    result = CliRunner().invoke(cli.main, ["records", "import", str(folder / "tracker.csv"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    return db_path, pdfs


def fetch(db_path, *paths):
    ds = Datasette([str(db_path)], immutables=[], metadata=metadata_for(db_path), settings={"suggest_facets": False})

    async def go():
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(go())


def test_finding_page_shows_context_and_the_table_links_pdf_pages(served_db):
    db_path, _ = served_db
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    rec2 = db.execute("select f.id from findings f join reports r on r.id = f.report_id "
                      "where r.source = 'fraud-2024-sample.pdf' and f.ref = '2'").fetchone()[0]
    bullet = db.execute("select id from findings where parent_key is not null limit 1").fetchone()[0]
    row, peel_row, table = fetch(db_path, f"/hmicfrs/findings/{rec2}", f"/hmicfrs/findings/{bullet}",
                                 "/hmicfrs/findings")
    assert row.status_code == 200
    assert "Fraud: an inspection of the police response to fraud" in row.text
    assert "addressed to the Home Office only" in row.text and "WMP-9 (matched" in row.text
    assert 'href="/pdfs/fraud-2024-sample.pdf#page=' in row.text and "Alongside it in the report" in row.text
    assert "Found by</dt><dd>rule <code>label-recommendation</code>" in row.text
    assert "Cause of concern:" in peel_row.text and "Lead-in:" in peel_row.text
    assert table.text.count('class="pdf-link">PDF p.') >= 10


def test_canned_queries_and_dashboard(served_db):
    db_path, _ = served_db
    search, body, summary, untracked, dashboard = fetch(
        db_path, "/hmicfrs/search_findings.json?q=Niche&_shape=array",
        "/hmicfrs/addressed_to.json?body=Home+Office&_shape=array", "/hmicfrs/portal_summary.json?_shape=array",
        "/hmicfrs/applicable_not_tracked.json?_shape=array", "/-/dashboards/hmicfrs-overview")
    assert [r["ref"] for r in search.json()] == ["4"] and "[Niche]" in search.json()[0]["snippet"]
    assert {r["ref"] for r in body.json()} == {"2"}
    assert summary.json() == [{"type": "Recommendation", "level": 2, "open": 1, "closed": 0, "total": 1}]
    assert untracked.json() and all(r["verdict"] in ("yes", "conditional") for r in untracked.json())
    assert dashboard.status_code == 200 and "HMICFRS findings at a glance" in dashboard.text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")
def test_in_a_real_browser_search_facet_finding_and_pdf_link(served_db):
    from playwright.sync_api import sync_playwright

    db_path, pdfs = served_db
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("hmicfrs")), "serve", "--db", str(db_path),
                               "--port", str(port), "--pdfs", str(pdfs)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/hmicfrs/findings")
            page.fill("input#_search", "fraud")
            page.press("input#_search", "Enter")
            page.wait_for_load_state()
            assert "_search=fraud" in page.url
            page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
            page.goto(f"{base}/hmicfrs/triage")
            page.click(".facet-info[data-column=verdict] a:has-text('no')")
            page.wait_for_load_state()
            assert "verdict=no" in page.url
            page.screenshot(path=str(SCREENSHOTS / "facet.png"), full_page=True)
            page.goto(f"{base}/hmicfrs/findings?_search=timetable")
            page.click("td.col-id a")
            page.wait_for_load_state()
            assert "addressed to the Home Office only" in page.content()
            page.screenshot(path=str(SCREENSHOTS / "finding.png"), full_page=True)
            href = page.get_attribute("section.hmicfrs-finding a.pdf-link", "href")
            response = page.request.get(base + href.split("#")[0])
            assert response.status == 200 and response.headers["content-type"] == "application/pdf"
            assert "#page=" in href
            page.goto(f"{base}/-/dashboards/hmicfrs-overview")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)
            browser.close()
    finally:
        server.terminate()
        server.wait()
    assert all((SCREENSHOTS / f"{n}.png").stat().st_size > 5000 for n in ("search", "facet", "finding", "dashboard"))


def test_reports_that_need_a_look(served_db):
    db_path, _ = served_db
    [check] = fetch(db_path, "/hmicfrs/reports_to_check.json?_shape=array")
    rows = check.json()
    assert rows, "the committee paper quoting HMICFRS carries a warning"
    assert all(r["warning"] for r in rows)
    assert any("not an HMICFRS report" in r["warning"] and r["findings"] == 0 for r in rows)
