"""Whom a letter is addressed to: the bodies named in the lines above "Dear ...".

A joint targeted area inspection writes to an area's safeguarding partners ("Chief Executive,
Birmingham City Council", "Chief Constable, West Midlands Police"); a revisit letter to a chief
constable ("To: Chief Constable, West Midlands Police"). Items that name no one are for all of them;
an item that names one partner ("the council", "health practitioners", the force) is for that one.
"""

from __future__ import annotations

import re

from ..model import Page

SALUTATION = re.compile(r"^Dear\s+\w")
# the body at the end of an address line: "Ruth Haworth, Chief Executive, Birmingham City Council"
BODY = re.compile(r"(?:^|,\s*|^to:\s*)(?P<body>(?:[A-Z][\w'\u2019&-]*\s+(?:and\s+|of\s+|for\s+)?){0,7}"
                  r"(?:Council|Board|Police|Constabulary|Service|Authority|Trust|Commissioner|Partnership))\s*$")
# words that point an item at one kind of partner
PARTNER_WORDS = {
    "council": r"\b(?:council|local authority|children's social care|social workers?)\b",
    "health": r"\b(?:health|NHS|integrated care board|ICB|hospital|GPs?|general practi\w+|emergency departments?)\b",
    "police": r"\b(?:police|the force|officers)\b",
    "probation": r"\bprobation\b",
}
TO = re.compile(r"^\s*to\s*:", re.I)
FROM = re.compile(r"^\s*(?:from|copy|cc|copied\s+to|date|our\s+ref)\b", re.I)
INSPECTORATE = re.compile(r"\bInspector(?:ate)?\b|\bHMICFRS\b|\bOfsted\b|\bCare Quality Commission\b", re.I)
PARTNERSHIP = re.compile(r"\b(?:safeguarding\s+)?partners\b|\bpartnership\b|\bagencies\b", re.I)


def letter_recipients(pages: list[Page]) -> list[str]:
    """The bodies a letter is addressed to, in the order printed: the address lines above "Dear ...",
    or a "To:" block; [] when the report is no letter."""
    for page in pages[:2]:
        lines = page.lines
        for i, line in enumerate(lines):
            if SALUTATION.match(line.text):
                return _bodies_in(lines[max(0, i - 14):i]) or _address_lines(page.text)
            if TO.match(line.text):
                block = [line]
                for nxt in lines[i + 1:i + 6]:
                    if FROM.match(nxt.text) or "," not in nxt.text:
                        break
                    block.append(nxt)
                return _bodies_in(block)
    return []


def _address_lines(text: str) -> list[str]:
    """A letter whose address block sits beside the sender's, so that its lines are not body lines:
    the lines above "Dear ..." that are a body's name alone ("Cumbria Constabulary")."""
    above = re.split(r"^\s*Dear\s+\w", text, maxsplit=1, flags=re.M)
    if len(above) < 2:
        return []
    names = [m.group("body").strip() for line in above[0].splitlines()[-14:]
             if not (FROM.match(line) or INSPECTORATE.search(line)) and (m := BODY.fullmatch(line.strip()))]
    return list(dict.fromkeys(names))


def _bodies_in(lines: list) -> list[str]:
    texts = [ln.text for ln in lines if not (FROM.match(ln.text) or INSPECTORATE.search(ln.text)
                                             or re.fullmatch(r"\s*to\s*:?\s*", ln.text, re.I))]
    if any(";" in t for t in texts):  # "Chief Executive, X Council; Chief Constable, Y Police", wrapped
        texts = [t.strip() for t in " ".join(texts).split(";")]
    found = []
    for text in texts:  # the sender and those copied in are left out above
        m = BODY.search(TO.sub("", text).strip())
        if m and ("," in text or TO.match(text)):
            found.append(m.group("body").strip())
    return list(dict.fromkeys(found))


def kind_of_partner(name: str) -> str:
    """ "council", "health", "police", "probation" or "other" for a recipient's name."""
    for kind, words in PARTNER_WORDS.items():
        if re.search(words, name, re.I) or (kind == "police" and re.search(r"Constabulary", name)):
            return kind
    if re.search(r"Board|Trust", name):
        return "health"
    return "other"


OPENING = 80  # characters: an item names the partner it is about near its start


def partners_named(text: str, recipients: list[str]) -> list[str]:
    """The recipients an item is for: the one it names ("West Midlands Police shares ...") or points at
    near its start ("the council's exploitation team"); all of them when it speaks of the partnership
    or names none."""
    opening = text[:OPENING]
    if PARTNERSHIP.search(opening):
        return list(recipients)
    named = [r for r in recipients if r.lower() in text.lower()]
    if named:
        return named
    pointed = [r for r in recipients if re.search(PARTNER_WORDS.get(kind_of_partner(r), r"$^"), opening, re.I)]
    return pointed or list(recipients)
