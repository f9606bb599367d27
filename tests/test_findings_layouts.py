"""Extraction on PDFs drawn by the fixtures, one layout feature per test."""

from datetime import date

from hmicfrs.pipeline import read_document
from hmicfrs.samples import Bullets, Item, Sample, build_pdf, filler


def by_ref(doc, kind):
    return {f.ref: f for f in doc.findings if f.kind == kind}


def test_summary_and_chapter_copies_are_one_finding_with_both_pages(extracted):
    doc = extracted["fraud-2024-sample"]
    recs = by_ref(doc, "recommendation")
    assert sorted(recs) == ["1", "2", "3", "4"]
    assert all(len(f.pages) == 2 and f.pages[0] == 2 for f in recs.values())
    assert len(doc.findings) == 5


def test_footnote_marker_is_dropped_from_the_text(extracted):
    rec3 = by_ref(extracted["fraud-2024-sample"], "recommendation")["3"]
    assert "training programme in fraud investigation" in rec3.text


def test_sub_bullets_are_kept_as_dash_lines(extracted):
    rec4 = by_ref(extracted["fraud-2024-sample"], "recommendation")["4"]
    assert rec4.text.endswith("make sure that:\n- fraud offences are recorded with the correct classification; and"
                              "\n- a flag identifying the victim as vulnerable is added to the record.")


def test_report_metadata(extracted):
    report = extracted["kent-peel-sample"].report
    assert report.kind == "peel"
    assert report.force == "Kent Police"
    assert report.published == date(2024, 5, 16)
    assert report.pcc_response_due == date(2024, 7, 11)
    assert extracted["fraud-2024-sample"].report.kind == "thematic"


def test_peel_bullets_carry_lead_in_and_parent_cause_of_concern(extracted):
    doc = extracted["kent-peel-sample"]
    cause = [f for f in doc.findings if f.kind == "cause_of_concern"]
    bullets = [f for f in doc.findings if f.kind == "recommendation"]
    assert len(cause) == 1 and len(bullets) == 3
    assert all(b.lead_in == "By 31 March 2025, the force should:" for b in bullets)
    assert all(b.parent_key == cause[0].key for b in bullets)
    assert bullets[1].text == "review its use of pre-charge bail for domestic abuse suspects; and"
    assert all(b.deadline == date(2025, 3, 31) for b in bullets)


def test_two_column_layout_reads_each_column_in_order(extracted):
    recs = by_ref(extracted["custody-2016-sample"], "recommendation")
    assert recs["1"].text.startswith("Within three months, all forces should make sure that every detainee")
    assert recs["1"].text.endswith("on arrival in custody.")
    assert recs["2"].deadline == date(2016, 12, 31)


def test_committee_paper_quoting_hmicfrs_yields_no_findings_and_a_warning(extracted):
    doc = extracted["committee-paper-sample"]
    assert doc.findings == []
    assert any("not an HMICFRS report" in w for w in doc.report.warnings)


def test_box_split_by_a_page_break_is_one_finding(tmp_path):
    long_text = ("By 30 June 2026, chief constables should make sure that their forces review cases."
                 + "\n\nThe review should cover every open case and every closed case. " * 6
                 + "This ends the recommendation.")
    sample = Sample("A thematic inspection of something", "1 March 2026",
                    [("h", "1. Chapter"), filler(46), Item("Recommendation 1", long_text), filler(3, 2)])
    doc = read_document(build_pdf(sample, tmp_path / "split.pdf"))
    [rec] = doc.findings
    assert len(rec.pages) == 2
    assert rec.text.endswith("This ends the recommendation.")
    assert "Officers told us" not in rec.text  # the filler after the box is not swallowed


def test_lead_in_separated_from_bullets_by_a_page_break(tmp_path):
    sample = Sample("PEEL 2025: An inspection of Essex Police", "2 February 2025",
                    [filler(10), Item("Cause of concern", "The force doesn\u2019t answer calls quickly enough."),
                     Bullets("Within six months, the force should:", ["answer 999 calls within ten seconds;",
                              "review its call handling staffing."], page_break_before_bullets=True),
                     filler(2)])
    doc = read_document(build_pdf(sample, tmp_path / "peel.pdf"))
    recs = [f for f in doc.findings if f.kind == "recommendation"]
    assert [r.text for r in recs] == ["answer 999 calls within ten seconds;", "review its call handling staffing."]
    assert all(r.deadline == date(2025, 8, 2) and r.lead_in for r in recs)
    assert all(r.addressees == ["Essex Police"] and r.verdict == "no" for r in recs)


def plain_report(path, lines):
    """A report drawn with no cover, running footer or other mark of the inspectorate."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    y = 780
    for size, bold, text in lines:
        canvas.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        canvas.drawString(72, y, text)
        y -= size * 1.6
    canvas.save()
    return path


def test_a_report_whose_pages_do_not_name_hmicfrs_is_read_when_it_speaks_of_an_inspection(tmp_path):
    lines = [(20, True, "PEEL 2025: An inspection of Essex Police"), (11, False, "Published 2 February 2025"),
             (11, False, "This report sets out what we found when we inspected the force."),
             (11, True, "Recommendation 1"),
             (11, False, "By 31 March 2026, the force should make sure that its call handlers are trained.")]
    doc = read_document(plain_report(tmp_path / "plain.pdf", lines))
    assert [f.text for f in doc.findings] == [lines[-1][2]]
    assert any("do not name HMICFRS" in w for w in doc.report.warnings)
    other = [(20, True, "Annual report of the Widget Society"), *lines[3:]]
    assert read_document(plain_report(tmp_path / "other.pdf", other)).findings == []  # no inspection: no report
