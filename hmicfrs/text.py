"""The one text normaliser every room uses (a shared leaf, like hmicfrs/model.py).

`normalise(text)` folds compatibility characters (NFKC: ligatures, odd spaces), drops soft hyphens and
collapses whitespace, keeping typographic quotes and dashes (text as stored and shown). Options make
the stricter forms used for comparing: `ascii` turns quotes and dashes into ASCII, `lower` lowercases,
`words` keeps only letters and digits, `lines` keeps line breaks.
"""

from __future__ import annotations

import re
import unicodedata

ASCII_PUNCTUATION = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})
INVISIBLE = str.maketrans({"\u00ad": "", "\ufffe": "", "\u00a0": " "})
SPACES = re.compile(r"\s+")
SPACES_NOT_BREAKS = re.compile(r"[^\S\n]+")
NOT_WORDS = re.compile(r"[^\w]+|_")


def normalise(text: str | None, *, ascii: bool = False, lower: bool = False, words: bool = False,
              lines: bool = False) -> str:
    """Text normalised as described in the module docstring. Idempotent for any choice of options."""
    text = unicodedata.normalize("NFKC", text or "").translate(INVISIBLE)
    if ascii:
        text = text.translate(ASCII_PUNCTUATION)
    if lower:
        text = text.lower()
    if words:
        text = NOT_WORDS.sub(" ", text)
    if lines:
        text = "\n".join(SPACES_NOT_BREAKS.sub(" ", ln).strip() for ln in text.replace("\r\n", "\n").replace("\r", "\n")
                         .split("\n"))
        return text.strip()
    return SPACES.sub(" ", text).strip()
