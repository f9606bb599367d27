import pytest

from hmicfrs.extractors.addressees import find_addressees
from hmicfrs.extractors.applicability import ForceProfile, judge

WMP = ForceProfile()


@pytest.mark.parametrize(("text", "lead_in", "report_force", "names", "verdict"), [
    ("By 31 March 2025, all chief constables should make sure that reports passed to their force by the "
     "National Fraud Intelligence Bureau are assessed.", None, None, ["chief constables"], "yes"),
    ("Forces should improve how they record repeat victims.", None, None, ["chief constables"], "yes"),
    ("Within six months, the Home Office should amend the data requirement so that forces report it.",
     None, None, ["Home Office"], "no"),
    ("By 30 September 2025, the College of Policing, working with chief constables, should develop a "
     "programme.", None, None, ["College of Policing", "chief constables"], "yes"),
    ("By 31 December 2025, the College of Policing, jointly with the Crown Prosecution Service, should revise "
     "guidance.", None, None, ["College of Policing", "Crown Prosecution Service"], "no"),
    ("By 31 March 2026, the Chief Constable of Avon and Somerset Police should review every report.",
     None, None, ["Avon and Somerset Police"], "no"),
    ("The Police and Crime Commissioner for Avon and Somerset should commission an evaluation.",
     None, None, ["police and crime commissioners"], "no"),
    ("make sure it answers calls within national standards;", "Within six months, Cleveland Police should:",
     "Cleveland Police", ["Cleveland Police"], "no"),
    ("The force should make sure its officers use body-worn video.", None, "West Midlands Police",
     ["West Midlands Police"], "yes"),
    ("HM Courts & Tribunals Service should publish listing times.", None, None,
     ["HM Courts and Tribunals Service"], "no"),
    ("All chief constables in England and Wales should review it.", None, None, ["chief constables"], "yes"),
    ("Police and crime commissioners should commission advocacy services.", None, None,
     ["police and crime commissioners"], "no"),
    ("West Midlands Police Authority should monitor the force's progress.", None, "West Midlands Police",
     ["West Midlands Police Authority"], "no"),
    # before 2012: the police authorities, not the commissioners who replaced them
    ("HMIC recommends that every police authority should, by April 2010, publish its assessment.", None, None,
     ["police authorities"], "no"),
    ("Kent Fire and Rescue Service hasn't done enough to audit high-risk premises.", None,
     "Kent Fire and Rescue Service", ["Kent Fire and Rescue Service"], "no"),
    ("The Home Office and West Mids Police should agree a standard.", None, None,
     ["Home Office", "West Midlands Police"], "yes"),
    ("By 31 December 2024, chief constables of forces that use the Niche records management system should "
     "make sure that records are right.", None, None, ["chief constables"], "conditional"),
    ("The Devon & Cornwall Police should publish its plan.", None, None, ["Devon and Cornwall Police"], "no"),
    # a condition that names a scheme with a comma in its name is still a condition
    ("Chief constables in forces that have not yet joined Safe Streets, Safe Homes should agree a plan with "
     "their partners by 31 May 2026.", None, None, ["chief constables"], "conditional"),
    # "its joint working with X": the force's own arrangement, to be improved; X is not told to act
    ("The force should review the cost of its joint working with Essex County Fire and Rescue Service, so that "
     "it can show savings.", None, "Essex Police", ["Essex Police"], "no"),
    ("The force should work with Essex County Fire and Rescue Service to share its estate.", None, "Essex Police",
     ["Essex Police", "Essex County Fire and Rescue Service"], "no"),
])
def test_addressees_and_verdict(text, lead_in, report_force, names, verdict):
    addr = find_addressees(text, lead_in, report_force)
    assert sorted(addr.names) == sorted(names)
    assert judge(addr, WMP, report_force).verdict == verdict


