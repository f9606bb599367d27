"""The report families of issue 11, continued: tables, a revisit letter, a fire and rescue service
inspection, a Word-era report and a web page printed by a browser (see family_specs.py)."""

from __future__ import annotations

from family_pdfs import (
    CC,
    PAGEBREAK,
    PROSE,
    Box,
    Expected,
    Family,
    FillTo,
    Grid,
    H,
    Items,
    Label,
    Landscape,
    P,
    contents,
    earlier_item_in_prose,
    glossary,
    numbered_paragraphs,
    practice_box,
    quoted_recommendation,
    statistics_table,
)

# (4) Items only in a table, wrapping rows, split over a page with its header repeated ----------------

TABLE_HEAD = ["No.", "Recommendation", "Responsible body", "Target date"]
TABLE_ROWS = [
    ["1", "Make sure that every case file sent to prosecutors includes a complete schedule of the unused material "
     "gathered in the investigation.", "Chief constables", "31 March 2026"],
    ["2", "Set a national standard for the format of digital evidence sent to prosecutors, and publish it for all "
     "forces to use.", "National Police Chiefs\u2019 Council", "December 2025"],
    ["3", "Review the capacity of disclosure teams against demand, and agree a plan to close any gap that the "
     "review finds.", "Chief constables and police and crime commissioners", "30 June 2026"],
    ["4", "Add disclosure to the curriculum for every new investigator, with an assessment at the end of the "
     "course.", "College of Policing", "Immediately"],
    ["5", "Tell victims when material about them is to be disclosed to the defence, and explain why.",
     "Chief constables", "No date set"],
]
AFI_ROWS = [["No.", "Area for improvement", "Responsible body"],
            ["1", "Improve how supervisors check the schedules of unused material before a file is sent.",
             "Chief constables"],
            ["2", "Make better use of the disclosure management document in complex cases.", "Chief constables"]]

HOME_OFFICE_ROW = ("Within 12 months, consult on changes to the disclosure code of practice so that it covers "
                   "material held on personal phones.")
CPS_ROW = "Make sure that every request for further material tells the investigator why the material is needed."

TABLES = Family(
    "tables", "Data in the dock: an inspection of how the police disclose evidence to prosecutors", "2 October 2025",
    [*contents(("Summary", 3), ("Recommendations", 4), ("1. Disclosure in practice", 5)),
     H("Summary"), P(PROSE), *glossary(), quoted_recommendation(), PAGEBREAK,
     H("Recommendations"), P(PROSE), P(PROSE), P(PROSE), FillTo(7),
     Grid([TABLE_HEAD, *TABLE_ROWS], [0.08, 0.5, 0.24, 0.18]),
     H("Areas for improvement", 2), Grid(AFI_ROWS, [0.08, 0.62, 0.3]),
     PAGEBREAK, H("Recommendations for other bodies", 2), H("To the Home Office", 2),
     Grid([["No.", "Recommendation"], ["6", HOME_OFFICE_ROW]], [0.1, 0.9]),
     H("To the Crown Prosecution Service", 2),
     Grid([["No.", "Recommendation"], ["7", CPS_ROW]], [0.1, 0.9]),
     H("1. Disclosure in practice"), *numbered_paragraphs(1), statistics_table(), practice_box("Promising practice"),
     P(PROSE)],
    [Expected("recommendation", "1", TABLE_ROWS[0][1], CC, "yes", deadline="2026-03-31"),
     Expected("recommendation", "2", TABLE_ROWS[1][1], ("National Police Chiefs' Council",), "no",
              deadline="2025-12-31"),
     Expected("recommendation", "3", TABLE_ROWS[2][1], ("chief constables", "police and crime commissioners"), "yes",
              deadline="2026-06-30"),
     Expected("recommendation", "4", TABLE_ROWS[3][1], ("College of Policing",), "no", immediate=True),
     Expected("recommendation", "5", TABLE_ROWS[4][1], CC, "yes"),
     Expected("recommendation", "6", HOME_OFFICE_ROW, ("Home Office",), "no", deadline="2026-10-02"),
     Expected("recommendation", "7", CPS_ROW, ("Crown Prosecution Service",), "no"),
     Expected("area_for_improvement", "1", AFI_ROWS[1][1], CC, "yes"),
     Expected("area_for_improvement", "2", AFI_ROWS[2][1], CC, "yes")],
)

# (5) A revisit letter: restated items with their status lines, then a new item ---------------------

