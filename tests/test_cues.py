"""The cues that tell an item, one table per cue, on text as reports print it."""

from __future__ import annotations

import pytest

from hmicfrs.extractors.cues import (
    looks_like_item,
    match_addressee_heading,
    match_label,
    match_lead_in,
    match_section,
    status_of,
    table_roles,
)
from hmicfrs.model import Block, Line


def block(text: str, kind: str = "heading") -> Block:
    return Block(kind, [Line(1, 50, 100, 400, 112, text, 11, kind == "heading")])


@pytest.mark.parametrize(("text", "kind", "rule", "ref", "body"), [
    ("Recommendation 3", "heading", "label-recommendation", "3", ""),
    ("Recommendation 3:", "heading", "label-recommendation", "3", ""),
    ("Recommendation 3: The force should act.", "para", "label-recommendation", "3", "The force should act."),
    ("R4", "heading", "label-recommendation", "R4", ""),  # the ref as printed
    ("R7 (new)", "heading", "label-recommendation", "R7", ""),
    ("Recommendation 2 (2022)", "heading", "label-recommendation", "2", ""),
    ("Recommendation 4a", "heading", "label-recommendation", "4a", ""),
    ("Recommendation 3.1", "heading", "label-recommendation", "3.1", ""),
    ("Area for improvement 2", "heading", "label-afi", "2", ""),
    ("Area for improvement: The force should record it.", "para", "label-afi", None, "The force should record it."),
    ("Cause of concern", "heading", "label-cause-of-concern", None, ""),
])
def test_labels(text, kind, rule, ref, body):
    label = match_label(block(text, kind))
    assert label is not None
    assert (label.rule.id, label.ref, label.text) == (rule, ref, body)


@pytest.mark.parametrize(("text", "kind"), [
    ("Recommendations", "heading"),  # a section, not one item
    ("Recommendation 3 ........ 12", "heading"),  # a contents entry
    ("Recommendation 3 . . . . 12", "para"),
    ("Recommendations made in 2019 were accepted", "heading"),
    ("Recommendation 3 of our 2019 report was that forces review it.", "para"),  # prose naming an item
    ("Action plan for the force", "heading"),
    ("Areas for improvement are things we expect", "para"),
    ("Rates of crime rose", "heading"),
])
def test_not_labels(text, kind):
    assert match_label(block(text, kind)) is None


def test_label_naming_its_addressee():
    label = match_label(block("Recommendation for the Home Office"))
    assert label is not None and label.addressee == "the Home Office" and label.text == ""


@pytest.mark.parametrize(("text", "kind", "addressee"), [
    ("Recommendations", "recommendation", None),
    ("Areas for improvement", "area_for_improvement", None),
    ("5. Recommendations", "recommendation", None),
    ("Summary of recommendations", "recommendation", None),
    ("Recommendations and areas for improvement", "recommendation", None),
    ("Recommendations for chief constables", "recommendation", "chief constables"),
    ("Causes of concern", "cause_of_concern", None),
])
def test_sections(text, kind, addressee):
    section = match_section(text)
    assert section is not None and (section.rule.kind, section.addressee) == (kind, addressee)


@pytest.mark.parametrize("text", ["Recommendations made in 2019", "Our approach", "Annex A: Glossary"])
def test_not_sections(text):
    assert match_section(text) is None


@pytest.mark.parametrize(("text", "who"), [
    ("To the College of Policing", "the College of Policing"),
    ("For chief constables", "chief constables"),
    ("To what extent has the force improved?", None),
])
def test_addressee_headings(text, who):
    assert match_addressee_heading(text) == who


@pytest.mark.parametrize("text", [
    "Within three months, the force should:",
    "By 30 September 2025, the service should:",
    "Police forces should:",
    "The Crown Prosecution Service should:",
    "The College of Policing, working with chief constables, should:",
    "Police forces and the CPS should work together to:",
    "To address this cause of concern, we recommend that the force should, within six months:",
])
def test_lead_ins(text):
    assert match_lead_in(text) == text


@pytest.mark.parametrize("text", [
    "We found that:",
    "The force should improve how it records crime.",
    "Officers told us they should have more training, and in particular they mentioned the following points:",
])
def test_not_lead_ins(text):
    assert match_lead_in(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("The force should improve how it records crime.", True),
    ("By 31 March 2026, the Ministry of Defence Police should review demand.", True),
    ("Chief constables of forces which share a store should agree a protocol.", True),
    ("They should make sure that every child is seen.", True),
    ("The IOPC recommended that forces should record it.", False),
    ("In 2019 we recommended that forces should record it.", False),
    ("Most officers told us that leaders should do more.", False),
])
def test_item_sentences(text, expected):
    assert looks_like_item(text) is expected


