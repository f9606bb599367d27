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
                 backoff: float = 2.0, timeout: float = 30.0, max_bytes: int = MAX_BYTES) -> None:
        self.allowed = allowed_hosts
        self.interval, self.retries, self.backoff, self.max_bytes = interval, retries, backoff, max_bytes
        self._last = 0.0
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=True, max_redirects=5,
            timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
            event_hooks={"request": [self._check_host]})

    def close(self) -> None:
        self.client.close()

    def _check_host(self, request: httpx.Request) -> None:
        if request.url.host not in self.allowed:
            raise FetchError(f"host {request.url.host} is not on the allow-list ({', '.join(self.allowed)})")

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
        """An HTML page as text."""
        self._check_url(url)

        def send() -> Fetched:
            response = self.client.get(url)
            _raise_for_status(response)
            return Fetched(str(response.url), response.status_code, text=response.text)

        return self._attempts(send)

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
                    digest, size = hashlib.sha256(), 0
                    with part.open("wb") as fh:
                        for chunk in response.iter_bytes(1 << 16):
                            if size == 0 and not chunk.lstrip()[:5] == b"%PDF-":
                                raise FetchError("the body does not start with %PDF- (not a PDF)")
                            size += len(chunk)
                            if size > self.max_bytes:
                                raise FetchError(f"the file is over the {self.max_bytes >> 20} MB cap")
                            digest.update(chunk)
                            fh.write(chunk)
                    if size == 0:
                        raise FetchError("the server sent an empty body")
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
        if parsed.hostname not in self.allowed:
            raise FetchError(f"host {parsed.hostname} is not on the allow-list ({', '.join(self.allowed)})")


class _ServerError(Exception):
    """A 5xx answer: worth another try."""


def _raise_for_status(response: httpx.Response) -> None:
    if response.status_code >= 500:
        raise _ServerError(f"the server answered {response.status_code}")
    if response.status_code >= 400:
        raise FetchError(f"the server answered {response.status_code} (not found or not allowed)")
