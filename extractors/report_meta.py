"""A report's title, publication date, kind and inspected force, from its first pages."""

from __future__ import annotations

import re
import unicodedata

from ..model import Page, join_lines
from .addressees import find_bodies, force_named_in
from .deadlines import MONTHS, parse_absolute

PUBLISHED = re.compile(
    rf"\b(?:published|publication date)\s*:?\s*(?:on\s*:?\s*)?(?P<d>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})", re.I)
# a letter's own date line ("Date: 14 May 2026"), before any earlier report's "published on ..."
LETTER_DATE = re.compile(rf"^\s*Date\s*:\s*(?P<d>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})", re.I | re.M)
DATE_LINE = re.compile(rf"^\s*(?P<d>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})\s*$", re.I | re.M)
ANY_DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}\b", re.I)
# a cover's imprint: the inspectorate's name and the day it published ("... Fire & Rescue Services, 20 August
# 2026", "... Services \u2022 25 August 2026", or the date on the line below)
IMPRINT_DATE = re.compile(rf"(?:inspectorates?\s+of\s+constabulary(?:\s+and\s+fire\s+(?:and|&)\s+rescue\s+services)?"
                          rf"|\bHMICFRS|\bHMIC)\s*[,\u2022\u00b7|\u2013\u2014-]?[ \t]*\n?[ \t]*"
                          rf"(?P<d>\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})\b", re.I)
INSPECTORATE = re.compile(r"inspectorate of constabulary|\bHMICFRS\b|\bHMIC\b|criminal justice joint inspection", re.I)
# what an inspection report says of itself on its first pages, whoever printed it
INSPECTION = re.compile(r"\binspect(?:ion|ions|ed|ing|orate|or|ors)\b|\bPEEL\b|"
                        r"\bpolice effectiveness, efficiency and legitimacy\b", re.I)
# A paper written by or for a force or a board, which quotes HMICFRS items but is not a report
NOT_A_REPORT = re.compile(
    r"\bagenda item\b|\bpurpose of (the )?(paper|report)\b|\breport of the (chief constable|police and crime "
    r"commissioner|chief executive)\b|\b(board|committee|panel) (meeting|paper)\b|\bfor (decision|noting)\b", re.I)
# a force's or service's name: capitalised words (not the words that end one: "Fire & Rescue Service
# Inspection - Bedfordshire Fire and Rescue Service" holds one name) before "Police", "Fire and Rescue Service"
SERVICE = re.compile(r"(?P<name>(?:(?!(?:Fire|Rescue|Service|Services|Police|Constabulary|Authority|Inspectorate|"
                     r"Inspector|Inspectors|Majesty[\u2019']s|HM)\b)"
                     r"[A-Z][\w\u2019'&-]*\s+(?:(?:and|of|the|&)\s+)?){1,5}"
                     r"(?:Police(?:\s+Service)?|Constabulary|"
                     r"Fire\s+(?:and|&)\s+Rescue\s+(?:Service|Authority)))(?:\u2019s|'s)?\b")
# the inspectorate's own name, set as large as a title on older covers
PUBLISHER = re.compile(r"(?:(?:her|his)\s+majesty[\u2019']s|hm)\s+inspectorates?\s+of\s+constabulary"
                       r"(?:\s+and\s+fire\s+(?:and|&)\s+rescue\s+services)?", re.I)
KINDS = [  # first match wins: (kind, pattern over the title)
    ("super-complaint", r"super-?complaint"),
    ("progress", r"progress report|progress update|revisit|re-inspection|follow-up|an update on|"
                 r"progress (made )?(on|against)"),
    ("peel", r"\bPEEL\b"),
    ("joint", r"\bjoint\b|criminal justice joint"),
]


def read_metadata(pages: list[Page]) -> dict:
    """Title, published, kind, force and whether this is an HMICFRS report at all."""
    front = pages[:3]
    front_text = "\n".join(p.text for p in front)
    title = _title(pages[0]) if pages else None
    published = None
    cover = pages[0].text if pages else ""
    salutation = re.search(r"^\s*Dear\s+\w", cover, re.M)
    letterhead = cover[:salutation.start()] if salutation else ""  # a letter's own date stands above "Dear"
    m = (LETTER_DATE.search(cover) or DATE_LINE.search(letterhead) or PUBLISHED.search(front_text)
         or IMPRINT_DATE.search(cover))
    if m:
        published = parse_absolute("by " + m.group("d"))
    elif (m := ANY_DATE.search(pages[0].text if pages else "")):
        published = parse_absolute("by " + m.group(0))
    kind = "thematic"
    for name, pattern in KINDS:
        if title and re.search(pattern, title, re.I):
            kind = name
            break
    force = _inspected(title, pages, kind)
    named = bool(INSPECTORATE.search(front_text))
    # a cover that lost the inspectorate's name (a print of one page, a plain first page) still reads
    # as an inspection; a paper written by or for a force or board is never one of its reports
    is_report = (named or bool(INSPECTION.search(front_text))) and not NOT_A_REPORT.search(
        "\n".join(p.text for p in pages[:2]))
    letter = bool(pages) and any(re.match(r"Dear\s+\w", ln.text) for ln in pages[0].lines)
    kind = _refined_kind(kind, title, pages[0].text if pages else "", force, letter)
    return {"title": title, "published": published, "kind": kind, "force": force, "is_hmicfrs": is_report,
            "names_inspectorate": named}


