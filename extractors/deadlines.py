"""An item's deadline: the phrase as printed and the date it resolves to.

Our own patterns find the deadline phrase ("By 31 March 2025", "Within six months", "With immediate
effect"); dateparser, with fixed settings, reads only the date inside an absolute phrase. A relative
phrase counts from publication. Dates elsewhere in the text (events, statistics) are never taken:
a phrase counts only where it governs the instruction, at the start or beside the modal verb.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "a": 1, "an": 1,
}
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
ORDINAL = r"(?:st|nd|rd|th)?"
DAY_DATE = (rf"(?:\d{{1,2}}{ORDINAL}\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
            rf"|(?:{MONTHS})\.?\s+\d{{1,2}}{ORDINAL},?\s+\d{{4}})")
MONTH_DATE = rf"(?:(?:the\s+)?end\s+of\s+)?(?:{MONTHS})\.?\s+\d{{4}}"
YEAR_DATE = r"(?:the\s+)?end\s+of\s+(?:(?:the\s+)?(?:calendar|financial)\s+year\s+)?\d{4}(?:/\d{2,4})?"
NUMERIC_DATE = r"(?:\d{1,2}/\d{1,2}/\d{4})"  # a tracker's 31/12/2026: day first, as in the UK
# "with effect from 1 April 2027": what is to be done is in place from that day
BY = r"(?:by|not later than|no later than|before|on or before|with effect from)"
ABSOLUTE = rf"(?P<abs>{BY}\s+(?:{DAY_DATE}|{NUMERIC_DATE}|{MONTH_DATE}|{YEAR_DATE}))"
NUMBER = rf"(?:\d{{1,3}}|{'|'.join(sorted(NUMBERS, key=len, reverse=True))})"
# "within 12 months of the publication of this report", "... of the date of this letter": from publication
SINCE = (r"(?:\s+(?:of|from|after)\s+(?:the\s+)?(?:date\s+of\s+)?(?:(?:the\s+)?publication(?:\s+of\s+(?:this|our|the)"
         r"\s+(?:report|letter|inspection))?|this\s+(?:report|letter)))?")
RELATIVE = rf"(?P<rel>within\s+(?:the\s+next\s+)?(?P<n>{NUMBER})\s+(?P<unit>day|week|month|year)s?{SINCE})"
IMMEDIATE = r"(?P<imm>with\s+immediate\s+effect|immediately)"
PHRASE = re.compile(rf"{ABSOLUTE}|{RELATIVE}|{IMMEDIATE}", re.I)
MODAL = re.compile(r"\b(should|must|needs? to|is to|are to|will)\b", re.I)
RECOMMEND_THAT = re.compile(r"\s*(?:we|hmicfrs|hmic)\s+(?:\w+\s+)?recommends?\s+that,?\s*", re.I)
RECOMMENDS_THAT = re.compile(r"\b(?:we|hmicfrs|hmic)\s+(?:\w+\s+)?recommends?\s+that,?\s*$", re.I)  # just before


@dataclass
class Deadline:
    text: str | None = None  # the phrase as printed
    date: date | None = None
    immediate: bool = False


def find_deadline(text: str, published: date | None, lead_in: str | None = None,
                  timescale: str | None = None) -> Deadline:
    """The deadline governing an item; a lead-in's deadline applies to each of its bullets, and a
    table's date column ("31 March 2026", "December 2025", "Immediately") to its row."""
    if timescale:
        found = _timescale(timescale, published)
        if found.text:
            return found
    if lead_in:
        # the item finishes the lead-in's (last) sentence: "We make these recommendations. By 31 May 2026,
        # the chief constable should:"
        last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead_in.strip())[-1]
        m = _governing_phrase(last) or _governing_phrase(lead_in) or _anywhere(text)
        return _resolve(m, published) if m else Deadline()
    m = _governing_phrase(text)
    return _resolve(m, published) if m else Deadline()


CELL_DATE = re.compile(rf"(?<=\s)(?:{DAY_DATE}|{NUMERIC_DATE}|{MONTH_DATE})$", re.I)


