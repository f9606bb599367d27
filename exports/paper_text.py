"""Words for the board paper: a report's summary sentences and inspectorates (from its stored page
text), item labels and the counts sentence ("There were 9 recommendations and 1 area for improvement,
of which ...").

Everything here is a pure function over plain strings, so that each rule can be tested on its own.
"""

from __future__ import annotations

import re
from collections import Counter

KINDS = ("cause_of_concern", "recommendation", "area_for_improvement")
NOUNS = {"cause_of_concern": ("cause of concern", "causes of concern"),
         "recommendation": ("recommendation", "recommendations"),
         "area_for_improvement": ("area for improvement", "areas for improvement"),
         "action": ("action", "actions")}

# Where a report says in a sentence or two what was inspected and found, best first: a PEEL report's
# "HM Inspector's observations", then a summary, then a foreword or overview. The first that reads as prose wins.
SUMMARY_HEADINGS = [re.compile(rf"^(?:\d+\.?\s+)?(?:{words})$", re.I) for words in (
    r"HM Inspector[\u2019']s (?:observations|summary)|Inspector[\u2019']s observations",
    r"executive summary|summary|summary of (?:our )?findings|overall summary|introduction and summary|at a glance",
    r"foreword|overview",
)]
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\u201d\"\u2019')]))\s+(?=[A-Z\u201c\"'(])")
FOOTNOTE_MARK = re.compile(r"(?<=[a-z.,;:)\u201d])\d{1,2}(?=\s|$)")
MAX_SUMMARY_WORDS = 70

# Inspectorates named on a joint report's cover or first pages (name as printed -> name on the paper).
INSPECTORATES = [
    (r"Inspectorate of Constabulary and Fire (?:&|and) Rescue Services|\bHMICFRS\b", "HMICFRS"),
    (r"Crown Prosecution Service Inspectorate|\bHMCPSI\b", "HM Crown Prosecution Service Inspectorate"),
    (r"Inspectorate of Probation", "HM Inspectorate of Probation"),
    (r"Inspectorate of Prisons", "HM Inspectorate of Prisons"),
    (r"Care Quality Commission|\bCQC\b", "Care Quality Commission"),
    (r"\bOfsted\b|Office for Standards in Education", "Ofsted"),
    (r"\bEstyn\b", "Estyn"),
    (r"Care Inspectorate Wales", "Care Inspectorate Wales"),
    (r"Healthcare Inspectorate Wales", "Healthcare Inspectorate Wales"),
    (r"Criminal Justice Inspection Northern Ireland", "Criminal Justice Inspection Northern Ireland"),
]


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Text a Word file can hold: pdfium's end-of-line hyphen (U+0002) becomes a hyphen, other control
    characters go (python-docx refuses them)."""
    text = re.sub(r"\x02\s*", "-", text or "")
    return CONTROL.sub("", text)


def inspectorates(front_text: str) -> list[str]:
    """The inspectorates a report's first pages name, in a fixed order (HMICFRS first)."""
    flat = re.sub(r"\s+", " ", front_text)  # a name may wrap across cover lines
    return [name for pattern, name in INSPECTORATES if re.search(pattern, flat, re.I)]


