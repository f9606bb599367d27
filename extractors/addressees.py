"""Who an item is addressed to: canonical bodies and forces, found by a spaCy PhraseMatcher.

The vocabulary lives in rules/bodies.json and rules/forces.json. Only the item's subject (the words
before "should"/"must", in the item or its lead-in) and "work with X" phrases name addressees: a body
merely mentioned later ("reports passed to forces by the NFIB") is not one.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from .recipients import PARTNERSHIP, partners_named
from .text import plain

if TYPE_CHECKING:  # spaCy takes most of a second to import: only a command that judges pays for it
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

MODAL = re.compile(r"\b(should|must|needs? to|is to|are to|will need to)\b", re.I)
# "collaborate with" asks for joint work; "its collaboration with Essex Police" names an arrangement it has
WORK_WITH = re.compile(
    r"\b(?:work(?:ing|s)?|jointly|together|in partnership|in consultation|in conjunction|collaborat(?:e|es|ing))"
    r"\s+with\s+(?P<who>[^.;:]{3,120})", re.I)
THE_FORCE = re.compile(r"\b(the force|the chief constable|the constabulary|the police force)\b(?!\s+(of|for)\b)",
                       re.I)
LATER_SUBJECT = re.compile(r"(?:,|;|\band\b|\bwhich\b)\s+(?:then\s+)?(?P<who>[^,;.]{3,80}?)\s+(?:should|must)\b", re.I)
OTHER_BODY = re.compile(r"(?:(?:county\s+|city\s+|metropolitan\s+borough\s+)?council|(?:county\s+)?fire\s+(?:and|&)\s+"
                        r"rescue|(?:police\s+)?authority|police\s+and\s+crime\s+panel|integrated\s+care\s+board|icb|nhs|"
                        r"(?:safeguarding\s+)?partnership|"
                        r"hospital|trust)\b", re.I)
SERVICES = re.compile(r"^(?:[^,]{0,60},\s*)?(?:all\s+|the\s+)?(?:fire\s+and\s+rescue\s+)?services"
                      r"(?:\s+(?:in|of|with|that|which|where|whose)\b.*)?$", re.I)
# "Develop, with the Crown Prosecution Service, a ...", "should evaluate, working with X, whether": a body
# set off by commas beside the verb acts with the addressee
ALONGSIDE = re.compile(r"(?:^\W*\w+|\b(?:should|must)(?:\s+\w+)?)\s*,\s*(?:(?:working|jointly|together|in partnership|"
                       r"in consultation|in conjunction)\s+)?with\s+(?P<who>[^,.;:]{3,80}),", re.I)
EVERY_FORCE = re.compile(r"in\s+(?:both\s+)?England\s+and\s+Wales", re.I)
SUBSET = re.compile(
    r"\b(?:forces|chief constables|chief officers)\s+(?:of\s+forces\s+|in\s+forces\s+)?"
    # a comma before a capital stays inside the condition: "that have not adopted Right Care, Right Person"
    r"(?P<cond>(?:that|which|who|whose|in|with|without|using|where|yet|not|still)\b(?:[^,;:]|,(?=\s+(?-i:[A-Z]))){3,160}?)"
    r"(?=\s+(?:should|must|need|are|is|will)\b|$)",
    re.I)


SOME = re.compile(r"\b(?:other|neighbouring|neighboring|nearby|partner|some|several|few|many|most|two|three|four|"
                  r"five|six|seven|eight|nine|ten|(?<![\d/])\d{1,3})(?:\s+police)?\s*$", re.I)  # not a year
# "Some forces should": forces the report does not name, of which the force may be one
INDEFINITE = re.compile(r"^(?:[^,]{0,60},\s*)?(?P<cond>(?:some|several|a\s+few|many|most|a\s+number\s+of|certain)"
                        r"\s+(?:police\s+)?forces)$", re.I)
# "the Home Office Counting Rules", "College of Policing Authorised Professional Practice": a body's name
# that begins a longer proper name (a document, a system) is not the body; its officers are ("NPCC Lead")
NAME_GOES_ON = re.compile(r"\s+(?!(?:And|Or|Of|For|To|In|On|With|The|Should|Must|Will|Lead|Leads|Chair|Minister|"
                          r"Ministers|Secretary|Director|Directors|Chief|Board|Executive|Officers?|Team|Areas?|Regions?)\b)"
                          r"[A-Z][a-z]{2,}")
# generic bodies whose singular, capitalised after a proper name, is one body's own name
NAMEABLE = {"police-authorities": "local", "frs": "force"}
PROPER_NAME = re.compile(r"(?:^|(?<=\s))(?:the\s+)?"
                         r"(?P<name>(?:(?!The\b)[A-Z][\w'\u2019-]*\s+(?:(?:and|of|&)\s+)?){1,4})$")


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    group: str  # chief_constables | pccs | national | government | force
    adopts: bool = False
    country: str | None = None
    regional: tuple[tuple[str, str], ...] = ()  # (country, body id): what the name means there


@dataclass
class Addressees:
    names: list[str]
    bodies: list[Body]
    condition: str | None = None  # "that use the Niche records management system"
    pcc_areas: list[str] | None = None  # forces whose PCC alone is named ("the PCC for Kent")


_BUILDING = threading.Lock()  # one build per process, whichever thread asks first (see warm.py)
_BUILT: list[tuple[Language, PhraseMatcher, dict[str, Body]]] = []


def vocabulary() -> tuple[Language, PhraseMatcher, dict[str, Body]]:
    """A blank English pipeline and a PhraseMatcher over every alias (no model download), built once."""
    if not _BUILT:
        with _BUILDING:  # a warm-up in progress: wait for it rather than build a second one
            if not _BUILT:
                _BUILT.append(_build_vocabulary())
    return _BUILT[0]


def _build_vocabulary() -> tuple[Language, PhraseMatcher, dict[str, Body]]:
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    bodies: dict[str, Body] = {}
    rules = resources.files(__package__).joinpath("rules")
    for entry in json.loads(rules.joinpath("bodies.json").read_text("utf-8"))["bodies"]:
        body = Body(entry["id"], entry["name"], entry["group"], entry.get("adopts", False), entry.get("country"),
                    tuple(entry.get("regional", {}).items()))
        bodies[body.id] = body
        aliases = {entry["name"], *entry["aliases"]}
        aliases |= {a.replace(" and ", " & ") for a in aliases}  # "HM Courts & Tribunals Service"
        matcher.add(body.id, [nlp.make_doc(plain(a)) for a in aliases])
    for entry in json.loads(rules.joinpath("forces.json").read_text("utf-8"))["forces"]:
        body = Body(entry["id"], entry["name"], "force", country=entry["country"])
        bodies[body.id] = body
        aliases = {entry["name"], *entry["aliases"]}
        aliases |= {a.replace(" and ", " & ") for a in aliases}
        matcher.add(body.id, [nlp.make_doc(plain(a)) for a in aliases])
    return nlp, matcher, bodies


def find_bodies(text: str) -> list[tuple[Body, int, int]]:
    """Every body named in the text, longest match first where they overlap: (body, start, end)."""
    nlp, matcher, bodies = vocabulary()
    doc = nlp.make_doc(plain(text))
    matches = matcher(doc)
    ids = {(s, e): m for m, s, e in matches}
    from spacy.util import filter_spans

    kept = [doc[s:e] for m, s, e in matches if _names_body(bodies[nlp.vocab.strings[m]], doc, s, e)]
    spans = filter_spans(kept)
    return [_named(bodies[nlp.vocab.strings[ids[(sp.start, sp.end)]]], doc.text, sp.start_char, sp.end_char)
            for sp in spans]


def _names_body(body: Body, doc, start: int, end: int) -> bool:
    """Does this match of a body's name name the body itself?"""
    after = doc[end:].text if end < len(doc) else ""
    if body.group == "force" and OTHER_BODY.match(after):
        # "Kent" in "Kent Fire and Rescue Service", "Warwickshire" in "Coventry and Warwickshire ICB", "West
        # Midlands Police" in "West Midlands Police Authority": another body's name, not the force
        return False
    if body.group == "chief_constables" and SOME.search(doc[:start].text):
        return False  # "other forces", "the four police forces in Wales": some forces, not every chief constable
    return body.group == "force" or not NAME_GOES_ON.match(doc.text[doc[start:end].end_char:])