WMP = ("West Midlands Police",)

LETTER = Family(
    "letter", "Revisit of West Midlands Police: progress against our 2023 recommendations on burglary",
    "14 May 2025",
    [P("His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services"),
     P("From: Helen Marsh, His Majesty\u2019s Inspector of Constabulary"),
     P("To: The Chief Constable, West Midlands Police"), P("Date: 14 May 2025"),
     P("Revisit of West Midlands Police: progress against our 2023 recommendations on burglary", bold=True),
     Box("In this letter", [f"Our 2023 recommendations {'.' * 30} 1", f"New recommendation {'.' * 30} 2",
                            f"Annex: summary of progress {'.' * 30} 3"]),
     P("Dear Chief Constable,"),
     P("In our 2023 inspection of how the force investigates burglary, we made two recommendations and identified "
       "one area for improvement. We revisited the force in March 2025. This letter sets out what we found."),
     *glossary("the force"), quoted_recommendation(),
     H("Our 2023 cause of concern and recommendations", 2),
     Label("Cause of concern (2023)", "The force is not investigating burglary well enough. Too few burglaries are "
           "attended promptly, and evidence is often lost.", boxed=False,
           after=["Our assessment: partially addressed"]),
     Label("Recommendation 1 (2023)", "By 31 December 2023, the force should make sure that an officer attends "
           "every reported burglary of a home within 48 hours.", boxed=False, after=["Progress: partially met"]),
     P("The force now attends most burglaries within 48 hours, but it does not yet do so at weekends."),
     Label("Recommendation 2 (2023)", "The force should make sure that a forensic examination is requested for "
           "every burglary where there is evidence to recover.", boxed=False, after=["Status: achieved"]),
     P("Requests are now made in almost every case, and the force checks them every month."),
     H("Our 2023 area for improvement", 2),
     Label("Area for improvement 1 (2023)", "The force should improve how it keeps victims of burglary informed "
           "about the progress of their case.", boxed=False, after=["Progress: not met"]),
     P("Victims told us that they still do not hear from the force after the first visit."),
     *numbered_paragraphs(2),
     practice_box("Good practice"),
     H("New recommendation", 2),
     Label("Recommendation 3 (2025)", "By 30 November 2025, West Midlands Police should introduce a standard for "
           "burglary investigations and check every month that investigators meet it.", boxed=False),
     P("Yours sincerely,"), P("Helen Marsh"), PAGEBREAK,
     H("Annex: summary of progress"),
     Grid([["Item", "Subject", "Our assessment"],
           ["Recommendation 1 (2023)", "Attendance at burglaries", "Partially met"],
           ["Recommendation 2 (2023)", "Forensic examinations", "Achieved"],
           ["Area for improvement 1 (2023)", "Updates to victims", "Not met"]], [0.34, 0.4, 0.26]),
     statistics_table()],
    [Expected("cause_of_concern", None, "The force is not investigating burglary well enough. Too few burglaries "
              "are attended promptly, and evidence is often lost.", WMP, "yes", status="partially addressed"),
     Expected("recommendation", "1", "By 31 December 2023, the force should make sure that an officer attends every "
              "reported burglary of a home within 48 hours.", WMP, "yes", parent="cause_of_concern-u1",
              deadline="2023-12-31", status="partially met"),
     Expected("recommendation", "2", "The force should make sure that a forensic examination is requested for every "
              "burglary where there is evidence to recover.", WMP, "yes", parent="cause_of_concern-u1",
              status="achieved"),
     Expected("area_for_improvement", "1", "The force should improve how it keeps victims of burglary informed about "
              "the progress of their case.", WMP, "yes", status="not met"),
     Expected("recommendation", "3", "By 30 November 2025, West Midlands Police should introduce a standard for "
              "burglary investigations and check every month that investigators meet it.", WMP, "yes",
              deadline="2025-11-30")],
    cover=False, header="Revisit letter: West Midlands Police",
)

# (6) A fire and rescue service inspection: not for a police force -----------------------------------

NORTHMOOR = ("Northmoor Fire and Rescue Service",)
BY_SEPTEMBER = "By 30 September 2025, the service should:"
REPORT_PROGRESS = ("report its progress against the inspection programme to the fire authority every quarter, with "
                   "the number of premises at high risk that it has not inspected in the last year and the reasons "
                   "why, so that the authority can hold it to account.")

