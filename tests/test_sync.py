"""sync and ingest URL against a local HTTP server that mirrors the site, failures included."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils
from click.testing import CliRunner

from hmicfrs import cli

FAILING = {  # report page -> (PDF path, what the failure looks like in the error line)
    "c": ("/files/missing.pdf", "404"),
    "d": ("/files/error.pdf", "answered 500"),
    "e": ("/files/slow.pdf", "timed out"),
    "f": ("/files/archive.pdf", "application/zip, not a PDF"),
    "g": ("/files/truncated.pdf", "closed before the whole file arrived"),
    "h": ("/files/page.pdf", "HTML page where a PDF was promised"),
    "i": ("/files/loop.pdf", "redirect loop"),
    "j": ("/files/offsite.pdf", "not on the allow-list"),
}
GOOD = {"a": ("/files/fraud.pdf", "fraud-2024-sample", "2024-09-12"),
        "b": ("/files/kent.pdf", "kent-peel-sample", "2024-05-16"),
        "k": ("/files/custody.pdf", "custody-2016-sample", "2016-07-14")}


class Site:
    """A tiny copy of the publications site, counting the requests it serves."""

    def __init__(self, pdfs):
        self.pdfs = {path: pdfs[name].read_bytes() for path, name, _ in GOOD.values()}
        self.hits: dict[str, int] = {}
        self.flaky_failures = 1  # /files/custody.pdf fails once with 503, then works

    def handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", kind="text/html", headers=None):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                path = self.path
                site.hits[path] = site.hits.get(path, 0) + 1
                if path == "/publications/":
                    links = "".join(f'<article><a href="/reports/{k}/">Report {k}</a></article>' for k in "abcdef")
                    return self.send(200, f'<html>{links}<a rel="next" href="/publications/page/2/">Next</a>'
                                          f'</html>'.encode())
                if path == "/publications/page/2/":
                    links = "".join(f'<article><a href="/reports/{k}/">Report {k}</a></article>' for k in "ghijk")
                    return self.send(200, f"<html>{links}</html>".encode())
                if path.startswith("/reports/"):
                    key = path.split("/")[2]
                    pdf, published = (GOOD[key][0], GOOD[key][2]) if key in GOOD else (FAILING[key][0], "2025-01-01")
                    return self.send(200, f'<html><h1>Report {key}: an inspection</h1><time datetime="{published}">'
                                          f'</time><a href="{pdf}">Download the report (PDF)</a></html>'.encode())
                if path in site.pdfs:
                    if path == "/files/custody.pdf" and site.flaky_failures:
                        site.flaky_failures -= 1
                        return self.send(503)
                    etag = f'"{len(site.pdfs[path])}"'
                    if self.headers.get("If-None-Match") == etag:
                        return self.send(304)
                    return self.send(200, site.pdfs[path], "application/pdf", {"ETag": etag})
                if path == "/files/error.pdf":
                    return self.send(500)
                if path == "/files/slow.pdf":
                    time.sleep(1.5)
                    return self.send(200, b"%PDF-1.4 late", "application/pdf")
                if path == "/files/archive.pdf":
                    return self.send(200, b"PK\x03\x04zip", "application/zip")
                if path == "/files/truncated.pdf":
                    body = site.pdfs["/files/fraud.pdf"]
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                    return None
                if path == "/files/page.pdf":
                    return self.send(200, b"<!DOCTYPE html><html>Sign in</html>", "text/html")
                if path in ("/files/loop.pdf", "/files/loop2.pdf"):
                    target = "/files/loop2.pdf" if path == "/files/loop.pdf" else "/files/loop.pdf"
                    return self.send(302, headers={"Location": target})
                if path == "/files/offsite.pdf":
                    return self.send(302, headers={"Location": "http://example.invalid/report.pdf"})
                return self.send(404, b"not found")

        return Handler


@pytest.fixture
def site(sample_pdfs):
    mirror = Site(sample_pdfs)
    server = ThreadingHTTPServer(("127.0.0.1", 0), mirror.handler())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    mirror.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield mirror
    server.shutdown()


def sync(site, tmp_path, *extra):
    args = ["sync", "--corpus", str(tmp_path / "corpus"), "--db", str(tmp_path / "t.db"),
            "--listing-url", f"{site.base}/publications/", "--interval", "0", "--timeout", "0.5",
            "--retries", "1", "--backoff", "0.01", *extra]
    return CliRunner().invoke(cli.main, args)


def test_sync_fetches_good_reports_names_each_failure_and_stores_nothing_partial(site, tmp_path):
    result = sync(site, tmp_path)
    assert result.exit_code == 1
    for key, (pdf, reason) in FAILING.items():
        line = next((ln for ln in result.output.splitlines() if ln.startswith(f"error: {site.base}{pdf}")), "")
        assert reason in line, (key, result.output)
    stored = sorted(p.name for p in (tmp_path / "corpus" / "pdfs").iterdir())
    assert len(stored) == 3 and all(name.endswith(".pdf") and len(name) == 68 for name in stored)  # sha256.pdf
    manifest = json.loads((tmp_path / "corpus" / "manifest.json").read_text())
    entry = manifest["pdfs"][f"{site.base}/files/fraud.pdf"]
    assert entry["published"] == "2024-09-12" and entry["etag"] and entry["sha256"] + ".pdf" in stored
    assert manifest["pdfs"][f"{site.base}/files/kent.pdf"]["force"] == "Kent Police"
    db = sqlite_utils.Database(tmp_path / "t.db")
    assert sorted(r["source"] for r in db["reports"].rows) == ["custody.pdf", "fraud.pdf", "kent.pdf"]
    assert db["ingest_errors"].count == len(FAILING)
    assert site.hits["/files/custody.pdf"] == 2  # a 503, then the retry


@pytest.mark.slow  # two full syncs, each waiting out a server that is too slow on purpose
def test_a_rerun_resumes_with_conditional_requests(site, tmp_path):
    sync(site, tmp_path)
    pages_before = site.hits["/reports/a/"]
    again = sync(site, tmp_path)
    assert "0 new or changed PDFs, 3 unchanged" in again.output
    assert site.hits["/reports/a/"] == pages_before  # a known report page is not fetched again
    db = sqlite_utils.Database(tmp_path / "t.db")
    assert db["reports"].count == 3


def test_dry_run_stores_nothing_and_filters_apply(site, tmp_path):
    result = sync(site, tmp_path, "--dry-run", "--since", "2024-01-01")
    assert f"{site.base}/files/fraud.pdf" in result.output and f"{site.base}/files/custody.pdf" not in result.output
    assert not (tmp_path / "corpus" / "pdfs").exists() and not (tmp_path / "t.db").exists()
    limited = sync(site, tmp_path, "--limit", "1")
    assert "1 new or changed PDFs" in limited.output


def test_ingest_url_of_a_report_page(site, tmp_path):
    result = CliRunner().invoke(cli.main, ["ingest", f"{site.base}/reports/a/", "--db", str(tmp_path / "t.db"),
                                           "--corpus", str(tmp_path / "c")])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "t.db")
    report = next(db["reports"].rows)
    assert report["source"] == "fraud.pdf" and report["title"].startswith("Fraud")
    bad = CliRunner().invoke(cli.main, ["ingest", f"{site.base}/files/page.pdf", "--db", str(tmp_path / "t.db"),
                                        "--corpus", str(tmp_path / "c")])
    assert bad.exit_code == 1 and "HTML page where a PDF was promised" in bad.output
