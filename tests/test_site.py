"""corpus/site.py, one test per behaviour: what the publications listing and a report page say."""

from datetime import date

import pytest

from hmicfrs.corpus.site import kind_of, parse_listing, parse_report_page

BASE = "https://hmicfrs.justiceinspectorates.gov.uk"
LISTING = f"{BASE}/publications/"


def test_the_listing_links_each_report_page_once():
    html = """<html><article><a href="/publications/peel-2025-kent/">PEEL 2025: Kent</a></article>
      <article><a href="/publications/peel-2025-kent/">PEEL 2025: Kent (again)</a></article>
      <li class="listing-item"><a href="https://hmicfrs.justiceinspectorates.gov.uk/publications/fraud/">Fraud</a></li>
      </html>"""
    listing = parse_listing(html, LISTING)
    assert [(e.url, e.title) for e in listing.entries] == [
        (f"{BASE}/publications/peel-2025-kent/", "PEEL 2025: Kent"), (f"{BASE}/publications/fraud/", "Fraud")]


def test_the_listing_leaves_out_other_sites_pdfs_itself_and_pagination():
    html = f"""<html><article><a href="https://example.org/elsewhere/">Elsewhere</a></article>
      <article><a href="/files/report.pdf">A PDF</a></article><article><a href="{LISTING}">Itself</a></article>
      <h2><a href="/publications/page/2/">2</a></h2><h3><a href="/publications/?page=3">3</a></h3></html>"""
    assert parse_listing(html, LISTING).entries == []


def test_the_listing_gives_the_next_page_or_none():
    assert parse_listing('<a rel="next" href="page/2/">Next</a>', LISTING).next_url == f"{LISTING}page/2/"
    assert parse_listing('<a class="next" href="/publications/page/3/">Next</a>', LISTING).next_url \
        == f"{BASE}/publications/page/3/"
    assert parse_listing("<html>last page</html>", LISTING).next_url is None


def test_a_report_page_gives_its_title_and_pdf_links_made_absolute_once_each():
    url = f"{BASE}/publications/peel-2025-kent/"
    html = """<html><title>Site</title><h1>PEEL 2025: an inspection of Kent Police</h1>
      <a href="/wp-content/uploads/peel-2025-kent.pdf">Report</a>
      <a href="/wp-content/uploads/peel-2025-kent.pdf">Again</a>
      <a href="annex.PDF">Annex</a><a href="/data.pdf?ver=2">Data</a><a href="/other.html">Not a PDF</a></html>"""
    page = parse_report_page(html, url)
    assert page.title == "PEEL 2025: an inspection of Kent Police"
    assert page.pdf_urls == [f"{BASE}/wp-content/uploads/peel-2025-kent.pdf", f"{url}annex.PDF",
                             f"{BASE}/data.pdf?ver=2"]


def test_a_report_page_without_h1_falls_back_to_its_title():
    assert parse_report_page("<html><title>Fraud report</title></html>", f"{BASE}/x/").title == "Fraud report"


@pytest.mark.parametrize(("html", "published"), [
    ('<meta property="article:published_time" content="2024-09-12T09:00:00+00:00">', date(2024, 9, 12)),
    ('<time datetime="2023-05-16">16 May 2023</time>', date(2023, 5, 16)),
    ("<p>Published: 2 October 2025</p>", date(2025, 10, 2)),
    ("<p>Publication date 14 July 2016</p>", date(2016, 7, 14)),
    ('<time datetime="soon">soon</time><p>Published: 1 March 2022</p>', date(2022, 3, 1)),
    ("<p>No date at all</p>", None),
])
def test_a_report_page_gives_its_publication_date(html, published):
    assert parse_report_page(f"<html><h1>A report</h1>{html}</html>", f"{BASE}/r/").published == published


@pytest.mark.parametrize(("title", "url", "kind"), [
    ("PEEL 2025: an inspection of Kent Police", "/publications/peel-2025-kent/", "peel"),
    ("A super-complaint investigation", "/publications/x/", "super-complaint"),
    ("Fraud: a revisit", "/publications/fraud/", "progress"),
    ("Report", "/publications/progress-report-on-custody/", "progress"),
    ("A joint inspection of youth justice", "/publications/x/", "joint"),
    ("An inspection of the police response to fraud", "/publications/fraud/", "thematic"),
])
def test_the_kind_comes_from_the_title_and_address(title, url, kind):
    assert kind_of(title, BASE + url) == kind
