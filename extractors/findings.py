"""Blocks -> findings: recommendations, areas for improvement, causes of concern and actions.

Three shapes cover HMICFRS's layouts:
- a label ("Recommendation 3", "Area for improvement") followed by its text, in a shaded box or not;
- a section heading ("Recommendations") with a lead-in line ("Within six months, the force should:")
  and one bullet per recommendation (PEEL), or bullets/paragraphs that are items themselves;
- the same item printed twice (summary list and chapter) is merged into one finding with both pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from ..model import BULLET, Block, Finding, join_lines
from .text import ends_sentence, normalise_for_compare

END_OF_LIST = re.compile(r"[.!?][\u201d\"')\]]*$")


@dataclass
class Rule:
    id: str
    kind: str
    regex: re.Pattern


@dataclass
class Rules:
    labels: list[Rule]
    sections: list[Rule]
    item_start: re.Pattern


@cache
def rules() -> Rules:
    data = json.loads(resources.files(__package__).joinpath("rules/labels.json").read_text("utf-8"))
    ref = r"(?:\s+(?P<ref>\d{1,3}(?:\.\d{1,2})?[a-z]?))?"
    labels = [Rule(r["id"], r["kind"], re.compile(rf"^(?:{r['pattern']}){ref}\b\s*(?P<rest>.*)$", re.I))
              for r in data["labels"]]
    sections = [Rule(r["id"], r["kind"], re.compile(rf"^(?:{r['pattern']})\s*[:.]?$", re.I))
                for r in data["sections"]]
    deadline = r"(?i:(?:by|within|with|not later than|before)\b[^,]{0,40},\s*)?"
    subject = rf"(?:(?i:{data['item_subjects']})\b|{data['named_subject']})"
    item_start = re.compile(rf"^{deadline}{subject}(?:\s*,[^,]{{0,80}},)?\s+(?i:{data['modals']})\b")
    return Rules(labels, sections, item_start)


def match_label(block: Block) -> tuple[Rule, str | None, str] | None:
    """A heading (or a short stand-alone line) that labels one item: (rule, ref, rest of line)."""
    text = block.lines[0].text.strip()
    for rule in rules().labels:
        m = rule.regex.match(text)
        if not m:
            continue
        rest = m.group("rest").strip()
        if block.kind != "heading" and rest and not re.match(r"^[:.\u2013\u2014-]", rest):
            return None  # a sentence that merely starts with the word
        if rest and not re.match(r"^[:.\u2013\u2014-]|^(to|for)\b", rest, re.I) and block.kind == "heading":
            return None  # "Action plan for ...", "Recommendations made in 2019": a heading, not a label
        if len(block.lines) > 1 and block.kind == "heading":
            rest = (rest + " " + join_lines(ln.text for ln in block.lines[1:])).strip()
        return rule, m.group("ref"), rest.lstrip(":.\u2013\u2014- ").strip()
    return None


def match_section(block: Block) -> Rule | None:
    if block.kind != "heading":
        return None
    text = join_lines(ln.text for ln in block.lines)
    return next((rule for rule in rules().sections if rule.regex.match(text)), None)


def looks_like_item(text: str) -> bool:
    """Text that opens as an HMICFRS item does: '[By ... ,] The force should ...'."""
    return bool(rules().item_start.match(text))


@dataclass
class Draft:
    """An item being assembled from blocks."""

    kind: str
    ref: str | None
    rule: str
    pages: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # paragraphs; sub-bullets start with "- "
    box: int | None = None
    last: Block | None = None
    lead_in: str | None = None
    parent: Draft | None = None
    heading_addressee: str | None = None
    from_bullet: bool = False
    status: str | None = None

    @property
    def open_for_text(self) -> bool:
        return not self.parts

    def add(self, block: Block, text: str | None = None) -> None:
        text = block.text if text is None else text
        if block.kind == "bullet" and self.parts and not self.from_bullet:
            text = "- " + BULLET.sub("", text, count=1).strip()
        self.parts.append(text)
        for line in block.lines:
            if line.page not in self.pages:
                self.pages.append(line.page)
        if block.box is not None:
            self.box = block.box  # the box it continues in, after a page break
        self.last = block

    @property
    def text(self) -> str:
        out = ""
        for part in self.parts:
            if part.startswith("- "):
                out += "\n" + part
            else:
                out = f"{out} {part}" if out else part
        return out.strip()


def extract_findings(blocks: list[Block]) -> list[Finding]:
    """Every item in the document, duplicates (summary list and chapter) merged."""
    drafts: list[Draft] = []
    current: Draft | None = None
    section: Rule | None = None
    section_has_labels = False
    lead_in: str | None = None
    last_cause: Draft | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.parts:
            drafts.append(current)
        current = None

    for block in blocks:
        label = match_label(block) if block.kind in ("heading", "para") else None
        if label:
            close()
            rule, ref, rest = label
            current = Draft(rule.kind, ref, rule.id, pages=[block.page])
            if rest and re.match(r"^(to|for)\b", rest, re.I) and len(rest) < 90:
                current.heading_addressee = rest
            elif rest:
                current.add(block, rest)
            if section is not None:
                section_has_labels = True
            lead_in = None
            continue
        sect = match_section(block)
        if block.kind == "heading":
            if current is not None and current.open_for_text:
                continue  # a heading between a label and its text (a page's running title)
            close()
            section, section_has_labels, lead_in = sect, False, None
            if sect is None or sect.kind != "recommendation":
                last_cause = None if sect is None else last_cause
            continue
        if current is not None:
            if current.open_for_text or _continues(current, block):
                current.add(block)
                if current.kind == "cause_of_concern":
                    last_cause = current
                continue
            status = _status_line(block.text)
            if status and not current.status:
                current.status = status
                continue
            close()
        if section is None or section_has_labels:
            continue
        text = block.text
        if block.kind == "para" and text.rstrip().endswith(":") and looks_like_item(text):
            lead_in = text.strip()
            continue
        if block.kind == "bullet" and (lead_in or looks_like_item(BULLET.sub("", text, count=1))):
            current = Draft(section.kind, None, section.id + "-bullet", pages=[], from_bullet=True)
            current.add(block, BULLET.sub("", text, count=1).strip())
            current.lead_in = lead_in
            if lead_in and section.kind == "recommendation":
                current.parent = last_cause
            continue
        if block.kind == "para" and looks_like_item(text):
            current = Draft(section.kind, None, section.id + "-paragraph", pages=[])
            current.add(block)
            if current.kind == "cause_of_concern":
                last_cause = current
            continue
        if block.kind == "para":
            lead_in = None  # running text between items; the section lasts to the next heading
    close()
    return _merge(drafts)


def _continues(draft: Draft, block: Block) -> bool:
    """Does this block carry on the item being assembled?"""
    last = draft.last
    if last is None:
        return True
    text_so_far = draft.text
    if draft.from_bullet:  # a PEEL bullet: only its own wrapped lines, already in the block
        return False
    if draft.box is not None:
        if block.box == draft.box:
            return True
        # a box broken by a page break carries on in a box at the top of the next page (a new item
        # there would open with its own label)
        return block.box is not None and block.first_on_page
    if block.box is not None:
        return False
    if block.first_on_page:
        return not ends_sentence(text_so_far) or text_so_far.endswith(":")
    if block.kind == "bullet" and (text_so_far.endswith(":") or draft.parts[-1].startswith("- ")):
        return not draft.parts[-1].startswith("- ") or not END_OF_LIST.search(draft.parts[-1])
    return bool(block.text[:1].islower())


STATUS = re.compile(r"^(?:current\s+)?status\s*[:\u2013\u2014-]\s*(?P<status>.{3,80})$", re.I)


def _status_line(text: str) -> str | None:
    m = STATUS.match(text.strip())
    return m.group("status").strip().rstrip(".") if m else None


def _merge(drafts: list[Draft]) -> list[Finding]:
    """One finding per item: copies printed more than once are merged, keeping every page."""
    merged: list[tuple[Draft, str]] = []
    for draft in drafts:
        norm = normalise_for_compare(draft.text)
        for i, (kept, kept_norm) in enumerate(merged):
            if kept.kind != draft.kind or not _same_item(kept, kept_norm, draft, norm):
                continue
            pages = sorted(set(kept.pages) | set(draft.pages))
            better = _better(kept, draft)
            better.pages = pages
            better.status = kept.status or draft.status
            better.heading_addressee = kept.heading_addressee or draft.heading_addressee
            better.lead_in = kept.lead_in or draft.lead_in
            better.parent = kept.parent or draft.parent
            merged[i] = (better, normalise_for_compare(better.text))
            break
        else:
            merged.append((draft, norm))
    findings = []
    counters: dict[str, int] = {}
    keys: dict[int, str] = {}
    for draft, _ in merged:
        counters[draft.kind] = counters.get(draft.kind, 0) + 1
        key = f"{draft.kind}-{draft.ref}" if draft.ref else f"{draft.kind}-u{counters[draft.kind]}"
        while key in keys.values():
            key += "b"
        keys[id(draft)] = key
    for draft, _ in merged:
        findings.append(Finding(
            kind=draft.kind, ref=draft.ref, text=draft.text, pages=sorted(draft.pages), rule=draft.rule,
            lead_in=draft.lead_in, parent_key=keys.get(id(draft.parent)) if draft.parent else None,
            key=keys[id(draft)], heading_addressee=draft.heading_addressee,
            status=draft.status,
        ))
    return findings


def _same_item(a: Draft, a_norm: str, b: Draft, b_norm: str) -> bool:
    if a.ref and b.ref:
        return a.ref == b.ref and (fuzz.ratio(a_norm, b_norm) >= 60 or fuzz.partial_ratio(a_norm, b_norm) >= 90)
    if (a.lead_in or None) != (b.lead_in or None) and a.from_bullet and b.from_bullet:
        return False
    if fuzz.ratio(a_norm, b_norm) >= 92:
        return True
    short, long_ = sorted((a_norm, b_norm), key=len)
    return len(short) >= 40 and len(short) >= 0.5 * len(long_) and fuzz.partial_ratio(short, long_) >= 97


def _better(a: Draft, b: Draft) -> Draft:
    """The copy to keep: a boxed chapter copy over a summary line, else the fuller text."""
    if (a.box is not None) != (b.box is not None):
        return a if a.box is not None else b
    return a if len(a.text) >= len(b.text) else b
