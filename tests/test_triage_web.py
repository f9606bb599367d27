"""Triage in the browser: users, sign-in, the decide canned query (CSRF, permissions, magic parameters),
one decision across editions, the append-only history, the triage view and since-the-last-meeting."""

import asyncio
import contextlib
import dataclasses
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.db.save import delete_report
from hmicfrs.db.serve import datasette_app
from hmicfrs.samples import Item, Sample, build_pdf, filler

PASSWORD = "correct horse battery"
ITEMS = [
    Item("Recommendation 1", "By 31 March 2026, all chief constables should make sure that every missing child "
         "episode is reviewed by a supervisor within 24 hours."),
    Item("Recommendation 2", "Within three months, the Home Office should publish guidance on sharing information "
         "about missing children with local authorities."),
    Item("Recommendation 3", "By 30 June 2026, chief constables should make sure that:\n- return home interviews "
         "are recorded on the force system; and\n- their findings are shared with the safeguarding partnership."),
    Item("Recommendation 4", "The College of Policing should revise its guidance on missing persons investigations "
         "so that it reflects the findings of this inspection."),
    Item("Area for improvement 1", "Forces should improve how they identify children who go missing repeatedly."),
    Item("Area for improvement 2", "Forces should improve the quality of risk assessments for missing children."),
]
HELD_OUT = Sample("Missing children: an inspection of the police response", "10 October 2025",
                  [("h", "Summary"), filler(6), ("h", "Our recommendations", 2), *ITEMS, filler(8, 2)])


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """The held-out report ingested as a PDF and as a browser print of its web page, and a user."""
    folder = tmp_path_factory.mktemp("web")
    build_pdf(HELD_OUT, folder / "missing-children.pdf")
    build_pdf(dataclasses.replace(HELD_OUT, producer="Skia/PDF m120", header="www.justiceinspectorates.gov.uk"),
              folder / "missing-children-web.pdf")
    db_path = folder / "hmicfrs.db"
    result = CliRunner().invoke(cli.main, ["ingest", str(folder / "missing-children.pdf"),
                                           str(folder / "missing-children-web.pdf"), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli.main, ["users", "add", "alice", "--db", str(db_path)], input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    return db_path, datasette_app(db_path)


def run(coroutine):
    return asyncio.run(coroutine)


async def sign_in(ds, name="alice", password=PASSWORD) -> dict:
    """Sign in through /-/login as a browser does; returns the cookies."""
    page = await ds.client.get("/-/login")
    cookies = {"ds_csrftoken": page.cookies["ds_csrftoken"]}
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
    response = await ds.client.post("/-/login", data={"username": name, "password": password, "csrftoken": token},
                                    cookies=cookies)
    assert response.status_code == 302, response.text
    return {**cookies, "ds_actor": response.cookies["ds_actor"]}


def finding_ids(db_path, ref="2"):
    """The PDF's and the web print's copy of recommendation REF."""
    conn = sqlite3.connect(db_path)
    rows = dict(conn.execute("select r.edition, f.id from findings f join reports r on r.id = f.report_id "
                             "where f.kind = 'recommendation' and f.ref = ?", [ref]).fetchall())
    conn.close()
    return rows["pdf"], rows["web"]


def copy_db(source, target):
    """Copy through SQLite: reading the file directly would drop this process's locks on it."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def query(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_users_are_stored_as_hashes_beside_the_database(web, tmp_path):
    db_path, _ = web
    stored = (db_path.parent / "hmicfrs.users.json").read_text()
    assert PASSWORD not in stored and "pbkdf2_sha256$" in stored
    assert (db_path.parent / "hmicfrs.users.json").stat().st_mode & 0o077 == 0
    listed = CliRunner().invoke(cli.main, ["users", "list", "--db", str(db_path)])
    assert listed.output.split() == ["alice"]
    other = tmp_path / "other.db"
    short = CliRunner().invoke(cli.main, ["users", "add", "bob", "--db", str(other)], input="short\n")
    assert short.exit_code == 1 and "too short" in short.output
    added = CliRunner().invoke(cli.main, ["users", "add", "bob", "--db", str(other)], input=PASSWORD + "\n")
    assert added.exit_code == 0
    assert CliRunner().invoke(cli.main, ["users", "remove", "bob", "--db", str(other)]).exit_code == 0
    gone = CliRunner().invoke(cli.main, ["users", "remove", "bob", "--db", str(other)])
    assert gone.exit_code == 1 and "no user 'bob'" in gone.output


def test_serving_beyond_loopback_is_refused_while_no_user_exists(web, tmp_path):
    db_path, _ = web
    lonely = tmp_path / "lonely.db"
    copy_db(db_path, lonely)
    result = CliRunner().invoke(cli.main, ["serve", "--db", str(lonely), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "no users yet" in result.output and "hmicfrs users add" in result.output


def test_signed_in_decision_covers_both_editions_and_is_in_the_history(web):
    db_path, ds = web
    pdf_id, web_id = finding_ids(db_path)

    async def go():
        cookies = await sign_in(ds)
        page = await ds.client.get(f"/hmicfrs/findings/{web_id}", cookies=cookies)
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
        assert 'action="/hmicfrs/decide"' in page.text
        return await ds.client.post("/hmicfrs/decide", cookies=cookies, data={
            "csrftoken": token, "finding": str(web_id), "verdict": "yes", "owner": "ACC Crime",
            "reason": "we share information with the council", "_json": "1"})

    response = run(go())
    assert response.json()["ok"] is True, response.json()
    rows = {r["id"]: r for r in query(db_path, "select * from findings where id in (?, ?)", [pdf_id, web_id])}
    for row in rows.values():  # the PDF edition's copy carries the decision made on the web print's
        assert row["verdict"] == "yes" and row["decided_by"] == "alice" and row["owner"] == "ACC Crime"
        assert row["reason"] == "decided by alice: we share information with the council"
        assert row["auto_verdict"] == "no"
    history = query(db_path, "select * from decision_history")
    assert len(history) == 1
    h = history[0]
    assert (h["finding_id"], h["verdict"], h["previous_verdict"], h["decided_by"]) == (web_id, "yes", "no", "alice")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", h["decided_at"])
    page = run(ds.client.get(f"/hmicfrs/findings/{pdf_id}"))
    assert "we share information with the council" in page.text and "ACC Crime" in page.text
    assert 'class="decision-history"' in page.text


def test_anonymous_post_and_post_without_csrf_token_change_nothing(web):
    db_path, ds = web
    pdf_id, _ = finding_ids(db_path, "4")
    before = query(db_path, "select verdict, decided_by from findings where id = ?", [pdf_id])
    count = len(query(db_path, "select id from decision_history"))
    form = {"finding": str(pdf_id), "verdict": "no", "reason": "nothing to do with us"}

    async def go():
        anonymous = await ds.client.post("/hmicfrs/decide", data=form)
        cookies = await sign_in(ds)
        no_token = await ds.client.post("/hmicfrs/decide", data=form, cookies=cookies)
        wrong = await ds.client.post("/hmicfrs/decide", data={**form, "csrftoken": "forged"}, cookies=cookies)
        return anonymous, no_token, wrong

    anonymous, no_token, wrong = run(go())
    assert anonymous.status_code == 403
    assert no_token.status_code == 403 and "did not match cookie" in no_token.text
    assert wrong.status_code == 403
    assert query(db_path, "select verdict, decided_by from findings where id = ?", [pdf_id]) == before
    assert len(query(db_path, "select id from decision_history")) == count


def test_a_bad_decision_is_refused_with_the_reason(web):
    db_path, ds = web
    pdf_id, _ = finding_ids(db_path, "4")

    async def go():
        cookies = await sign_in(ds)
        page = await ds.client.get(f"/hmicfrs/findings/{pdf_id}", cookies=cookies)
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1)
        form = {"csrftoken": token, "finding": str(pdf_id), "owner": "", "_json": "1"}
        return [(await ds.client.post("/hmicfrs/decide", cookies=cookies, data={**form, **extra})).json()
                for extra in ({"verdict": "maybe", "reason": "x"}, {"verdict": "no", "reason": " "},
                              {"verdict": "no", "reason": "x", "finding": "999999"})]

    verdict, reason, finding = run(go())
    assert not verdict["ok"] and "verdict must be yes, conditional or no" in verdict["message"]
    assert not reason["ok"] and "give a reason" in reason["message"]
    assert not finding["ok"] and "no such finding" in finding["message"]


def test_a_removed_user_can_no_longer_decide(web, tmp_path):
    db_path, ds = web
    assert CliRunner().invoke(cli.main, ["users", "add", "carol", "--db", str(db_path)],
                              input=PASSWORD + "\n").exit_code == 0
    fresh = datasette_app(db_path)

    async def go():
        cookies = await sign_in(fresh, "carol")
        allowed = await fresh.client.get("/hmicfrs/decide", cookies=cookies)
        assert CliRunner().invoke(cli.main, ["users", "remove", "carol", "--db", str(db_path)]).exit_code == 0
        refused = await fresh.client.get("/hmicfrs/decide", cookies=cookies)
        return allowed, refused

    allowed, refused = run(go())
    assert allowed.status_code == 200 and refused.status_code == 403


def test_the_cli_decides_through_the_same_history_and_bad_input_is_refused(web):
    db_path, _ = web
    pdf_id, web_id = finding_ids(db_path, "3")
    result = CliRunner().invoke(cli.main, ["decide", str(pdf_id), "no", "--reason", "not our system", "--by", "bob",
                                           "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    row = query(db_path, "select * from decision_history order by id desc limit 1")[0]
    assert (row["finding_id"], row["verdict"], row["decided_by"]) == (pdf_id, "no", "bob")
    assert query(db_path, "select verdict from findings where id = ?", [web_id])[0]["verdict"] == "no"
    bad = CliRunner().invoke(cli.main, ["decide", "999999", "no", "--reason", "x", "--db", str(db_path)])
    assert bad.exit_code == 1 and "no finding" in bad.output
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn = sqlite3.connect(db_path)
        try:
            conn.execute("delete from decision_history")
        finally:
            conn.close()
    cleared = CliRunner().invoke(cli.main, ["decide", str(web_id), "--clear", "--db", str(db_path)])
    assert cleared.exit_code == 0, cleared.output
    assert {r["verdict"] for r in query(db_path, "select verdict from findings where id in (?, ?)",
                                        [pdf_id, web_id])} == {"yes"}  # the tool's verdict again


def test_triage_view_lists_each_item_once_readably(web):
    db_path, ds = web
    data = run(ds.client.get("/hmicfrs/triage.json?_shape=objects&_size=max")).json()
    rows = [r for r in data["rows"] if r["report"] == HELD_OUT.title]
    assert sorted((r["kind"], r["ref"]) for r in rows) == sorted(
        [("recommendation", str(i)) for i in range(1, 5)] + [("area_for_improvement", str(i)) for i in (1, 2)])
    dues = [r["due"] for r in data["rows"]]
    assert dues == sorted(dues) and dues[-1] == "no date"  # undated last
    facets = data["facet_results"]
    months = [f["value"] for f in facets["due_month"]["results"]]
    assert months == sorted(months) and len(months) >= 2
    assert "published_month" in facets
    page = run(ds.client.get("/hmicfrs/triage")).text
    assert "<li>return home interviews are recorded on the force system; and</li>" in page
    assert '["chief constables"]' not in page and "&#34;chief constables&#34;" not in page
    assert re.search(r"overdue by \d+ day|\d+ days? left", page)
    assert 'class="decide-link"' in page


def test_home_page_leads_to_triage_before_the_table_list(web):
    _, ds = web

    async def go():
        return await ds.client.get("/"), await ds.client.get("/hmicfrs")

    home, database = run(go())
    for page in (home.text, database.text):
        assert page.index('href="/hmicfrs/triage"') < page.index('href="/hmicfrs/findings"')
        assert "/hmicfrs/since_last_meeting" in page


def test_since_the_last_meeting(web):
    db_path, ds = web
    rows = run(ds.client.get("/hmicfrs/since_last_meeting.json?since=2025-10-01&_shape=array")).json()
    what = {r["what"] for r in rows}
    assert {"new report", "new item that applies", "decision"} <= what
    assert [r["report"] for r in rows if r["what"] == "new report"] == [HELD_OUT.title]  # once, not per edition
    assert any(r["what"] == "decision" and r["who"] == "alice" for r in rows)
    later = run(ds.client.get("/hmicfrs/since_last_meeting.json?since=2099-01-01&_shape=array")).json()
    assert later == []


def test_decisions_survive_reingest_of_the_other_edition(web, tmp_path):
    db_path, _ = web
    copy = tmp_path / "again.db"
    copy_db(db_path, copy)
    web_pdf = db_path.parent / "missing-children-web.pdf"
    pdf_id, _ = finding_ids(copy)
    CliRunner().invoke(cli.main, ["decide", str(pdf_id), "conditional", "--reason", "only if", "--db", str(copy)])
    db = sqlite_utils.Database(copy)
    with db.atomic():  # the web print gone, as if never ingested, and its decisions with it
        delete_report(db, db.execute("select id from reports where edition = 'web'").fetchone()[0])
        db.execute("delete from decisions where source = 'missing-children-web.pdf'")
    db.close()
    result = CliRunner().invoke(cli.main, ["ingest", str(web_pdf), "--db", str(copy)])
    assert result.exit_code == 0, result.output
    _, web_id = finding_ids(copy)
    row = query(copy, "select verdict, decided_by from findings where id = ?", [web_id])[0]
    assert row["verdict"] == "conditional"
    assert row["decided_by"] == "a person"  # carried from the PDF edition's decision


# A real server and a real browser ------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("HMICFRS_SCREENSHOTS", Path(tempfile.gettempdir()) / "hmicfrs-screenshots"))


@contextlib.contextmanager
def served(db_path, pdfs=None):
    """`hmicfrs serve` on a free port on 127.0.0.1; yields its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [str(Path(sys.executable).with_name("hmicfrs")), "serve", "--db", str(db_path), "--port", str(port)]
    server = subprocess.Popen(args + (["--pdfs", str(pdfs)] if pdfs else []),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait()


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")
def test_in_a_browser_sign_in_decide_and_see_it_in_triage_and_history(web):
    from playwright.sync_api import sync_playwright

    db_path, _ = web
    pdf_id, web_id = finding_ids(db_path, "1")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with served(db_path, db_path.parent) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        anonymous = browser.new_context(viewport={"width": 1368, "height": 900})
        page = anonymous.new_page()
        page.goto(f"{base}/hmicfrs/findings/{pdf_id}")
        assert "Sign in to record a decision" in page.inner_text("#decide")
        form = {"finding": str(pdf_id), "verdict": "no", "reason": "anonymous"}
        assert page.request.post(f"{base}/hmicfrs/decide", form=form).status == 403
        person = browser.new_context(viewport={"width": 1368, "height": 900})
        page = person.new_page()
        page.goto(f"{base}/-/login")
        page.fill("#id_username", "alice")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_load_state()
        page.click("a.start-main")  # the home page leads to the triage view
        page.wait_for_load_state()
        assert page.url.startswith(f"{base}/hmicfrs/triage")
        page.click(f"td.col-id a.decide-link[href='/hmicfrs/findings/{pdf_id}#decide']")
        page.wait_for_load_state()
        page.check("input[name=verdict][value=conditional]")
        page.fill("#decide-reason", "only where a child is placed out of area")
        page.fill("#decide-owner", "Head of Public Protection")
        page.click("form.decide-form button[type=submit]")
        page.wait_for_selector("table.decision-history td:has-text('only where a child is placed out of area')")
        history = page.inner_text("table.decision-history")
        assert "alice" in history and "conditional" in history
        page.screenshot(path=str(SCREENSHOTS / "finding-decided.png"), full_page=True)
        # signed in, but no CSRF token: refused
        refused = page.request.post(f"{base}/hmicfrs/decide", form={**form, "reason": "no token"})
        assert refused.status == 403
        page.goto(f"{base}/hmicfrs/triage?report=" + urllib.parse.quote(HELD_OUT.title))
        row = page.locator("tr", has=page.locator(f"td.col-id a[href='/hmicfrs/findings/{pdf_id}']"))
        assert "conditional" in row.inner_text() and "Head of Public Protection" in row.inner_text()
        assert page.locator(f"td.col-id a[href='/hmicfrs/findings/{web_id}']").count() == 0  # once, not per edition
        page.screenshot(path=str(SCREENSHOTS / "triage.png"), full_page=True)
        page.goto(f"{base}/")
        page.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)
        page.click("text=Since the last meeting")
        page.fill("input[name=since]", "2025-10-01")
        page.click("input[type=submit]")
        page.wait_for_load_state()
        assert "only where a child is placed out of area" in page.content()
        page.screenshot(path=str(SCREENSHOTS / "since.png"), full_page=True)
        browser.close()
    assert query(db_path, "select verdict, decided_by from findings where id = ?", [web_id]) == [
        {"verdict": "conditional", "decided_by": "alice"}]
    assert all((SCREENSHOTS / f"{n}.png").stat().st_size > 5000 for n in ("finding-decided", "triage", "home"))


@pytest.mark.slow
def test_an_ingest_while_serving_answers_every_request_and_shows_the_new_reports(tmp_path, sample_pdfs):
    first = "fraud-2024-sample"
    others = [name for name in sample_pdfs if name != first]
    later = tmp_path / "later"
    later.mkdir()
    for name in others:
        (later / f"{name}.pdf").write_bytes(sample_pdfs[name].read_bytes())
    db_path = tmp_path / "hmicfrs.db"
    assert CliRunner().invoke(cli.main, ["ingest", str(sample_pdfs[first]), "--db", str(db_path)]).exit_code == 0
    paths = ["/hmicfrs/triage.json?_size=20", "/hmicfrs/reports.json", "/", "/hmicfrs/findings/1",
             "/hmicfrs/triage?_facet=verdict", "/hmicfrs/since_last_meeting?since=2000-01-01"]
    statuses: list[int] = []
    stop = threading.Event()

    def browse(base):
        while not stop.is_set():
            for path in paths:
                try:
                    with urllib.request.urlopen(base + path, timeout=30) as response:
                        statuses.append(response.status)
                except urllib.error.HTTPError as exc:
                    statuses.append(exc.code)

    with served(db_path) as base:
        reader = threading.Thread(target=browse, args=(base,))
        reader.start()
        try:
            ingest = subprocess.run([str(Path(sys.executable).with_name("hmicfrs")), "ingest", str(later),
                                     "--db", str(db_path)], capture_output=True, text=True, timeout=300)
            time.sleep(0.5)
        finally:
            stop.set()
            reader.join()
        with urllib.request.urlopen(base + "/hmicfrs/reports.json?_shape=array&_col=title") as response:
            titles = {r["title"] for r in json.loads(response.read())}
    assert ingest.returncode == 0, ingest.stderr
    assert len(statuses) >= len(paths) and set(statuses) == {200}, sorted(set(statuses))
    assert len(titles) == len(sample_pdfs)  # the new reports show without a restart
