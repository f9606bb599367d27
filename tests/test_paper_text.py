"""The board paper's wording, rule by rule: counts sentences, summaries taken from page text (or left
out), inspectorates, labels and sub-bullets."""

import pytest

from hmicfrs.exports.paper_text import (
    clean,
    condition_of,
    counts_sentence,
    inspectorates,
    label,
    split_text,
    summary_of,
)

WMP = "West Midlands Police"
REC, AFI, COC = "recommendation", "area_for_improvement", "cause_of_concern"
NICHE = "only to forces that use Niche"


@pytest.mark.parametrize("totals, applicable, conditions, expected", [
    ({REC: 9, AFI: 1}, {REC: 4, AFI: 1}, {},
     "There were 9 recommendations and 1 area for improvement, of which 4 recommendations and 1 area for "
     "improvement apply to West Midlands Police."),
    ({REC: 10}, {REC: 6}, {}, "There were 10 recommendations, of which 6 recommendations apply to West Midlands "
                              "Police."),
    ({REC: 6}, {REC: 1}, {}, "There were 6 recommendations, of which 1 recommendation applies to West Midlands "
                             "Police."),
    ({COC: 4, AFI: 16}, {COC: 4, AFI: 16}, {},
     "There were 4 causes of concern and 16 areas for improvement, all of which apply to West Midlands Police."),
    ({REC: 1}, {REC: 1}, {}, "There was 1 recommendation, which applies to West Midlands Police."),
    ({REC: 1}, {}, {}, "There was 1 recommendation, none of which applies to West Midlands Police."),
    ({REC: 3, AFI: 2}, {}, {}, "There were 3 recommendations and 2 areas for improvement, none of which apply to "
                               "West Midlands Police."),
    ({REC: 5}, {REC: 2}, {NICHE: {REC: 1}},
     "There were 5 recommendations, of which 2 recommendations apply to West Midlands Police; of these, "
     "1 recommendation applies only to forces that use Niche."),
    ({REC: 5, AFI: 2}, {REC: 3, AFI: 2}, {NICHE: {REC: 2}, "only to forces in Wales": {AFI: 1}},
     "There were 5 recommendations and 2 areas for improvement, of which 3 recommendations and 2 areas for "
     "improvement apply to West Midlands Police; of these, 2 recommendations apply only to forces that use Niche "
     "and 1 area for improvement only to forces in Wales."),
    ({}, {}, {}, "No recommendations, causes of concern or areas for improvement were found in this report."),
])
def test_counts_sentence(totals, applicable, conditions, expected):
    assert counts_sentence(totals, applicable, conditions, WMP) == expected


@pytest.mark.parametrize("reason, expected", [
    ("only forces that use the Niche records management system: the force profile does not say",
     "only to forces that use the Niche records management system"),
    ("only forces in Wales: the force profile does not say", "only to forces in Wales"),
    ("no addressee found in the text: a person should decide", "subject to a decision (no addressee is named)"),
    ("decided by JB: depends on the regional unit", "only in some cases (decided by JB: depends on the regional unit)"),
])
def test_condition_of(reason, expected):
    assert condition_of(reason) == expected


COVER = "Title of the report\nHis Majesty\u2019s Inspectorate of Constabulary and Fire & Rescue\nServices\n1"
CONTENTS = "Report title\nContents\nSummary . . . . . . . . . 3\nForeword 2\nRecommendations 4\n2"
SUMMARY = ("Report title\nSummary\n1\nThis inspection examined how well forces respond to fraud. We found that\n"
           "too many victims wait weeks\u00b9 to hear from the police.3 Forces told us that demand has\n"
           "grown. A third sentence follows.\nOur recommendations\nRecommendation 1\n3")


def test_summary_is_the_first_sentences_under_the_summary_heading():
    got = summary_of([COVER, CONTENTS, SUMMARY, "Report title\nMore text.\n4"])
    assert got == ("This inspection examined how well forces respond to fraud. We found that too many victims "
                   "wait weeks\u00b9 to hear from the police.")


@pytest.mark.parametrize("pages", [
    [COVER, CONTENTS],  # a contents entry is no heading
    [COVER, "Report title\nSummary\nthe findings in brief\nAnother line"],  # not a sentence
    [COVER, "Report title\nIntroduction\nThis inspection examined how well forces respond to fraud."],
    [COVER, "Report title\nForeword\nDear Home Secretary, I am pleased to present this report to you today."],
])
def test_no_summary_rather_than_a_guess(pages):
    assert summary_of(pages) is None


def test_a_foreword_is_a_summary_and_a_sub_heading_is_skipped():
    pages = [COVER, "Foreword\nOur judgments\nWe inspected how \u201cwell\u201d the police keep people safe.\u201d "
                    "Then we\nlooked at more. And more still is said here."]
    assert summary_of(pages) == ("We inspected how \u201cwell\u201d the police keep people safe.\u201d Then we "
                                 "looked at more.")


def test_inspectorates_named_on_the_cover_even_across_lines():
    front = COVER + ("\nA joint inspection with HM Crown Prosecution Service\nInspectorate and HM Inspectorate of "
                     "Probation")
    assert inspectorates(front) == ["HMICFRS", "HM Crown Prosecution Service Inspectorate",
                                    "HM Inspectorate of Probation"]
    assert inspectorates("An inspection by Ofsted, the Care Quality Commission and HMICFRS") == [
        "HMICFRS", "Care Quality Commission", "Ofsted"]


def test_labels_sub_bullets_and_clean_text():
    assert label(REC, "2", 7) == "Recommendation 2" and label(AFI, None, 3) == "Area for improvement 3"
    assert label(COC, None, 1) == "Cause of concern 1"
    assert split_text("Forces should:\n- do one thing; and\n\u2013 another.\nThen report back.") == (
        ["Forces should:"], ["do one thing; and", "another."], ["Then report back."])
    assert split_text("Chief constables should:\n(a) review x;\n(b) report y; and\nii) z.")[1] == [
        "(a) review x;", "(b) report y; and", "ii) z."]
    assert clean("risk\x02 assessed\x00 now\x0b") == "risk-assessed now"


def test_a_peel_report_gives_hm_inspectors_observations_before_its_summary():
    pages = [COVER, "Overall summary\nOur inspection assessed how good the force is in 9 areas of policing.\n2",
             "HM Inspector\u2019s observations\nI am pleased with how the force responds to the public, but it must "
             "improve\nhow it manages sex offenders. Other words follow.\n3"]
    assert summary_of(pages) == ("I am pleased with how the force responds to the public, but it must improve how it "
                                 "manages sex offenders. Other words follow.")
    assert summary_of(pages[:2]) == "Our inspection assessed how good the force is in 9 areas of policing."
