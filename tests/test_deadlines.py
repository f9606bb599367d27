from datetime import date

import pytest

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
