"""The walk's record of where it is (Context), what it turned down (Rejection), and the last pass over
its drafts before copies are merged: candidates that only the whole report shows are not its items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .merge import Draft, same_item, same_text


@dataclass
class Rejection:
    """A candidate a rejection rule turned down, kept so a person can see why."""

    rule: str
    page: int
    text: str


@dataclass
class Context:
    """What the pass knows about the blocks it is in."""

    section_kind: str | None = None
    section_rule: str | None = None
    section_size: float | None = None  # the findings section heading's type size: smaller headings are its themes
    addressee: str | None = None  # from "Recommendations for chief constables" / "To the Home Office"
    addressee_kind: str | None = None  # the kind of item that heading names, when it names one
    lead_in: str | None = None
    lead_kind: str | None = None
    list_owner: bool = False  # a list after a sentence ending in ':' that is not a lead-in: not items
    bare_list: bool = False  # right under a section heading, a plain list is the section's items
    section_has_labels: bool = False  # a section whose items are labelled: its plain paragraphs are prose
    cause: Draft | None = None
    practice_box: int | None = None
    in_practice: bool = False
    in_glossary: bool = False  # under a "Glossary" / "About this inspection" heading: definitions, not items
    table_draft: Draft | None = None  # the last table row's item, which a row split by a page break continues
    table_header: list[str] | None = None  # ... in a table with the same header row, repeated on the next page
    table_item: int | None = None  # ... whose item text is in this column
    restating: float | None = None  # under "Progress against our 2014 recommendations": its heading's size
    restating_part: int = 0  # ... and which such part
    history: float | None = None  # in an annex on an earlier report's items: the size of its heading
    contents: tuple[int, int | None] | None = None  # under a "Contents" / "In this letter" heading: its page and box
    assessing: bool = False  # after a list item's status line: the revisit's assessment of it, then the next item


def settle(drafts: list[Draft], reject: Callable[[str, int, str], None]) -> list[Draft]:
    """The drafts without: the rows of a progress table whose numbers this report's own items use for
    other texts ("1 | The Home Office should ... | Not implemented" under last year's recommendations,
    beside this year's "Recommendation 1": a report numbers its items once; where one item of a part
    on progress against earlier items does so, the whole part); a summary's numbered
    paragraphs that copy no item, where the report states its items of that kind otherwise (labelled,
    in boxes, as bullets; a report whose items are only numbered paragraphs under findings headings,
    as an older custody report's "2.14 The force should ...", keeps them); a "What needs to improve"
    summary of findings in a report that makes recommendations of its own."""
    own: dict[tuple[str, str], list[Draft]] = {}
    for draft in drafts:
        if draft.ref and not draft.restated:
            own.setdefault((draft.kind, _plain_ref(draft.ref)), []).append(draft)
    earlier_parts = {d.restated_part for d in drafts if d.restated_part is not None
                     and any(not same_text(d, other) for other in own.get((d.kind, _plain_ref(d.ref or "")), []))}
    recommends_elsewhere = any(d.kind == "recommendation" and not d.echo for d in drafts)
    stated = {d.kind for d in drafts if not d.echo}  # kinds the report states otherwise than as numbered paragraphs
    kept = []
    for draft in drafts:
        if recommends_elsewhere and draft.rule.startswith("section-needs-to-improve"):
            reject("reject-findings-summary", draft.pages[0], draft.text)  # "What is working well / What needs ..."
            continue
        others = own.get((draft.kind, _plain_ref(draft.ref or ""))) if draft.restated else None
        if others and not any(same_text(draft, other) for other in others) or draft.restated_part in earlier_parts:
            reject("reject-earlier-report", draft.pages[0], draft.text)
            continue
        if draft.echo and draft.kind in stated \
                and not any(same_item(draft, other) for other in drafts if not other.echo):
            reject("reject-numbered-paragraph", draft.pages[0], draft.text)
            continue
        kept.append(draft)
    return kept


def _plain_ref(ref: str) -> str:
    return ref.strip("().").lower()
