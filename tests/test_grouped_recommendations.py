"""Recommendations grouped under "For the ..." headings in a report on a specialist force: the heading
says who "it" is (a police authority, named as printed), and a body named beside the force that is not
a police body is kept."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs.pipeline import read_document

LINES = [  # (text, font, size, x); a numbered item's text runs on at x=78
    ("Civil Nuclear Constabulary: an inspection of site security 2027", "Helvetica-Bold", 18, 60),
    ("Published 3 March 2027", "Helvetica", 10, 60),
    ("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "Helvetica", 10, 60),
    ("Recommendations", "Helvetica-Bold", 14, 60),
    ("Some of the changes needed are not in the constabulary's own hands. We therefore make the", "Helvetica", 10, 60),
    ("following recommendations.", "Helvetica", 10, 60),
    ("For the Civil Nuclear Police Authority", "Helvetica-Bold", 12, 60),
    ("1.", "Helvetica", 10, 60),
    ("By 31 May 2027, it should make sure that its plan for the constabulary sets out how it will", "Helvetica",
     10, 78),
    ("measure the time officers take to reach each site.", "Helvetica", 10, 78),
    ("For the Civil Nuclear Constabulary and Network Rail", "Helvetica-Bold", 12, 60),
    ("2.", "Helvetica", 10, 60),
    ("By 30 September 2027, the Civil Nuclear Constabulary and Network Rail should agree how officers", "Helvetica",
     10, 78),
    ("travelling between sites by rail will be supported in an emergency.", "Helvetica", 10, 78),
    ("Our findings", "Helvetica-Bold", 14, 60),
    ("Officers told us that they wanted more training in the use of the new radio system.", "Helvetica", 10, 60),
]


def draw(path):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 790
    for text, font, size, x in LINES:
        if text.endswith(".") and len(text) <= 3:  # a number beside the first line of its item
            pdf.setFont(font, size)
            pdf.drawString(x, y, text)
            continue
        y -= 10 if size > 10 else 0
        pdf.setFont(font, size)
        pdf.drawString(x, y, text)
        y -= size + 8
    pdf.save()
    return path


def test_a_heading_names_the_authority_and_a_named_partner_is_kept(tmp_path):
    doc = read_document(draw(tmp_path / "cnc.pdf"))
    assert doc.report.force == "Civil Nuclear Constabulary"
    found = {f.ref: (f.addressees, f.verdict, f.deadline and f.deadline.isoformat()) for f in doc.findings}
    assert found == {
        "1": (["Civil Nuclear Police Authority"], "no", "2027-05-31"),
        "2": (["Civil Nuclear Constabulary", "Network Rail"], "no", "2027-09-30"),
    }
