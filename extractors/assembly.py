"""How blocks join an item being assembled: wrapped lines, sub-lists, a list item cut by a page break,
a lead-in printed at the end of a paragraph, a lead-in's items printed without bullets."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import BULLET, Block
from .cues import inline_label_start, looks_like_item, match_label, match_lead_in, match_section, recommends
from .merge import Draft
from .text import ends_sentence

END_OF_LIST = re.compile(r"[.!?][\u201d\"')\]]*$")
END_OF_ITEM = re.compile(r"(?:;(?:\s*(?:and|or))?|[.!?])[\u201d\"')\]]*$")  # a list item ends so


def split_trailing_lead_in(block: Block) -> tuple[Block, Block | None]:
    """A paragraph whose last lines are a lead-in ("... behaviour." then "The Home Office should:"), cut in two."""
    if block.kind not in ("para", "bullet") or len(block.lines) < 2 or not block.text.endswith(":"):
        return block, None
    if match_lead_in(block.text) and not END_OF_ITEM.search(block.lines[0].text):
        return block, None
    for i in range(len(block.lines) - 1, 0, -1):
        if END_OF_ITEM.search(block.lines[i - 1].text.strip()):
            tail = Block("para", block.lines[i:], indent=block.indent)
            if match_lead_in(tail.text):
                head = Block(block.kind, block.lines[:i], first_on_page=block.first_on_page, indent=block.indent,
                             bullet_glyph=block.bullet_glyph, marker=block.marker)
                return head, tail
            return block, None
    return block, None


def split_inline_label(block: Block) -> tuple[Block, Block] | None:
    """A paragraph whose later sentence opens with a numbered label ("... to scrutinise their force.
    Recommendation 1 – HMIC recommends that ..."): the narrative, and the labelled item to the end."""
    if block.kind != "para" or match_label(block) is not None:
        return None
    for i, line in enumerate(block.lines):
        after_sentence = i > 0 and ends_sentence(block.lines[i - 1].text)
        at = inline_label_start(line.text, after_sentence)
        if at is None or (i == 0 and at == 0):
            continue
        head = block.lines[:i] + ([replace(line, text=line.text[:at].rstrip())] if at else [])
        tail = [replace(line, text=line.text[at:])] + block.lines[i + 1:]
        item = Block("para", tail)
        label = match_label(item)
        if label is None or not (looks_like_item(label.text) or recommends(label.text)):
            continue
        return (Block(block.kind, head, first_on_page=block.first_on_page, indent=block.indent, marker=block.marker),
                item)
    return None


def continues_sentence(text: str) -> bool:
    """Words that finish a lead-in's sentence: they open in lower case, or end as list items do."""
    return text[:1].islower() or bool(re.search(r";(?:\s*(?:and|or))?$", text.strip()))


def split_list_lines(block: Block) -> list[Block]:
    """A paragraph of unbulleted list items, cut after each line that ends an item (';', '; and', '.')."""
    pieces: list[Block] = []
    lines: list = []
    for line in block.lines:
        lines.append(line)
        if re.search(r"(?:;(?:\s*(?:and|or))?|[.!?])[\u201d\"')]*$", line.text.strip()):
            pieces.append(Block("bullet", lines, first_on_page=block.first_on_page and not pieces))
            lines = []
    if lines:
        pieces.append(Block("bullet", lines, first_on_page=block.first_on_page and not pieces))
    return pieces


def continues(draft: Draft, block: Block) -> bool:
    """Does this block carry on the item being assembled?"""
    last = draft.last
    if last is None:
        return True
    text_so_far = draft.text
    if draft.from_list:  # a list item: only its own wrapped lines, already in the block ...
        if block.first_on_page and not END_OF_ITEM.search(text_so_far) and block.marker is None \
                and not BULLET.match(block.text):
            return True  # ... unless a page break cut it
        return sub_item(draft, block)
    if draft.box is not None:
        if block.box == draft.box:
            return not _next_in_box(draft, block) and not _opens_list_in_box(draft, block)
        # a box broken by a page break carries on in a box at the top of the next page (a new item
        # there would open with its own label)
        return block.box is not None and block.first_on_page
    if block.box is not None:
        return False
    if block.first_on_page:
        return not ends_sentence(text_so_far) or text_so_far.endswith(":")
    if sub_item(draft, block):
        return True
    if block.kind == "bullet" and (block.marker is not None or block.bullet_glyph or ends_sentence(text_so_far)
                                   or text_so_far.endswith(":")):
        return False
    return bool(block.text[:1].islower())  # a wrapped line, perhaps set with a hanging indent


def _next_in_box(draft: Draft, block: Block) -> bool:
    """A box headed by a section ("Areas for improvement") holds one item per paragraph: a paragraph
    that opens as an item after a finished sentence is the next one (a label's box holds one item)."""
    return (draft.rule.endswith("-paragraph") and not draft.echo and block.kind == "para" and block.marker is None
            and ends_sentence(draft.text) and looks_like_item(block.text))


def _opens_list_in_box(draft: Draft, block: Block) -> bool:
    """A box that ends with "Recommendations" set as a plain line, or (after a cause of concern, which
    is a statement) with a lead-in ("Within six months, the force should:"): what follows is a new list."""
    if block.marker is not None or block.kind not in ("para", "heading"):
        return False
    if len(block.lines) == 1 and match_section(block.text) is not None:
        return True
    return draft.kind == "cause_of_concern" and ends_sentence(draft.text) and match_lead_in(block.text) is not None


def wrapped_over_page(draft: Draft, block: Block) -> bool:
    """A list item's sentence that a page break cut carries on at the top of the next page, or a
    paragraph's sentence carries on in lines set with a hanging indent."""
    if not draft.parts or block.marker is not None or block.bullet_glyph:
        return False
    if not draft.from_list and block.kind == "bullet":
        last = draft.parts[-1]
        return (block.text[:1].islower() and not ends_sentence(last) and not last.endswith(":")
                and not last.startswith("- "))  # not a sub-list after a colon
    return draft.from_list and block.first_on_page and not END_OF_ITEM.search(draft.parts[-1])


def sub_item(draft: Draft, block: Block) -> bool:
    """A sub-list ((a), (b), bullets) after an item's colon belongs to the item."""
    if block.kind != "bullet" and block.marker is None:
        return False
    parts = draft.parts
    if parts[-1].rstrip().endswith(":"):
        return True
    return parts[-1].startswith("- ") and not END_OF_LIST.search(parts[-1])
