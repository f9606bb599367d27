"""A polite, careful HTTP client for the publications site.

A real User-Agent, one request at a time with a minimum interval, timeouts, retries with backoff on
5xx answers, timeouts and cut-off bodies only, conditional requests (ETag / Last-Modified), a size
cap, an allow-list of hosts (checked on every redirect too), and for PDFs a content-type and `%PDF-`
check. Every failure is a FetchError whose message says what happened.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

import httpx

USER_AGENT = (f"hmicfrs-findings/{version('hmicfrs')} (a police force's HMICFRS liaison tool; "
              "polite: one request at a time)")
MAX_BYTES = 200 * 1024 * 1024
MAX_PAGE_BYTES = 5 * 1024 * 1024  # an HTML page, after decompression (a gzip bomb stops here)
DEADLINE = 600.0  # seconds one download may take in all, however slowly the bytes arrive
PDF_TAIL = 2048  # a whole PDF ends with %%EOF within its last bytes
PDF_TYPES = ("application/pdf", "application/octet-stream", "binary/octet-stream", "application/x-pdf")


class FetchError(Exception):
    """A URL that could not be fetched as asked."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when unchanged
    etag: str | None = None
    last_modified: str | None = None
    text: str | None = None  # for pages
    path: Path | None = None  # for downloads: the finished file
    sha256: str | None = None
    size: int = 0


