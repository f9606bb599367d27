"""hmicfrs paper: draft the committee's "HMICFRS update" from the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
import sqlite_utils

from hmicfrs.config import PROFILE_FILE, ConfigError, load_profile

DATE = click.DateTime(["%Y-%m-%d"])


def _open(db_path: str) -> sqlite_utils.Database:
    from hmicfrs.api import DatabaseProblem, open_database

    try:
        return open_database(db_path, create=False)
    except DatabaseProblem as exc:
        raise click.ClickException(f"{exc} (or run 'hmicfrs demo' and pass --db demo.db)") from exc


def _writable(path: str | None, option: str) -> Path | None:
    if path is None:
        return None
    target = Path(path)
    if not target.parent.is_dir():
        raise click.ClickException(f"{path}: the folder {target.parent} does not exist; create it or choose another "
                                   f"{option} path")
    return target


@click.command()
@click.option("--since", required=True, type=DATE, help="First publication date to include (YYYY-MM-DD)")
@click.option("--until", type=DATE, help="Last publication date to include (default: today)")
@click.option("--db", "db_path", default="hmicfrs.db", show_default=True, help="Database to read")
@click.option("--force", "force_name", help="Force the paper is for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
@click.option("--md", "md_path", type=click.Path(dir_okay=False), help="Write the paper as Markdown")
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False), help="Write the paper as a Word document")
@click.option("--json", "as_json", is_flag=True, help="Print the paper as JSON: {reports: [...], portal: [...]}")
def paper(since, until, db_path: str, force_name: str | None, config: str | None, md_path: str | None,
          docx_path: str | None, as_json: bool) -> None:
    """Draft the "HMICFRS update" for the audit committee: the reports published from --since to --until
    (each once, editions collapsed), what applies to the force with full texts, deadlines and tracker
    progress, the force's own PEEL causes of concern with their recommendations, and the portal table.

    Without --md, --docx or --json the paper is printed as Markdown.
    """
    from hmicfrs.exports.paper import PaperError, build_paper

    md, docx = _writable(md_path, "--md"), _writable(docx_path, "--docx")
    if until is None and since.date() > date.today():
        raise click.ClickException(f"--since {since.date()} is after today; give an earlier date, or --until")
    try:
        profile = load_profile(force_name, config, default_file=PROFILE_FILE)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        drafted = build_paper(_open(db_path), profile, since.date(), until.date() if until else None)
    except PaperError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        _write(drafted, md, docx, as_json)
    except OSError as exc:
        raise click.ClickException(f"{exc.filename or md or docx}: cannot write the paper ({exc.strerror}); "
                                   "choose another path") from exc
    if not drafted.reports:
        click.echo(f"note: no report in {db_path} was published from {drafted.since} to {drafted.until}", err=True)


def _write(drafted, md: Path | None, docx: Path | None, as_json: bool) -> None:
    """Write the files asked for and print what was written (the paper itself when no file is named)."""
    from hmicfrs.exports.paper_markdown import to_markdown

    applicable = sum(len(r.applicable) for r in drafted.reports)
    summary = (f"{len(drafted.reports)} report(s) from {drafted.since} to {drafted.until}, {applicable} applicable "
               f"item(s) for {drafted.force}")
    if md:
        md.write_text(to_markdown(drafted), "utf-8")
        click.echo(f"{summary} -> {md}", err=True)
    if docx:
        from hmicfrs.exports.paper_docx import write_docx

        write_docx(drafted, docx)
        click.echo(f"{summary} -> {docx}", err=True)
    if as_json:
        click.echo(json.dumps(drafted.as_json(), indent=2, ensure_ascii=False))
    elif not (md or docx):
        click.echo(to_markdown(drafted))
