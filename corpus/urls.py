"""Reports named by address (`hmicfrs ingest URL`): a PDF's own URL, or a report page whose PDFs are
fetched, into the corpus folder. Failures are collected per URL, never raised."""

from __future__ import annotations

from pathlib import Path

from .fetch import Fetcher, origin_of
from .site import ALLOWED_HOSTS
from .sync import Downloaded
from .sync import fetch_urls as fetch_with


def make_fetcher(extra_hosts: tuple[str, ...] = (), interval: float = 1.0, timeout: float = 30.0,
                 retries: int = 3, backoff: float = 2.0, listing_url: str | None = None) -> Fetcher:
    """A Fetcher allowed the site's hosts, the extra hosts (a mirror; HOST:PORT for a port) and the
    listing's own host and port."""
    hosts = ALLOWED_HOSTS + tuple(extra_hosts) + ((origin_of(listing_url),) if listing_url else ())
    return Fetcher(hosts, interval=interval, timeout=timeout, retries=retries, backoff=backoff)


def fetch_urls(urls: list[str], folder: Path, allow_hosts: tuple[str, ...] = ()) -> tuple[list[Downloaded], list]:
    """Download each URL (a PDF, or every PDF a report page links to) into `folder/pdfs`.

    Returns the downloads and the (url, reason) failures."""
    # the hosts (and ports) the user named are allowed; redirects elsewhere are not
    fetcher = make_fetcher(tuple(allow_hosts) + tuple(sorted({origin_of(u) for u in urls})), interval=0.5)
    try:
        result = fetch_with(fetcher, urls, folder)
    finally:
        fetcher.close()
    return result.downloaded, result.errors
