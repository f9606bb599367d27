"""The force profile: from --force, a profile file (hmicfrs.toml), or the default (West Midlands Police).

hmicfrs.toml:

    [force]
    name = "West Midlands Police"
    aliases = ["WMP", "West Mids Police"]

    [force.facts]            # what a "forces that ..." condition may be decided on
    "records management system" = "Connect"

A force name is resolved against the forces vocabulary (extractors/rules/forces.json), case-insensitively
and by alias: "Kent" is Kent Police. A name that is not a known force is refused, with the closest known
names, unless the profile file defines that force.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from hmicfrs.extractors.applicability import DEFAULT_FORCE, ForceProfile
from hmicfrs.extractors.forces import closest_forces, resolve_force

PROFILE_FILE = "hmicfrs.toml"  # read from the working folder when no --config is given


class ConfigError(ValueError):
    """A config file that is missing or not valid TOML, or a force name that is not known."""


class UnknownForce(ConfigError):
    """A force name that is neither a known police force nor defined by the profile file."""


def read_profile_file(path: Path) -> dict:
    """The [force] table of a profile file."""
    try:
        return tomllib.loads(path.read_text("utf-8")).get("force", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or pass --force") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the profile file ({exc.strerror})") from exc


def load_profile(force: str | None = None, config: str | Path | None = None,
                 default_file: str | Path | None = None) -> ForceProfile:
    """--force wins over the profile file's name; the profile file gives the rest (aliases, facts).

    `config` must exist; `default_file` (the CLI passes ./hmicfrs.toml) is read only when it exists."""
    data: dict = {}
    if config is not None:
        if not Path(config).exists():
            raise ConfigError(f"{config}: no such config file")
        data = read_profile_file(Path(config))
    elif default_file is not None and Path(default_file).exists():
        data = read_profile_file(Path(default_file))
    defined = data.get("name")
    name = force or defined or DEFAULT_FORCE
    same = bool(defined) and name.strip().lower() == str(defined).strip().lower()
    known = resolve_force(name)
    if known is None and not same:
        near = closest_forces(name)
        hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else "; see the names in forces.json"
        raise UnknownForce(f"{name!r} is not a police force we know{hint} (or define it in a profile file's "
                           "[force] name)")
    canonical = known.name if known else str(defined)
    same = same or (bool(defined) and resolve_force(str(defined)) == known)
    aliases = list(dict.fromkeys([*(known.aliases if known else ()), *(data.get("aliases", []) if same else [])]))
    return ForceProfile(
        name=canonical,
        aliases=aliases,
        facts={str(k): str(v) for k, v in (data.get("facts", {}) if same else {}).items()},
    )