@pytest.mark.parametrize(("text", "lead_in", "report_force", "heading", "names", "verdict"), [
    # a body that is not a police body, named beside the report's own force
    ("By June 2027, Greater Manchester Police and Network Rail should agree how stations are patrolled.", None,
     "Greater Manchester Police", None, ["Greater Manchester Police", "Network Rail"], "no"),
    # the Probation Service is named as printed, apart from HM Prison and Probation Service
    ("make sure that practitioners record why they did not ask for a recall;", "The Probation Service should:",
     None, None, ["Probation Service"], "no"),
    ("introduce one system for recall information;", "HM Prison and Probation Service should:", None, None,
     ["HM Prison and Probation Service"], "no"),
    ("review unserved warrants every month;", "Chief constables and regional probation directors should jointly:",
     None, None, ["chief constables", "Probation Service"], "yes"),
    ("HMIC recommends that SOCA and ACPO should agree a protocol for sharing intelligence.", None, None, None,
     ["Serious Organised Crime Agency", "Association of Chief Police Officers"], "no"),
    # "its collaboration with X": an arrangement the subject has, not a second addressee
    ("The service should review the value of its collaboration with Kent Police, so that it can show savings.",
     None, "Kent Fire and Rescue Service", None, ["Kent Fire and Rescue Service"], "no"),
    # "other forces", "the two police forces in the region": some forces, not every chief constable
    ("The force should extend its collaboration with other forces and partners to save money.", None,
     "Surrey Police", None, ["Surrey Police"], "no"),
    ("The Welsh Government should work with the four police forces in Wales to agree a data standard.", None,
     None, None, ["Welsh Government"], "no"),
    # "the police" in a report on no one force: every force
    ("The police and the CPS should, within three months, agree a joint action plan.", None, None, None,
     ["chief constables", "Crown Prosecution Service"], "yes"),
    # a report on a national agency: "the agency" is that agency
    ("The agency should record why it closes intelligence reports.", None, "National Crime Agency", None,
     ["National Crime Agency"], "no"),
    # a heading says who "the authority" is
    ("By 31 May 2026, the authority should publish its policing plan.", None, "British Transport Police",
     "For the British Transport Police Authority", ["British Transport Police Authority"], "no"),
    # a fire and rescue service named in a report on another
    ("Royal Berkshire Fire and Rescue Service should share its training records.", None, None, None,
     ["Royal Berkshire Fire and Rescue Service"], "no"),
    # a cause of concern read with the lead-in of the list after it: its own subject says who
    ("Kent Police does not do enough to make sure that its use of stop and search is fair.",
     "The force is a member of the scheme. Forces in the scheme should:", "Kent Police", None,
     ["Kent Police"], "no"),
    ("Kent Police does not do enough to make sure its use of stop and search is fair. Forces in the scheme should:",
     None, "Kent Police", None, ["Kent Police"], "no"),
    # a body set off by commas beside the verb acts with the addressee; one it is told to work with, when
    # a heading names the addressee, is a partner
    ("Build, with the Crown Prosecution Service, one system for sharing case files.", None, None,
     "Recommendations for the National Police Chiefs' Council",
     ["National Police Chiefs' Council", "Crown Prosecution Service"], "no"),
    ("Forces that hold detainees overnight should review, with HM Courts & Tribunals Service, how they are "
     "produced at court.", None, None, None, ["chief constables", "HM Courts and Tribunals Service"], "conditional"),
    ("It should work with the Home Office to make the guidance clearer.", None, None,
     "Recommendation for the Department for Education", ["Department for Education"], "no"),
    # an older report's "That X does ...": X alone, whatever the sentence goes on to mention
    ("That the Kent Police Authority sets up a committee to oversee complaints and receives a report from the "
     "Force at each meeting.", None, "Kent Police", None, ["Kent Police Authority"], "no"),
    ("That the Force reviews its vetting of staff in sensitive posts.", None, "West Midlands Police", None,
     ["West Midlands Police"], "yes"),
    ("Each Police Authority should publish its plan.", None, None, None, ["police authorities"], "no"),
    ("The Department for Energy Security and Net Zero and the Home Office should review the legislation.", None,
     None, None, ["Department for Energy Security and Net Zero", "Home Office"], "no"),
    ("The Home Office should work with the Civil Aviation Authority to review the rules for flights.", None,
     None, None, ["Home Office", "Civil Aviation Authority"], "no"),
])
def test_bodies_named_as_printed(text, lead_in, report_force, heading, names, verdict):
    addr = find_addressees(text, lead_in, report_force, heading)
    assert sorted(addr.names) == sorted(names)
    assert judge(addr, WMP, report_force).verdict == verdict


def test_profile_fact_decides_a_subset_condition():
    text = "chief constables of forces that use the Niche records management system should check records."
    addr = find_addressees(text)
    on_connect = ForceProfile(facts={"records management system": "Connect"})
    on_niche = ForceProfile(facts={"records management system": "Niche"})
    assert judge(addr, on_connect, None).verdict == "no"
    assert judge(addr, on_niche, None).verdict == "yes"
    assert "Niche" in judge(addr, on_niche, None).reason


def test_heading_addressee():
    addr = find_addressees("Review the guidance.", heading="To the College of Policing")
    assert addr.names == ["College of Policing"]