def _timescale(cell: str, published: date | None) -> Deadline:
    """A date column's cell, which states the deadline without "by"."""
    cell = cell.strip().rstrip(".")
    if re.fullmatch(r"immediate", cell, re.I):  # a column's one word for "with immediate effect"
        return Deadline(cell, None, True)
    m = PHRASE.fullmatch(cell) or PHRASE.fullmatch("by " + cell)
    if m is None and (end := CELL_DATE.search(cell)):  # a word of the text cell beside it read into this one
        cell = end.group(0)
        m = PHRASE.fullmatch("by " + cell)
    if m is None:
        return Deadline()
    found = _resolve(m, published)
    return Deadline(cell, found.date, found.immediate) if (found.date or found.immediate) else Deadline()


def _governing_phrase(text: str) -> re.Match | None:
    """A phrase that opens the item, or sits beside its modal verb ("should, by May 2025, ...",
    "should consider, no later than 31 March 2016, whether"). An item with no modal of its own (a
    lead-in's list item, a table row: "agree arrangements, by 31 December 2025, for ...") is one
    instruction, so a deadline phrase anywhere in it governs it."""
    modal = MODAL.search(text)
    if modal is None:
        return _anywhere(text)
    for m in PHRASE.finditer(text):
        before = text[: m.start()]
        if not before.strip(" \u2022-\u2013") or RECOMMEND_THAT.fullmatch(before):  # opens the sentence
            return m
        if m.end() <= modal.start() and RECOMMENDS_THAT.search(before):
            return m  # "To address this cause of concern, we recommend that within three months the force should"
        if modal and abs(m.start() - modal.end()) <= 3:  # "should, by 31 March 2025," / "should immediately"
            return m
        if m.group("imm") and re.fullmatch(r"\s+\w+(?:\s+(?:so|it|this|that|them|one))?\s+",
                                            text[modal.end():m.start()]):
            return m  # "should act immediately", "should do so immediately"
        if modal and 0 <= m.start() - modal.end() <= 20 and re.fullmatch(
                r"\s+\w+,\s*", text[modal.end():m.start()]):  # "should consider, no later than ..."
            return m
        if modal and m.start() > modal.end() and "." not in text[modal.end():m.start()] and (
                re.search(r",\s*$", before) and re.match(r"\s*,", text[m.end():])  # "and, by 31 March 2014, issue"
                or re.match(r"by\s", m.group(0), re.I) and m.group("abs")):  # "update it by the end of 2027 to"
            return m
        if modal and m.start() > modal.end() and _ends_sentence_at(text, m) and (
                m.group("abs") or m.group("unit") and m.group("unit").lower() in ("month", "year")
                or m.group("imm") and m.group("imm").lower().startswith("with")):
            return m  # "should publish its guidance by 30 September 2026." / "... within 12 months." /
            # "... should appoint one, at superintendent rank or above, with immediate effect."
        if modal and m.end() <= modal.start() and re.search(r"(?:^|[,:;]\s*)$", before) and \
                re.fullmatch(r",?\s+[^,.;:]{2,40}\s+", text[m.end():modal.start()]):
            return m  # "To address this, within three months the force should:"
        if modal and m.end() <= modal.start() and re.search(r",\s*$", before) and \
                text[m.end():modal.start()].strip(" ,") == "":  # "X, by June 2025, should"
            return m
    return None


def _anywhere(text: str) -> re.Match | None:
    """The deadline of one instruction with no modal of its own (a list item, a table row): a phrase
    anywhere in it, except a standard of service deep in a clause ("cases where a person has not been
    arrested within 28 days", "reviewed within 24 hours"): days or weeks count only at the start or
    right after the first verb ("agree, within 28 days, a protocol")."""
    for m in PHRASE.finditer(text):
        short = m.group("rel") and m.group("unit").lower() in ("day", "week")
        if not short or re.fullmatch(r"[\s\u2022\-\u2013]*(?:\w+,\s*)?", text[:m.start()]):
            return m
    return None


def _ends_sentence_at(text: str, m: re.Match) -> bool:
    """Does the phrase close the item's first sentence (nothing but a full stop after it)?"""
    return bool(re.match(r"\s*[.;]", text[m.end():])) and "." not in text[: m.start()].rstrip(".")


