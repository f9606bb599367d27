"""Fuzzy one-to-one matching of a force's tracker records to findings, and of findings across reports.

Texts are compared after `normalise_item` (case, quotes, hyphens, "Rec 2 -" prefixes, trailing notes
such as "(update: lead assigned)", US spellings). rapidfuzz's `process.cdist` scores every pair in
bulk, a block of rows at a time so that memory stays bounded; report title, publication date, type and
ref then move a pair's score up or down. Pairs are taken best first, each side at most once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .text import plain


@dataclass(frozen=True)
class MatchSettings:
    """The matching policy's numbers, on rapidfuzz's 0-100 scale unless said otherwise."""

    matched: int = 90  # combined score from which a link is taken as matched
    probable: int = 75  # from here up to `matched` a link needs a person's confirmation
    floor: int = 60  # text scores below this are not candidates at all
    screen_margin: int = 20  # the screening pass keeps pairs within this of the floor (it sees only ends)
    block: int = 1024  # rows screened per cdist call: 2 x block x findings bytes at a time
    window: int = 48  # characters of a text's start and end compared in the screening pass
    screen: int = 12  # candidates per row kept from the screen for full scoring
    short_share: float = 0.8  # a text under this share of its candidate's length is also tried on its first sentence
    same_date: float = 4  # record and report published the same day
    other_date: float = -20  # ... or not: another report
    title_centre: float = 80  # title agreement above this raises the score, below it lowers it
    title_step: float = 4  # title agreement points per score point
    title_floor: float = -12  # the most a disagreeing title lowers the score
    title_cap: float = 5  # the most an agreeing title raises it
    same_kind: float = 1  # the record's type agrees with the finding's kind
    other_kind: float = -10
    same_ref: float = 2  # the ref the record prints agrees with the finding's
    other_ref: float = -8
    edition_bonus: float = 1.0  # between equal text scores, a copy in another edition beats a restatement


MATCH = MatchSettings()
MATCHED, PROBABLE, FLOOR = MATCH.matched, MATCH.probable, MATCH.floor  # the names other modules read

PREFIX = re.compile(
    r"^\s*(?:rec(?:ommendation)?s?|afi|area for improvement|cause of concern|coc|action)\s*\.?\s*"
    r"(?:no\.?\s*)?(?P<ref>\d{1,3}[a-z]?)?\s*[:.)\-]*\s+", re.I)
TRAILING_NOTE = re.compile(r"\s*[(\[][^()\[\]]{0,160}[)\]]\s*$")
US_TO_UK = {
    "program": "programme", "programs": "programmes", "center": "centre", "centers": "centres",
    "behavior": "behaviour", "behaviors": "behaviours", "defense": "defence", "license": "licence",
    "judgment": "judgement", "enroll": "enrol", "fulfill": "fulfil", "catalog": "catalogue",
}
IZE = re.compile(r"\b(\w{3,})iz(e|es|ed|ing|ation|ations)\b")
KIND_WORDS = {
    "recommendation": ("recommendation", "rec"),
    "area_for_improvement": ("afi", "area for improvement", "areas for improvement", "improvement"),
    "cause_of_concern": ("cause of concern", "coc", "concern"),
}


def normalise_item(text: str | None) -> str:
    """Text reduced to what says which item it is. Idempotent."""
    text = plain(text).lower()
    text = PREFIX.sub("", text, count=1)
    while TRAILING_NOTE.search(text):
        text = TRAILING_NOTE.sub("", text)
    text = IZE.sub(r"\1is\2", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(US_TO_UK.get(w, w) for w in text.split())


def printed_ref(text: str | None) -> str | None:
    """The ref a tracker row prints before its text ("Rec 9: ..." -> "9")."""
    m = PREFIX.match(plain(text))
    return m.group("ref") if m and m.group("ref") else None


def kind_of(type_word: str | None) -> str | None:
    """A tracker's type word ("AFI", "Recommendation") -> our kind, or None when unknown."""
    words = (type_word or "").strip().lower()
    for kind, names in KIND_WORDS.items():
        if any(words == n or words.startswith(n) for n in names):
            return kind
    return None


def first_sentence(text: str) -> str:
    """Up to the first full stop, colon or semicolon that ends a clause (not "Rec 1:")."""
    m = re.search(r"(?<=[a-z0-9]{3})[.;:](?=\s)", text, re.I)
    return text[: m.start()] if m else text


@dataclass
class Candidate:
    left: int  # index into the left-hand list (records, or later findings)
    right: int  # index into findings
    text_score: float
    score: float = 0.0
    confirmed: bool = False  # a person confirmed this pair: it is taken before any scored pair


