"""The cues that say a block states a finding, or frames the findings after it.

Each cue is independent of any one report layout: a label ("Recommendation 3", "R4", "Area for
improvement 1 (2022)"), a section heading ("Areas for improvement", "Recommendations for chief
constables"), an addressee heading ("To the College of Policing"), a lead-in that opens a list
("Within six months, the force should:"), an item sentence ("The force should ..."), a revisit's
status line ("Progress: partially met"), a practice box heading, and a findings table's columns.
The vocabulary is data (rules/labels.json); each rule has an id.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..model import BULLET, Block, join_lines

CONTENTS_TAIL = re.compile(r"(?:\.{3,}|\u2026|(?:\.\s){3,}).*$|\s{2,}\d{1,3}$|^\s*\d{1,3}\s*$")
# a label run into the sentence it heads: the next word is a capitalised one that is not a verb
RUN_IN = re.compile(r"^(?!(?:Is|Was|Are|Were|Has|Have|Had|Will|Would|Can|Could|May|Might|Should|Must|And|Or|In|Of|"
                    r"For|To|From|By|On|At|With|Made|Number)\b)[A-Z][a-z\u2019']+,?\s+\w")
CHAPTER_NUMBER = re.compile(r"^(?:(?:chapter|section|part|annex|appendix)\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[A-Z])[.:)]?\s+",
                            re.I)
LAST_SENTENCE = re.compile(r"(?<=[a-z\d)][.!?])\s+(?=[A-Z])")
MARKER_PREFIX = re.compile(r"^\(?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4})[.)]?\s+")


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    regex: re.Pattern


@dataclass(frozen=True)
class Vocabulary:
    labels: list[Rule]
    sections: list[Rule]
    section_addressee: re.Pattern
    addressee_heading: Rule
    item_start: re.Pattern
    lead_in: re.Pattern
    lead_in_tail: int
    status: re.Pattern
    practice: re.Pattern
    glossary_heading: re.Pattern
    definition: re.Pattern
    caption: re.Pattern
    history_heading: re.Pattern
    restating_heading: re.Pattern
    contents_heading: re.Pattern
    list_intro: re.Pattern
    recommend_that: re.Pattern
    columns: dict[str, re.Pattern]


@cache
def vocabulary() -> Vocabulary:
    """The compiled cues from rules/labels.json."""
    data = json.loads(resources.files(__package__).joinpath("rules/labels.json").read_text("utf-8"))
    # "Area for improvement A:": a lone capital letter is a ref only before the label's colon or dash,
    # or ending the line ("Area for improvement B" set on its own line over its text)
    ref = (r"(?:\s*(?P<ref>R?\d{1,3}(?:\.\d{1,2})?[a-z]?\b|\((?:[ivx]{1,5}|[a-z])\)"
           r"|(?-i:[A-Z])(?=\s*(?:[:\u2013\u2014]|$))))?")
    # "(2022)", "(new)", "(March 2024)": when or how the item was made, not part of its text
    note = r"(?:\s*\((?P<note>(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d|new|revised|updated|repeated|restated)\))?"
    labels = [Rule(r["id"], r["kind"], re.compile(rf"^(?:{r['pattern']}){ref}(?![\w\u2019']){note}\s*(?P<rest>.*)$",
                                                  re.I)) for r in data["labels"]]
    sections = [Rule(r["id"], r["kind"], re.compile(rf"^(?:{r['pattern']})(?P<tail>.*)$", re.I))
                for r in data["sections"]]
    heading = data["addressee_heading"]
    deadline = r"(?i:(?:by|within|with|not later than|no later than|before)\b[^,]{0,60},\s*)?"
    one = rf"(?:(?i:{data['item_subjects']})\b|(?!(?:What|Which|How|Where|Who|Why|When)\b){data['named_subject']})"
    subject = rf"{one}(?:,?\s+and\s+{one})?"  # "the National Crime Agency and chief constables should"
    # "Chief constables of forces which share a property store ... should": a qualified subject
    qualified = rf"(?i:{data['item_subjects']})\s+(?i:of|in|for|at|with|that|which|who|whose)\b[^.;:]{{0,120}}?"
    item_start = re.compile(rf"^(?:{deadline}(?:{qualified}|{subject}(?:\s*,[^,]{{0,100}},)?)\s+(?i:{data['modals']})\b"
                            rf"|(?i:{data['recommend_that']})"
                            rf"|{deadline}{data['role_subject']}\s+(?i:should|must)\b"  # "Custody officers should"
                            rf"|That\s+{subject}\s+[a-z]+s\b)")  # "That the Force develops ...": HMIC's older style
    return Vocabulary(
        labels=labels, sections=sections,
        section_addressee=re.compile(rf"^{data['section_addressee']}$", re.I),
        addressee_heading=Rule(heading["id"], "", re.compile(rf"^{heading['pattern']}$", re.I)),
        item_start=item_start,
        lead_in=re.compile(rf"\b{data['lead_in']['pattern']}\b", re.I), lead_in_tail=data["lead_in"]["max_tail"],
        status=re.compile(rf"^{data['status']['pattern']}$", re.I),
        practice=re.compile(rf"\b(?:{data['practice']['pattern']})\b", re.I),
        glossary_heading=re.compile(rf"^{data['glossary']['heading']}", re.I),
        definition=re.compile(rf"^{data['glossary']['definition']}", re.I),
        caption=re.compile(rf"^{data['caption']}", re.I),
        history_heading=re.compile(rf"^{data['history_heading']}", re.I),
        restating_heading=re.compile(data["restating_heading"], re.I),
        contents_heading=re.compile(rf"^(?:{data['contents_heading']})$", re.I),
        list_intro=re.compile(data["list_intro"]["pattern"], re.I),
        recommend_that=re.compile(rf"^{data['recommend_that']}", re.I),
        columns={role: re.compile(rf"^(?:{pattern})$", re.I) for role, pattern in data["table_columns"].items()},
    )


@dataclass
class Label:
    rule: Rule
    ref: str | None
    text: str  # the item text printed after the label on its line(s)
    note: str | None  # "(2022)", "(new)"
    addressee: str | None  # "Recommendation for the Home Office"


def match_label(block: Block) -> Label | None:
    """A heading or short line that labels one item, or a paragraph opening "Recommendation 3: ..."
    (after its paragraph number: "3.4  Recommendation 1: ...")."""
    first = _unspaced_capitals(block.lines[0].text.strip())
    if block.marker is not None and "." in block.marker.rstrip("."):
        first = first[len(block.marker):].strip() if first.startswith(block.marker) else first
    later = block.lines[1:]
    if block.kind == "heading" and later and not any(rule.regex.match(first) for rule in vocabulary().labels):
        first, later = join_lines(ln.text for ln in block.lines), []  # "Area for / improvement 1" in a margin
    for rule in vocabulary().labels:
        m = rule.regex.match(first)
        if not m:
            continue
        rest = m.group("rest").strip()
        if CONTENTS_TAIL.search(rest) and len(CONTENTS_TAIL.sub("", rest).strip()) < 3:
            return None  # a contents entry: "Recommendation 3 ........ 12"
        more = join_lines(ln.text for ln in later)
        addressee = _label_addressee(f"{rest} {more}".strip() if block.kind == "heading" else rest)
        if addressee:
            return Label(rule, _ref_as_printed(m.group("ref"), first), "", m.group("note"), addressee)
        numbered = bool(m.group("ref") or m.group("note"))
        opens_text = not rest or re.match(r"^[:.\u2013\u2014-]", rest)
        run_in = rule.kind != "action" and bool(RUN_IN.match(rest))  # "Cause of concern The force isn't ..."
        if not opens_text and not run_in:
            if not numbered:
                return None  # "Recommendations made in 2019", "Action plan": a heading or a sentence
            if block.kind != "heading" and not vocabulary().item_start.match(rest):
                return None  # "Recommendation 3 of the 2019 report was ...": prose that names one
        text = f"{rest} {more}".strip().lstrip(":.\u2013\u2014- ").strip()
        if any((inner := other.regex.match(text)) and inner.group("ref") for other in vocabulary().labels):
            return None  # "Recommendation 3  Recommendation 5  Area for improvement 2": a list of labels
        if _labels_inside(text):
            return None  # "Recommendation 2: workloads Recommendation 3: supervision": an index of titles
        return Label(rule, _ref_as_printed(m.group("ref"), first), text, m.group("note"), None)
    return None


def _unspaced_capitals(line: str) -> str:
    """ "RECOM M EN DATION 1": a label set in spaced capitals (CSS letter-spacing) is read with gaps
    inside its words. A line opening with capitals is read with them closed up when that makes a
    label word; the label's words are spaced again as the vocabulary spells them."""
    head = re.match(r"^[A-Z][A-Z ]*[A-Z](?=\s*(?:\d|[:.\u2013\u2014-]|$))", line)
    if head is None or " " not in head.group(0):
        return line
    closed = re.sub(r"\s+", "", head.group(0))
    for words in _label_words():
        if words.replace(" ", "").lower() == closed.lower():
            return words + line[head.end():]
    return line


