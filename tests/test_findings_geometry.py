"""Items found from the page's geometry and wording in layouts met in round 2 (hand-built lines, run
through blocks and the findings pass): numbered paragraphs under findings headings, themes and nested
sub-lists, labels in a wrapping margin or a sidebar, tracker rows, progress parts."""

from __future__ import annotations

from dataclasses import replace

from hmicfrs.extractors.cues import looks_like_item, match_lead_in, states_action
from hmicfrs.extractors.findings import extract_findings
from hmicfrs.ingest.blocks import iter_blocks
from hmicfrs.ingest.layout import build_page
from hmicfrs.ingest.pdf import RawPage, Run
from hmicfrs.ingest.tables import find_tables
from hmicfrs.model import Line, Page

STEP = 13.0


def ln(text, top, x0=72.0, size=10.0, bold=False, width=None, page=1):
    width = width if width is not None else min(5.0 * len(text), 450)
    return Line(page, x0, top, x0 + width, top + size, text, size, bold, 0, None)


def para(text_lines, top, x0=72.0, hang=None, **kw):
    """A paragraph's lines; `hang`: where the wrapped lines start (a hanging indent)."""
    return [ln(t, top + i * STEP, x0 if i == 0 or hang is None else hang, **kw) for i, t in enumerate(text_lines)]


def findings_of(*pages_lines, width=595.0):
    pages = [Page(i + 1, width, 842, "", [replace(line, page=i + 1) for line in lines], 10.0)
             for i, lines in enumerate(pages_lines)]
    return extract_findings(list(iter_blocks(pages)))


def test_numbered_paragraphs_under_findings_headings_are_items_and_their_summary_copies_merge():
    # an older custody report: "2.14 The force should ..." under plain headings, again in a summary
    chapter = [ln("Section 2. Strategy", 60, size=14, bold=True),
               *para(["2.1 The force had a clear commitment to the safe treatment of detainees. Custody",
                      "was led by a chief inspector."], 90),
               ln("Recommendations", 130, bold=True),
               *para(["2.14 The force should develop a custody strategy, with a supporting action plan,",
                      "that sets out how it will reduce the number of detentions."], 150, hang=100),
               ln("Areas for improvement", 190, bold=True),
               *para(["2.16 Cell call bells should be explained to all detainees on arrival, and should be",
                      "answered promptly."], 210, hang=100)]
    summary = [ln("Section 6. Summary of recommendations", 60, size=14, bold=True),
               ln("Recommendations", 90, size=13, bold=True),
               ln("Strategy", 110, bold=True),
               *para(["2.14 The force should develop a custody strategy, with a supporting action plan,",
                      "that sets out how it will reduce the number of detentions."], 130, hang=100),
               ln("Areas for improvement", 170, bold=True),
               ln("Strategy", 190, bold=True),
               *para(["2.16 Cell call bells should be explained to all detainees on arrival, and should be",
                      "answered promptly."], 210, hang=100)]
    found = findings_of(chapter, summary).findings
    assert [(f.kind, f.ref, f.pages) for f in found] == [("recommendation", "2.14", [1, 2]),
                                                         ("area_for_improvement", "2.16", [1, 2])]
    assert found[1].text == "Cell call bells should be explained to all detainees on arrival, and should be " \
                            "answered promptly."


def test_numbered_paragraphs_copy_only_where_the_report_labels_its_items():
    lines = [ln("Recommendations", 60, size=14, bold=True),
             *para(["2.3 The force should publish a plan for its custody suites."], 90),
             ln("Recommendation 1", 130, bold=True),
             *para(["The force should review how it records the use of force in custody."], 150)]
    extraction = findings_of(lines)
    assert [(f.ref, f.text) for f in extraction.findings] == [
        ("1", "The force should review how it records the use of force in custody.")]
    assert [r.rule for r in extraction.rejections] == ["reject-numbered-paragraph"]


