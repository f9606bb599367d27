"""Keep a local corpus of HMICFRS publications: listing -> report pages -> PDFs, with a manifest.

The corpus folder holds `pdfs/<sha256>.pdf` (content-addressed: a file is stored once whatever its
name) and `manifest.json`, rewritten atomically after every report, so an interrupted sync resumes
where it stopped. Known report pages are not fetched again; their PDFs are re-checked with
conditional requests, so an unchanged file costs one 304.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from .fetch import Fetcher, FetchError
from .site import LISTING_URL, ListingEntry, parse_listing, parse_report_page


@dataclass
class Downloaded:
    """A PDF new to the corpus (or changed): ready to ingest."""

    url: str
    path: Path
    name: str  # the file name in its URL, for people: "peel-2025-kent.pdf"
    page_url: str


MAX_PDFS_PER_PAGE = 50  # a report page links its report, annexes and translations: a few files


def pdf_links(page_url: str, pdf_urls: list[str]) -> list[str]:
    """A report page's PDF links, or FetchError when there are more than a report page ever has."""
    if len(pdf_urls) > MAX_PDFS_PER_PAGE:
        raise FetchError(f"the page links {len(pdf_urls):,} PDFs, over the cap of {MAX_PDFS_PER_PAGE} for a report "
                         "page; nothing fetched from it: give the PDFs' own addresses")
    return pdf_urls


@dataclass
class SyncResult:
    downloaded: list[Downloaded] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0  # filtered out by --since / --kind
    planned: list[str] = field(default_factory=list)  # --dry-run: what would be fetched
    errors: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)


class Manifest:
    """manifest.json: {"pages": {url: {...}}, "pdfs": {url: {...}}}."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "manifest.json"
        data = json.loads(self.path.read_text("utf-8")) if self.path.exists() else {}
        self.pages: dict[str, dict] = data.get("pages", {})
        self.pdfs: dict[str, dict] = data.get("pdfs", {})

    def save(self) -> None:
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({"pages": self.pages, "pdfs": self.pdfs}, indent=1, sort_keys=True), "utf-8")
        os.replace(tmp, self.path)  # never a half-written manifest


def file_name(url: str) -> str:
    return unquote(Path(urlparse(url).path).name) or "report.pdf"


def listing_entries(fetcher: Fetcher, start: str, max_pages: int = 50) -> Iterator[ListingEntry]:
    url: str | None = start
    seen: set[str] = set()
    for _ in range(max_pages):
        if url is None or url in seen:
            return
        seen.add(url)
        listing = parse_listing(fetcher.page(url).text or "", url)
        yield from listing.entries
        url = listing.next_url


def sync(folder: Path, fetcher: Fetcher, *, listing_url: str = LISTING_URL, since: date | None = None,
         kind: str | None = None, limit: int | None = None, dry_run: bool = False,
         progress: Callable[[str], None] = lambda _: None) -> SyncResult:
    """Bring the corpus folder up to date with the site; failures are collected, never raised."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(folder)
    result = SyncResult()
    reports = 0
    try:
        entries = list(listing_entries(fetcher, listing_url))
    except FetchError as exc:
        result.errors.append((listing_url, str(exc)))
        return result
    for entry in entries:
        if limit is not None and reports >= limit:
            break
        known = manifest.pages.get(entry.url)
        try:
            if known is None:
                page = parse_report_page(fetcher.page(entry.url).text or "", entry.url)
                known = {"title": page.title or entry.title, "published": page.published.isoformat()
                         if page.published else None, "kind": page.kind, "pdfs": pdf_links(entry.url, page.pdf_urls)}
        except FetchError as exc:
            result.errors.append((entry.url, str(exc)))
            continue
        if (since and known["published"] and known["published"] < since.isoformat()) or \
                (kind and known["kind"] != kind):
            result.skipped += 1
            continue
        reports += 1
        progress(known["title"] or entry.url)
        if dry_run:
            result.planned += [u for u in known["pdfs"] if u not in manifest.pdfs] or [f"(unchanged) {entry.url}"]
            continue
        for pdf_url in known["pdfs"]:
            before = manifest.pdfs.get(pdf_url, {})
            try:
                got = fetcher.download_pdf(pdf_url, folder / "pdfs", before.get("etag"), before.get("last_modified"))
            except FetchError as exc:
                result.errors.append((pdf_url, str(exc)))
                continue
            if got.status == 304 or got.sha256 == before.get("sha256"):
                result.unchanged += 1
                continue
            manifest.pdfs[pdf_url] = {
                "page": entry.url, "title": known["title"], "published": known["published"], "kind": known["kind"],
                "force": None, "sha256": got.sha256, "size": got.size, "etag": got.etag,
                "last_modified": got.last_modified, "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "file": str(got.path.relative_to(folder)), "name": file_name(pdf_url),
            }
            result.downloaded.append(Downloaded(pdf_url, got.path, file_name(pdf_url), entry.url))
        manifest.pages[entry.url] = known
        manifest.save()
    return result


def fetch_urls(fetcher: Fetcher, urls: list[str], folder: Path) -> SyncResult:
    """Download each URL (a PDF, or every PDF a report page links) into folder/pdfs. Each failure is
    one error, and the page's other links are still fetched."""
    result = SyncResult()
    for url in urls:
        if file_name(url).lower().endswith(".pdf"):
            pdf_urls, page_url = [url], url
        else:
            try:
                pdf_urls = pdf_links(url, parse_report_page(fetcher.page(url).text or "", url).pdf_urls)
            except FetchError as exc:
                result.errors.append((url, str(exc)))
                continue
            if not pdf_urls:
                result.errors.append((url, "no PDF link on the page; give the PDF's own address"))
                continue
            page_url = url
        for pdf_url in pdf_urls:
            try:
                got = fetcher.download_pdf(pdf_url, folder / "pdfs")
            except FetchError as exc:
                result.errors.append((pdf_url, str(exc)))
                continue
            result.downloaded.append(Downloaded(pdf_url, got.path, file_name(pdf_url), page_url))
    return result


def note_report(folder: Path, pdf_url: str, kind: str | None, force: str | None) -> None:
    """After ingest: the manifest learns the report's kind and force as read from the PDF."""
    manifest = Manifest(folder)
    if pdf_url in manifest.pdfs:
        manifest.pdfs[pdf_url].update({"kind": kind or manifest.pdfs[pdf_url]["kind"], "force": force})
        manifest.save()