def inline_label_start(line: str, after_sentence: bool) -> int | None:
    """Where a numbered label opens a new sentence inside a line of running text ("... their force.
    Recommendation 1 – HMIC recommends that ..."); 0 when the line opens with one and the line
    before ended a sentence (`after_sentence`)."""
    for m in _inline_label().finditer(line):
        before = line[:m.start()].rstrip()
        if (before and re.search(r"[.!?][\u201d\"')]*$", before)) or (not before and after_sentence):
            return m.start()
    return None


def _labels_inside(text: str) -> bool:
    """Does the text hold another numbered label with its colon ("... Recommendation 3: ...")?"""
    return bool(_label_with_colon().search(text))


@cache
def _inline_label() -> re.Pattern[str]:
    words = "|".join(w.replace(" ", r"\s+") for w in _label_words())
    return re.compile(rf"\b(?:{words})\s+\d{{1,3}}[a-z]?\s*[:\u2013\u2014-](?:\s+|$)", re.I)


@cache
def _label_with_colon() -> re.Pattern[str]:
    words = "|".join(w.replace(" ", r"\s+") for w in _label_words())
    return re.compile(rf"\b(?:{words})\s+\d{{1,3}}[a-z]?\s*:", re.I)


@cache
def _label_words() -> tuple[str, ...]:
    """The label words as printed in full ("recommendation", "area for improvement")."""
    data = json.loads(resources.files(__package__).joinpath("rules/labels.json").read_text("utf-8"))
    words = []
    for rule in data["labels"]:
        for alternative in rule["pattern"].split("|"):
            plain = alternative.replace("\\s+", " ")
            if re.fullmatch(r"[a-z ]{4,}", plain):
                words.append(plain)
    return tuple(words)