def test_themed_items_keep_their_nested_sub_lists():
    lines = [ln("3. Recommendations", 60, size=14, bold=True),
             ln("1", 90, size=12, bold=True, width=6), ln("Leadership and partnership working", 90, x0=110, size=12,
                                                            bold=True),
             *para(["1.1 By 31 March 2027, chief constables should agree a shared set of outcome",
                    "measures. These should include:"], 115, hang=110),
             *para(["a) the number of young people admitted to hospital with injuries; and"], 150, x0=130),
             *para(["b) measures of the effect of early intervention programmes, including:"], 168, x0=130),
             *para(["i) the proportion who complete a programme; and"], 186, x0=160),
             *para(["ii) the proportion who are not arrested after they complete it."], 204, x0=160),
             *para(["1.2 Chief constables should make sure that a chief officer attends every board."], 230),
             ln("2", 260, size=12, bold=True, width=6), ln("Stop and search", 260, x0=110, size=12, bold=True),
             *para(["2.1 Chief constables of forces that use stop and search should, by 31 December",
                    "2026:"], 285, hang=110),
             *para(["a) record the outcome of every search of a person under 18; and"], 320, x0=130),
             *para(["b) make sure that a supervisor reviews a sample of those searches."], 338, x0=130)]
    found = findings_of(lines).findings
    assert [f.ref for f in found] == ["1.1", "1.2", "2.1"]
    assert found[0].text.endswith("These should include:\n- a) the number of young people admitted to hospital "
                                  "with injuries; and\n- b) measures of the effect of early intervention programmes,"
                                  " including:\n- i) the proportion who complete a programme; and\n- ii) the "
                                  "proportion who are not arrested after they complete it.")
    assert found[2].text.startswith("Chief constables of forces that use stop and search should, by 31 December "
                                    "2026:\n- a) record")
    assert found[2].lead_in is None


def test_a_numbered_theme_heading_is_no_table_header():
    lines = [ln("1", 90, size=12, bold=True, width=6), ln("Leadership and partnership working", 90, x0=110, size=12,
                                                          bold=True, width=180),
             *para(["1.1 By 31 March 2027, chief constables should agree with their partners a shared",
                    "set of outcome measures for the work of the unit.", "more of the item's text here."], 115,
                   hang=110)]
    assert find_tables(lines)[0] == []


def test_a_label_with_a_letter_ref():
    found = findings_of([*para(["Area for improvement A: Forces should improve how they identify young people",
                                "at risk of serious violence."], 100)]).findings
    assert [(f.kind, f.ref) for f in found] == [("area_for_improvement", "A")]
    assert found[0].text.startswith("Forces should improve")


def test_a_label_with_a_letter_ref_on_its_own_line_heads_the_paragraph_below():
    lines = [*para(["Call handlers told us that they often could not see earlier calls from the same person."], 60),
             ln("Area for improvement C", 90, bold=True, width=120),
             *para(["Forces should make sure their call handlers can see when a caller has rung before",
                    "in the same week."], 110),
             ln("Area for improvement D", 150, bold=True, width=120),
             *para(["Forces should record the outcome of each referral they make, including:"], 170),
             ln("\u2022 whether the person was already known to the service; and", 185, x0=90),
             ln("\u2022 what the partner agency did next.", 198, x0=90)]
    found = findings_of(lines).findings
    assert [(f.kind, f.ref) for f in found] == [("area_for_improvement", "C"), ("area_for_improvement", "D")]
    assert found[0].text == "Forces should make sure their call handlers can see when a caller has rung before " \
                            "in the same week."
    assert "what the partner agency did next." in found[1].text


def test_a_label_wrapped_in_a_narrow_margin_keeps_its_text_beside_it():
    lines = [ln("Area for", 100, x0=79, size=9, bold=True, width=34),
             ln("The force should improve how it records crimes when the victim is a child and", 100.4, x0=174,
                width=340),
             ln("improvement 1", 113.5, x0=79, size=9, bold=True, width=62),
             ln("the report comes from a partner agency.", 113.9, x0=174, width=170)]
    found = findings_of(lines).findings
    assert [(f.kind, f.ref, f.text) for f in found] == [
        ("area_for_improvement", "1", "The force should improve how it records crimes when the victim is a child "
                                      "and the report comes from a partner agency.")]


def test_labels_in_a_margin_beside_one_line_items_stay_with_their_own_items():
    lines = []
    for i, text in enumerate(["make sure that every member of staff can raise concerns;",
                              "carry out background checks on all staff; and",
                              "review how their services use data on grievances."]):
        lines += [ln(f"R{i + 1}", 100 + 20 * i, x0=73, bold=True, width=13),
                  ln(text, 100 + 20 * i, x0=107, width=300)]
    found = findings_of([ln("By the end of March 2027, chief fire officers should:", 80), *lines]).findings
    assert [(f.ref, f.text[:12]) for f in found] == [("R1", "make sure th"), ("R2", "carry out ba"),
                                                     ("R3", "review how t")]


