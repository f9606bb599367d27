"""The report's own count of its items against what was extracted, on PDFs drawn here."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs.extractors.selfcheck import extracted_counts
from hmicfrs.pipeline import read_document

ITEMS = [
    ("Recommendation 1", "By 31 March 2026, chief constables should review every open case file."),
    ("Recommendation 2", "The College of Policing should publish guidance on case file reviews."),
]


def draw(path, claim: str):
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 780
    for text, font, size in [("An inspection of case file reviews", "Helvetica-Bold", 18),
                             ("His Majesty's Inspectorate of Constabulary and Fire & Rescue Services", "Helvetica", 10),
                             ("Published 12 May 2025", "Helvetica", 10), (claim, "Helvetica", 10)]:
        pdf.setFont(font, size)
        pdf.drawString(60, y, text)
        y -= 30
    for label, text in ITEMS:
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(60, y, label)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(60, y - 16, text)
        y -= 50
    pdf.save()
    return path


def test_a_count_that_differs_is_a_warning(tmp_path):
    doc = read_document(draw(tmp_path / "short.pdf", "We have made three recommendations to improve reviews."))
    assert len(doc.findings) == 2
    assert "the report says it makes 3 recommendations; 2 were extracted: check the report" in doc.report.warnings


def test_a_count_that_agrees_is_silent(tmp_path):
    doc = read_document(draw(tmp_path / "right.pdf", "We have made two recommendations to improve reviews."))
    assert len(doc.findings) == 2 and not doc.report.warnings


def test_another_reports_count_is_not_a_claim(tmp_path):
    doc = read_document(draw(tmp_path / "old.pdf", "In 2019 we made seven recommendations about reviews."))
    assert not doc.report.warnings


def test_parts_of_one_item_count_once():
    from hmicfrs.model import Finding

    findings = [Finding("recommendation", ref, "text", [1], "r") for ref in ("5", "5a", "6")]
    findings.append(Finding("area_for_improvement", None, "text", [1], "r"))
    assert extracted_counts(findings) == {"recommendation": 2, "area_for_improvement": 1}
