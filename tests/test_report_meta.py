"""A report's title, publication date, kind and inspected force or service, read from covers the tests
draw: an older cover set in the inspectorate's name, a fire and rescue service's cover under a running
header, a national agency's inspection, a custody inspection by two inspectorates and a web page's
"Published on:" line."""

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs.extractors.report_meta import read_metadata
from hmicfrs.ingest.document import read_pages
from hmicfrs.model import Report

BODY = ("The inspection looked at how well the organisation plans its work, how it uses its resources and how "
        "it treats the people it serves and its own workforce.")


def _cover(path, header: str | None, rows: list[tuple[float, bool, str]]) -> None:
    """A cover (rows of size, bold, text from the top) and a page of body text, both under `header`."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        if header:
            c.setFont("Helvetica", 8)
            c.drawString(56, 810, header)
        y = 700
        for size, bold, text in rows if page == 0 else [(10.5, False, BODY), (10.5, False, BODY)]:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            c.drawString(56, y, text)
            y -= size * 1.6
        c.showPage()
    c.save()


def _meta(path) -> dict:
    return read_metadata(read_pages(path, Report(sha256="x", source=path.name)))


def test_the_inspectorate_set_large_on_an_older_cover_is_not_the_title(tmp_path):
    path = tmp_path / "old.pdf"
    _cover(path, "HMIC - Northumbria Police - Inspection of Call Handling - May 2007", [
        (24, True, "HER MAJESTY'S INSPECTORATE OF"), (24, True, "CONSTABULARY"),
        (16, True, "Northumbria Police"), (16, True, "Inspection of Call Handling"), (12, False, "May 2007")])
    meta = _meta(path)
    assert meta["title"] == "Northumbria Police Inspection of Call Handling"
    assert meta["force"] == "Northumbria Police"
    assert meta["kind"] == "force"


def test_a_fire_service_named_after_its_inspection_programme_is_named_once(tmp_path):
    path = tmp_path / "frs.pdf"
    _cover(path, "Fire & Rescue Service Inspection 2019/20 - Dorset & Wiltshire Fire and Rescue Service", [
        (18, True, "Fire & Rescue Service"), (18, True, "Effectiveness, efficiency and people 2019/20"),
        (14, True, "An inspection of Dorset & Wiltshire Fire and Rescue Service"), (10.5, False, "January 2020")])
    meta = _meta(path)
    assert meta["force"] == "Dorset & Wiltshire Fire and Rescue Service"
    assert meta["kind"] == "frs"


def test_a_national_agency_inspected_is_the_reports_own_body(tmp_path):
    path = tmp_path / "agency.pdf"
    _cover(path, None, [(22, True, "An inspection of how the National Crime Agency tasks its"),
                        (22, True, "officers"), (11, False, "Published 4 February 2026"), (9, False, "HMICFRS")])
    meta = _meta(path)
    assert meta["force"] == "National Crime Agency"
    assert meta["published"] == date(2026, 2, 4)


@pytest.mark.parametrize(("by", "kind"), [
    ("by HM Inspectorate of Prisons and HM Inspectorate of Constabulary and Fire & Rescue Services", "joint"),
    ("by HM Inspectorate of Constabulary and Fire & Rescue Services", "force"),
])
def test_a_second_inspectorate_on_the_cover_makes_the_report_joint(tmp_path, by, kind):
    path = tmp_path / "custody.pdf"
    _cover(path, None, [(20, True, "Report on an unannounced inspection visit to police custody"),
                        (20, True, "suites in Merseyside"), (11, False, by), (11, False, "Published 2 June 2025")])
    meta = _meta(path)
    assert (meta["kind"], meta["force"]) == (kind, "Merseyside Police")


def test_a_web_pages_published_on_line_beats_a_later_date_in_a_related_link(tmp_path):
    path = tmp_path / "web.pdf"
    _cover(path, None, [(20, True, "PEEL: Police effectiveness 2015 - Kent Police"),
                        (10, False, "Published on: 18 February 2016 - Publication type: Inspection report"),
                        (10, False, "Related: PEEL: Police legitimacy 2015. Published 3 March 2016.")])
    meta = _meta(path)
    assert meta["published"] == date(2016, 2, 18)
    assert (meta["kind"], meta["force"]) == ("peel", "Kent Police")
