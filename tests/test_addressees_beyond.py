"""Addressees and verdicts for items beyond the Home Office forces of England and Wales (a force inspected
on commission in Northern Ireland or a Crown dependency, its governing and government bodies, HMRC and
Border Force), the fire sector's bodies kept apart, and subjects older reports phrase their own way."""

import pytest

from hmicfrs.extractors.addressees import find_addressees
from hmicfrs.extractors.applicability import ForceProfile, judge

WMP = ForceProfile()


@pytest.mark.parametrize(("text", "report_force", "names", "verdict"), [
    # "the Police Service" names every force; "the Police Service of Northern Ireland" one force, not ours
    ("By 30 June 2028, the Police Service of Northern Ireland should publish its custody estate plan.", None,
     ["Police Service of Northern Ireland"], "no"),
    ("The PSNI should review how it records strip searches.", None, ["Police Service of Northern Ireland"], "no"),
    # an ambiguous department is the one of the country whose force the item names
    ("By 31 May 2028, the Police Service of Northern Ireland and the Department of Health should agree a "
     "healthcare model for custody suites.", None,
     ["Police Service of Northern Ireland", "Department of Health (Northern Ireland)"], "no"),
    # ... or else of the report's own force
    ("The Department of Health should fund custody nurses in every suite.", "Police Service of Northern Ireland",
     ["Department of Health (Northern Ireland)"], "no"),
    ("The Department of Health should fund custody nurses in every suite.", None, ["Department of Health"], "no"),
    ("The Northern Ireland Policing Board should hold the chief constable to account for it.", None,
     ["Northern Ireland Policing Board"], "no"),
    ("By March 2029, the Department of Justice should consult on the law on places of safety.", None,
     ["Department of Justice (Northern Ireland)"], "no"),
    ("Within a year, the Government of Jersey and the States of Jersey Police should agree how the force "
     "reaches national systems.", None, ["Government of Jersey", "States of Jersey Police"], "no"),
    ("The Jersey Police Authority should publish the measures it holds the force to account by.", None,
     ["Jersey Police Authority"], "no"),
    ("The force should improve how it supervises investigations.", "States of Jersey Police",
     ["States of Jersey Police"], "no"),
    ("HMRC and Border Force should share one list of high-risk shipments.", None,
     ["HM Revenue and Customs", "Border Force"], "no"),
    # chief fire officers and fire and rescue authorities are their own addressees; "Services" stays generic
    ("By 1 May 2027, chief fire officers should make sure that staff can report concerns in confidence.", None,
     ["chief fire officers"], "no"),
    ("Fire and rescue authorities should ask for regular reports on their service's culture.", None,
     ["fire and rescue authorities"], "no"),
    ("Services should make sure that their managers challenge poor behaviour.", None,
     ["fire and rescue services"], "no"),
    ("By 1 April 2027, the Local Government Association and the National Fire Chiefs Council should review "
     "the training of authority members.", None, ["Local Government Association", "National Fire Chiefs Council"],
     "no"),
    ("The National Fire Chiefs Council, working with the Fire Standards Board, should write a standard on "
     "misconduct.", None, ["National Fire Chiefs Council", "Fire Standards Board"], "no"),
    # the partners named end where the sentence goes on
    ("By 1 July 2027, the Home Office, working with the National Fire Chiefs Council, should make sure that "
     "staff in fire and rescue services are vetted.", None, ["Home Office", "National Fire Chiefs Council"], "no"),
])
def test_bodies_beyond_the_home_office_forces(text, report_force, names, verdict):
    addr = find_addressees(text, None, report_force)
    assert sorted(addr.names) == sorted(names)
    assert judge(addr, WMP, report_force).verdict == verdict


@pytest.mark.parametrize(("text", "report_force", "names", "verdict"), [
    # a body's name that begins a longer proper name (a set of rules) is not the body
    ("The force is closing crimes without the evidence the Home Office Counting Rules require.",
     "West Midlands Police", ["West Midlands Police"], "yes"),
    ("The National Police Chiefs' Council lead for stalking should publish guidance.", None,
     ["National Police Chiefs' Council"], "no"),
    # "every chief constable"; those consulted on a plan are not told to act
    ("By June 2015, every chief constable should publish a plan for the force. The plan should be drawn up in "
     "consultation with the police and crime commissioner and local partners.", None, ["chief constables"], "yes"),
    # a body set off by commas straight after the modal acts with the subject
    ("Police and crime commissioners should, with chief constables, review how advocates are funded.", None,
     ["police and crime commissioners", "chief constables"], "yes"),
    # forces the report leaves unnamed: a person decides
    ("Some forces should improve how they gather evidence at the scene.", None, ["chief constables"],
     "conditional"),
    # a year before the subject is a date whose comma was lost, not a count of forces
    ("By 31 March 2028 chief constables should make sure that neighbourhood officers stay in their areas.", None,
     ["chief constables"], "yes"),
    ("Two forces should share their control room.", None, [], "conditional"),
    # a body's own regions are the body; what the subset of forces has is not an addressee
    ("Chief constables and CPS Areas should jointly review cases closed with no further action.", None,
     ["chief constables", "Crown Prosecution Service"], "yes"),
    ("Chief constables of forces that have a violence reduction unit should review their agreements with it.",
     None, ["chief constables"], "conditional"),
    ("Within a year, BTP, working with Network Rail and the train operating companies, should improve how it "
     "shares information.", None, ["British Transport Police", "Network Rail", "train operating companies"], "no"),
    # a national body's partner forces are consulted; named chief constables are addressed
    ("The College of Policing should, within a year, work with forces to evaluate its training.", None,
     ["College of Policing"], "no"),
])
def test_subjects_phrased_their_own_way(text, report_force, names, verdict):
    addr = find_addressees(text, None, report_force)
    assert sorted(addr.names) == sorted(names)
    assert judge(addr, WMP, report_force).verdict == verdict


def test_a_table_owner_names_the_addressee_of_an_imperative_row():
    addr = find_addressees("Develop a national definition of a prolific offender and share it with forces.",
                           heading="NPCC")
    assert addr.names == ["National Police Chiefs' Council"]
    assert judge(addr, WMP, None).verdict == "no"


def test_some_forces_reason_says_a_person_decides():
    addr = find_addressees("Some forces should review their vetting backlog.")
    verdict = judge(addr, WMP, None)
    assert verdict.verdict == "conditional" and "some forces" in verdict.reason
