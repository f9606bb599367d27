"""Report families whose items earlier extractors missed or over-read (heldout rounds 8 and 9): items
named in a summary table's Type column and inline after paragraph numbers; an annual assessment with
labels over bold text, an index of short titles and last year's progress table; a Word-era force
report; a revisit letter whose items each carry a status and an assessment. Our own wording."""

from __future__ import annotations

from family_pdfs import CC, PAGEBREAK, PROSE, Box, Expected, Family, Grid, H, Items, Label, P, contents

WMP = ("West Midlands Police",)
HARBOUR = ("Harbour Constabulary",)
WESSEX = ("Wessex Fire and Rescue Service",)

# (12) A specialist force: summary table "Finding | Type | Para", items inline after paragraph numbers ---

BRIDGE_R1 = ("By 31 October 2026, the constabulary should review its firearms training so that every officer "
             "completes the hours the national curriculum requires.")
BRIDGE_AFI1 = ("The constabulary should record the results of its exercises so that lessons are shared across its "
               "units.")
BRIDGE_R2 = ("The constabulary should make sure that its strategic plan sets out how it will meet the demand of the "
             "new terminals over the next ten years.")
BRIDGE_AFI2 = ("Shift supervisors should make sure that they check and record the welfare of officers who work long "
               "shifts at remote berths.")
BRIDGE_COC = ("The constabulary does not oversee its use of force well enough. Not every use of force is recorded, "
              "and nobody reviews the records that are made.")
BRIDGE_COC_R = ("Recommendation: The constabulary should make sure that every use of force is recorded in full and "
                "that senior officers review the records each month.")

NUMBERED = Family(
    "numbered", "Harbour Constabulary: an inspection of effectiveness and efficiency", "12 May 2026",
    [*contents(("1. Summary", 3), ("2. Operations", 4), ("Appendix A", 5)),
     H("1. Summary"), P(PROSE, "1.1"),
     P("Table 1 lists our recommendations and areas for improvement, with the paragraph that explains each.", "1.2"),
     Grid([["Finding", "Type", "Para"], [BRIDGE_R1, "Recommendation 1", "2.2"],
           [BRIDGE_AFI1, "Area for improvement 1", "2.4"], [BRIDGE_R2, "Recommendation 2", "2.6"]],
          [0.66, 0.2, 0.14]),
     PAGEBREAK,
     H("2. Operations"), P(PROSE, "2.1"), P("<b>Recommendation 1:</b> " + BRIDGE_R1, "2.2"), P(PROSE, "2.3"),
     P("<b>Area for improvement 1:</b> " + BRIDGE_AFI1, "2.4"), P(PROSE, "2.5"),
     P("<b>Recommendation 2:</b> " + BRIDGE_R2, "2.6"),
     H("Areas for improvement", 2), P(BRIDGE_AFI2),
     H("Cause of concern"), P("The constabulary has worked well with the port operators, and staff told us they felt "
                              "well supported during the busy summer season."),
     Label("Cause of concern", BRIDGE_COC),
     H("Summary of findings", 2),
     P(BRIDGE_COC_R, hanging=30),
     P(BRIDGE_AFI2 + " (2.7)", "3.1"),
     PAGEBREAK,
     H("Appendix A: Progress on recommendations from our 2019 report"),
     P("<b>Recommendation (2019):</b> The constabulary should make sure that its custody records show the care "
       "given to every detainee. Achieved."),
     P(PROSE)],
    [Expected("recommendation", "1", BRIDGE_R1, HARBOUR, "no", deadline="2026-10-31"),
     Expected("area_for_improvement", "1", BRIDGE_AFI1, HARBOUR, "no"),
     Expected("recommendation", "2", BRIDGE_R2, HARBOUR, "no"),
     Expected("area_for_improvement", None, BRIDGE_AFI2, HARBOUR, "no"),
     Expected("cause_of_concern", None, BRIDGE_COC, HARBOUR, "no"),
     Expected("recommendation", None, BRIDGE_COC_R.removeprefix("Recommendation: "), HARBOUR, "no")],
)

# (13) An annual assessment: labels over bold text in long narrative, an index, last year's progress ----

ANNUAL_1 = ("The Home Office should, by the end of 2026, set out a funding plan that gives forces certainty about "
            "their budgets for at least three years.")
ANNUAL_2 = ("Chief constables should make sure that investigators have manageable workloads, and should monitor "
            "them every month.")
