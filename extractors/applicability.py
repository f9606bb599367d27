"""Does an item apply to the configured force? yes / conditional / no, with a reason a person can read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .addressees import Addressees
from .text import plain

DEFAULT_FORCE = "West Midlands Police"
UNNAMED = re.compile(r"(?:some|several|a\s+few|many|most|a\s+number\s+of|certain)\s", re.I)  # "some forces"


@dataclass(frozen=True)
class ApplicabilitySettings:
    """How closely a "forces that ..." condition must name a profile fact (rapidfuzz partial_ratio, 0-100)."""

    fact_named: int = 80  # the condition names the fact ("records management system")
    value_named: int = 90  # ... and names the force's value for it ("Connect"): yes, else no


APPLICABILITY = ApplicabilitySettings()


@dataclass
class ForceProfile:
    """The force the triage is for. `facts` are what a condition may be decided on, e.g.
    {"country": "England", "records management system": "Connect"}; an empty profile decides none."""

    name: str = DEFAULT_FORCE
    aliases: list[str] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)


@dataclass
class Verdict:
    verdict: str  # yes | conditional | no
    reason: str


def judge(addr: Addressees, profile: ForceProfile, report_force: str | None) -> Verdict:
    """Apply the rules in order: this force by name, all forces, national bodies, others."""
    names = {plain(n).lower() for n in [profile.name, *profile.aliases]}
    groups = {b.group for b in addr.bodies}
    forces = [b.name for b in addr.bodies if b.group == "force"]
    mine = [f for f in forces if plain(f).lower() in names]
    if mine:
        if report_force and report_force == mine[0]:
            return Verdict("yes", f"'the force' in {mine[0]}'s own report")
        return Verdict("yes", f"addressed to {mine[0]} by name")
    if "chief_constables" in groups:
        if addr.condition and UNNAMED.match(addr.condition):
            return Verdict("conditional", f"addressed to {addr.condition.lower()} the report does not name: "
                                          "a person should decide whether the force is one")
        if addr.condition:
            return _decide_condition(addr.condition, profile)
        others = [b.name for b in addr.bodies if b.group in ("national", "government")]
        if others and addr.bodies[0].group != "chief_constables":
            return Verdict("yes", f"{others[0]} to work with chief constables: forces must adopt the result")
        return Verdict("yes", "addressed to all chief constables")
    if "pccs" in groups:
        if addr.pcc_areas:
            return Verdict("no", f"addressed to the police and crime commissioner for {addr.pcc_areas[0]} only")
        body = next(b.name for b in addr.bodies if b.group == "pccs")
        return Verdict("no", f"addressed to {body} only: for the force's governing body, not the force")
    if forces:
        if report_force and forces == [report_force]:
            return Verdict("no", f"report on another force ({report_force})")
        return Verdict("no", f"addressed to {', '.join(forces)} only")
    national = [b.name for b in addr.bodies if b.group in ("national", "government", "local")]
    if national:
        return Verdict("no", f"addressed to the {' and the '.join(national)} only")
    return Verdict("conditional", "no addressee found in the text: a person should decide")


def _decide_condition(condition: str, profile: ForceProfile,
                      settings: ApplicabilitySettings = APPLICABILITY) -> Verdict:
    """A subset of forces ("forces that use Niche"): decided only where the profile holds the fact."""
    cond = plain(condition).lower()
    best: tuple[float, str, str] | None = None
    for key, value in profile.facts.items():
        score = fuzz.partial_ratio(plain(key).lower(), cond)
        if score >= settings.fact_named and (best is None or score > best[0]):
            best = (score, key, value)
    if best is None:
        return Verdict("conditional", f"only forces {condition}: the force profile does not say")
    _, key, value = best
    value_l = plain(value).lower()
    if fuzz.partial_ratio(value_l, cond) >= settings.value_named:
        return Verdict("yes", f"only forces {condition}: profile {key} is {value}")
    return Verdict("no", f"only forces {condition}: profile {key} is {value}")
