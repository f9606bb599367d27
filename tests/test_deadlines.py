import calendar
import subprocess
import sys
from datetime import date

import pytest

from hmicfrs.extractors import deadlines
from hmicfrs.extractors.deadlines import add_period, find_deadline

PUBLISHED = date(2024, 5, 16)


@pytest.mark.parametrize(("text", "phrase", "due", "immediate"), [
    ("By 31 December 2024, all chief constables should", "By 31 December 2024", date(2024, 12, 31), False),
    ("by 14 June 2024 the force should", "by 14 June 2024", date(2024, 6, 14), False),
    ("By June 14 2024, forces should", "By June 14 2024", date(2024, 6, 14), False),
    ("Not later than 31 March 2025, the force should", "Not later than 31 March 2025", date(2025, 3, 31), False),
    ("The College should, by 31 March 2025, make sure", "by 31 March 2025", date(2025, 3, 31), False),
    ("By June 2024, forces should", "By June 2024", date(2024, 6, 30), False),
    ("by the end of 2024, forces should", "by the end of 2024", date(2024, 12, 31), False),
    ("Within six months, the force should", "Within six months", date(2024, 11, 16), False),
    ("Within 12 months, the Home Office should", "Within 12 months", date(2025, 5, 16), False),
    ("With immediate effect, all forces should", "With immediate effect", None, True),
    ("All forces should immediately stop the practice", "immediately", None, True),
    ("The force should make sure reports are assessed within 28 days.", None, None, False),
    ("In March 2023 we found problems. Forces should act by 2025.", None, None, False),
    ("The NCA should share its assessments with forces.", None, None, False),
])
def test_deadline_phrases(text, phrase, due, immediate):
    d = find_deadline(text, PUBLISHED)
    assert (d.text, d.date, d.immediate) == (phrase, due, immediate)


def test_lead_in_deadline_applies_to_its_bullets():
    d = find_deadline("make sure calls are answered;", PUBLISHED, lead_in="Within three months, the force should:")
    assert d.date == date(2024, 8, 16)


def test_month_end_overflow_clamps():
    assert add_period(date(2024, 8, 31), 6, "month") == date(2025, 2, 28)


@pytest.mark.parametrize(("text", "expected"), [
    ("On 14 September 2021 we published our inspection of firearms licensing.", date(2021, 9, 14)),
    ("Our report on custody, published on 3 May 2022, made five recommendations.", date(2022, 5, 3)),
    ("We visited the force on 4 March 2026.", None),
    ("On 2 February 2026 we published this letter.", None),  # not earlier than the letter itself
    ("In May 2022 we published our joint inspection of the police and Crown Prosecution Service's (CPS) "
     "handling of stalking cases (published on 12 May 2022).", date(2022, 5, 12)),
])
def test_the_date_of_the_report_a_revisit_restates(text, expected):
    from hmicfrs.extractors.deadlines import earlier_report_date

    assert earlier_report_date(text, published=date(2026, 1, 10)) == expected


@pytest.mark.parametrize(("text", "lead_in", "expected"), [
    ("The College of Policing should publish its guidance by 30 September 2026.", None, date(2026, 9, 30)),
    ("Chief constables should make sure that victims are told within 12 months.", None, date(2027, 1, 10)),
    ("Chief constables should make sure that victims are contacted within 24 hours.", None, None),
    ("make sure that calls are answered.", "To address this, within three months the force should:",
     date(2026, 4, 10)),
    ("We recommend that, by 31 March 2027, chief constables make sure it happens.", None, date(2027, 3, 31)),
])
def test_deadline_phrases_that_govern_from_further_away(text, lead_in, expected):
    assert find_deadline(text, date(2026, 1, 10), lead_in).date == expected


@pytest.mark.parametrize(("text", "lead_in", "expected"), [
    # a standard of service inside the item, not when the item is due
    ("set up monthly reviews of every case in which a person recalled to prison has not been arrested "
     "within 28 days.", "Chief constables and the Probation Service should together:", None),
    ("make sure that every missing child is risk-assessed within two hours;", "The force should:", None),
    # days or weeks that open the item, or follow its first verb, govern it
    ("agree, within 28 days, a protocol for sharing custody records.", "The force and the council should:",
     date(2026, 2, 7)),
    ("within six weeks, publish the revised policy.", "The force should:", date(2026, 2, 21)),
    # months in a list item govern it wherever they are
    ("publish the revised policy within three months.", "The force should:", date(2026, 4, 10)),
])
def test_days_and_weeks_in_a_list_item(text, lead_in, expected):
    assert find_deadline(text, date(2026, 1, 10), lead_in).date == expected


