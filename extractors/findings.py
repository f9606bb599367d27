"""Blocks -> findings: recommendations, areas for improvement, causes of concern and actions.

One pass over the document's blocks finds candidates from independent cues (see cues.py): a label
and the text after it, a lead-in and the list it opens, an item sentence in a findings section, a
row of a findings table. Context travels with the pass: the section heading and whom it names, the
lead-in, the cause of concern that recommendations answer, a revisit's status lines. Rejection
rules drop what only looks like an item: practice boxes, contents entries, glossary definitions,
lists that belong to a sentence that is not a lead-in, fragments too short to be an item, an
earlier report's items in a progress annex or table, and a chapter heading named like a label.
Every finding carries the id of the rule that found it; every rejection is kept with its rule id.
Copies of one item (summary list and chapter) are merged into one finding with all their pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Block, Finding
from .assembly import (
    continues,
    continues_sentence,
    split_inline_label,
    split_list_lines,
    split_trailing_lead_in,
    wrapped_over_page,
)
from .cues import (
    Label,
    heading_kind,
    is_caption,
    is_contents_heading,
    is_definition,
    is_glossary_heading,
    is_history_heading,
    is_restating_heading,
    list_intro_kind,
    looks_like_item,
    match_addressee_heading,
    match_label,
    match_lead_in,
    match_section,
    recommends,
    states_action,
    status_of,
    strip_marker,
)
from .cues import is_practice as is_practice_heading
from .deadlines import find_deadline
from .merge import Draft, merge_drafts
from .rows import RowReading
from .settle import Context, Rejection, settle
from .text import ends_sentence

MIN_WORDS = 5
LEADER_DOTS = re.compile(r"(?:\.\s?){4,}\s*\d{1,3}\b|\u2026\s*\d{1,3}\b")


@dataclass
class Extraction:
    findings: list[Finding]
    rejections: list[Rejection] = field(default_factory=list)


def extract_findings(blocks: list[Block]) -> Extraction:
    """Every item in the document, copies merged, with the candidates that were turned down."""
    walk = _Walk()
    for block in blocks:
        walk.step(block)
    walk.close()
    return Extraction(merge_drafts(settle(walk.drafts, walk.reject)), walk.rejections)


class _Walk(RowReading):
    """The pass over the blocks: one method per kind of block."""

    def __init__(self) -> None:
        self.ctx = Context()
        self.drafts: list[Draft] = []
        self.rejections: list[Rejection] = []
        self.current: Draft | None = None
        self.after_heading = False  # the block before this one was a heading

    def close(self) -> None:
        draft, self.current = self.current, None
        if draft is None or not draft.parts:
            return
        if draft.lead_in and draft.rule.startswith("label") and looks_like_item(draft.text):
            # a label's own sentence: the lead-in above was done, but its deadline ("we recommended that
            # by 31 March 2024:") still governs the labelled items it introduced
            if find_deadline(draft.text, None).text is None:
                draft.timescale = draft.timescale or find_deadline("", None, draft.lead_in).text
            if not re.search(r"\bcause\s+of\s+concern\b", draft.lead_in, re.I):
                draft.parent = None  # unless the lead-in says they answer the cause of concern above
            draft.lead_in = None
        if self.rejected(draft):
            return
        self.restating(draft)
        self.drafts.append(draft)
        if draft.kind == "cause_of_concern":
            self.ctx.cause = draft

    def restating(self, draft: Draft) -> None:
        """An item under "Progress against our 2014 recommendations": perhaps the earlier report's."""
        if self.ctx.restating is not None:
            draft.restated, draft.restated_part = True, self.ctx.restating_part

    @staticmethod
    def titles_section(draft: Draft, block: Block, label: Label) -> bool:
        """ "Cause of concern" as a chapter heading over narrative, then the cause of concern's own box
        with its label in smaller type: the first named the chapter, not an item."""
        return (draft.label_size is not None and draft.ref is None and draft.kind == label.rule.kind
                and draft.box is None and block.box is not None and draft.label_size >= 1.15 * block.lines[0].size)

    def in_narrative(self) -> bool:
        """Running text: no findings section, addressee heading or cause of concern above, no item open."""
        ctx = self.ctx
        return ctx.section_kind is None and ctx.addressee is None and ctx.cause is None and self.current is None

    def rejected(self, draft: Draft) -> bool:
        """Rejection rules for an assembled candidate: too short to be an item, or a definition."""
        page = draft.pages[0] if draft.pages else 0
        if self.ctx.history is not None:
            self.reject("reject-earlier-report", page, draft.text)  # "Annex A: Progress on our 2019 recommendations"
            return True
        if re.fullmatch(r"\[[^\]]*\]\.?", draft.text.strip()):
            self.reject("reject-editorial-note", page, draft.text)  # "[This recommendation has been discharged.]"
            return True
        if LEADER_DOTS.search(draft.text):
            self.reject("reject-contents", page, draft.text)  # "Introduction ........ 6": a contents entry
            return True
        if len(draft.text.split()) < MIN_WORDS:
            self.reject("reject-fragment", page, draft.text)
            return True
        if draft.ref is None and draft.rule.startswith("label") and (
                self.ctx.in_glossary and not looks_like_item(draft.text) or is_definition(draft.text)):
            self.reject("reject-glossary", page, draft.text)  # "Recommendation: a change that ..."
            return True
        return False

    def reject(self, rule: str, page: int, text: str) -> None:
        self.rejections.append(Rejection(rule, page, text[:200]))

    def step(self, block: Block) -> None:
        self.read(block)
        self.after_heading = block.kind == "heading"

    def read(self, block: Block) -> None:
        ctx = self.ctx
        head, tail = split_trailing_lead_in(block)
        if tail is not None and not self.in_narrative():  # "... poor behaviour." / "The Home Office ... should:"
            self.read(head)
            self.read(tail)
            return
        inline = split_inline_label(block)
        if inline is not None:  # "... their force. Recommendation 1 – HMIC recommends that ..."
            self.read(inline[0])
            self.read(inline[1])
            return
        if ctx.practice_box is not None and block.box != ctx.practice_box:
            ctx.in_practice, ctx.practice_box = False, None  # out of the practice box
        if ctx.contents is not None and ctx.contents != (block.page, block.box):
            ctx.contents = None  # the contents box or page has ended
        label = match_label(block) if block.kind in ("heading", "para", "bullet") else None
        if label is not None:
            self.label(block, label)
            return
        if ctx.in_practice and block.kind != "heading":
            self.reject("reject-practice", block.page, block.text)
            return
        if block.kind == "row":
            self.row(block)
            return
        if self.current is not None and not self.current.open_for_text:
            status = status_of(block.text)
            if status and not self.current.status:
                self.current.status = status
                ctx.assessing = self.current.from_list
                return
        if block.kind == "heading":
            self.heading(block)
            return
        if self.current is not None:
            if self.current.open_for_text or continues(self.current, block):
                self.current.add(block, wrapped=wrapped_over_page(self.current, block))
                return
            self.close()
        self.unlabelled(block)

    def label(self, block: Block, label: Label) -> None:
        self.close()
        if self.drafts and self.titles_section(self.drafts[-1], block, label):
            heading = self.drafts.pop()
            self.reject("reject-section-heading", heading.pages[0], heading.text)
        ctx = self.ctx
        ctx.assessing = False
        if ctx.contents is not None:
            self.reject("reject-contents", block.page, block.text)  # "Cause of concern 2: governance" in a contents box
            return
        if ctx.practice_box is not None and block.box == ctx.practice_box:
            self.reject("reject-practice", block.page, block.text)
            return
        ctx.in_practice = False  # a label, like a heading, ends a practice passage that has no box
        if label.addressee and not label.ref:  # "Recommendation for the Home Office": who the next items are for
            ctx.addressee = label.addressee
            return
        draft = Draft(label.rule.kind, label.ref, label.rule.id, pages=[block.page])
        draft.heading_addressee = label.addressee or (
            ctx.addressee if ctx.addressee_kind in (None, draft.kind) else None)
        if draft.kind == "recommendation":
            draft.parent = ctx.cause  # recommendations that follow a cause of concern answer it ...
        elif draft.kind != "cause_of_concern":
            ctx.cause = None  # ... until another kind of item comes
        if label.text:
            draft.add(block, label.text)
        elif block.kind == "heading":
            draft.label_size = block.lines[0].size
        if ctx.lead_in is not None and not label.text[:1].isupper() and draft.kind != "cause_of_concern":
            draft.lead_in = ctx.lead_in  # "R1 make sure ..." under "Chief fire officers should:"
            draft.from_list = True
            if draft.kind == "recommendation":
                draft.parent = ctx.cause
        else:
            ctx.lead_in = None
        self.current = draft
        ctx.list_owner = False
        ctx.section_has_labels = True

    def heading(self, block: Block) -> None:
        ctx = self.ctx
        text = block.text
        ctx.assessing = False
        if self.current is not None and self.current.open_for_text and not _frames(text):
            if looks_like_item(text) or len(block.lines) > 1 and ends_sentence(text):
                self.current.add(block)  # the label's text set in bold under it
            return  # else a heading between a label and its text (a page's running title)
        if is_caption(text):
            return  # a figure's or table's caption: not a heading of the text around it
        lead = match_lead_in(text)
        if lead is not None:
            self.close()
            ctx.lead_in, ctx.lead_kind, ctx.list_owner = lead, _list_kind(ctx.section_kind), False
            return
        self.close()
        ctx.lead_in, ctx.list_owner, ctx.table_draft, ctx.table_item = None, False, None, None
        ctx.contents = (block.page, block.box) if is_contents_heading(text) else None
        size = block.lines[0].size
        if ctx.history is not None and size >= ctx.history - 0.5 and not self.after_heading:
            ctx.history = None  # the next section at the annex's level (not the annex heading's second line)
        if ctx.restating is not None and size >= ctx.restating - 0.5 and not self.after_heading:
            ctx.restating = None
        if is_history_heading(text):
            ctx.history = size
        elif is_restating_heading(text):
            ctx.restating, ctx.restating_part = size, ctx.restating_part + 1
        if is_practice_heading(text):
            ctx.in_practice, ctx.practice_box = True, block.box
            self.reject("reject-practice", block.page, text)
            return
        ctx.in_practice, ctx.practice_box = False, None
        ctx.in_glossary = is_glossary_heading(text)
        section = match_section(text)
        if section is not None:
            within = ctx.section_kind is not None and ctx.section_size is not None and size < ctx.section_size - 0.5
            ctx.section_size = ctx.section_size if within else size  # "Areas for improvement" inside a summary
            ctx.section_kind, ctx.section_rule, ctx.addressee = section.rule.kind, section.rule.id, section.addressee
            ctx.addressee_kind = section.rule.kind if section.addressee else None
            ctx.bare_list, ctx.section_has_labels = True, False
            if section.rule.kind != "recommendation":
                ctx.cause = ctx.cause if section.rule.kind == "cause_of_concern" else None
            return
        who = match_addressee_heading(text)
        if who is not None:
            ctx.addressee, ctx.addressee_kind = who, heading_kind(text)
            return
        if ctx.section_kind is not None and ctx.section_size is not None and size < ctx.section_size - 0.5:
            return  # "1  Leadership and partnership working": a theme inside the findings section goes on with it
        ctx.section_kind = ctx.section_rule = ctx.addressee = ctx.section_size = None
        ctx.cause = None

    def unlabelled(self, block: Block) -> None:
        """A paragraph or list item with no label: an item if its context or its own words say so."""
        ctx = self.ctx
        text = block.text
        if ctx.assessing and block.kind == "para" and block.marker is None:
            return  # "(a) ... / Status: Partially completed / Crews told us ...": the list goes on after it
        ctx.assessing = False
        if len(block.lines) == 1 and block.marker is None and match_section(text) is not None:
            self.heading(block)  # "Recommendations (2024)" set as a plain line: a heading all the same
            return
        unnumbered = text[len(block.marker):].strip() if block.marker and text.startswith(block.marker) else text
        numbered_paragraph = block.marker is not None and "." in block.marker.rstrip(".")
        if numbered_paragraph and ctx.section_kind in ("recommendation", "area_for_improvement") \
                and not ctx.section_has_labels and states_action(unnumbered):
            # "3.2 Chief constables ... should, by 31 December 2026:", "3.29 Detainees should be offered ...":
            # numbered as an item of the section, with its sub-list; kept unless the report states its
            # items otherwise (settle)
            ref = block.marker.rstrip(".") if block.marker else None
            self.start(block, ctx.section_kind, ref, f"{ctx.section_rule}-paragraph", unnumbered).echo = True
            return
        if (block.marker is None or numbered_paragraph) and not block.bullet_glyph and text.rstrip().endswith(":"):
            text = unnumbered  # "3.1 HMIC makes the following recommendations:"
            if ctx.cause is None and re.search(r"\bth(?:e|is)\s+cause\s+of\s+concern\b", text, re.I):
                # "To address the cause of concern, we recommended ...:" under a later heading: what follows answers it
                ctx.cause = next((d for d in reversed(self.drafts) if d.kind == "cause_of_concern"), None)
            lead = match_lead_in(text)
            if lead is not None and self.in_narrative() and re.search(r"[.!?]\s+\S", text):
                lead = None  # "The force is in the scheme. Forces in the scheme should:": what the narrative quotes
            intro = list_intro_kind(text) if lead is None else None
            if intro is not None:  # "We make the following recommendations:": the list is of that kind
                ctx.section_kind = ctx.section_kind or intro
                ctx.section_rule = ctx.section_rule or "list-intro"
                ctx.lead_in, ctx.list_owner, ctx.bare_list = None, False, True
                return
            ctx.lead_in = lead
            ctx.lead_kind = _list_kind(ctx.section_kind)
            ctx.list_owner = lead is None
            return
        is_list_item = block.kind == "bullet" or (block.marker is not None and "." not in block.marker.rstrip("."))
        if is_list_item:
            self.list_item(block)
            return
        if ctx.lead_in is not None and continues_sentence(text):
            for piece in split_list_lines(block):  # a lead-in's items printed without bullets or indent
                self.close()
                self.lead_in_item(piece, None, piece.text)
            return
        if block.marker is None and recommends(text):  # "We recommend that, by ..., the NCA ...": an item anywhere
            self.start(block, "recommendation", None, "we-recommend", text)
            return
        if ctx.section_kind is not None and looks_like_item(text) and block.marker is None \
                and not ctx.section_has_labels:
            self.start(block, ctx.section_kind, None, f"{ctx.section_rule}-paragraph", strip_marker(text))
            return
        if block.marker is not None and ctx.section_kind is not None and looks_like_item(unnumbered):
            # a numbered paragraph of a summary: a copy of an item found elsewhere, if the report states them so
            self.start(block, ctx.section_kind, None, f"{ctx.section_rule}-paragraph", unnumbered).echo = True
            return
        if ctx.section_kind is not None and list_intro_kind(unnumbered.rstrip(".") + ":") == ctx.section_kind:
            ctx.lead_in, ctx.list_owner, ctx.bare_list = None, False, True  # "5.1 We make the following ..."
            return
        ctx.lead_in, ctx.list_owner, ctx.bare_list = None, False, False  # running text ends a list

    def list_item(self, block: Block) -> None:
        ctx = self.ctx
        text = strip_marker(block.text)
        ref = _ref_of(block.marker)
        if ctx.list_owner:
            if ctx.section_kind is not None:
                self.reject("reject-list-of-sentence", block.page, block.text)
            return
        if ctx.lead_in is not None:
            self.lead_in_item(block, ref, text)
            return
        if ctx.section_kind is None:
            if block.marker is not None and looks_like_item(text):  # "(i) By 31 October 2024, the force should"
                self.start(block, "recommendation", ref, "numbered-item", text)
            return
        if looks_like_item(text) or ctx.bare_list:
            self.start(block, ctx.section_kind, ref, f"{ctx.section_rule}-list", text)

    def lead_in_item(self, block: Block, ref: str | None, text: str) -> None:
        """One line of a lead-in's list: it keeps the lead-in and answers the cause of concern above."""
        draft = self.start(block, self.ctx.lead_kind or "recommendation", ref, "lead-in-list", text)
        draft.lead_in = self.ctx.lead_in
        draft.from_list = True
        if draft.kind == "recommendation":
            draft.parent = self.ctx.cause

    def start(self, block: Block, kind: str, ref: str | None, rule: str, text: str) -> Draft:
        draft = Draft(kind, ref, rule, pages=[], from_list=block.kind == "bullet" or block.marker is not None)
        draft.heading_addressee = self.ctx.addressee
        draft.add(block, text)
        self.current = draft
        return draft


def _list_kind(section_kind: str | None) -> str:
    """What a lead-in's list holds: the section's kind when it is one that lists actions, else
    recommendations (a cause of concern is a statement; what answers it is recommended)."""
    return section_kind if section_kind in ("recommendation", "area_for_improvement") else "recommendation"


def _ref_of(marker: str | None) -> str | None:
    if marker is None:
        return None
    ref = marker.strip("().")
    return ref if re.fullmatch(r"\d{1,3}[a-z]?|[a-z]|[ivx]{1,5}", ref) else None


def _frames(text: str) -> bool:
    """Does this heading open something new (so a label above it has no text of its own)?"""
    return match_section(text) is not None or match_lead_in(text) is not None
