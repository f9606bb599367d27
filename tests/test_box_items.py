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