def test_a_sidebar_label_takes_its_text_from_the_sidebar_not_the_body_beside_it():
    lines = [ln("Recommendation R1", 93.5, x0=571, size=9.5, bold=True, width=98),
             ln("There is no single national strategy that sets out how protective security work", 96.8, x0=45,
                width=470),
             ln("is co-ordinated between counter-terrorism policing and local forces.", 111.8, x0=45, width=400),
             ln("By 31 December 2026, the National Police Chiefs'", 108.5, x0=571, size=9.5, width=209),
             ln("Council lead should publish a national protective", 119.5, x0=571, size=9.5, width=205),
             ln("security strategy.", 130.5, x0=571, size=9.5, width=80)]
    lines.sort(key=lambda line: line.top)  # top to bottom, as the page layout reads them
    found = findings_of(lines, width=842).findings
    assert [(f.ref, f.text) for f in found] == [
        ("R1", "By 31 December 2026, the National Police Chiefs' Council lead should publish a national protective "
               "security strategy.")]


def test_a_bullets_wrapped_line_that_opens_with_a_number_is_no_new_item():
    lines = [ln("Within three months, the force should:", 80),
             ln("\u2022", 98.4, x0=66, width=4),
             ln("make sure that all reports of violent crime are recorded as crimes within", 98, x0=80, width=420),
             ln("24 hours of the report; and", 111, x0=80, width=150),
             ln("\u2022", 130.4, x0=66, width=4),
             ln("introduce a daily audit of incidents closed as no crime.", 130, x0=80, width=300)]
    found = findings_of(lines).findings
    assert [f.text for f in found] == [
        "make sure that all reports of violent crime are recorded as crimes within 24 hours of the report; and",
        "introduce a daily audit of incidents closed as no crime."]


def test_tracker_rows_read_left_to_right_with_centred_and_type_cells():
    header = [ln(t, 103.4, x0=x, size=7.5, bold=True, width=w) for t, x, w in
              (("Ref", 55, 14), ("Type", 97, 19), ("Text", 191, 18), ("Deadline", 582, 36), ("Owner", 636, 27))]
    row1 = [ln("Chief constables and police and crime commissioners should agree a single", 113.46, x0=191,
               size=7.5, width=360),
            ln("AFI2", 113.54, x0=55, size=7.5, width=16), ln("Area for improvement", 113.54, x0=97, size=7.5,
                                                                 width=78),
            ln("Within 6 months Chief constables", 113.54, x0=570, size=7.5, width=120),
            ln("point of contact for reporting retail crime.", 122.1, x0=191, size=7.5, width=170)]
    row2 = [ln("R3", 145.6, x0=55, size=7.5, width=9), ln("Recommendation", 145.6, x0=97, size=7.5, width=64),
            ln("Develop a national definition of a prolific shop theft offender.", 145.6, x0=191, size=7.5,
               width=300),
            ln("31/12/2026", 145.6, x0=580, size=7.5, width=42), ln("NPCC", 145.6, x0=637, size=7.5, width=20)]
    found = findings_of([*header, *row1, *row2], width=842).findings
    assert [(f.kind, f.ref) for f in found] == [("area_for_improvement", "AFI2"), ("recommendation", "R3")]
    assert found[0].text == "Chief constables and police and crime commissioners should agree a single point of " \
                            "contact for reporting retail crime."
    assert found[0].timescale == "Within 6 months"


def test_a_progress_part_that_reuses_this_reports_numbers_is_the_earlier_reports():
    lines = [ln("Progress against our 2014 recommendations", 60, size=16, bold=True),
             *para(["Recommendation 4 The College of Policing should review the authorised professional practice."],
                   90),
             *para(["Recommendation 8 ACPO should publish guidance on the use of protection notices."], 110),
             ln("Our new recommendations", 150, size=16, bold=True),
             *para(["Recommendation 4 The Home Office should amend the annual data requirement for all forces."],
                   180)]
    extraction = findings_of(lines)
    assert [(f.ref, f.text[:15]) for f in extraction.findings] == [("4", "The Home Office")]
    assert sorted(r.rule for r in extraction.rejections) == ["reject-earlier-report"] * 2


