"""The report families of issue 11, each as a small report to draw and the exact findings it holds.

Every family also prints the distractors that are never findings (family_pdfs: contents line,
glossary, practice box, another body's quoted recommendation, numbered body paragraphs, statistics
table). Texts are our own wording. Verdicts are for West Midlands Police.
"""

from __future__ import annotations

from family_pdfs import (
    PAGEBREAK,
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

CC = ("chief constables",)
PROSE = ("Officers told us that they wanted more training. Between 2022 and 2024 the number of reports rose "
         "by a quarter, and the number of investigators stayed the same.")

# (1) Labelled items --------------------------------------------------------------------------------

LABELS = Family(
    "labels", "Seen and heard: an inspection of how the police respond to stalking", "5 March 2025",
    [*contents(("Summary", 3), ("Recommendations", 4), ("1. Responding to reports", 5), ("2. Investigation", 7)),
     H("Summary"), P(PROSE + "<super>1</super>"), *glossary(), quoted_recommendation(), PAGEBREAK,
     H("1. Responding to reports"), *numbered_paragraphs(1), statistics_table(),
     Label("Recommendation 1", "By 31 December 2025, chief constables should make sure that a trained supervisor "
           "reviews every report of stalking within 24 hours of it being recorded."),
     P(PROSE),
     Label("Recommendation 2", "The College of Policing should revise its guidance on stalking protection orders "
           "so that officers know when to apply for an interim order.", boxed=False, inline=True),
     P(PROSE), practice_box("Promising practice"),
     H("2. Investigation"), P(PROSE),
     Label("Cause of concern", "Forces are closing too many stalking investigations without interviewing the "
           "suspect, which leaves victims at risk of further harm."),
     Label("Recommendation 3", "Chief constables should make sure that every stalking suspect is interviewed "
           "before an investigation is closed."),
     H("Data and support for victims", 2), P(PROSE),
     Label("Recommendation 3.1", "Within six months, the Home Office should publish the number of stalking "
           "protection orders made in each force area."),
     Label("Recommendation 4a", "Chief constables should make sure that victims of stalking are given the name "
           "of an officer they can contact about their case."),
     Label("Area for improvement 1", "Forces should improve how they record the relationship between the victim "
           "and the suspect in stalking cases."),
     Label("Area for improvement 2", "Forces should make better use of the stalking screening tool when they "
           "first assess a report."),
     H("3. Updated recommendations"), earlier_item_in_prose(),
     Label("R5", "By 31 March 2026, police and crime commissioners should commission specialist advocacy "
           "services for victims of stalking in their areas.", boxed=False),
     Label("R7 (new)", "Chief constables should make sure that breaches of stalking protection orders are "
           "recorded as crimes.", boxed=False),
     P(PROSE)],
    [Expected("recommendation", "1", "By 31 December 2025, chief constables should make sure that a trained "
              "supervisor reviews every report of stalking within 24 hours of it being recorded.", CC, "yes",
              deadline="2025-12-31"),
     Expected("recommendation", "2", "The College of Policing should revise its guidance on stalking protection "
              "orders so that officers know when to apply for an interim order.", ("College of Policing",), "no"),
     Expected("cause_of_concern", None, "Forces are closing too many stalking investigations without interviewing "
              "the suspect, which leaves victims at risk of further harm.", CC, "yes"),
     Expected("recommendation", "3", "Chief constables should make sure that every stalking suspect is interviewed "
              "before an investigation is closed.", CC, "yes", parent="cause_of_concern-u1"),
     Expected("recommendation", "3.1", "Within six months, the Home Office should publish the number of stalking "
              "protection orders made in each force area.", ("Home Office",), "no", deadline="2025-09-05"),
     Expected("recommendation", "4a", "Chief constables should make sure that victims of stalking are given the "
              "name of an officer they can contact about their case.", CC, "yes"),
     Expected("area_for_improvement", "1", "Forces should improve how they record the relationship between the "
              "victim and the suspect in stalking cases.", CC, "yes"),
     Expected("area_for_improvement", "2", "Forces should make better use of the stalking screening tool when they "
              "first assess a report.", CC, "yes"),
     Expected("recommendation", "5", "By 31 March 2026, police and crime commissioners should commission "
              "specialist advocacy services for victims of stalking in their areas.",
              ("police and crime commissioners",), "yes", deadline="2026-03-31"),
     Expected("recommendation", "7", "Chief constables should make sure that breaches of stalking protection "
              "orders are recorded as crimes.", CC, "yes")],
    footnotes={3: "The IOPC recommended in 2022 that forces should appoint a stalking lead in every area."},
)

# (2) Lead-ins and their lists: a joint inspection (numbered lines) and a PEEL report (bullets) -------

CPS = ("Crown Prosecution Service",)
POLICE_FORCES = "Police forces should:"
THE_CPS = "The Crown Prosecution Service should:"
TOGETHER = "Police forces and the CPS should work together to:"
COLLEGE = "The College of Policing, working with chief constables, should:"
CUT = ("agree, by 31 March 2026, a joint protocol for sharing digital evidence in cases involving young adults, "
       "so that prosecutors receive the material they need to make a charging decision at the first request.")

LEAD_INS = Family(
    "lead-ins", "Charged and waiting: a joint inspection of how the police and the CPS handle cases involving "
    "young adults", "18 June 2025",
    [*contents(("Summary", 3), ("Recommendations", 4), ("1. Case files", 6)),
     H("Summary"), P(PROSE), *glossary(), quoted_recommendation(), PAGEBREAK,
     H("Recommendations"),
     P(POLICE_FORCES),
     Items([("1", "include a record of the views of the victim in every file sent to the CPS for a charging "
             "decision; and"),
            ("2", "by 31 January 2026, train all investigators who handle cases involving young adults in the "
             "national file quality standard.")]),
     P(THE_CPS),
     Items([("3", "within six months, set a standard for the time taken to give charging advice in cases involving "
             "young adults;"),
            ("4", "publish its performance against that standard every quarter; and"),
            ("4a", "explain in each area plan how it will meet the standard.")]),
     P(COLLEGE),
     Items([("\u2022", "develop guidance on assessing the maturity of young adult suspects, for all forces to "
             "adopt.")]),
     FillTo(3.2),
     P(TOGETHER),
     Items([("\u2022", CUT)]),
     P(PROSE),
     H("1. Case files"), *numbered_paragraphs(1), statistics_table(), practice_box("Good practice"), P(PROSE)],
    [Expected("recommendation", "1", "include a record of the views of the victim in every file sent to the CPS "
              "for a charging decision; and", CC, "yes", lead_in=POLICE_FORCES),
     Expected("recommendation", "2", "by 31 January 2026, train all investigators who handle cases involving young "
              "adults in the national file quality standard.", CC, "yes", lead_in=POLICE_FORCES,
              deadline="2026-01-31"),
     Expected("recommendation", "3", "within six months, set a standard for the time taken to give charging advice "
              "in cases involving young adults;", CPS, "no", lead_in=THE_CPS, deadline="2025-12-18"),
     Expected("recommendation", "4", "publish its performance against that standard every quarter; and", CPS, "no",
              lead_in=THE_CPS),
     Expected("recommendation", "4a", "explain in each area plan how it will meet the standard.", CPS, "no",
              lead_in=THE_CPS),
     Expected("recommendation", None, "develop guidance on assessing the maturity of young adult suspects, for all "
              "forces to adopt.", ("College of Policing", "chief constables"), "yes", lead_in=COLLEGE),
     Expected("recommendation", None, CUT, ("chief constables", "Crown Prosecution Service"), "yes",
              lead_in=TOGETHER, deadline="2026-03-31")],
)

DURHAM = ("Durham Constabulary",)
WITHIN_THREE = "Within three months, the force should:"

PEEL = Family(
    "peel", "PEEL 2023\u20132025: An inspection of Durham Constabulary", "10 April 2025",
    [*contents(("Overall summary", 3), ("Causes of concern and recommendations", 4), ("Responding to the public", 5)),
     H("Overall summary"), P(PROSE), *glossary(), statistics_table(), PAGEBREAK,
     H("Responding to the public"), *numbered_paragraphs(2),
     Box("Cause of concern", ["The constabulary does not answer non-emergency calls quickly enough, and too many "
                              "callers give up before their call is answered."]),
     H("Recommendations", 2), P(WITHIN_THREE),
     Items([("\u2022", "make sure it has enough call handlers to meet demand at the busiest times;"),
            ("\u2022", "monitor how many non-emergency calls are abandoned and act on what it finds; and"),
            ("\u2022", "tell callers how long they can expect to wait.")]),
     P(PROSE), practice_box("Innovative practice"),
     Box("Area for improvement", ["The force should improve how supervisors review investigations of crimes "
                                  "against vulnerable victims."]),
     P(PROSE), quoted_recommendation(),
     Box("Area for improvement", ["The force should make sure that officers record the reasons for every stop "
                                  "and search."]),
     P(PROSE)],
    [Expected("cause_of_concern", None, "The constabulary does not answer non-emergency calls quickly enough, and "
              "too many callers give up before their call is answered.", DURHAM, "no"),
     *(Expected("recommendation", None, text, DURHAM, "no", lead_in=WITHIN_THREE, parent="cause_of_concern-u1",
                deadline="2025-07-10")
       for text in ("make sure it has enough call handlers to meet demand at the busiest times;",
                    "monitor how many non-emergency calls are abandoned and act on what it finds; and",
                    "tell callers how long they can expect to wait.")),
     Expected("area_for_improvement", None, "The force should improve how supervisors review investigations of "
              "crimes against vulnerable victims.", DURHAM, "no"),
     Expected("area_for_improvement", None, "The force should make sure that officers record the reasons for every "
              "stop and search.", DURHAM, "no")],
)

# The same PEEL list with Word's habit of a bullet glyph set smaller than the text ---------------------

PEEL_SMALL_BULLETS = Family(
    "peel-small-bullets", "PEEL 2023\u20132025: An inspection of Cumbria Constabulary", "12 June 2025",
    [*contents(("Overall summary", 3), ("Causes of concern and recommendations", 4)),
     H("Overall summary"), *glossary(), statistics_table(), quoted_recommendation(), PAGEBREAK,
     H("Responding to the public"), *numbered_paragraphs(3), practice_box("Promising practice"),
     Box("Cause of concern", ["The constabulary does not make sure that people who report domestic abuse are "
                              "visited promptly when they are at high risk."]),
     H("Recommendations", 2), P("By 30 November 2025, the force should:"),
     Items([("\u2022", "attend every high-risk domestic abuse report within the time its policy sets;"),
            ("\u2022", "check each week that the policy is being followed.")]),
     P(PROSE)],
    [Expected("cause_of_concern", None, "The constabulary does not make sure that people who report domestic abuse "
              "are visited promptly when they are at high risk.", ("Cumbria Constabulary",), "no"),
     *(Expected("recommendation", None, text, ("Cumbria Constabulary",), "no",
                lead_in="By 30 November 2025, the force should:", parent="cause_of_concern-u1", deadline="2025-11-30")
       for text in ("attend every high-risk domestic abuse report within the time its policy sets;",
                    "check each week that the policy is being followed."))],
    marker_size=9,
)

# (3) Addressee headings: the text says only "they should" / "it should" ------------------------------

HEADINGS = Family(
    "headings", "Left on read: an inspection of how the police deal with abuse online", "3 July 2025",
    [*contents(("Summary", 3), ("Recommendations", 3), ("1. Recording and risk", 5)),
     H("Summary"), P(PROSE), *glossary(),
     H("Recommendations", 2),
     H("Recommendations for chief constables", 2),
     Label("Recommendation 1", "By 31 January 2026, they should make sure that a trained officer assesses the risk "
           "in every report of abuse online.", boxed=False),
     Label("Recommendation 2", "They should record whether each offence of abuse online involved a social media "
           "platform, and which one.", boxed=False),
     H("For the College of Policing", 2),
     Label("Recommendation 3", "By 30 June 2026, it should publish guidance for investigators on obtaining evidence "
           "from social media companies.", boxed=False),
     H("Recommendation for the Home Office", 2),
     Label("Recommendation 4", "It should, within 12 months, consult on a duty for online platforms to keep the data "
           "that the police need for investigations.", boxed=False),
     PAGEBREAK,
     H("1. Recording and risk"), *numbered_paragraphs(1), quoted_recommendation(), earlier_item_in_prose(),
     Label("Recommendation 1", "By 31 January 2026, they should make sure that a trained officer assesses the risk "
           "in every report of abuse online."),
     P(PROSE), statistics_table(), practice_box("Good practice"),
     Label("Recommendation 3", "By 30 June 2026, it should publish guidance for investigators on obtaining evidence "
           "from social media companies."),
     P(PROSE)],
    [Expected("recommendation", "1", "By 31 January 2026, they should make sure that a trained officer assesses the "
              "risk in every report of abuse online.", CC, "yes", deadline="2026-01-31"),
     Expected("recommendation", "2", "They should record whether each offence of abuse online involved a social "
              "media platform, and which one.", CC, "yes"),
     Expected("recommendation", "3", "By 30 June 2026, it should publish guidance for investigators on obtaining "
              "evidence from social media companies.", ("College of Policing",), "no", deadline="2026-06-30"),
     Expected("recommendation", "4", "It should, within 12 months, consult on a duty for online platforms to keep "
              "the data that the police need for investigations.", ("Home Office",), "no", deadline="2026-07-03")],
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

TABLES = Family(
    "tables", "Data in the dock: an inspection of how the police disclose evidence to prosecutors", "2 October 2025",
    [*contents(("Summary", 3), ("Recommendations", 4), ("1. Disclosure in practice", 5)),
     H("Summary"), P(PROSE), *glossary(), quoted_recommendation(), PAGEBREAK,
     H("Recommendations"), P(PROSE), P(PROSE), P(PROSE), FillTo(7),
     Grid([TABLE_HEAD, *TABLE_ROWS], [0.08, 0.5, 0.24, 0.18]),
     H("Areas for improvement", 2), Grid(AFI_ROWS, [0.08, 0.62, 0.3]),
     H("1. Disclosure in practice"), *numbered_paragraphs(1), statistics_table(), practice_box("Promising practice"),
     P(PROSE)],
    [Expected("recommendation", "1", TABLE_ROWS[0][1], CC, "yes", deadline="2026-03-31"),
     Expected("recommendation", "2", TABLE_ROWS[1][1], ("National Police Chiefs' Council",), "no",
              deadline="2025-12-31"),
     Expected("recommendation", "3", TABLE_ROWS[2][1], ("chief constables", "police and crime commissioners"), "yes",
              deadline="2026-06-30"),
     Expected("recommendation", "4", TABLE_ROWS[3][1], ("College of Policing",), "no", immediate=True),
     Expected("recommendation", "5", TABLE_ROWS[4][1], CC, "yes"),
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
     H("Our 2023 recommendations", 2),
     Label("Recommendation 1 (2023)", "By 31 December 2023, the force should make sure that an officer attends "
           "every reported burglary of a home within 48 hours.", boxed=False, after=["Progress: partially met"]),
     P("The force now attends most burglaries within 48 hours, but it does not yet do so at weekends."),
     Label("Recommendation 2 (2023)", "The force should make sure that a forensic examination is requested for "
           "every burglary where there is evidence to recover.", boxed=False, after=["Status: achieved"]),
     P("Requests are now made in almost every case, and the force checks them every month."),
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
    [Expected("recommendation", "1", "By 31 December 2023, the force should make sure that an officer attends every "
              "reported burglary of a home within 48 hours.", WMP, "yes", deadline="2023-12-31",
              status="partially met"),
     Expected("recommendation", "2", "The force should make sure that a forensic examination is requested for every "
              "burglary where there is evidence to recover.", WMP, "yes", status="achieved"),
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

FAMILIES = [LABELS, LEAD_INS, PEEL, PEEL_SMALL_BULLETS, HEADINGS, TABLES, LETTER, FIRE, WORD_ERA, WEB_PRINT]
