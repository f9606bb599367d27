"""Items in shaded boxes and the lists they open, a lead-in's deadline over labelled items, text that a
print laid over a line, and a cover subtitle that names the inspected service (drawn lines and runs)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hmicfrs.extractors.deadlines import find_deadline
from hmicfrs.extractors.findings import extract_findings
from hmicfrs.extractors.report_meta import read_metadata
from hmicfrs.ingest.blocks import iter_blocks
from hmicfrs.ingest.layout import build_page
from hmicfrs.ingest.pdf import RawPage, Run
from hmicfrs.model import Line, Page


def ln(text, top, x0=72.0, size=10.0, bold=False, box=None):
    return Line(1, x0, top, x0 + min(5.0 * len(text), 450), top + size, text, size, bold, 0, box)


def found_on(lines):
    page = Page(1, 595, 842, "\n".join(line.text for line in lines), lines, 10.0)
    return extract_findings(list(iter_blocks([page]))).findings


def narrative(top, n=2):
    return [ln(f"We spoke to officers and staff about the way the work is organised, part {i}.", top + 13 * i)
            for i in range(n)]


def test_a_box_headed_by_a_plural_section_holds_one_item_per_paragraph():
    box = 1001
    lines = [ln("Preventing fires", 60, size=14, bold=True), *narrative(84),
             ln("Areas for improvement", 130, bold=True, box=box),
             ln("The service should evaluate its prevention work so that it knows what works.", 150, box=box),
             ln("The service should make sure it has enough qualified staff to inspect buildings.", 175, box=box),
             *narrative(210)]
    found = found_on(lines)
    assert [(f.kind, f.text) for f in found] == [
        ("area_for_improvement", "The service should evaluate its prevention work so that it knows what works."),
        ("area_for_improvement", "The service should make sure it has enough qualified staff to inspect buildings.")]


def test_a_label_box_keeps_its_second_paragraph():
    box = 1001
    lines = [ln("Policing the roads", 60, size=14, bold=True), *narrative(84),
             ln("Area for improvement", 130, bold=True, box=box),
             ln("The force should review how it deploys its roads policing officers at night.", 150, box=box),
             ln("The force should also publish the results of that review to the public.", 175, box=box),
             *narrative(210)]
    assert len(found_on(lines)) == 1


def test_a_cause_of_concern_box_ending_with_a_recommendations_line_opens_the_list_below_it():
    box = 1001
    lines = [ln("Responding to the public", 60, size=14, bold=True), *narrative(84),
             ln("Cause of concern", 130, bold=True, box=box),
             ln("The force does not answer calls from the public quickly enough.", 150, box=box),
             ln("Recommendations", 175, box=box),
             ln("Within three months, the force should:", 195, box=box),
             ln("\u2022 make sure that it has enough trained call handlers at busy times;", 225, x0=90),
             ln("\u2022 grade every call with a structured triage process; and", 240, x0=90),
             ln("\u2022 review every incident not attended within the target time.", 255, x0=90),
             ln("Main findings", 285, size=12, bold=True), *narrative(305)]
    found = found_on(lines)
    assert [f.kind for f in found] == ["cause_of_concern"] + ["recommendation"] * 3
    assert found[0].text == "The force does not answer calls from the public quickly enough."
    assert all(f.lead_in == "Within three months, the force should:" for f in found[1:])
    assert all(f.parent_key == found[0].key for f in found[1:])


def test_a_lead_in_deadline_governs_the_labelled_items_it_introduces():
    lines = [ln("Cause of concern", 60, bold=True),
             ln("The force does not always respond quickly enough to calls from the public.", 78),
             *narrative(100),
             ln("To address this cause of concern, we recommended that by 31 March 2024:", 140),
             ln("Recommendation 1", 160, bold=True),
             ln("The force should make sure that it has enough trained call handlers.", 178),
             ln("Recommendation 2", 200, bold=True),
             ln("By 30 June 2024, the force should record the risk to every caller.", 218)]
    found = found_on(lines)
    recs = [f for f in found if f.kind == "recommendation"]
    dates = [find_deadline(f.text, date(2023, 10, 1), f.lead_in, f.timescale).date for f in recs]
    assert dates == [date(2024, 3, 31), date(2024, 6, 30)]  # an item's own deadline still wins
    assert all(f.parent_key == found[0].key for f in recs)  # the lead-in says they answer the cause


def body_runs():
    return [Run(68, 100 + 15 * i, 540, 114 + 15 * i, f"Body text of the report, line {i} of the page.", 14, False)
            for i in range(6)]


def test_text_printed_over_a_line_that_its_run_has_no_room_for_is_dropped():
    over = Run(68, 200, 460, 214, "agree a minimum standard for safeguarding referrals.\r\nRunning footer: the "
               "report's own title repeated", 14, False)
    clipped = Run(362, 200, 366, 214, "g\r\nic", 14, False)  # a glyph fragment: no room for even one
    wrapped = Run(65, 240, 405, 247.5, "MICFRS \r\nOffice for National Statistics (2023), Crime in England", 7.5,
                  False)  # a wide run that holds both lines' text: kept whole
    # a footer's few words over a line, its run only a little too narrow for both (0.30 em a character)
    tight = Run(84, 220, 420, 234, "with local businesses and community safety partnerships to agr\r\nHMICFRS 2025",
                14, False)
    page = build_page(RawPage(1, 595, 842, [*body_runs(), over, clipped, wrapped, tight], [], 0, 0))
    texts = [line.text for line in page.lines]
    assert "agree a minimum standard for safeguarding referrals." in texts
    assert "with local businesses and community safety partnerships to agr" in texts
    assert not any("Running footer" in t or "HMICFRS" in t or t.endswith("g") for t in texts)
    assert "Office for National Statistics" in page.text


def test_a_cover_subtitle_over_a_date_line_names_the_inspected_service():
    cover = ("Effectiveness, efficiency and people 2021/22\nAn inspection of Essex County Fire and Rescue Service\n"
             "Published 27 July 2022")
    lines = [ln("Effectiveness, efficiency and people 2021/22", 200, size=18),
             ln("An inspection of Essex County Fire and Rescue Service", 236, size=14),
             ln("Published 27 July 2022", 260)]
    meta = read_metadata([replace(Page(1, 595, 842, cover, lines, 10.0))])
    assert meta["force"] == "Essex County Fire and Rescue Service"
    assert meta["kind"] == "frs"


def progress_cells(page, top, texts):
    """One printed line of a Recommendation | Progress | Status table (no gap between its rows)."""
    return [Line(page, x, top, x + 5.0 * len(t), top + 11, t, 10.0, False, 0, None)
            for x, t in zip((90, 230, 370), texts, strict=False) if t]


def test_a_progress_table_under_a_lead_in_gives_one_item_per_row_over_a_page_break():
    first = [ln("Cause of concern", 60, bold=True),
             ln("The force is not answering emergency calls quickly enough.", 78),
             ln("Our recommendations and the force's progress", 110, bold=True),
             ln("To address the cause of concern, we recommended that the force make changes. We said:", 128),
             ln("By 31 October 2024, the force should:", 146),
             *progress_cells(1, 170, ("Recommendation", "Progress", "Status")),
             *progress_cells(1, 183, ("make sure that it has", "The force has recruited", "Complete")),
             *progress_cells(1, 196, ("enough call handlers at all", "more call handlers and")),
             *progress_cells(1, 209, ("times of the day and", "changed its shifts so")),
             *progress_cells(1, 222, ("week;", "that more are on duty")),
             *progress_cells(1, 235, ("", "at weekends. We checked"))]
    second = [*progress_cells(2, 60, ("Recommendation", "Progress", "Status")),
              *progress_cells(2, 73, ("", "its rosters for the three")),
              *progress_cells(2, 86, ("", "months before our visit.")),
              *progress_cells(2, 99, ("improve the time it takes", "It now answers most", "Complete")),
              *progress_cells(2, 112, ("to answer emergency calls;", "calls within ten")),
              *progress_cells(2, 125, ("", "seconds, as the standard")),
              *progress_cells(2, 138, ("", "asks of it.")),
              *progress_cells(2, 151, ("grade every call with a", "We reviewed 120 logs.", "Partially complete")),
              *progress_cells(2, 164, ("structured triage model.", "Most were graded well."))]
    pages = [Page(n + 1, 595, 842, "", lines, 10.0) for n, lines in enumerate((first, second))]
    found = extract_findings(list(iter_blocks(pages))).findings
    recs = [f for f in found if f.kind == "recommendation"]
    assert [f.text for f in recs] == [
        "make sure that it has enough call handlers at all times of the day and week;",
        "improve the time it takes to answer emergency calls;",
        "grade every call with a structured triage model."]
    assert all(f.lead_in == "By 31 October 2024, the force should:" for f in recs)
    assert all(f.parent_key == found[0].key for f in recs)