def text_candidates(left: Sequence[str], right: Sequence[str], workers: int = -1,
                    floor: int = FLOOR, top: int = 5, right_alt: Sequence[str | None] | None = None) -> list[Candidate]:
    """The best `top` right-hand texts for each left-hand text, by rapidfuzz ratio on normalised text.

    Two passes keep 20,000 x 20,000 practical: `process.cdist` first scores every pair on the texts'
    opening and closing `window` characters (short strings score many times faster), and only each row's
    best `screen` pairs are scored in full. A text much shorter than its candidate is also compared with the
    candidate's first sentence (trackers often keep only that), and with `right_alt` where given (a PEEL
    bullet with its lead-in, as a tracker often writes it).
    """
    left_n = [normalise_item(t) for t in left]
    right_n = [normalise_item(t) for t in right]
    if not left_n or not right_n:
        return []
    right_first = [normalise_item(first_sentence(plain(t))) for t in right]
    alt_n = [normalise_item(t) if t else None for t in right_alt] if right_alt else [None] * len(right_n)
    window = MATCH.window
    right_heads = [t[:window] for t in right_n]
    right_tails = [t[-window:] for t in right_n]
    out: list[Candidate] = []
    for start in range(0, len(left_n), MATCH.block):
        block = left_n[start:start + MATCH.block]
        heads = process.cdist([t[:window] for t in block], right_heads, scorer=fuzz.ratio, dtype=np.uint8,
                              workers=workers)
        tails = process.cdist([t[-window:] for t in block], right_tails, scorer=fuzz.ratio, dtype=np.uint8,
                              workers=workers)
        screen = np.maximum(heads, tails)
        del heads, tails
        for i, row in enumerate(screen):
            text = block[i]
            picks = np.argpartition(row, -min(MATCH.screen, len(row)))[-MATCH.screen:]
            scored = []
            for j in picks:
                if row[j] < floor - MATCH.screen_margin:
                    continue
                score = fuzz.ratio(text, right_n[j], score_cutoff=floor - 1)
                if alt_n[j]:
                    score = max(score, fuzz.ratio(text, alt_n[j], score_cutoff=floor - 1))
                if score < MATCH.matched and len(text) < MATCH.short_share * len(right_n[j]):
                    score = max(score, fuzz.ratio(text, right_first[j], score_cutoff=floor - 1))
                if score >= floor:
                    scored.append((score, int(j)))
            scored.sort(reverse=True)
            out.extend(Candidate(start + i, j, float(score)) for score, j in scored[:top])
    return out


def title_agreement(a: str | None, b: str | None) -> float | None:
    """0-100 similarity of two report titles, or None when either is missing."""
    if not a or not b:
        return None
    # trackers shorten titles ("closing the gap" for "Fraud: closing the gap"): the shorter inside the longer
    return fuzz.partial_ratio(normalise_item(a), normalise_item(b))


def adjust(c: Candidate, record: dict, finding: dict, title_score: float | None) -> float:
    """The text score moved by what else the record says about the finding (report, date, type, ref).
    Not capped at 100: between two equal texts (a report and its progress report) the better report
    agreement must still win."""
    score = c.text_score
    if record.get("published") and finding.get("published"):
        score += MATCH.same_date if record["published"] == finding["published"] else MATCH.other_date
    if title_score is not None:
        score += max(MATCH.title_floor, min(MATCH.title_cap, (title_score - MATCH.title_centre) / MATCH.title_step))
    kind = kind_of(record.get("type"))
    if kind and finding.get("kind"):
        score += MATCH.same_kind if kind == finding["kind"] else MATCH.other_kind
    ref = printed_ref(record.get("text"))
    if ref and finding.get("ref"):
        score += MATCH.same_ref if ref == str(finding["ref"]) else MATCH.other_ref
    return max(0.0, score)


def assign(candidates: list[Candidate]) -> list[Candidate]:
    """One-to-one: take pairs best first; each left and each right is used once."""
    used_left: set[int] = set()
    used_right: set[int] = set()
    chosen = []
    # confirmed pairs first (by text score), then scored pairs best first
    order = sorted(candidates, key=lambda c: (not c.confirmed, 0 if c.confirmed else -c.score, -c.text_score,
                                              c.left, c.right))
    for c in order:
        if (c.score < MATCH.probable and not c.confirmed) or c.left in used_left or c.right in used_right:
            continue
        used_left.add(c.left)
        used_right.add(c.right)
        chosen.append(c)
    return chosen


def state_for(score: float) -> str:
    return "matched" if score >= MATCH.matched else "probable"


# --- policy: which pairs become links ------------------------------------------------------------

def publication_key(row: dict) -> tuple[str, str]:
    """Two editions of one report (the PDF and a print of its web page) share title and date."""
    return normalise_item(row["title"]), row["published"] or ""


def primary_reports(findings: list[dict]) -> dict[int, int]:
    """report id -> the report id of its publication's primary edition (the PDF over a web print,
    then the first ingested). `findings` rows carry report_id, title, published and edition."""
    best: dict[tuple[str, str], tuple[bool, int]] = {}
    for f in findings:
        rank = (f["edition"] in ("web", "html"), f["report_id"])
        key = publication_key(f)
        if key not in best or rank < best[key]:
            best[key] = rank
    return {f["report_id"]: best[publication_key(f)][1] for f in findings}


