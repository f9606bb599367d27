"""Police forces by name: a name or alias from rules/forces.json -> the force, case-insensitively.

"Kent" is Kent Police and "WMP" West Midlands Police. No spaCy here: the CLI resolves --force
before any report is read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from .text import plain

CLOSEST = 3  # names suggested for a name that is not known
SUGGEST_FROM = 75  # least similarity (0-100) for a suggestion, compared without the COMMON words
COMMON = re.compile(r"\b(?:police|constabulary|service|force|the)\b")


@dataclass(frozen=True)
class Force:
    name: str  # canonical, as HMICFRS prints it
    aliases: tuple[str, ...]
    country: str | None = None


def _key(name: str) -> str:
    return plain(name).lower().replace("&", "and")


@cache
def forces() -> dict[str, Force]:
    """Every name and alias (lowercased) -> its force."""
    rules = resources.files(__package__).joinpath("rules", "forces.json")
    out: dict[str, Force] = {}
    for entry in json.loads(rules.read_text("utf-8"))["forces"]:
        force = Force(entry["name"], tuple(entry["aliases"]), entry.get("country"))
        for name in (force.name, *force.aliases):
            out[_key(name)] = force
    return out


def resolve_force(name: str) -> Force | None:
    """The force a name or alias stands for, or None when it is not a police force we know."""
    return forces().get(_key(name))


def closest_forces(name: str, limit: int = CLOSEST) -> list[str]:
    """Canonical names of the forces whose names or aliases look most like `name`."""
    keys = list(forces())
    cores = [_core(k) for k in keys]
    found = process.extract(_core(_key(name)), cores, scorer=fuzz.WRatio, limit=limit * 4)
    out: list[str] = []
    for _, score, index in found:
        canonical = forces()[keys[index]].name
        if score >= SUGGEST_FROM and canonical not in out:
            out.append(canonical)
    return out[:limit]


def _core(key: str) -> str:
    """A force name without the words every force name shares ("Police", "Constabulary")."""
    return " ".join(COMMON.sub(" ", key).split())