def _repeated_lines(pages: list[str]) -> set[str]:
    """Running headers and footers: lines printed at the top or foot of several pages."""
    if len(pages) < 3:
        return set()
    edges = []
    for text in pages:
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        edges.extend(set(lines[:2] + lines[-2:]))
    return {line for line, n in Counter(edges).items() if n >= max(2, len(pages) // 3)}


def _prose_after(lines: list[str], start: int, skip: set[str]) -> str:
    """The paragraph under a heading: lines until the next heading-like line or about 150 words."""
    out: list[str] = []
    for line in lines[start:]:
        line = line.strip()
        if not line or line in skip or line.isdigit():
            continue
        if not out and len(line) < 70 and not re.search(r"[.!?;:,]", line):
            continue  # a sub-heading straight under the heading ("Our judgments")
        ended = not out or re.search(r"[.!?:][\u201d\"\u2019')]?$", out[-1])
        if out and ended and len(line) < 70 and not re.search(r"[.!?;:,]$", line):
            break  # a short line with no full stop after a finished sentence: the next heading
        out.append(line)
        if sum(len(x.split()) for x in out) > 150:
            break
    text = " ".join(out)
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)  # words hyphenated at a line end
    return FOOTNOTE_MARK.sub("", text)


def _sentences(text: str) -> str | None:
    """The first one or two sentences, or None when the text does not read as plain prose."""
    parts = SENTENCE_END.split(text)
    first = parts[0].strip() if parts else ""
    words = len(first.split())
    if not re.match(r"[A-Z\u201c\"]", first) or words < 6 or words > MAX_SUMMARY_WORDS:
        return None
    if not re.search(r"[.!?][\u201d\"\u2019')]?$", first) or re.search(r"\.{3,}|\u2026\s*\d|^Dear\b", first):
        return None
    chosen = [first]
    if len(parts) > 1:
        second = parts[1].strip()
        if words + len(second.split()) <= MAX_SUMMARY_WORDS and re.search(r"[.!?][\u201d\"\u2019')]?$", second):
            chosen.append(second)
    return " ".join(chosen)


def summary_of(pages: list[str]) -> str | None:
    """A sentence or two from the report's summary or foreword, or None rather than a guess."""
    skip = _repeated_lines(pages)
    for heading in SUMMARY_HEADINGS:
        for text in pages:
            lines = text.splitlines()
            for i, line in enumerate(lines):
                if heading.match(line.strip()):
                    found = _sentences(_prose_after(lines, i + 1, skip))
                    if found:
                        return found
    return None


def noun(kind: str, n: int) -> str:
    """'1 recommendation', '2 areas for improvement'."""
    one, many = NOUNS.get(kind, (kind.replace("_", " "), kind.replace("_", " ") + "s"))
    return f"{n} {one if n == 1 else many}"


def join(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _counted(counts: dict[str, int]) -> tuple[str, bool]:
    """'4 recommendations and 1 area for improvement', and whether that takes a plural verb."""
    parts = [noun(k, counts[k]) for k in (*KINDS, "action") if counts.get(k)]
    return join(parts), len(parts) > 1 or sum(counts.values()) > 1


def condition_of(reason: str | None) -> str:
    """How a conditional item applies, for the counts sentence: 'only to forces that use Niche'."""
    reason = reason or ""
    m = re.search(r"only forces (.+?)(?::|$)", reason)
    if m:
        return f"only to forces {m.group(1).strip()}"
    if "no addressee" in reason:
        return "subject to a decision (no addressee is named)"
    return f"only in some cases ({reason.rstrip('.')})" if reason else "only in some cases"


def counts_sentence(totals: dict[str, int], applicable: dict[str, int], conditions: dict[str, dict[str, int]],
                    force: str) -> str:
    """'There were 9 recommendations and 1 area for improvement, of which 4 recommendations and 1 area
    for improvement apply to West Midlands Police; of these, 1 recommendation applies only to forces that ...'"""
    total_words, _ = _counted(totals)
    if not total_words:
        # said as a finding of the tool, not of the report: a layout the extractor misses reads the same
        return "No recommendations, causes of concern or areas for improvement were found in this report."
    first = next(totals[k] for k in (*KINDS, "action") if totals.get(k))
    sentence = f"There {'was' if first == 1 else 'were'} {total_words}"
    if not any(applicable.values()):
        return f"{sentence}, none of which {'apply' if _counted(totals)[1] else 'applies'} to {force}."
    if applicable == {k: v for k, v in totals.items() if v}:
        sentence += f", {'all of which apply' if _counted(totals)[1] else 'which applies'} to {force}"
    else:
        words, plural = _counted(applicable)
        sentence += f", of which {words} {'apply' if plural else 'applies'} to {force}"
    if conditions:
        clauses = []
        for condition, counts in conditions.items():
            words, plural = _counted(counts)
            verb = ("apply" if plural else "applies") if not clauses else ""
            clauses.append(f"{words} {verb} {condition}".replace("  ", " "))
        sentence += "; of these, " + join(clauses)
    return sentence + "."


def label(kind: str, ref: str | None, number: int) -> str:
    """'Recommendation 2' as printed, or the item's place among its kind when the report prints no number."""
    one = NOUNS.get(kind, (kind.replace("_", " "),))[0]
    return f"{one[0].upper()}{one[1:]} {ref or number}"


BULLET = re.compile(r"^\s*[-\u2013\u2022\u25cf\u25aa*]\s+")  # a bullet glyph, dropped (the list draws its own)
# a lettered or numbered-in-roman sub-item ("(b)", "ii)") keeps its marker: a committee may cite it
LETTERED = re.compile(r"^\s*\(?(?:[a-z]|i{1,3}|iv|vi{0,3}|ix|x)\)\s+")


def split_text(text: str) -> tuple[list[str], list[str], list[str]]:
    """An item's paragraphs, its sub-bullets (a lettered one keeps its letter), and any paragraph after them."""
    before: list[str] = []
    bullets: list[str] = []
    after: list[str] = []
    for line in (x.strip() for x in text.split("\n")):
        if not line:
            continue
        if BULLET.match(line) or LETTERED.match(line):
            bullets.append(BULLET.sub("", line))
        elif bullets:
            after.append(line)
        else:
            before.append(line)
    return before, bullets, after