def _named(body: Body, text: str, start: int, end: int) -> tuple[Body, int, int]:
    """ "West Midlands Police Authority", "Bedfordshire Fire and Rescue Service": a generic body's name
    printed with capitals after a proper name is one body of that kind, by its own name (and span)."""
    if body.id not in NAMEABLE or not text[start:end][:1].isupper() or text[start:end].lower().endswith("s"):
        return body, start, end
    m = PROPER_NAME.search(text[:start])
    name = m.group("name").strip() if m else ""
    if not m or not name or name.lower() in ("a", "an", "any", "each", "every", "its", "their", "this", "that"):
        return body, start, end  # "Each Police Authority": a determiner, not a name
    full = f"{name} {text[start:end]}"
    return Body("named-" + full.lower(), full, NAMEABLE[body.id]), m.start("name"), end


def subject_of(text: str) -> str:
    """The words before the first modal verb: who is being told to act."""
    m = MODAL.search(text)
    return text[: m.start()] if m else text[:200]


def find_addressees(text: str, lead_in: str | None = None, report_force: str | None = None,
                    heading: str | None = None, partners: list[str] | None = None) -> Addressees:
    """Canonical addressees of one item. `partners`: the bodies a letter is addressed to, which an item
    of the letter that names no other body is for (see recipients.py)."""
    text = own_sentences(plain(text))
    source = plain(lead_in) if lead_in and not _own_subject(text) else text
    subject = subject_of(source)
    subject = _opening_body(source) or subject
    plain_subject = plain(subject)
    found, pcc_areas = _subject_bodies(plain_subject, report_force)
    from_heading = [b for b, _, _ in find_bodies(heading)] if heading else []
    if from_heading and _no_subject(source):
        # "They should ...", "It should ...", or a table row's "Make sure that ...": the heading or the
        # responsible-body column says who; bodies the text mentions are partners ("It should work with
        # the Home Office to ..."), not addressees, but for one set beside the verb to act with it
        found = from_heading + [b for m in ALONGSIDE.finditer(text) for b, _, _ in find_bodies(m.group("who"))]
    else:
        if not found:  # a subject that names its body says who; the heading only fills a gap
            found.extend(from_heading)
        found.extend(_joint(text))
        for m in LATER_SUBJECT.finditer(plain(text)[len(subject):]):  # "..., and chief constables should adopt"
            found.extend(b for b, _, _ in find_bodies(m.group("who")))
    if report_force is None and THE_POLICE.match(plain_subject.strip()) and not any(
            b.group == "chief_constables" for b in found):
        found.insert(0, _body("chief-constables"))  # "The police and CPS should" in a national report
    some = INDEFINITE.match(plain_subject.strip())
    if some and not found:  # "Some forces should": a subset of chief constables the report leaves unnamed
        found.append(_body("chief-constables"))
    if not found and SERVICES.match(plain_subject.strip()):
        found = [b for b, _, _ in find_bodies("fire and rescue services")]  # "Services should ..." in a fire report
    the_force = THE_FORCE.search(subject)
    if partners and not from_heading and (PARTNERSHIP.search(subject) or not found and not the_force):
        found = [_recipient_body(name) for name in partners_named(plain(text), partners)]
    if not found and lead_in and not from_heading:
        # "The safeguarding partners, and the agencies named below, need to improve:": the lead-in names
        # no body it knows, so each item's own subject (or the body it names first) says who
        found = [b for b, _, _ in find_bodies(subject_of(plain(text)))][:1]
    if the_force and report_force:
        found.append(_force_body(report_force))
    elif the_force and partners:  # a letter to a chief constable: "the force" is the recipient force
        found.extend(b for b in map(_recipient_body, partners) if b.group == "force")
    if not found and report_force:
        found.append(_force_body(report_force))
    unique: dict[str, Body] = {}
    for body in _in_country(found, text, report_force):
        unique.setdefault(body.name, body)
    cond = SUBSET.search(plain_subject) or (SUBSET.search(plain(heading)) if heading else None) or some
    if cond and EVERY_FORCE.fullmatch(cond.group("cond").strip()):
        cond = None  # "all chief constables in England and Wales": every force
    return Addressees(
        names=list(unique), bodies=list(unique.values()),
        condition=cond.group("cond").strip() if cond else None,
        pcc_areas=pcc_areas or None,
    )


