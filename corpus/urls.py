"""Reports named by address (`hmicfrs ingest URL`): a PDF's own URL, or a report page whose PDFs are
fetched, into the corpus folder. Failures are collected per URL, never raised."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from .fetch import Fetcher, FetchError
from .site import ALLOWED_HOSTS, parse_report_page
from .sync import Downloaded, file_name


def make_fetcher(extra_hosts: tuple[str, ...] = (), interval: float = 1.0, timeout: float = 30.0,
                 retries: int = 3, backoff: float = 2.0, listing_url: str | None = None) -> Fetcher:
    """A Fetcher allowed the site's hosts, the extra hosts (a mirror) and the listing's own host."""
    hosts = ALLOWED_HOSTS + tuple(extra_hosts) + ((urlparse(listing_url).hostname,) if listing_url else ())
    return Fetcher(hosts, interval=interval, timeout=timeout, retries=retries, backoff=backoff)


def fetch_urls(urls: list[str], folder: Path, allow_hosts: tuple[str, ...] = ()) -> tuple[list[Downloaded], list]:
    """Download each URL (a PDF, or every PDF a report page links to) into `folder/pdfs`.

    Returns the downloads and the (url, reason) failures."""
    # the hosts the user named are allowed; redirects elsewhere are not
    hosts = tuple(allow_hosts) + tuple(h for h in {urlparse(u).hostname for u in urls} if h)
    fetcher = make_fetcher(hosts, interval=0.5)
    downloads: list[Downloaded] = []
    errors: list[tuple[str, str]] = []
    try:
        for url in urls:
            try:
                if file_name(url).lower().endswith(".pdf"):
                    pdf_urls = [url]
                else:
                    page = parse_report_page(fetcher.page(url).text or "", url)
                    if not page.pdf_urls:
                        errors.append((url, "no PDF link on the page; give the PDF's own address"))
                        continue
                    pdf_urls = page.pdf_urls
                for pdf_url in pdf_urls:
                    got = fetcher.download_pdf(pdf_url, folder / "pdfs")
                    downloads.append(Downloaded(pdf_url, got.path, file_name(pdf_url), url))
            except FetchError as exc:
                errors.append((url, str(exc)))
    finally:
        fetcher.close()
    return downloads, errors