def finding_links(findings: list[dict], primary: dict[int, int], workers: int = -1) -> list[dict]:
    """Each finding of a secondary edition -> the primary's copy ("edition"), and each finding of a later
    report -> the earlier finding it restates ("restated"): finding_links rows."""
    candidates = text_candidates([f["text"] for f in findings], [f["text"] for f in findings], workers=workers,
                                 floor=MATCHED, top=8)
    best: dict[int, Candidate] = {}
    for c in candidates:
        a, b = findings[c.left], findings[c.right]
        if a["id"] == b["id"] or a["kind"] != b["kind"]:
            continue
        if primary[a["report_id"]] == primary[b["report_id"]]:
            # a copy in a secondary edition points at the primary edition's finding
            if a["report_id"] == b["report_id"] or b["report_id"] != primary[b["report_id"]] \
                    or a["report_id"] == primary[a["report_id"]]:
                continue
            c.score = c.text_score + MATCH.edition_bonus
        elif (b["published"] or "") < (a["published"] or ""):
            c.score = c.text_score
        else:
            continue
        if c.left not in best or c.score > best[c.left].score:
            best[c.left] = c
    rows = []
    for c in best.values():
        a, b = findings[c.left], findings[c.right]
        method = "edition" if primary[a["report_id"]] == primary[b["report_id"]] else "restated"
        rows.append({"finding_id": a["id"], "original_id": b["id"], "score": c.text_score, "method": method})
    return rows


def record_links(records: list[dict], pool: list[dict], decisions: dict[tuple[str, str, str], str],
                 workers: int = -1) -> list[dict]:
    """Tracker records -> findings one-to-one: record_links rows (state matched, probable, confirmed or
    orphan). `decisions` maps (reference, report file, finding key) to a person's "confirmed"/"rejected"."""
    candidates = text_candidates([r["text"] for r in records], [f["text"] for f in pool], workers=workers,
                                 right_alt=[f"{f['lead_in']} {f['text']}" if f["lead_in"] else None for f in pool])
    titles: dict[tuple[str, str], float | None] = {}
    kept = []
    for c in candidates:
        record, finding = records[c.left], pool[c.right]
        decision = decisions.get((record["reference"], finding["source"], finding["key"]))
        if decision == "rejected":
            continue
        pair = (record.get("report_title") or "", finding["title"] or "")
        if pair not in titles:
            titles[pair] = title_agreement(*pair)
        c.confirmed = decision == "confirmed"
        c.score = adjust(c, record, finding, titles[pair])
        kept.append(c)
    # a confirmed pair the text scores missed (a person knows better) is added outright
    index = {(f["source"], f["key"]): i for i, f in enumerate(pool)}
    by_ref = {r["reference"]: i for i, r in enumerate(records)}
    present = {(c.left, c.right) for c in kept}
    for (ref, source, key), decision in decisions.items():
        pair = (by_ref.get(ref), index.get((source, key)))
        if decision == "confirmed" and None not in pair and pair not in present:
            kept.append(Candidate(pair[0], pair[1], 0.0, 0.0, confirmed=True))
    chosen = {c.left: c for c in assign(kept)}
    return [_link_row(record, pool, chosen.get(i)) for i, record in enumerate(records)]


def _link_row(record: dict, pool: list[dict], c: Candidate | None) -> dict:
    if c is None:
        return {"reference": record["reference"], "finding_id": None, "report_source": None, "finding_key": None,
                "score": None, "method": None, "state": "orphan"}
    finding = pool[c.right]
    return {"reference": record["reference"], "finding_id": finding["id"], "report_source": finding["source"],
            "finding_key": finding["key"],
            "score": round(min(100.0, c.text_score if c.confirmed else c.score), 1),
            "method": "person" if c.confirmed else "text+report",
            "state": "confirmed" if c.confirmed else state_for(c.score)}


def editions_disagreeing(findings: list[dict], reports: dict[int, dict], threshold: int = MATCHED) -> list[dict]:
    """For every report ingested in more than one edition, the findings of each edition that no finding
    of another edition matches (same kind, text score >= threshold)."""
    groups: dict[tuple[str, str], dict[int, list[dict]]] = {}
    for f in findings:
        f["norm"] = normalise_item(f["text"])
        groups.setdefault(publication_key(f), {}).setdefault(f["report_id"], []).append(f)
    out = []
    for editions in groups.values():
        if len(editions) < 2:
            continue
        only_in = []
        for report_id, items in editions.items():
            others = [g for rid, fs in editions.items() if rid != report_id for g in fs]
            for f in items:
                if not any(g["kind"] == f["kind"] and fuzz.ratio(f["norm"], g["norm"]) >= threshold for g in others):
                    only_in.append({"source": f["source"], "kind": f["kind"], "ref": f["ref"], "text": f["text"]})
        first = reports[next(iter(editions))]
        out.append({"title": first["title"], "published": first["published"],
                    "editions": [f"{reports[r]['source']} ({reports[r]['edition']})" for r in editions],
                    "only_in": only_in})
    return out