PLAIN_FORMS = ["31 March 2025", "1st April 2024", "30 Sept. 2025", "Sept 30, 2025", "June 2026", "Dec. 2024",
               "29 February 2024", "29 February 2025", "31 June 2025", "0 May 2025", "May 3rd 2027", "31 Nov 2024"]


@pytest.mark.parametrize("form", PLAIN_FORMS)
def test_plain_dates_read_without_dateparser_agree_with_it(form):
    body_has_day = any(ch.isdigit() for ch in form.rsplit(" ", 1)[0])
    parsed = deadlines._dateparser().get_date_data(form)
    expected = parsed.date_obj.date() if parsed and parsed.date_obj else None
    if expected and not body_has_day:
        expected = expected.replace(day=calendar.monthrange(expected.year, expected.month)[1])
    assert deadlines.parse_absolute("by " + form) == expected


def test_a_plain_deadline_does_not_load_dateparser():
    code = ("import sys; from hmicfrs.extractors.deadlines import parse_absolute; "
            "d = parse_absolute('by 31 March 2025'); o = parse_absolute('by the 3rd of March 2025'); "
            "print(d, 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2025-03-31", "True"]  # the odd form still reaches dateparser
    code = "import sys; from hmicfrs.extractors.deadlines import parse_absolute; " \
           "print(parse_absolute('by 31 March 2025'), 'dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["2025-03-31", "False"]


@pytest.mark.parametrize(("text", "lead_in", "timescale", "phrase", "due", "immediate"), [
    # counted from publication, the phrase saying so at the start or at the end of the item
    ("Within six months of the publication of this report, chief constables should agree a protocol.", None, None,
     "Within six months of the publication of this report", date(2024, 11, 16), False),
    ("The Policing Board should monitor the plan, and should report on it within 12 months of the publication "
     "of this report.", None, None, "within 12 months of the publication of this report", date(2025, 5, 16), False),
    ("make sure it has enough call handlers;", "Within three months of the date of this letter, the force should:",
     None, "Within three months of the date of this letter", date(2024, 8, 16), False),
    # a table's date column: relative to publication, a tracker's day-first date, a one-word "Immediate"
    ("HMRC should publish outcome measures.", None, "Within 12 months of publication",
     "Within 12 months of publication", date(2025, 5, 16), False),
    ("Develop a national definition.", None, "31/12/2024", "31/12/2024", date(2024, 12, 31), False),
    ("Chief constables should stop the practice.", None, "Immediate", "Immediate", None, True),
    ("Forces should improve supervision.", None, "N/A", None, None, False),
    # the phrase closing the instruction
    ("Chief constables of forces without a lead should appoint one, at superintendent rank, with immediate effect.",
     None, None, "with immediate effect", None, True),
    ("Police and crime commissioners should publish neighbourhood measures with effect from 1 April 2025.", None,
     None, "with effect from 1 April 2025", date(2025, 4, 1), False),
    # a lead-in after another sentence of the same paragraph: the sentence the bullets finish
    ("review every open case;", "To address this I make these recommendations. By 31 May 2024, the chief "
     "constable should:", None, "By 31 May 2024", date(2024, 5, 31), False),
    # a deadline that is a service standard, not the item's
    ("Officers should tell their supervisor immediately.", None, None, None, None, False),
    ("Forces not yet in the scheme should do so immediately, and should tell their commissioner.", None, None,
     "immediately", None, True),
    # "we recommend that" after another clause of the lead-in
    ("make sure control room staff assess risk;", "To address this cause of concern, we recommend that within "
     "three months the force should:", None, "within three months", date(2024, 8, 16), False),
    # a date cell holding a word of the text beside it
    ("Services should make sure a", None, "a 31 March 2025", "31 March 2025", date(2025, 3, 31), False),
])
def test_deadlines_from_publication_columns_and_closing_phrases(text, lead_in, timescale, phrase, due, immediate):
    found = find_deadline(text, PUBLISHED, lead_in, timescale)
    assert (found.text, found.date, found.immediate) == (phrase, due, immediate)
