"""Drafts -> findings: an item assembled from blocks, and the merging of its copies.

HMICFRS prints many items twice (a summary list near the front, the item again in its chapter), and
some three times (an annex table). Copies are one finding that keeps every page it is printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import BULLET, Block, Finding, join_lines
from .text import normalise_for_compare

LETTERED = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})[.)]\s+")


@dataclass(frozen=True)
class MergeSettings:
    """How alike two copies must be to be one item (rapidfuzz scores, 0-100)."""

    same_ref_ratio: float = 60  # copies with the same ref
    same_ref_partial: float = 90
    unnumbered_ratio: float = 92  # copies without refs
    contained_partial: float = 97  # a shorter copy inside a longer one ...
    contained_min_chars: int = 40  # ... of at least this many characters
    contained_min_share: float = 0.5  # ... and at least this share of the longer one


MERGE = MergeSettings()


@dataclass
class Draft:
    """An item being assembled from blocks."""

    kind: str
    ref: str | None
    rule: str
    pages: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # paragraphs; sub-items start with "- "
    box: int | None = None
    last: Block | None = None
    lead_in: str | None = None
    parent: Draft | None = None
    heading_addressee: str | None = None
    from_list: bool = False  # a list item (a lead-in's bullet, a numbered line)
    status: str | None = None
    timescale: str | None = None
    restated: bool = False  # a row of a table that gives each item's progress: perhaps an earlier report's
    restated_part: int | None = None  # ... or an item under a heading on progress against earlier items
    label_size: float | None = None  # a label heading printed alone: its type size
    echo: bool = False  # a numbered paragraph of a summary: only a copy of an item found elsewhere

    @property
    def open_for_text(self) -> bool:
        return not self.parts

    def add(self, block: Block, text: str | None = None, wrapped: bool = False) -> None:
        """Add a block's text: a paragraph, a sub-item, or (wrapped) the rest of the last part."""
        text = block.text if text is None else text
        is_list_item = block.kind == "bullet" or block.marker is not None
        if wrapped and self.parts:
            self.parts[-1] = join_lines([self.parts[-1], text])
        elif is_list_item and self.parts and block.kind != "row":
            self.parts.append("- " + (text if LETTERED.match(text) else BULLET.sub("", text, count=1).strip()))
        else:
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


def merge_drafts(drafts: list[Draft]) -> list[Finding]:
    """One finding per item: copies printed more than once are merged, keeping every page."""
    merged: list[tuple[Draft, str]] = []
    for draft in drafts:
        norm = normalise_for_compare(draft.text)
        for i, (kept, kept_norm) in enumerate(merged):
            if kept.kind != draft.kind or not _same_item(kept, kept_norm, draft, norm):
                continue
            better = _better(kept, draft)
            other = draft if better is kept else kept
            better.pages = sorted(set(kept.pages) | set(draft.pages))
            better.status = better.status or other.status
            better.heading_addressee = better.heading_addressee or other.heading_addressee
            better.lead_in = better.lead_in or other.lead_in
            better.parent = better.parent or other.parent
            better.ref = better.ref or (None if other.echo and not better.echo else other.ref)  # not "5.3"
            better.timescale = better.timescale or other.timescale
            merged[i] = (better, normalise_for_compare(better.text))
            break
        else:
            merged.append((draft, norm))
    return _findings([draft for draft, _ in merged])


def _findings(drafts: list[Draft]) -> list[Finding]:
    counters: dict[str, int] = {}
    keys: dict[int, str] = {}
    for draft in drafts:
        counters[draft.kind] = counters.get(draft.kind, 0) + 1
        key = f"{draft.kind}-{draft.ref}" if draft.ref else f"{draft.kind}-u{counters[draft.kind]}"
        while key in keys.values():
            key += "b"
        keys[id(draft)] = key
    return [Finding(
        kind=d.kind, ref=d.ref, text=d.text, pages=sorted(d.pages), rule=d.rule, lead_in=d.lead_in,
        parent_key=keys.get(id(d.parent)) if d.parent else None, key=keys[id(d)],
        heading_addressee=d.heading_addressee, status=d.status, timescale=d.timescale,
    ) for d in drafts]


def same_item(a: Draft, b: Draft) -> bool:
    """Are two drafts copies of one item?"""
    return a.kind == b.kind and _same_item(a, normalise_for_compare(a.text), b, normalise_for_compare(b.text))


def same_text(a: Draft, b: Draft) -> bool:
    """Do two drafts print one text, whatever their refs say?"""
    return _same_text(normalise_for_compare(a.text), normalise_for_compare(b.text))


def _same_item(a: Draft, a_norm: str, b: Draft, b_norm: str) -> bool:
    if a.ref and b.ref and a.echo == b.echo:  # a summary paragraph's number is not the item's label
        same_ref = a.ref.strip("().").lower() == b.ref.strip("().").lower()  # "(i)" and "i" are one ref
        return same_ref and (fuzz.ratio(a_norm, b_norm) >= MERGE.same_ref_ratio
                                   or fuzz.partial_ratio(a_norm, b_norm) >= MERGE.same_ref_partial)
    if (a.lead_in or None) != (b.lead_in or None) and a.lead_in and b.lead_in:
        return False
    return _same_text(a_norm, b_norm)


def _same_text(a_norm: str, b_norm: str) -> bool:
    if fuzz.ratio(a_norm, b_norm) >= MERGE.unnumbered_ratio:
        return True
    short, long_ = sorted((a_norm, b_norm), key=len)
    return (len(short) >= MERGE.contained_min_chars and len(short) >= MERGE.contained_min_share * len(long_)
            and fuzz.partial_ratio(short, long_) >= MERGE.contained_partial)


def _better(a: Draft, b: Draft) -> Draft:
    """The copy to keep: a boxed chapter copy over a summary line, else the fuller text."""
    if a.echo != b.echo:
        return b if a.echo else a
    if (a.box is not None) != (b.box is not None):
        return a if a.box is not None else b
    return a if len(a.text) >= len(b.text) else b