ANNUAL_AFI = "Forces should make better use of stalking protection orders to keep victims safe."
ANNUAL = Family(
    "annual", "The State of Policing: the annual assessment of policing in England and Wales 2026", "9 July 2026",
    [H("Summary of recommendations"),
     P("The recommendations appear in the chapters they relate to. They are indexed here."),
     Grid([["Recommendation 1: funding plan", "4"], ["Recommendation 2: investigator workloads", "4"]], [0.8, 0.2]),
     H("Part 1: The state of policing"), P(PROSE), P(PROSE),
     P("RECOMMENDATION 1", bold=True), P(ANNUAL_1, bold=True), P(PROSE),
     P("RECOMMENDATION 2", bold=True), P(ANNUAL_2, bold=True), P(PROSE),
     H("Area for improvement"), P("Audit arrangements are in place, but their findings are not always acted on."),
     P(PROSE), Label("Area for improvement 1", ANNUAL_AFI),
     PAGEBREAK,
     H("Part 2: Progress on last year\u2019s recommendations"),
     Grid([["No.", "Recommendation (2025)", "Progress"],
           ["1", "The Home Office should introduce a new funding formula by April 2026.", "Not implemented"],
           ["2", "Chief constables should make sure that every new officer has a tutor.", "In progress"]],
          [0.1, 0.65, 0.25]),
     P(PROSE)],
    [Expected("recommendation", "1", ANNUAL_1, ("Home Office",), "no", deadline="2026-12-31"),
     Expected("recommendation", "2", ANNUAL_2, CC, "yes"),
     Expected("area_for_improvement", "1", ANNUAL_AFI, CC, "yes")],
)

# (14) A Word-era force report and a summary of findings beside numbered recommendations -------------

OLD_I = ("That the Force develops a documented strategy for its professional standards department, setting out "
         "how it will prevent misconduct as well as investigate it.")
OLD_II = "That the Force introduces, by April 2007, a system for identifying officers who attract repeated complaints."
OLD_1 = "HMIC recommends that chief constables should keep a single record of every vetting decision."
OLD_AFI = "There is no formal process for sharing the lessons learned from complaints with operational managers."
WORD_OLD = Family(
    "word-old", "West Midlands Police: inspection of professional standards", "16 October 2006",
    [H("Summary"), P(PROSE, "1.1"),
     P("Several forces told inspectors that they had no single list of vetting decisions. <b>Recommendation 1</b> "
       "– " + OLD_1, "1.2"),
     P("The force is a member of the national stop and search scheme. Forces in the scheme should:"),
     Items([("\u2022", "record the outcome of every stop and search;"),
            ("\u2022", "publish the data they hold on stop and search.")]),
     P("What is working well:"), Items([("\u2022", "Complaints are recorded promptly and accurately.")]),
     P("What needs to improve:"), Items([("\u2022", "Too few complaint files showed a supervisor\u2019s review.")]),
     H("Areas for improvement", 2), Items([("\u2022", OLD_AFI)]),
     H("Recommendations"), P("HMIC makes the following recommendations:", "3.1"),
     Items([("(i)", OLD_I), ("(ii)", OLD_II)]),
     P("HMIC will review progress against these recommendations in 2007.", "3.2")],
    [Expected("recommendation", "1", OLD_1, CC, "yes"),
     Expected("recommendation", "i", OLD_I, WMP, "yes"),
     Expected("recommendation", "ii", OLD_II, WMP, "yes", deadline="2007-04-30"),
     Expected("area_for_improvement", None, OLD_AFI, WMP, "yes")],
)

# (15) A revisit letter: (a) (b) each with a status line and an assessment; an "In this letter" box ----

REVISIT_COC = ("The service does not make sure that the risk information its crews need is accurate and available "
               "to them.")
REVISIT_LEAD = "By 31 December 2025, the service should:"
REVISIT_A = "review its site-specific risk information, starting with the premises of highest risk;"
REVISIT_B = "make sure that crews can reach this information on every fire engine."
REVISIT = Family(
    "revisit", "Cause of concern revisit: Wessex Fire and Rescue Service", "14 March 2026",
    [Box("In this letter", ["Background", "Cause of concern 1: risk information", "Next steps",
                            "Annex: summary of progress"]),
     H("Cause of concern 1: risk information"),
     H("Cause of concern (2025)", 2), P(REVISIT_COC),
     H("Recommendations (2025)", 2), P(REVISIT_LEAD),
     Items([("(a)", REVISIT_A)]), P("<b>Status: Completed</b>"),
     P("The service has reviewed all its records. We sampled 40 and found them accurate."),
     Items([("(b)", REVISIT_B)]), P("<b>Status: Partially completed</b>"),
     P("Crews told us the terminals are more reliable, but four reserve engines still had none."),
     H("Next steps"), P(PROSE)],
    [Expected("cause_of_concern", None, REVISIT_COC, WESSEX, "no"),
     Expected("recommendation", "a", REVISIT_A, WESSEX, "no", lead_in=REVISIT_LEAD,
              parent="cause_of_concern-u1", deadline="2025-12-31", status="Completed"),
     Expected("recommendation", "b", REVISIT_B, WESSEX, "no", lead_in=REVISIT_LEAD,
              parent="cause_of_concern-u1", deadline="2025-12-31", status="Partially completed")],
)

DETECT_FAMILIES = [NUMBERED, ANNUAL, WORD_OLD, REVISIT]