class Fetcher:
    def __init__(self, allowed_hosts: tuple[str, ...], interval: float = 1.0, retries: int = 3,
                 backoff: float = 2.0, timeout: float = 30.0, max_bytes: int = MAX_BYTES,
                 deadline: float = DEADLINE, max_page_bytes: int = MAX_PAGE_BYTES) -> None:
        """allowed_hosts: "host" (its default ports 80 and 443) or "host:port" (that port only)."""
        self.allowed = allowed_hosts
        self.interval, self.retries, self.backoff, self.max_bytes = interval, retries, backoff, max_bytes
        self.deadline, self.max_page_bytes = deadline, max_page_bytes
        self._last = 0.0
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=True, max_redirects=5,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            event_hooks={"request": [self._check_host]})

    def close(self) -> None:
        self.client.close()

    def _check_host(self, request: httpx.Request) -> None:
        self._check_origin(request.url.host, request.url.port)

    def _check_origin(self, host: str | None, port: int | None) -> None:
        """A host on the allow-list, on a port the list allows (a redirect to another port is refused)."""
        if port is None and host in self.allowed or f"{host}:{port}" in self.allowed:
            return
        if host in self.allowed or any(a.rsplit(":", 1)[0] == host for a in self.allowed):
            raise FetchError(f"port {port} of {host} is not on the allow-list ({', '.join(self.allowed)}); "
                             f"add --allow-host {host}:{port} if it is a mirror you trust")
        raise FetchError(f"host {host} is not on the allow-list ({', '.join(self.allowed)})")

    def _wait_turn(self) -> None:
        delay = self._last + self.interval - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        self._last = time.monotonic()

    def _attempts(self, send):
        """Run send() with retries on 5xx, timeouts and cut-off bodies; other failures at once."""
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                return send()
            except httpx.TooManyRedirects as exc:
                raise FetchError("too many redirects (a redirect loop?)") from exc
            except (httpx.TimeoutException, httpx.RemoteProtocolError, _ServerError) as exc:
                if attempt == self.retries:
                    reason = str(exc) or type(exc).__name__
                    if isinstance(exc, httpx.TimeoutException):
                        reason = "timed out"
                    elif isinstance(exc, httpx.RemoteProtocolError):
                        reason = "the connection closed before the whole file arrived"
                    raise FetchError(f"{reason} (after {self.retries + 1} tries)") from exc
                time.sleep(self.backoff * (2 ** attempt))
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot connect ({type(exc).__name__}: {exc})") from exc
        raise AssertionError("unreachable")

    def page(self, url: str) -> Fetched:
        """An HTML page as text, at most max_page_bytes once decompressed, within the deadline."""
        self._check_url(url)

        def send() -> Fetched:
            started = time.monotonic()
            with self.client.stream("GET", url) as response:
                _raise_for_status(response)
                body = bytearray()
                for piece in response.iter_bytes():  # decompressed: the cap holds against gzip bombs
                    body += piece
                    if len(body) > self.max_page_bytes:
                        raise FetchError(f"the page is over the {self.max_page_bytes >> 20} MB cap for a web page "
                                         "(decompressed); give the PDF's own address")
                    self._within_deadline(started, len(body))
                response_text = body.decode(response.encoding or "utf-8", errors="replace")
                return Fetched(str(response.url), response.status_code, text=response_text)

        return self._attempts(send)

    def _within_deadline(self, started: float, size: int) -> None:
        """However slowly the bytes come, one request ends at the deadline (not retried)."""
        if time.monotonic() - started > self.deadline:
            raise FetchError(f"gave up after {self.deadline:.0f} s with {size:,} bytes received (the server is "
                             "sending too slowly); try again later")

    def download_pdf(self, url: str, folder: Path, etag: str | None = None,
                     last_modified: str | None = None) -> Fetched:
        """Stream a PDF to folder/<sha256>.pdf (content-addressed); 304 when the server says unchanged.
        Nothing is left behind on failure: the body goes to a .part file renamed only when whole."""
        self._check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        folder.mkdir(parents=True, exist_ok=True)

        def send() -> Fetched:
            started = time.monotonic()
            part = folder / f".download-{os.getpid()}.part"
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    if response.status_code == 304:
                        return Fetched(str(response.url), 304, etag, last_modified)
                    _raise_for_status(response)
                    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if kind.startswith("text/html"):
                        raise FetchError("the server sent an HTML page where a PDF was promised")
                    if kind and kind not in PDF_TYPES:
                        raise FetchError(f"the server sent {kind}, not a PDF")
                    declared = int(response.headers.get("content-length") or 0)
                    if declared > self.max_bytes:
                        raise FetchError(f"the file is {declared >> 20} MB, over the {self.max_bytes >> 20} MB cap")
                    digest, size, tail = hashlib.sha256(), 0, b""
                    with part.open("wb") as fh:
                        for chunk in response.iter_bytes():  # as it arrives, so the deadline is checked
                            if size == 0 and not chunk.lstrip()[:5] == b"%PDF-":
                                raise FetchError("the body does not start with %PDF- (not a PDF)")
                            size += len(chunk)
                            if size > self.max_bytes:
                                raise FetchError(f"the file is over the {self.max_bytes >> 20} MB cap")
                            self._within_deadline(started, size)
                            digest.update(chunk)
                            fh.write(chunk)
                            tail = (tail + chunk)[-PDF_TAIL:]
                    if size == 0:
                        raise FetchError("the server sent an empty body")
                    if b"%%EOF" not in tail:  # the server's Content-Length was shorter than the file
                        raise FetchError(f"the PDF stops after {size:,} bytes, before its end (no %%EOF): the "
                                         "download was cut short; try again later")
                    sha = digest.hexdigest()
                    target = folder / f"{sha}.pdf"
                    os.replace(part, target)
                    return Fetched(str(response.url), 200, response.headers.get("etag"),
                                   response.headers.get("last-modified"), path=target, sha256=sha, size=size)
            finally:
                part.unlink(missing_ok=True)

        return self._attempts(send)

    def _check_url(self, url: str) -> None:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https"):
            raise FetchError(f"not a web address: {url}")
        try:
            port = parsed.port
        except ValueError as exc:
            raise FetchError(f"not a valid web address: {url}") from exc
        self._check_origin(parsed.hostname, None if port == {"http": 80, "https": 443}[parsed.scheme] else port)


def origin_of(url: str) -> str:
    """The allow-list entry for a URL: "host", or "host:port" when the port is not the scheme's default."""
    parsed = urlparse(url)
    default = {"http": 80, "https": 443}.get(parsed.scheme)
    return parsed.hostname if parsed.port in (None, default) else f"{parsed.hostname}:{parsed.port}"


class _ServerError(Exception):
    """A 5xx answer: worth another try."""


def _raise_for_status(response: httpx.Response) -> None:
    if response.status_code >= 500:
        raise _ServerError(f"the server answered {response.status_code}")
    if response.status_code >= 400:
        raise FetchError(f"the server answered {response.status_code} (not found or not allowed)")