HOME_NATIONS = {"England", "Wales", "United Kingdom", None}


def _in_country(found: list[Body], text: str, report_force: str | None) -> list[Body]:
    """ "The Department of Health" beside the Police Service of Northern Ireland is Northern Ireland's:
    a name several governments use means the body of the country whose force the item (or else the
    report) is about."""
    if not any(b.regional for b in found):
        return found
    countries = [b.country for b, _, _ in find_bodies(text) if b.group == "force" and b.country not in HOME_NATIONS]
    own = _force_body(report_force).country if report_force else None
    country = countries[0] if countries else own
    bodies = vocabulary()[2]
    return [bodies[dict(b.regional)[country]] if country in dict(b.regional) else b for b in found]


def _joint(text: str) -> list[Body]:
    """The bodies an item tells its named addressee to work with: "working with X", "jointly with X",
    or "with X" set off by commas beside the verb ("evaluate, with HM Courts & Tribunals Service, whether")."""
    # "The plan should be developed in consultation with the PCC": those consulted on a thing done are
    # not told to act; "should be working with" is active
    spans = [PARTNERS_END.split(m.group("who"))[0] for m in WORK_WITH.finditer(text)
             if not PASSIVE_BEFORE.search(text[:m.start()]) and not POSSESSIVE_BEFORE.search(text[:m.start()])]
    spans += [m.group("who") for m in ALONGSIDE.finditer(text)]
    # "The College should work with forces to develop ...": forces as the partners of a national body's
    # work are consulted, not told to act; "working with chief constables" names them as addressees
    return [b for who in spans for b, start, end in find_bodies(who)
            if b.group != "chief_constables" or "chief" in plain(who)[start:end].lower()]


