"""Fetching limits against local servers on 127.0.0.1: an overall deadline, page size caps (gzip bombs
included), a cap on PDFs per page, a body cut short by its Content-Length, the allow-list's ports, and
one refused link leaving the page's other links to be fetched. Each is one line; nothing partial kept."""

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlite_utils
from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.corpus.fetch import Fetcher, FetchError, origin_of
from hmicfrs.corpus.sync import MAX_PDFS_PER_PAGE


class Server:
    """A server whose routes are functions of the request handler; counts the requests it serves."""

    def __init__(self, routes: dict):
        self.routes, self.hits = routes, {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.hits[self.path] = server.hits.get(self.path, 0) + 1
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                route(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def serve():
    servers = []

    def start(routes):
        servers.append(Server(routes))
        return servers[-1]

    yield start
    for s in servers:
        s.close()


def reply(body: bytes, kind: str = "application/pdf", headers: dict | None = None, length: int | None = None):
    def route(h):
        h.send_response(200)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)
    return route


def redirect(location: str):
    def route(h):
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()
    return route


def page(*links: str):
    return reply(("<html><h1>A report</h1>" + "".join(f'<a href="{u}">PDF</a>' for u in links)
                  + "</html>").encode(), "text/html")


def dribble(h):
    h.send_response(200)
    h.send_header("Content-Type", "application/pdf")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h.wfile.write(b"%PDF-1.4\n")
    try:
        for _ in range(200):  # a byte at a time, each well inside the read timeout
            time.sleep(0.2)
            h.wfile.write(b"x")
            h.wfile.flush()
    except OSError:
        pass


def ingest(urls, tmp_path):
    args = ["ingest", *urls, "--db", str(tmp_path / "t.db"), "--corpus", str(tmp_path / "c")]
    return CliRunner().invoke(cli.main, args, catch_exceptions=False)


def kept(tmp_path):
    folder = tmp_path / "c" / "pdfs"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.slow  # seconds of waiting or unpacking on purpose
def test_a_dribbling_server_meets_the_overall_deadline(serve, tmp_path):
    server = serve({"/slow.pdf": dribble})
    fetcher = Fetcher(("127.0.0.1:" + server.base.rsplit(":", 1)[1],), interval=0, timeout=5, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"gave up after 1 s with [\d,]+ bytes received"):
        fetcher.download_pdf(f"{server.base}/slow.pdf", tmp_path / "pdfs")
    assert time.monotonic() - started < 3  # not retried, not held for the whole body
    assert list((tmp_path / "pdfs").iterdir()) == []  # no .part file left
    fetcher.close()


@pytest.mark.slow  # seconds of waiting or unpacking on purpose
def test_a_gzip_bombed_page_stops_at_the_page_cap(serve, tmp_path):
    bomb = gzip.compress(b"<html>" + b" " * (64 << 20), 9)  # 64 MB of HTML in ~64 KB
    server = serve({"/report/": reply(bomb, "text/html", {"Content-Encoding": "gzip"})})
    fetcher = Fetcher((origin_of(server.base),), interval=0, timeout=5)
    with pytest.raises(FetchError, match="over the 5 MB cap for a web page"):
        fetcher.page(f"{server.base}/report/")
    fetcher.close()


@pytest.mark.slow  # seconds of waiting or unpacking on purpose
def test_a_page_linking_too_many_pdfs_fetches_none(serve, tmp_path):
    server = serve({"/report/": page(*(f"/files/{i}.pdf" for i in range(10_000)))})
    result = ingest([f"{server.base}/report/"], tmp_path)
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
    assert f"links 10,000 PDFs, over the cap of {MAX_PDFS_PER_PAGE}" in line
    assert not any(path.startswith("/files/") for path in server.hits) and kept(tmp_path) == []


def test_a_body_cut_short_by_its_content_length_is_not_kept(serve, tmp_path, sample_pdfs):
    whole = sample_pdfs["kent-peel-sample"].read_bytes()
    server = serve({"/short.pdf": reply(whole[: len(whole) // 2])})  # the Content-Length of the part sent
    result = ingest([f"{server.base}/short.pdf"], tmp_path)
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
    assert "before its end (no %%EOF): the download was cut short" in line
    assert kept(tmp_path) == [] and result.exit_code == 1


def test_a_redirect_to_another_port_of_an_allowed_host_is_refused(serve, tmp_path, sample_pdfs):
    other = serve({"/report.pdf": reply(sample_pdfs["kent-peel-sample"].read_bytes())})
    server = serve({"/report.pdf": redirect(f"{other.base}/report.pdf")})
    result = ingest([f"{server.base}/report.pdf"], tmp_path)
    port = other.base.rsplit(":", 1)[1]
    (line,) = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
    assert f"port {port} of 127.0.0.1 is not on the allow-list" in line
    assert other.hits == {} and kept(tmp_path) == []


def test_one_refused_link_leaves_the_others_to_be_fetched(serve, tmp_path, sample_pdfs):
    server = serve({"/report/": page("http://elsewhere.invalid/annex.pdf", "/files/kent.pdf"),
                    "/files/kent.pdf": reply(sample_pdfs["kent-peel-sample"].read_bytes())})
    result = ingest([f"{server.base}/report/"], tmp_path)
    errors = [ln for ln in result.output.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1 and "elsewhere.invalid is not on the allow-list" in errors[0]
    db = sqlite_utils.Database(tmp_path / "t.db")
    assert [r["source"] for r in db["reports"].rows] == ["kent.pdf"]
    assert [r["source"] for r in db["ingest_errors"].rows] == ["http://elsewhere.invalid/annex.pdf"]


@pytest.mark.parametrize("url, origin", [("https://www.example.org/a", "www.example.org"),
                                         ("http://127.0.0.1:8080/a", "127.0.0.1:8080"),
                                         ("https://h.example:443/a", "h.example")])
def test_origin_of(url, origin):
    assert origin_of(url) == origin
