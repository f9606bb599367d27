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


def test_a_commissioned_inspection_of_a_force_outside_england_named_under_the_title(tmp_path):
    path = tmp_path / "psni.pdf"
    _cover(path, None, [(30, True, "Detention in police custody"), (30, True, "in Northern Ireland"),
                        (16, False, "An inspection of the Police Service of Northern"),
                        (16, False, "Ireland commissioned by the Department of Justice"),
                        (16, False, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
                        (16, False, "9 March 2027")])
    meta = _meta(path)
    assert (meta["kind"], meta["force"]) == ("commissioned", "Police Service of Northern Ireland")
    assert meta["published"] == date(2027, 3, 9)


def test_an_inspection_of_two_named_agencies_at_a_ministers_request_is_commissioned(tmp_path):
    path = tmp_path / "hmrc.pdf"
    _cover(path, None, [(26, True, "Excise fraud at the border"),
                        (11, True, "An inspection of HM Revenue and Customs and Border Force"),
                        (9, False, "Published 3 November 2026"),
                        (9, False, "Carried out at the request of the Financial Secretary to the Treasury.")])
    meta = _meta(path)
    assert (meta["kind"], meta["force"]) == ("commissioned", None)


def test_a_thematic_commissioned_by_a_minister_stays_thematic(tmp_path):
    path = tmp_path / "firearms.pdf"
    _cover(path, None, [(26, True, "Shotgun certificates: an inspection commissioned by the Home Secretary"),
                        (9, False, "Published 3 November 2026")])
    assert _meta(path)["kind"] == "thematic"


def test_a_date_after_the_inspectorates_name_beats_a_deadline_earlier_on_the_cover(tmp_path):
    path = tmp_path / "imprint.pdf"
    _cover(path, None, [(10, False, "By 31 March 2028, chief fire officers should vet all staff."),
                        (22, True, "Standing firm on culture"),
                        (11, False, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services, "
                                    "14 May 2027")])
    assert _meta(path)["published"] == date(2027, 5, 14)


def _letter(path, above: list[str], subject: str) -> None:
    """A letter: a letterhead, address lines, "Dear ...", then its subject in bold and a paragraph."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, 790, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services")
    y = 740
    for text in above:
        c.setFont("Helvetica", 10.5)
        c.drawString(56, y, text)
        y -= 16
    c.drawString(56, y - 10, "Dear Chief Constable,")
    c.setFont("Helvetica-Bold", 10.5)
    c.drawString(56, y - 34, subject)
    c.setFont("Helvetica", 10.5)
    c.drawString(56, y - 58, "I am writing to you about what our inspection of the force found in its control room.")
    c.drawString(56, y - 74, "Within three months of the date of this letter, the constabulary should:")
    c.showPage()
    c.save()


def test_a_letters_subject_below_its_salutation_names_the_force(tmp_path):
    path = tmp_path / "acoc.pdf"
    _letter(path, ["Date: 2 March 2027"], "Accelerated cause of concern: Dyfed-Powys Police's call handling")
    meta = _meta(path)
    assert meta["title"] == "Accelerated cause of concern: Dyfed-Powys Police's call handling"
    assert (meta["kind"], meta["force"]) == ("letter", "Dyfed-Powys Police")
    assert meta["published"] == date(2027, 3, 2)


def test_a_trackers_marking_and_imprint_are_not_its_title_nor_its_force(tmp_path):
    path = tmp_path / "tracker.pdf"
    _cover(path, None, [(7.5, False, "OFFICIAL"),
                        (8, True, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services"),
                        (8, True, "Theft from shops: an inspection of the police response (published 2 May 2026)"),
                        (7.5, False, "Annex C - tracker of recommendations and areas for improvement"),
                        (7.5, True, "Ref    Type    Text    Deadline    Owner    Status")]
           + [(7.5, False, f"R{n}    Recommendation    Chief constables should review how shop theft is recorded "
                           f"in area {n}.    30/09/2026    Chief constables    Open") for n in range(1, 6)])
    meta = _meta(path)
    assert meta["title"] == "Theft from shops: an inspection of the police response (published 2 May 2026)"
    assert meta["force"] is None