def _ref_as_printed(ref: str | None, line: str) -> str | None:
    """ "R4" for "R4" (the label is the letter), "4" for "Recommendation 4"."""
    if ref and line[:1] in "Rr" and line[1:2].isdigit():
        return "R" + ref
    glued = re.match(r"^([A-Za-z]{2,4})(\d)", line)  # "AFI2": the label's letters and number printed as one ref
    if ref and glued and ref.startswith(glued.group(2)):
        return glued.group(1) + ref
    return ref.strip("()") if ref else ref  # "(ii)" -> "ii", as a list's "(ii)" marker gives it


def _label_addressee(rest: str) -> str | None:
    """ "for the Home Office", "(to the College of Policing)": whom a label says its item is for."""
    m = re.match(r"^(?:[:\u2013\u2014-]\s*)?\(?(?:for|to)\s+(?P<who>[^()]{3,160})\)?$", rest, re.I)
    return m.group("who").strip() if m and len(rest) < 170 and not rest.endswith(".") else None


@dataclass
class Section:
    rule: Rule
    addressee: str | None  # "chief constables" in "Recommendations for chief constables"


def match_section(text: str) -> Section | None:
    """A heading that opens a list of items, perhaps naming who they are for."""
    vocab = vocabulary()
    text = CHAPTER_NUMBER.sub("", text.strip().rstrip(":."))
    for rule in vocab.sections:
        m = rule.regex.match(text)
        if not m:
            continue
        tail = m.group("tail").strip()
        if not tail or re.fullmatch(r"\((?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\)|\((?:new|restated)\)", tail, re.I):
            return Section(rule, None)  # "Recommendations (2024)": a revisit's earlier items
        who = vocab.section_addressee.match(" " + tail)
        if who:
            return Section(rule, who.group("who").strip())
        if re.fullmatch(r"(?:and\s+)?(?:areas?\s+for\s+improvement|recommendations?|causes?\s+of\s+concern)", tail,
                        re.I):
            return Section(rule, None)  # "Recommendations and areas for improvement"
    return None