def test_a_restated_part_stays_when_its_numbers_are_its_own():
    lines = [ln("Progress against our 2021 recommendations", 60, size=16, bold=True),
             *para(["Recommendation 1 Chief constables should review how they record rape reports."], 90)]
    assert [f.ref for f in findings_of(lines).findings] == ["1"]


def test_a_line_in_small_bold_capitals_is_a_label_not_small_print():
    runs = [Run(62, 440 + 14 * i, 500, 451 + 14 * i, f"Body text of the inspection report line {i}.", 11, False)
            for i in range(8)]
    runs += [Run(62, 558, 172, 566.5, "AREA FOR IMPROVEMENT", 8.5, True),
             Run(62, 570, 500, 581, "The agency should improve how it records the rationale for decisions.", 11,
                 False),
             Run(62, 600, 90, 607, "1 A footnote in small type.", 7, False)]
    page = build_page(RawPage(1, 595, 842, runs, [], 0, 0))
    texts = [line.text for line in page.lines]
    assert "AREA FOR IMPROVEMENT" in texts and "1 A footnote in small type." not in texts
    found = extract_findings(list(iter_blocks([page]))).findings
    assert [(f.kind, f.text) for f in found] == [
        ("area_for_improvement", "The agency should improve how it records the rationale for decisions.")]


def test_a_lead_in_is_the_last_sentence_of_its_paragraph():
    assert match_lead_in("To address this cause of concern I make the following recommendations. By 31 May 2026, "
                         "the chief constable should:") == "By 31 May 2026, the chief constable should:"


def test_item_sentences_with_two_subjects_or_a_plain_noun_subject():
    assert looks_like_item("By 31 May 2027, the National Crime Agency and chief constables should agree a protocol.")
    assert states_action("Ligature points identified in cells at Aylsham and Wymondham should be removed.")
    assert states_action("Risk assessments should be thorough and take account of all available information.")
    assert not states_action("We recommended in 2009 that the force should develop better links with partners.")
    assert not states_action("The force had a clear commitment to the safe treatment of detainees.")


def test_a_closing_list_after_an_intro_sentence_keeps_every_numbered_item():
    lines = [ln("5. Recommendations", 60, size=14, bold=True),
             *para(["5.1 We make the following recommendations."], 90),
             ln("1. By 28 February 2027, the National Crime Agency should review:", 110, x0=73),
             ln("(a) the criteria it uses to decide which referrals to develop; and", 128, x0=99),
             ln("(b) the quality assurance of the packages it sends to police forces.", 146, x0=99),
             ln("2. By 31 May 2027, the National Crime Agency and chief constables should agree a protocol.", 168,
                x0=72),
             ln("3. The Home Office should assess whether the agency has the funding it needs.", 190, x0=72)]
    found = findings_of(lines).findings
    assert [f.ref for f in found] == ["1", "2", "3"]
    assert found[0].text.endswith("\n- (b) the quality assurance of the packages it sends to police forces.")


def test_a_row_cut_by_a_page_break_under_a_repeated_header_is_one_item():
    def header(top):
        return [ln("No.", top, x0=63, bold=True, width=18), ln("Area for improvement", top, x0=97, bold=True,
                                                               width=100),
                ln("Lead", top, x0=636, bold=True, width=22)]
    first = [*header(400), ln("1", 420, x0=64, width=5),
             ln("Forces should improve the quality of their investigation plans.", 420, x0=97, width=300),
             ln("Forces", 420, x0=636, width=30),
             ln("2", 450, x0=64, width=5),
             ln("Forces should make better use of the information held by retailers to identify", 450, x0=97,
                width=390),
             ln("Chief constables", 450, x0=636, width=75)]
    second = [*header(60), ln("organised crime groups that are involved in shoplifting.", 80, x0=97, width=280),
              ln("Annex B: Methodology", 140, x0=63, size=14, bold=True),
              ln("We inspected eight forces between September and December 2025.", 165, x0=63, width=400)]
    found = findings_of(first, second, width=842).findings
    assert [(f.ref, f.pages) for f in found] == [("1", [1]), ("2", [1, 2])]
    assert found[1].text.endswith("to identify organised crime groups that are involved in shoplifting.")
