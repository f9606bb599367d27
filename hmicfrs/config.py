"""The force profile: from --force, an hmicfrs.toml, or the default (West Midlands Police).

hmicfrs.toml:

    [force]
    name = "West Midlands Police"
    aliases = ["WMP", "West Mids Police"]

    [force.facts]            # what a "forces that ..." condition may be decided on
    "records management system" = "Connect"
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from hmicfrs.extractors.applicability import DEFAULT_FORCE, ForceProfile


class ConfigError(ValueError):
    """A config file that is missing or not valid TOML."""


def load_profile(force: str | None = None, config: str | None = None) -> ForceProfile:
    """--force wins over the config file's name; the config file (or ./hmicfrs.toml) gives the rest."""
    path = Path(config) if config else Path("hmicfrs.toml")
    data: dict = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text("utf-8")).get("force", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix the file or pass --force") from exc
    elif config:
        raise ConfigError(f"{path}: no such config file")
    name = force or data.get("name") or DEFAULT_FORCE
    same = name == data.get("name")
    return ForceProfile(
        name=name,
        aliases=list(data.get("aliases", [])) if same else [],
        facts={str(k): str(v) for k, v in (data.get("facts", {}) if same else {}).items()},
    )
