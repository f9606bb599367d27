"""A report's own count of its items, checked against what was extracted.

Many reports say how many items they make ("We have made nine recommendations and identified two
areas for improvement"). When the extracted count differs, or an HMICFRS report yields nothing, the
report gets a warning so that a person knows to look at it.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Finding, Page
from .deadlines import NUMBERS

KIND_WORDS = {
    "recommendation": r"recommendations?",
    "area_for_improvement": r"areas?\s+for\s+improvement",
    "cause_of_concern": r"causes?\s+of\s+concern",
}
LABELS = {"recommendation": "recommendations", "area_for_improvement": "areas for improvement",
          "cause_of_concern": "causes of concern"}
SINGULAR = {"recommendation": "recommendation", "area_for_improvement": "area for improvement",
            "cause_of_concern": "cause of concern"}
NUMBER = rf"\d{{1,3}}|{'|'.join(sorted((n for n in NUMBERS if n not in ('a', 'an')), key=len, reverse=True))}|one"
KIND = "|".join(rf"(?P<{k}>{w})" for k, w in KIND_WORDS.items())
# "we have made", "we make", "this report makes", "we have identified", "there are"
CLAIM = re.compile(
    r"\b(?:we\s+(?:have\s+(?:made|identified|set\s+out|raised)|make|identify|set\s+out|raise)|this\s+(?:report|letter)\s+"
    r"(?:makes|contains|sets\s+out)|there\s+are)\s+(?P<body>[^.:;]{3,200})", re.I)
COUNT = re.compile(rf"\b(?P<n>{NUMBER})\s+(?P<new>new\s+|further\s+)?(?:{KIND})\b", re.I)
NOT_THIS_REPORT = re.compile(r"\b(?:19|20)\d\d\b|\b(?:previous|earlier|last|original|national|other)\b", re.I)


def stated_counts(pages: list[Page], year: int | None = None) -> dict[str, tuple[int, bool]]:
    """The counts a report claims for itself, by kind (the first claim of each kind wins), and whether
    the claim is of new items only (a revisit also restates earlier ones)."""
    counts: dict[str, tuple[int, bool]] = {}
    for page in pages:
        lowered = page.text.lower()
        if "recommendation" not in lowered and "improvement" not in lowered and "concern" not in lowered:
            continue  # no kind word (none of them can be split by a space): no claim on this page
        text = re.sub(r"\s+", " ", page.text)
        for claim in CLAIM.finditer(text):
            body = claim.group("body")
            before = text[max(text.rfind(". ", 0, claim.start()) + 1, claim.start() - 60):claim.start()]
            if NOT_THIS_REPORT.search(body) or _earlier_year(before, year):
                continue  # "we made five recommendations in 2022": another report's items
            for m in COUNT.finditer(body):
                kind = next(k for k in KIND_WORDS if m.group(k))
                counts.setdefault(kind, (_number(m.group("n")), bool(m.group("new"))))
    return counts


def _earlier_year(text: str, year: int | None) -> bool:
    """ "In 2019 we made ...": a year before the report's own names another report's items."""
    return any(year is None or int(y) < year for y in re.findall(r"\b(?:19|20)\d\d\b", text))


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else 1 if word == "one" else NUMBERS[word]


def extracted_counts(findings: list[Finding], parts_apart: bool = False) -> dict[str, int]:
    """Items found, by kind; "5" and "5a" are one item in two parts, as most reports count them (or two,
    with `parts_apart`, as others do)."""
    refs: dict[str, set[str]] = {}
    unnumbered: dict[str, int] = {}
    for f in findings:
        base = re.match(r".+" if parts_apart else r"\d+", f.ref or "")
        if base:
            refs.setdefault(f.kind, set()).add(base.group(0))
        else:
            unnumbered[f.kind] = unnumbered.get(f.kind, 0) + 1
    return {k: len(refs.get(k, ())) + unnumbered.get(k, 0) for k in set(refs) | set(unnumbered)}


def check_counts(pages: list[Page], findings: list[Finding], published: date | None = None) -> list[str]:
    """Warnings for a person: the report's own counts that the extraction does not match."""
    if not findings:
        return ["no findings were extracted from this HMICFRS report: check whether it makes any"]
    fresh = [f for f in findings if not f.status]  # restated items carry their progress
    warnings = []
    for kind, (stated, only_new) in stated_counts(pages, published.year if published else None).items():
        counted = fresh if only_new else findings
        got = extracted_counts(counted).get(kind, 0)
        if stated not in (got, extracted_counts(counted, parts_apart=True).get(kind, 0)):
            label = LABELS[kind] if stated != 1 else SINGULAR[kind]
            verb = "was" if got == 1 else "were"
            warnings.append(f"the report says it makes {stated} {'new ' if only_new else ''}{label}; {got} {verb} "
                            f"extracted: check the report")
    return warnings