@pytest.mark.parametrize(("text", "status"), [
    ("Progress: partially met", "partially met"),
    ("Status: achieved", "achieved"),
    ("Our assessment: not achieved.", "not achieved"),
    ("Progress has been slow in most areas", None),
])
def test_status_lines(text, status):
    assert status_of(text) == status


def test_table_roles():
    roles = table_roles(["No.", "Recommendation", "Responsible body", "Target date"])
    assert roles is not None and (roles.kind, roles.item, roles.ref, roles.body, roles.deadline) == (
        "recommendation", 1, 0, 2, 3)
    afi = table_roles(["Ref", "Area for improvement", "For"])
    assert afi is not None and (afi.kind, afi.body, afi.deadline) == ("area_for_improvement", 2, None)
    assert table_roles(["Measure", "2022", "2023"]) is None
    assert table_roles(["Term", "Definition"]) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("We make the following recommendations:", "recommendation"),
    ("We identified these areas for improvement, each for all forces:", "area_for_improvement"),
    ("We found that:", None),
    ("The force should do the following:", None),
    ("We also found three areas for improvement:", "area_for_improvement"),
    ("In three forces we found that:", None),
])
def test_list_intros(text, kind):
    from hmicfrs.extractors.cues import list_intro_kind

    assert list_intro_kind(text) == kind


@pytest.mark.parametrize(("text", "kind", "ref", "body", "addressee"), [
    ("Recommendation R6 (to the College of Policing)", "heading", "R6", "", "the College of Policing"),
    ("R6 Develop, working with the NPCC, a training programme.", "bullet", "R6",
     "Develop, working with the NPCC, a training programme.", None),
    ("Recommendation (ii)", "heading", "ii", "", None),  # as a list marker "(ii)" gives it
    ("Cause of concern Governance of the use of force was weak.", "para", None,
     "Governance of the use of force was weak.", None),
])
def test_more_label_forms(text, kind, ref, body, addressee):
    label = match_label(block(text, kind))
    assert label is not None and (label.ref, label.text, label.addressee) == (ref, body, addressee)


def test_a_table_whose_ref_column_names_the_kind():
    roles = table_roles(["Rec", "What", "Who", "When"])
    assert roles is not None and (roles.kind, roles.ref, roles.item, roles.body, roles.deadline) == (
        "recommendation", 0, 1, 2, 3)


@pytest.mark.parametrize(("text", "kind", "rule", "ref", "body"), [
    # a web page's CSS capitals with letter-spacing: the text layer splits the word
    ("RECOM M EN DATION 4", "heading", "label-recommendation", "4", ""),
    ("AREA FOR IM PROVEM ENT 2: The force should record it.", "para", "label-afi", "2", "The force should record it."),
    ("CAUSE OF CON CERN", "heading", "label-cause-of-concern", None, ""),
])
def test_labels_in_spaced_capitals(text, kind, rule, ref, body):
    label = match_label(block(text, kind))
    assert label is not None and (label.rule.id, label.ref, label.text) == (rule, ref, body)


def test_a_label_after_a_paragraph_number():
    para = Block("para", [Line(1, 50, 100, 400, 112, "4.2 Recommendation 2: The force should act on it.", 11, False)],
                 marker="4.2")
    label = match_label(para)
    assert label is not None and (label.ref, label.text) == ("2", "The force should act on it.")


@pytest.mark.parametrize("lines", [
    ["Recommendation 2: caseloads Recommendation 3: supervision", "Recommendation 4: court delays"],
    ["Recommendation 1: funding", "Recommendation 2: caseloads"],
])
def test_an_index_of_short_titles_is_no_label(lines):
    index = Block("para", [Line(1, 50, 100 + 14 * i, 400, 112 + 14 * i, t, 11, False) for i, t in enumerate(lines)])
    assert match_label(index) is None


@pytest.mark.parametrize(("text", "item"), [
    ("Custody officers should make sure that detainees know why they are held.", True),
    ("Senior leaders must explain their decisions to staff.", True),
    ("That the Force develops a strategy for its professional standards department.", True),
    ("By 30 June 2026, the authority should publish its plan.", True),  # the body an addressee heading names
    ("Some officers should have been told.", False),  # a quantity of people, not a role
    ("Local policing teams need to improve their files.", False),  # a role with a weaker modal: narrative
    ("What needs to improve is the timeliness of files.", False),
])
def test_items_by_role_and_in_older_wording(text, item):
    assert looks_like_item(text) is item


@pytest.mark.parametrize("text", ["What needs to improve:", "How the force should respond:"])
def test_a_question_is_no_lead_in(text):
    assert match_lead_in(text) is None


def test_praise_set_as_an_item_sentence_is_not_an_item():
    assert not looks_like_item("The service should be commended for its use of data to target prevention.")
    assert looks_like_item("The service should make sure that its prevention work is evaluated.")
