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
])
def test_addressees_and_verdict(text, lead_in, report_force, names, verdict):
    addr = find_addressees(text, lead_in, report_force)
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