FIRE = Family(
    "fire", "Effectiveness, efficiency and people 2023\u201325: An inspection of Northmoor Fire and Rescue Service",
    "8 May 2025",
    [*contents(("Overall summary", 3), ("Cause of concern and recommendations", 4), ("Preventing fires", 5)),
     H("Overall summary"), P(PROSE), *glossary("a fire and rescue service"),
     Grid([["Area", "Grade"], ["Preventing fires and other risks", "Requires improvement"],
           ["Protecting the public through fire regulation", "Inadequate"],
           ["Responding to fires and other emergencies", "Good"]], [0.6, 0.4]),
     quoted_recommendation("the Grenfell Tower Inquiry"), PAGEBREAK,
     H("Protecting the public through fire regulation"), P(PROSE),
     Box("Cause of concern", ["The service does not have enough qualified fire safety inspectors to carry out its "
                              "inspection programme, so premises at high risk are not inspected often enough."]),
     FillTo(7.8), H("Recommendations", 2), P(BY_SEPTEMBER),
     Items([("\u2022", "make sure it has enough qualified fire safety inspectors to meet its inspection programme;"),
            ("\u2022", "inspect the premises at highest risk first; and"),
            ("\u2022", REPORT_PROGRESS)]),
     P(PROSE), practice_box("Promising practice"),
     H("Preventing fires"), *numbered_paragraphs(2),
     Box("Area for improvement", ["The service should make sure that its prevention work is aimed at the people "
                                  "most at risk of fire."]),
     P(PROSE), statistics_table(),
     Box("Area for improvement", ["The service should evaluate its safe and well visits so that it knows which of "
                                  "them reduce risk."]),
     P(PROSE)],
    [Expected("cause_of_concern", None, "The service does not have enough qualified fire safety inspectors to carry "
              "out its inspection programme, so premises at high risk are not inspected often enough.", NORTHMOOR,
              "no"),
     *(Expected("recommendation", None, text, NORTHMOOR, "no", lead_in=BY_SEPTEMBER, parent="cause_of_concern-u1",
                deadline="2025-09-30")
       for text in ("make sure it has enough qualified fire safety inspectors to meet its inspection programme;",
                    "inspect the premises at highest risk first; and",
                    REPORT_PROGRESS)),
     Expected("area_for_improvement", None, "The service should make sure that its prevention work is aimed at the "
              "people most at risk of fire.", NORTHMOOR, "no"),
     Expected("area_for_improvement", None, "The service should evaluate its safe and well visits so that it knows "
              "which of them reduce risk.", NORTHMOOR, "no")],
)

# (7) A Word-era report: serif type, a landscape summary, (a) (b) sub-items, deadlines mid-sentence ----

ACPO = ("Association of Chief Police Officers",)
PLANS = "Chief constables should, no later than 31 March 2016, review their public order plans to make sure that:"
PLAN_SUBS = [("(a)", "the plans reflect the current assessment of threat;"),
             ("(b)", "commanders are trained and accredited for their roles; and"),
             ("(c)", "mutual aid arrangements are tested at least once a year.")]
CONTAIN = ("Within six months of the publication of this report, ACPO should develop national guidance on the use "
           "of containment at public order events.")
TRAINING = ("The Association of Chief Police Officers and the College of Policing should, no later than 31 March "
            "2016, agree a national standard for public order training, which all forces should then adopt.")
STOP = "Chief constables should immediately stop using officers who are not accredited as public order commanders."

WORD_ERA = Family(
    "word-era", "Keeping the peace: a review of how police forces plan for public order events", "17 March 2015",
    [*contents(("Summary", 3), ("Recommendations", 4), ("1. Planning", 5)),
     H("Summary"), P(PROSE), *glossary(), quoted_recommendation("the Independent Police Complaints Commission"),
     Landscape([H("Summary of recommendations"),
                Items([("1.", PLANS)]), Items(PLAN_SUBS, sub=True),
                Items([("2.", CONTAIN), ("3.", TRAINING), ("4.", STOP)])]),
     H("1. Planning"), *numbered_paragraphs(1),
     Label("Recommendation 1", PLANS, boxed=False, subs=PLAN_SUBS),
     P(PROSE), statistics_table(), practice_box("Good practice"),
     H("2. Command"), *numbered_paragraphs(2), earlier_item_in_prose(),
     Label("Recommendation 2", CONTAIN, boxed=False, inline=True),
     P(PROSE)],
    [Expected("recommendation", "1", PLANS + "".join(f"\n- {m} {t}" for m, t in PLAN_SUBS), CC, "yes",
              deadline="2016-03-31"),
     Expected("recommendation", "2", CONTAIN, ACPO, "no", deadline="2015-09-17"),
     Expected("recommendation", "3", TRAINING, ("Association of Chief Police Officers", "College of Policing",
                                                "chief constables"), "yes", deadline="2016-03-31"),
     Expected("recommendation", "4", STOP, CC, "yes", immediate=True)],
    font="Times-Roman",
)