def _inspected(title: str | None, pages: list[Page], kind: str) -> str | None:
    """The one force, fire and rescue service or national agency the report inspects, if one."""
    # a title that names a force (or a fire and rescue service, whose name may hold a force's) is about it
    service = SERVICE.search(title or "")
    force = service.group("name").strip() if service and "Rescue" in service.group("name") else None
    force = force or force_named_in(title or "")
    if force is None and title and re.search(r"fire\s+(?:and|&)\s+rescue", title, re.I) and pages:
        # "Fire and Rescue Service Inspection 2025": the cover names the service elsewhere
        cover = SERVICE.search(" ".join(pages[0].text.split()))
        force = cover.group("name").strip() if cover and "Rescue" in cover.group("name") else None
    if kind == "peel" and force is None:
        force = force_named_in(pages[0].text if pages else "")
    if force is None and kind in ("peel", "progress", "thematic"):
        force = _service_named_in(title) or _cover_subject(pages[0].text if pages else "")
    return force or _agency_inspected(title)


def _cover_subject(cover: str) -> str | None:
    """The one force a cover's subtitle says is inspected ("Inspection of police custody in Northern
    Ireland" over "An inspection of the Police Service of Northern Ireland commissioned by ...")."""
    lined = re.sub(r"[ \t]+", " ", cover[:1500])
    for m in INSPECTION_OF.finditer(lined):
        clause = re.split(r"[.;:]\s", lined[m.end():m.end() + 200])[0]
        # the subtitle wrapped over lines, else its own line only (a date line below it is not its name)
        for words in (" ".join(clause.split()), clause.split("\n")[0].strip()):
            named = find_bodies(re.sub(r"^the\s+", "", words, flags=re.I))
            forces = {b.name for b, _, _ in named if b.group == "force"}
            if named and named[0][1] == 0 and named[0][0].group == "force" and len(forces) == 1:
                return named[0][0].name
    return None


# where a title names what is inspected: its start, or after "an inspection of (how) (the)"
INSPECTION_OF = re.compile(r"\binspection\s+of\s+(?:how\s+(?:well\s+)?)?", re.I)


def _agency_inspected(title: str | None) -> str | None:
    """A national agency a report inspects ("An inspection of how the National Crime Agency manages
    ...", "The National Crime Agency's response to ..."): its items that say "the agency should" are for it."""
    if not title:
        return None
    for start in [0, *(m.end() for m in INSPECTION_OF.finditer(title))]:
        rest = re.sub(r"^the\s+", "", title[start:], flags=re.I)
        named = find_bodies(rest)
        # a national body by its own name: never a generic group ("fire and rescue services in England")
        if named and named[0][1] == 0 and named[0][0].group == "national" and named[0][0].name[:1].isupper() and all(
                b.name == named[0][0].name for b, _, _ in named):
            return named[0][0].name
    return None


OTHER_INSPECTORATE = re.compile(r"\b(?:inspectorate\s+of\s+(?:prisons|probation)|care\s+quality\s+commission|ofsted|"
                                r"HMCPSI|crown\s+prosecution\s+service\s+inspectorate|HM\s+Inspectorate\s+of\s+"
                                r"Education)\b", re.I)


# an inspection asked for by a government or a force's own authority, not in the inspectorate's programme
COMMISSIONED = re.compile(r"\bcommissioned\s+by\b|\b(?:carried\s+out\s+)?at\s+the\s+request\s+of\b|"
                          r"\bunder\s+section\s+\d+\w*\s+of\s+the\b", re.I)


def _refined_kind(kind: str, title: str | None, cover: str, force: str | None, letter: bool = False) -> str:
    """A report the title does not type: a letter, joint when the cover names another inspectorate, an
    inspection commissioned of one organisation, the annual assessment, else an inspection of one force
    or fire and rescue service, else thematic."""
    if kind != "thematic":
        return kind
    if letter:
        return "letter"
    if OTHER_INSPECTORATE.search(cover):
        return "joint"
    if COMMISSIONED.search(cover) and (force or _inspects_bodies(cover)):
        return "commissioned"
    if title and re.search(r"\bstate\s+of\s+policing\b|\bannual\s+assessment\b", title, re.I):
        return "annual-assessment"
    if force:
        return "frs" if re.search(r"\bRescue\b", force) else "force"
    return kind


def _inspects_bodies(cover: str) -> bool:
    """Does the cover say it inspects named bodies ("An inspection of HM Revenue and Customs and Border
    Force"), not a subject across forces ("an inspection of firearms licensing")?"""
    text = " ".join(cover.split())
    for m in INSPECTION_OF.finditer(text[:1500]):
        named = find_bodies(re.sub(r"^the\s+", "", text[m.end():m.end() + 120], flags=re.I))
        if named and named[0][1] == 0 and named[0][0].group in ("force", "national", "government"):
            return True
    return False