# the partners named end where the sentence goes on: "working with the NFCC, should make sure that all staff
# in fire and rescue services ...", "work with the College to develop guidance for forces"
PARTNERS_END = re.compile(r",?\s+\b(?:should|must|will|to|so\s+that|in\s+order|which|who)\b", re.I)


PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being)\s+(?:\w+(?<!ing)\s+){1,2}$", re.I)
# "evaluate the effect of its joint working with the fire service": the force's working, a thing to improve;
# the body it works with is not told to act
POSSESSIVE_BEFORE = re.compile(r"\b(?:its|their|our|his|her)\s+(?:[a-z]+\s+)?$", re.I)


def _subject_bodies(subject: str, report_force: str | None) -> tuple[list[Body], list[str]]:
    """The bodies an item's subject names, and the forces whose PCC alone it names."""
    own = report_force and re.search(rf"{re.escape(report_force)}(?!\s+(?:{OTHER_BODY.pattern}))", subject, re.I)
    found: list[Body] = [_force_body(report_force)] if own and report_force else []
    pcc_areas: list[str] = []
    cond = SUBSET.search(subject)
    for body, start, end in find_bodies(subject):
        if own and start < own.end() and end > own.start():
            continue  # "Avon Fire and Rescue Service doesn't ...": the report's own, not a generic body in it
        if cond and start >= cond.start("cond") and body.group != "chief_constables":
            continue  # "chief constables of forces that have a violence reduction unit": what the forces have
        before = subject[:start].lower()
        if body.group == "force" and re.search(r"commissioners?\s+for\s+(the\s+)?$", before):
            pcc_areas.append(body.name)  # "the Police and Crime Commissioner for Kent": the PCC only
            continue
        if body.group == "chief_constables" and re.search(r"\bchief constable of\s+$", before):
            continue
        found.append(body)
    return found, pcc_areas


THE_POLICE = re.compile(r"^(?:[^,]{0,60},\s*)?(?:the\s+)?police\b(?!\s*(?:and\s+crime|,\s*fire|authorit|forces?\b|"
                        r"service|officers?|staff|scotland))", re.I)
TRAILING_LEAD_IN = re.compile(r"(?<=[.!?])\s+[^.!?]+:\s*$")


def own_sentences(text: str) -> str:
    """The item without a sentence ending in a colon after it: a lead-in to the list below ("Forces in
    the scheme should:") that was read with the item names that list's addressees, not the item's."""
    return TRAILING_LEAD_IN.sub("", text)


def _opening_body(text: str) -> str | None:
    """An item with no modal verb that opens with a body ("That the West Midlands Police Authority
    establishes a committee ... and receives a report from the Force"): its subject is that body."""
    if MODAL.search(text):
        return None
    named = find_bodies(text[:200])
    if named and re.fullmatch(r"\W*(?:that\s+)?(?:the\s+)?", text[:named[0][1]], re.I):
        return text[:named[0][2]]
    return None


def _own_subject(text: str) -> bool:
    """Does the item open with a body of its own ("West Midlands Police does not ...")? Then it is a
    sentence of its own, not the end of a lead-in's sentence, whose subject is not its subject."""
    named = find_bodies(subject_of(text)) if text[:1].isupper() else []
    return bool(named) and re.fullmatch(r"(?:the\s+)?", text[:named[0][1]], re.I) is not None


def _body(body_id: str) -> Body:
    return vocabulary()[2][body_id]


PRONOUN_SUBJECT = re.compile(r"^(?:[^,]{0,60},\s*)?(?:they|it|we|each|both|all of them)\s*,?$", re.I)


def _no_subject(text: str) -> bool:
    """Does the item leave its addressee unsaid: a pronoun before the modal, or no modal at all?"""
    m = MODAL.search(text)
    return m is None or bool(PRONOUN_SUBJECT.match(text[: m.start()].strip()))


def _recipient_body(name: str) -> Body:
    """A letter's recipient as a body: a force by its canonical name, else a local body (a council, a
    health board) that no vocabulary lists."""
    force = force_named_in(name)
    if force:
        return _force_body(force)
    return Body("local-" + name.lower(), name, "local")


def _force_body(name: str) -> Body:
    """The report's own force or service by name: a known body (the National Crime Agency in a report
    on it keeps its group), else a force."""
    known = [b for b in vocabulary()[2].values() if b.name == name]
    for body in sorted(known, key=lambda b: b.group != "force"):
        return body
    return Body("force-" + name.lower(), name, "force")


def force_named_in(text: str) -> str | None:
    """The first police force named in a text (a report title, say), by canonical name."""
    for body, _, _ in find_bodies(text):
        if body.group == "force":
            return body.name
    return None