def match_addressee_heading(text: str) -> str | None:
    """ "To the College of Policing", "For chief constables": who the items below are for."""
    m = vocabulary().addressee_heading.regex.match(text.strip().rstrip(":."))
    if not m or len(text) > 170 or re.search(r"[.?!]$", text.strip()):
        return None
    return m.group("who").strip()


def match_lead_in(text: str) -> str | None:
    """A sentence ending in a colon that tells a body what to do: the items of the list below finish it."""
    text = text.strip()
    if not text.endswith(":") or len(text) > 320 or re.match(r"(?:what|which|how|where|who)\b", text, re.I):
        return None  # "What needs to improve:" asks, it tells no body what to do
    matches = list(vocabulary().lead_in.finditer(text))
    if not matches:
        return None
    tail = text[matches[-1].end():-1]
    if len(tail) > vocabulary().lead_in_tail:
        return None
    # "... the following recommendations. By 31 May 2026, the chief constable should:": the last sentence
    return LAST_SENTENCE.split(text)[-1]


def heading_kind(text: str) -> str | None:
    """ "Our recommendations to the Home Office": the kind of item a heading names, if it names one."""
    m = re.search(r"\b(recommendations?|areas?\s+for\s+improvement|causes?\s+of\s+concern)\b", text, re.I)
    return _kind_of_word(m.group(1)) if m else None


def list_intro_kind(text: str) -> str | None:
    """ "We make the following five recommendations:": the kind of the items the list below holds."""
    m = vocabulary().list_intro.search(text.strip())
    return _kind_of_word(m.group("kind")) if m else None


def _kind_of_word(word: str) -> str:
    word = word.lower()
    if word.startswith(("area", "afi")):
        return "area_for_improvement"
    return "cause_of_concern" if word.startswith("cause") else "action" if word.startswith("action") else \
        "recommendation"


def recommends(text: str) -> bool:
    """ "We recommend that ...": the inspectorate making a recommendation, wherever it stands."""
    return bool(vocabulary().recommend_that.match(text.strip()))


# "The service should be commended for ...": praise set as an item's sentence is not one
PRAISE = re.compile(r"^[^.;:]{0,120}?\b(?:should|must)\s+be\s+(?:commended|congratulated|praised)\b", re.I)


def looks_like_item(text: str) -> bool:
    """Text that opens as an HMICFRS item does: '[By ... ,] The force should ...'."""
    text = strip_marker(text)
    return bool(vocabulary().item_start.match(text)) and not PRAISE.match(text)


SUBJECT_THEN_MODAL = re.compile(r"^(?P<subject>[A-Z][^.;:!?]{0,90}?)\s+(?:should|must)\s+(?:not\s+)?(?:be\s+)?[a-z]+")
REPORTING = re.compile(r"\b(?:that|we|our|recommended|recommends|found|said|told|was|were|is|are|had|has|have|if|"
                       r"whether|when|where|which|who|because|although)\b", re.I)


