"""What every command shares: one-line errors (names escaped), the database opened and shaped once, the
force profile, output paths checked before any work."""

from __future__ import annotations

from pathlib import Path

import click
import sqlite_utils

from hmicfrs import api
from hmicfrs.config import PROFILE_FILE, ConfigError
from hmicfrs.config import load_profile as _load_profile

DEFAULT_DB = "hmicfrs.db"
DEFAULT_BASE_URL = "http://127.0.0.1:8001"  # where `hmicfrs serve` listens by default
CORPUS_DIR = api.CORPUS_DIR


def safe(text: str) -> str:
    """A name or reason fit for one message line: newlines and other control characters escaped, so
    that a file named "x\\nerror: ..." cannot forge a line of its own."""
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


class Problem(click.ClickException):
    """A one-line error (exit status 1): names in it cannot break it over lines."""

    def format_message(self) -> str:
        return safe(self.message)


def say_error(label: str, reason: str) -> None:
    click.echo(f"error: {safe(label)}: {safe(reason)}", err=True)


def output_path(option: str, value: str | None) -> Path | None:
    """An output file's path, refused in one line when its folder does not exist."""
    if value is None:
        return None
    path = Path(value)
    if path.is_dir():
        raise Problem(f"{option} {value}: is a folder; name a file in it")
    if not path.parent.is_dir():
        raise Problem(f"{option} {value}: the folder {path.parent} does not exist; create it first")
    return path


def write_output(path: Path, write):
    """Run an export's writer; a file that cannot be written is one line."""
    try:
        return write(path)
    except OSError as exc:
        raise Problem(f"{safe(str(path))}: cannot write the file ({exc.strerror or exc})") from exc


def load_profile(force_name: str | None, config: str | None):
    """The force profile for --force / --config (or ./hmicfrs.toml, said aloud); a bad file or an unknown
    force is one line."""
    if config is None and Path(PROFILE_FILE).exists():
        click.echo(f"note: force profile from ./{PROFILE_FILE} (pass --config FILE to use another)", err=True)
    try:
        return _load_profile(force_name, config, default_file=PROFILE_FILE)
    except ConfigError as exc:
        raise Problem(str(exc)) from exc


def open_db(db_path: str, create: bool = False) -> sqlite_utils.Database:
    """The database for one command, in shape; a path that cannot be used is one line saying why."""
    try:
        return api.open_database(db_path, create=create)
    except api.DatabaseProblem as exc:
        hint = ""
        if not create and db_path == DEFAULT_DB and Path("demo.db").exists():
            hint = "; after 'hmicfrs demo', pass --db demo.db"
        raise Problem(f"{exc}{hint}") from exc


def report_match(result) -> None:
    click.echo(f"{result.records} records: {result.matched} matched, {result.probable} probable (need a person), "
               f"{result.confirmed} confirmed, {result.orphans} with no finding; {result.new} applicable "
               f"findings not tracked; {result.restated} findings restate an earlier one, "
               f"{result.editions} are in another edition", err=True)
