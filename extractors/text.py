"""Text helpers of the extractors: the shared normaliser (hmicfrs/text.py) in its comparing forms, sentence ends."""

from __future__ import annotations

import re

from ..text import normalise

BULLETS_AT_LINE_START = re.compile(r"(^|\n)\s*(?:[-\u2022*]\s+)+")
SENTENCE_END = re.compile(r"[.!?][\u201d\"')\]]*$")


def plain(text: str | None) -> str:
    """NFKC (ligatures), ASCII quotes and dashes, whitespace collapsed. Idempotent."""
    return normalise(text, ascii=True)


def normalise_for_compare(text: str | None) -> str:
    """plain(), lowercased, bullets dropped: for deciding whether two texts are the same item."""
    # normalised first (NFKC can turn a character into a space after a dash), bullets then dropped from
    # every line start, however many there are: the result is stable under a second pass
    text = normalise(text, ascii=True, lower=True, lines=True)
    return normalise(BULLETS_AT_LINE_START.sub(r"\1", text))


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (so a page break after it may end the item)?"""
    return bool(SENTENCE_END.search(text.rstrip()))