def states_action(text: str) -> bool:
    """ "Risk assessments should be thorough", "Ligature points ... should be removed": a sentence whose
    subject (a noun phrase of a few words, no clause of its own) is followed by "should" or "must".
    Looser than looks_like_item: used only where a findings heading says the paragraphs are items."""
    if looks_like_item(text):
        return True
    m = SUBJECT_THEN_MODAL.match(strip_marker(text))
    return bool(m) and len(m.group("subject").split()) <= 10 and not REPORTING.search(m.group("subject"))


def strip_marker(text: str) -> str:
    """The text of a list item without its bullet glyph or number."""
    text = BULLET.sub("", text.strip(), count=1)
    return MARKER_PREFIX.sub("", text, count=1).strip()


def status_of(text: str) -> str | None:
    """ "Progress: partially met" -> "partially met"."""
    m = vocabulary().status.match(text.strip())
    return m.group("status").strip().rstrip(".") if m else None


def is_practice(text: str) -> bool:
    """A heading of a practice box or case study, whose text is never a finding."""
    return bool(vocabulary().practice.search(text)) and len(text) < 120


def is_glossary_heading(text: str) -> bool:
    """ "Glossary", "About this inspection": the labels below define the terms."""
    return bool(vocabulary().glossary_heading.match(text.strip()))


def is_definition(text: str) -> bool:
    """ "a change that a named body should make": a glossary's entry, not an item."""
    return bool(vocabulary().definition.match(text.strip())) and not looks_like_item(text)


def is_history_heading(text: str) -> bool:
    """ "Annex A: Progress on our 2019 recommendations": an annex on an earlier report's items."""
    return bool(vocabulary().history_heading.match(text.strip()))


def is_restating_heading(text: str) -> bool:
    """ "Progress against our 2014 recommendations": a part that restates an earlier report's items."""
    return bool(vocabulary().restating_heading.search(text.strip()))


def is_contents_heading(text: str) -> bool:
    """ "Contents", "In this letter": the lines below name the report's parts."""
    return bool(vocabulary().contents_heading.match(text.strip().rstrip(":")))


def is_caption(text: str) -> bool:
    """ "Figure 3: ...", "Table 2: ...": a caption, not a heading of the text around it."""
    return bool(vocabulary().caption.match(text.strip()))


@dataclass
class TableRoles:
    kind: str
    item: int
    ref: int | None
    body: int | None
    deadline: int | None
    status: int | None = None  # "Status", "Progress": a restated item's assessment


def table_roles(header: list[str]) -> TableRoles | None:
    """Which columns of a table hold an item's text, ref, addressee and deadline; None if it holds no items."""
    if any(CONTENTS_TAIL.search(head) for head in header):
        return None  # a contents page laid out as a table
    roles, kind = _column_roles(header)
    if kind is not None and "item" not in roles and "text" in roles:
        roles["item"] = roles["text"]
    if kind is None or "item" not in roles:
        return None
    return TableRoles(kind, roles["item"], roles.get("ref"), roles.get("body"), roles.get("deadline"),
                      roles.get("status"))


def other_columns(header: list[str], kind: str, item: int) -> TableRoles:
    """A table whose rows name their own kind ("AFI2 | Area for improvement | text | Deadline"): the
    item column given, the header tells the ref, body, deadline and status columns."""
    roles, _ = _column_roles(header)
    return TableRoles(kind, item, None, roles.get("body"), roles.get("deadline"), roles.get("status"))


def _column_roles(header: list[str]) -> tuple[dict[str, int], str | None]:
    columns = vocabulary().columns
    roles: dict[str, int] = {}
    kind = None
    for i, head in enumerate(header):
        head = re.sub(r"\s+", " ", head.strip().rstrip(":"))
        m = columns["item"].match(head)
        if m and "item" not in roles:
            roles["item"] = i
            kind = _kind_of_word(m.group("kind"))
            continue
        for role in ("ref", "deadline", "status", "body", "text"):
            found = columns[role].match(head)
            if role not in roles and found:
                roles[role] = i
                if role == "ref" and found.group("kind"):  # "Rec | What | Who | When": the ref names the kind
                    kind = kind or _kind_of_word(found.group("kind"))
                break
    return roles, kind
