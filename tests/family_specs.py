"""The report families of issue 11, each as a small report to draw and the exact findings it holds.

Every family also prints the distractors that are never findings (family_pdfs: contents line,
glossary, practice box, another body's quoted recommendation, numbered body paragraphs, statistics
table). Texts are our own wording. Verdicts are for West Midlands Police.
"""

from __future__ import annotations

from family_pdfs import (
    CC,
    PAGEBREAK,
    PROSE,
    Box,
    Expected,
    Family,
    FillTo,
    H,
    Items,
    Label,
    P,
    contents,
    earlier_item_in_prose,
    glossary,
    numbered_paragraphs,
    practice_box,
    quoted_recommendation,
    statistics_table,
)
from family_specs_detect import DETECT_FAMILIES
from family_specs_more import FIRE, LETTER, PEEL_2016, TABLES, WEB_PRINT, WORD_ERA

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
     Expected("recommendation", "R5", "By 31 March 2026, police and crime commissioners should commission "
              "specialist advocacy services for victims of stalking in their areas.",
              ("police and crime commissioners",), "no", deadline="2026-03-31"),  # for the PCC's office
     Expected("recommendation", "R7", "Chief constables should make sure that breaches of stalking protection "
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
     P(PROSE),
     Label("Area for improvement", "The force should review how it allocates officers to neighbourhood teams.",
           boxed=False, inline=True),
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
              "stop and search.", DURHAM, "no"),
     Expected("area_for_improvement", None, "The force should review how it allocates officers to neighbourhood "
              "teams.", DURHAM, "no")],
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
     Label("Recommendation 4:", "It should, within 12 months, consult on a duty for online platforms to keep the data "
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

FAMILIES = [LABELS, LEAD_INS, PEEL, PEEL_SMALL_BULLETS, HEADINGS, TABLES, LETTER, FIRE, WORD_ERA, PEEL_2016, WEB_PRINT,
            *DETECT_FAMILIES]