# (6/7) A 2016 PEEL report on West Midlands Police in Word: the lead-in "we recommend that the force should,
# within six months:" opens a "1." list answering the cause of concern; AFIs are bullets under a heading

RECOMMEND = "To address this cause of concern, we recommend that the force should, within six months:"
PEEL_2016_RECS = ["introduce a plan to reduce the number of crimes that wait more than a week to be allocated;",
                  "make sure that supervisors review every open investigation at least once a month; and",
                  "tell victims who is investigating their crime and how to contact them."]
PEEL_2016_AFIS = ["The force should improve how it identifies repeat victims when they first call.",
                  "The force should make sure that its officers understand how to use body-worn video."]

PEEL_2016 = Family(
    "peel-2016", "PEEL: Police effectiveness 2016: An inspection of West Midlands Police", "2 March 2017",
    [*contents(("Overall judgement", 3), ("Investigating crime", 4), ("Areas for improvement", 5)),
     H("Overall judgement"), P(PROSE), *glossary(), statistics_table(), PAGEBREAK,
     H("Investigating crime"), *numbered_paragraphs(2),
     P("Cause of concern", bold=True),
     P("The force is not allocating investigations quickly enough, and too many victims wait weeks before anyone "
       "looks at their crime."),
     P(RECOMMEND),
     Items([(f"{i}.", text) for i, text in enumerate(PEEL_2016_RECS, 1)]),
     P(PROSE), quoted_recommendation(), practice_box("Notable practice"),
     H("Areas for improvement", 2),
     Items([("\u2022", text) for text in PEEL_2016_AFIS]),
     P(PROSE)],
    [Expected("cause_of_concern", None, "The force is not allocating investigations quickly enough, and too many "
              "victims wait weeks before anyone looks at their crime.", WMP, "yes"),
     *(Expected("recommendation", str(i), text, WMP, "yes", lead_in=RECOMMEND, parent="cause_of_concern-u1",
                deadline="2017-09-02") for i, text in enumerate(PEEL_2016_RECS, 1)),
     *(Expected("area_for_improvement", None, text, WMP, "yes") for text in PEEL_2016_AFIS)],
    font="Times-Roman",
)

# (7) An HTML page printed by a browser: its print header (date, title) and footer (URL, "3/5") ---------

TASER_1 = ("By 31 March 2026, chief constables should make sure that every officer who carries a Taser has had "
           "refresher training in the last 12 months.")
TASER_2 = ("The National Police Chiefs\u2019 Council should, within six months, publish national data on the use of "
           "Taser on children.")
TASER_AFI = "Forces should improve how they record the reasons an officer gave for drawing a Taser."

WEB_PRINT = Family(
    "web-print", "Drawn and discharged: an inspection of the police use of Taser", "20 August 2025",
    [H("Drawn and discharged: an inspection of the police use of Taser"),
     P("Published on: 20 August 2025"),
     P("His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services"),
     *contents(("Summary", 1), ("Recommendations", 2), ("1. Training", 3))[1:-1],
     H("Summary", 2), P(PROSE), *glossary(), quoted_recommendation(),
     H("Recommendations", 2),
     Label("Recommendation 1", TASER_1), FillTo(1.8), Label("Recommendation 2", TASER_2),
     Label("Area for improvement 1", TASER_AFI),
     H("1. Training", 2), *numbered_paragraphs(1), statistics_table(), practice_box("Promising practice"),
     P(PROSE), earlier_item_in_prose(), P(PROSE), P(PROSE), P(PROSE)],
    [Expected("recommendation", "1", TASER_1, CC, "yes", deadline="2026-03-31"),
     Expected("recommendation", "2", TASER_2, ("National Police Chiefs' Council",), "no", deadline="2026-02-20"),
     Expected("area_for_improvement", "1", TASER_AFI, CC, "yes")],
    cover=False, web_print="https://hmicfrs.justiceinspectorates.gov.uk/publications/drawn-and-discharged/",
)
