"""A letter to an area's partners: whom each item is for, from the addressee lines above "Dear ..."."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs.pipeline import read_document

HEAD = [
    ("Ofsted   Care Quality Commission   HMICFRS   HM Inspectorate of Probation", "Helvetica", 9),
    ("3 November 2025", "Helvetica", 10),
    ("Sam Patel, Chief Executive, Sandwell Metropolitan Borough Council", "Helvetica", 10),
    ("Jo Reid, Chief Executive, NHS Black Country Integrated Care Board", "Helvetica", 10),
    ("Chief Constable, West Midlands Police", "Helvetica", 10),
    ("Dear Ms Patel, Ms Reid and Chief Constable", "Helvetica", 10),
    ("Joint targeted area inspection of the response to children who go missing in Sandwell", "Helvetica-Bold", 12),
    ("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services inspected the area with us.",
     "Helvetica", 10),
    ("Areas for improvement", "Helvetica-Bold", 12),
    ("The safeguarding partners, and the agencies named below, need to improve:", "Helvetica", 10),
]
ITEMS = [
    "The timeliness with which West Midlands Police tells children's social care that a child is missing.",
    "The capacity of the council's return home interview service, so that every child is seen within 72 hours.",
    "How well the partnership shares what it learns from return home interviews with schools.",
]


def draw(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 790
    for text, font, size in HEAD:
        pdf.setFont(font, size)
        pdf.drawString(60, y, text)
        y -= 24
    pdf.setFont("Helvetica", 10)
    for text in ITEMS:
        pdf.drawString(60, y, "\u2022")
        pdf.drawString(75, y, text[:95])
        pdf.drawString(75, y - 13, text[95:])
        y -= 34
    pdf.save()
    return path


def test_items_of_a_letter_to_partners_are_for_the_partner_they_name(tmp_path):
    doc = read_document(draw(tmp_path / "letter.pdf"))
    assert doc.report.recipients == ["Sandwell Metropolitan Borough Council",
                                     "NHS Black Country Integrated Care Board", "West Midlands Police"]
    found = {f.text.split()[1]: (f.addressees, f.verdict) for f in doc.findings}
    assert found == {
        "timeliness": (["West Midlands Police"], "yes"),
        "capacity": (["Sandwell Metropolitan Borough Council"], "no"),
        "well": (doc.report.recipients, "yes"),
    }


def test_a_to_block_names_the_recipients_without_a_salutation():
    from hmicfrs.extractors.recipients import letter_recipients
    from hmicfrs.model import Line, Page

    texts = ["Joint inspection letter: Coventry", "To: Chief Executive, Coventry City Council",
             "Chief Executive, NHS Coventry and Warwickshire Integrated Care Board",
             "Chief Constable, West Midlands Police", "Copy: West Midlands Police and Crime Commissioner",
             "This letter summarises the findings of a joint inspection."]
    lines = [Line(1, 60, 100 + 14 * i, 500, 112 + 14 * i, t, 10, False) for i, t in enumerate(texts)]
    assert letter_recipients([Page(1, 595, 842, "\n".join(texts), lines, 10)]) == [
        "Coventry City Council", "NHS Coventry and Warwickshire Integrated Care Board", "West Midlands Police"]


def test_recipients_separated_by_semicolons_over_wrapped_lines():
    from hmicfrs.extractors.recipients import letter_recipients
    from hmicfrs.model import Line, Page

    texts = ["From Ofsted, Care Quality Commission, HMICFRS",
             "Chief Executive, Coventry City Council; Chief Executive, NHS Coventry and", "To",
             "Warwickshire Integrated Care Board; Chief Constable, West Midlands Police", "Date 9 October 2025",
             "Dear local partnership leaders"]
    lines = [Line(1, 60, 100 + 14 * i, 500, 112 + 14 * i, t, 10, False) for i, t in enumerate(texts)]
    assert letter_recipients([Page(1, 595, 842, "\n".join(texts), lines, 10)]) == [
        "Coventry City Council", "NHS Coventry and Warwickshire Integrated Care Board", "West Midlands Police"]


def draw_force_letter(path):
    """A letter to one chief constable: sender and address side by side above "Dear ...", a subject
    that names no force, and bullets under "the constabulary should:"."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, 800, "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services")
    pdf.setFont("Helvetica", 10)
    for i, (left, right) in enumerate([("Lee Grant", "Chief Constable Ann Holt"),
                                       ("His Majesty's Inspector of Constabulary", "Dyfed-Powys Police"),
                                       ("", "Police Headquarters"), ("", "4 June 2027")]):
        pdf.drawString(60, 760 - 14 * i, left)
        pdf.drawString(340, 760 - 14 * i, right)
    pdf.drawString(60, 680, "Dear Chief Constable,")
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(60, 656, "Accelerated cause of concern: how calls from the public are answered")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 630, "We found that too many calls from the public wait too long to be answered.")
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, 600, "Recommendations")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(60, 578, "Within three months of the date of this letter, the constabulary should:")
    for i, text in enumerate(["make sure that enough call handlers are on duty at the busiest times; and",
                              "review how supervisors check the priority of calls that are waiting."]):
        pdf.drawString(70, 556 - 22 * i, "\u2013")
        pdf.drawString(82, 556 - 22 * i, text)
    pdf.save()
    return path


def test_a_letter_to_one_force_whose_address_sits_beside_the_sender(tmp_path):
    doc = read_document(draw_force_letter(tmp_path / "acoc.pdf"))
    assert doc.report.recipients == ["Dyfed-Powys Police"]
    assert doc.report.kind == "letter"
    items = [f for f in doc.findings if f.kind == "recommendation"]
    assert len(items) == 2
    for item in items:
        assert item.addressees == ["Dyfed-Powys Police"]
        assert item.verdict == "no"
        assert str(item.deadline) == "2027-09-04"