def _resolve(m: re.Match, published: date | None) -> Deadline:
    phrase = m.group(0)
    if m.group("imm"):
        return Deadline(phrase, None, True)
    if m.group("rel"):
        if published is None:
            return Deadline(phrase)
        n_text = m.group("n").lower()
        n = int(n_text) if n_text.isdigit() else NUMBERS[n_text]
        return Deadline(phrase, add_period(published, n, m.group("unit").lower()))
    return Deadline(phrase, parse_absolute(m.group("abs")))


def add_period(start: date, n: int, unit: str) -> date:
    """start + n days/weeks/months/years; a month-end overflow clamps to the month's last day."""
    from datetime import timedelta

    if unit == "day":
        return start + timedelta(days=n)
    if unit == "week":
        return start + timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, mth = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, mth + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_absolute(phrase: str) -> date | None:
    """The date inside 'by 31 March 2025' / 'by June 2025' (month's last day) / 'by the end of 2024'."""
    body = re.sub(rf"^{BY}\s+", "", phrase.strip(), flags=re.I)
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", body)
    if numeric:
        try:
            return date(int(numeric[3]), int(numeric[2]), int(numeric[1]))
        except ValueError:
            return None
    body = re.sub(r"^(the\s+)?end\s+of\s+", "", body, flags=re.I)
    year_only = re.fullmatch(r"(?:(?:the\s+)?(?:calendar|financial)\s+year\s+)?(\d{4})(?:/(\d{2,4}))?", body, re.I)
    if year_only:
        if re.search(r"financial", body, re.I):  # financial year 2024/25 ends 31 March 2025
            return date(int(year_only.group(1)) + 1, 3, 31)
        return date(int(year_only.group(1)), 12, 31)
    has_day = bool(re.fullmatch(DAY_DATE, body, re.I))
    day = _plain_date(body)
    if day is None:  # not a plain "31 March 2025", "March 31, 2025" or "March 2025": ask dateparser
        parsed = _dateparser().get_date_data(body)
        if not parsed or not parsed.date_obj:
            return None
        day = parsed.date_obj.date()
    if not has_day:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day


MONTH_NUMBER = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
PLAIN_DATE = re.compile(rf"(?:(?P<d1>\d{{1,2}}){ORDINAL}\s+(?P<m1>[a-z]+)\.?,?|(?P<m2>[a-z]+)\.?(?:\s+(?P<d2>\d{{1,2}})"
                        rf"{ORDINAL},?)?)\s+(?P<y>\d{{4}})", re.I)


def _plain_date(body: str) -> date | None:
    """A date our own patterns print (day, month name, year; or month and year: its first day), read
    without dateparser, which is slow to load and to ask; None for anything else, or a day the month
    does not have (dateparser then decides, as before)."""
    m = PLAIN_DATE.fullmatch(body)
    if not m or (month := MONTH_NUMBER.get((m["m1"] or m["m2"]).lower())) is None:
        return None
    try:
        return date(int(m["y"]), month, int(m["d1"] or m["d2"] or 1))
    except ValueError:
        return None


@cache
def _dateparser():
    """One dateparser instance with fixed settings: English, UK day-first, no relative dates."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "last", "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"], "STRICT_PARSING": False,
    })


EARLIER_REPORT = re.compile(rf"\b(?:on\s+)?(?P<a>{DAY_DATE})[^.]{{0,30}}\bwe\s+published\b"
                            rf"|\b(?:report|inspection)\b[^.]{{0,120}}\bpublished\s+(?:on\s+)?(?P<b>{DAY_DATE})", re.I)


def earlier_report_date(text: str, published: date | None) -> date | None:
    """When a revisit's original report came out, if the letter says ("On 14 September 2021 we
    published our inspection ..."): restated items' relative deadlines count from it."""
    for m in EARLIER_REPORT.finditer(re.sub(r"\s+", " ", text)):
        found = parse_absolute("by " + (m.group("a") or m.group("b")))
        if found and (published is None or found < published):
            return found
    return None

