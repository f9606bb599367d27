"""Everything that knows the HMICFRS website's HTML, in one place.

When the site changes its markup, this is the only module to fix. Each function takes a page's HTML
and its URL and returns plain data; nothing here touches the network.

- The publications listing (LISTING_URL) links to one page per report; a "next" link pages on.
- A report page has the title in <h1>, the publication date in a <time datetime> element, a
  "Published" line or an article:published_time meta tag, and links to the report's PDF file(s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

LISTING_URL = "https://hmicfrs.justiceinspectorates.gov.uk/publications/"
ALLOWED_HOSTS = ("hmicfrs.justiceinspectorates.gov.uk", "www.justiceinspectorates.gov.uk",
                 "assets.publishing.service.gov.uk")

# CSS selectors, most specific first
LISTING_ITEM = "article a[href], .publication a[href], li.listing-item a[href], h2 a[href], h3 a[href]"
NEXT_PAGE = "a[rel=next], a.next, .pagination a.next, a.next-page"
PDF_LINK = 'a[href$=".pdf" i], a[href*=".pdf?" i]'
DATE_TEXT = re.compile(r"(?:published|publication date)\s*:?\s*(\d{1,2}\s+\w+\s+\d{4})", re.I)
KINDS = (("peel", r"\bpeel\b"), ("super-complaint", r"super-?complaint"), ("progress", r"progress|revisit"),
         ("joint", r"\bjoint\b|criminal justice joint"), ("thematic", r"."))


@dataclass
class ListingEntry:
    url: str
    title: str


@dataclass
class Listing:
    entries: list[ListingEntry]
    next_url: str | None


@dataclass
class ReportPage:
    url: str
    title: str | None
    published: date | None
    kind: str
    pdf_urls: list[str] = field(default_factory=list)


def kind_of(title: str, url: str) -> str:
    """peel, super-complaint, progress, joint or thematic, from the title and address."""
    text = f"{title} {urlparse(url).path.replace('-', ' ')}".lower()
    return next(kind for kind, pattern in KINDS if re.search(pattern, text))


def parse_listing(html: str, url: str) -> Listing:
    """Report pages linked from one page of the publications listing, and the next page's address."""
    soup = BeautifulSoup(html, "html.parser")
    seen: dict[str, ListingEntry] = {}
    host = urlparse(url).netloc
    for a in soup.select(LISTING_ITEM):
        href = urljoin(url, a["href"])
        parsed = urlparse(href)
        if parsed.netloc != host or href.rstrip("/") == url.rstrip("/") or href.lower().endswith(".pdf"):
            continue
        if "/page/" in parsed.path or parsed.query.startswith("page="):
            continue  # pagination, not a report
        seen.setdefault(href, ListingEntry(href, a.get_text(" ", strip=True)))
    nxt = soup.select_one(NEXT_PAGE)
    return Listing(list(seen.values()), urljoin(url, nxt["href"]) if nxt and nxt.get("href") else None)


def parse_report_page(html: str, url: str) -> ReportPage:
    """Title, publication date, kind and PDF links of one report page."""
    soup = BeautifulSoup(html, "html.parser")
    h1 = soup.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(strip=True) if soup.title else None)
    pdfs = []
    for a in soup.select(PDF_LINK):
        href = urljoin(url, a["href"])
        if href not in pdfs:
            pdfs.append(href)
    return ReportPage(url, title, _published(soup), kind_of(title or "", url), pdfs)


def _published(soup: BeautifulSoup) -> date | None:
    meta = soup.find("meta", attrs={"property": "article:published_time"})
    candidates = [meta.get("content") if meta else None]
    candidates += [t.get("datetime") for t in soup.find_all("time")]
    for value in filter(None, candidates):
        try:
            return datetime.fromisoformat(value[:10]).date()
        except ValueError:
            continue
    m = DATE_TEXT.search(soup.get_text(" ", strip=True))
    if m:
        try:
            return datetime.strptime(m.group(1), "%d %B %Y").date()
        except ValueError:
            return None
    return None