def _service_named_in(title: str | None) -> str | None:
    """The one force or fire and rescue service a report inspects, named in its title even when it
    is not in the forces list ("An inspection of Ravensmoor Fire and Rescue Service")."""
    inspects = r"\b(?:inspection|review|report|revisit|progress)\b.{0,40}\b(?:of|on|for)\s"
    if not title or not re.search(inspects, title, re.I):
        return None
    m = SERVICE.search(title)
    return m.group("name").strip() if m else None


def _title(page: Page) -> str | None:
    """The largest type on the cover, read in order (the publisher's name set large is skipped); in a
    letter, the subject line set above "Dear ..." ."""
    lines = [ln for ln in page.lines if not re.fullmatch(r"HMICFRS|HMIC|HMICS|CJJI", ln.text.strip())
             and not MARKING.fullmatch(ln.text.strip())]
    if not lines:
        return None
    subject = _letter_subject(lines)
    if subject:
        return subject
    while lines:
        biggest = max(ln.size for ln in lines)
        title = _set_at(lines, biggest - 0.5, True)
        if len(title) > MAX_TITLE:  # no size apart: a tracker's 8-point heading over its 7.5-point table
            title = _set_at(lines, biggest - 0.5, False)
        if title and not PUBLISHER.fullmatch(" ".join(title.split())):
            return title
        lines = [ln for ln in lines if ln.size < biggest - 0.5]  # "HER MAJESTY'S INSPECTORATE OF CONSTABULARY"
    return None


def _set_at(lines: list, least: float, inclusive: bool) -> str:
    """The lines set at `least` points or more (more than `least`, not inclusive), read in order, without
    the publisher's name on a line of its own."""
    return join_lines(ln.text for ln in lines if (ln.size >= least if inclusive else ln.size > least)
                      and not PUBLISHER.fullmatch(" ".join(ln.text.split())))


# a protective marking printed on every page ("OFFICIAL", "OFFICIAL-SENSITIVE"): never a title
MARKING = re.compile(r"(?:OFFICIAL(?:[-\s]SENSITIVE)?|NOT\s+PROTECTIVELY\s+MARKED|RESTRICTED|PROTECT)", re.I)


MAX_TITLE = 300  # longer than this, the largest type is body text set large, not a title
DROPPED = {"Cc", "Zl", "Zp"}  # control characters and line breaks: a space
REMOVED = {"Cf", "Co", "Cs", "Cn"}  # format, private-use, surrogate, unassigned: nothing readable


# what PDF makers write when nobody gave a title: not a title
PLACEHOLDER_TITLE = re.compile(r"\s*(untitled(\s+document)?|no title|title|document\d*|slide \d+)\s*", re.I)


def metadata_title(text: str | None) -> str | None:
    """The PDF's Title metadata as a readable title, placeholders such as "untitled" left out."""
    return None if text and PLACEHOLDER_TITLE.fullmatch(text) else readable_title(text)


def file_title(name: str | None) -> str | None:
    """The file name as a title of last resort: printable, one line, at most MAX_TITLE characters."""
    if not name:
        return None
    return readable_title(name) or " ".join("".join(c if c.isprintable() else " " for c in name).split())[:MAX_TITLE]


def readable_title(text: str | None) -> str | None:
    """The text as one readable line of at most MAX_TITLE characters, or None when it is not one."""
    if not text or "(cid:" in text:
        return None
    text = "".join(" " if unicodedata.category(c) in DROPPED else "" if unicodedata.category(c) in REMOVED
                   else c for c in text.replace("\ufffd", ""))
    text = " ".join(text.split())
    if not text or len(text) > MAX_TITLE:
        return None
    letters = sum(c.isalnum() for c in text)
    # a title is mostly words: not a row of dots, dashes or stray symbols
    return text if letters >= 2 and letters >= 0.4 * len(text.replace(" ", "")) else None


def _letter_subject(lines: list) -> str | None:
    """A letter's subject: the bold lines just above its salutation, or else just below it."""
    for i, line in enumerate(lines):
        if re.match(r"^Dear\s+\w", line.text):
            subject = []
            for prev in reversed(lines[max(0, i - 8):i]):
                if _beside(prev, line) or not prev.bold or re.match(r"^\w+:$", prev.text.strip()) or \
                        PUBLISHER.fullmatch(" ".join(prev.text.split())):  # the letterhead
                    if subject:
                        break
                    continue
                subject.insert(0, prev.text)
            if not subject:  # "Dear Chief Constable," then the subject in bold (not the heading after it)
                for nxt in lines[i + 1:i + 4]:
                    first = lines[i + 1]
                    if _beside(nxt, line) or not nxt.bold or abs(nxt.size - first.size) > 0.5 or (
                            subject and nxt.top - lines[lines.index(nxt) - 1].bottom > 0.8 * nxt.height):
                        break
                    subject.append(nxt.text)
            return join_lines(subject) or None
    return None


def _beside(other, line) -> bool:
    """Is `other` set apart from `line`: another column, a box, or another left edge?"""
    return other.column != line.column or other.box is not None or abs(other.x0 - line.x0) > 30
