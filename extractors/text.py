"""Text helpers shared by the extractors: normalising for comparison, sentence ends."""

from __future__ import annotations

import re
import unicodedata

QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u00ad": "",
})
SENTENCE_END = re.compile(r"[.!?][\u201d\"')\]]*$")


def plain(text: str | None) -> str:
    """NFKC (ligatures), ASCII quotes and dashes, whitespace collapsed. Idempotent."""
    text = unicodedata.normalize("NFKC", text or "").translate(QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def normalise_for_compare(text: str | None) -> str:
    """plain(), lowercased, bullets dropped: for deciding whether two texts are the same item."""
    text = re.sub(r"(^|\n)\s*[-\u2022*]\s+", r"\1", text or "")
    return plain(text).lower()


def ends_sentence(text: str) -> bool:
    """Does the text end a sentence (so a page break after it may end the item)?"""
    return bool(SENTENCE_END.search(text.rstrip()))
