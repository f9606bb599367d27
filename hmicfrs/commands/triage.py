"""hmicfrs triage, calendar and decide: what applies to the force, by when, and a person's verdict."""

from __future__ import annotations

import textwrap

import click
import sqlite_utils

from hmicfrs.commands.common import (
    DEFAULT_BASE_URL,
    DEFAULT_DB,
    Problem,
    load_profile,
    open_db,
    output_path,
    write_output,
)


def _triage_rows(db: sqlite_utils.Database, reports: tuple[str, ...], force_name: str | None,
                 config: str | None) -> tuple[list[dict], list[dict], str]:
    """The chosen reports' findings, judged for the chosen force (re-judged if it is not the stored one)."""
    from hmicfrs.db.queries import NotFound
    from hmicfrs.triage import judged_rows

    profile = load_profile(force_name, config)
    try:
        chosen, rows = judged_rows(db, reports, profile)
    except NotFound as exc:
        raise Problem(str(exc)) from exc
    return chosen, rows, profile.name


@click.command()
@click.argument("reports", nargs=-1)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
@click.option("--xlsx", type=click.Path(dir_okay=False), help="Write the triage sheet as an Excel workbook")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), help="Write the triage sheet as CSV")
@click.option("--applicable", is_flag=True, help="Only findings that apply (yes or conditional)")
def triage(reports: tuple[str, ...], db_path: str, force_name: str | None, config: str | None,
           xlsx: str | None, csv_path: str | None, applicable: bool) -> None:
    """Which findings apply to the force, why, by when, and who else is named.

    REPORTS are report ids or file names (all reports when none is given).
    """
    from hmicfrs.exports.sheet import write_csv, write_xlsx

    xlsx_file, csv_file = output_path("--xlsx", xlsx), output_path("--csv", csv_path)
    db = open_db(db_path)
    chosen, rows, force = _triage_rows(db, reports, force_name, config)
    if applicable:
        rows = [r for r in rows if r["verdict"] in ("yes", "conditional")]
    for target, write in ((xlsx_file, write_xlsx), (csv_file, write_csv)):
        if target is not None:
            write_output(target, lambda path, write=write: write(rows, path))
            click.echo(f"{len(rows)} findings -> {target}", err=True)
    if xlsx or csv_path:
        return
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ("yes", "conditional", "no")}
    click.echo(f"{len(chosen)} report(s), {len(rows)} findings for {force}: "
               + ", ".join(f"{n} {v}" for v, n in counts.items()))
    current = None
    for r in rows:
        if r["report_id"] != current:
            current = r["report_id"]
            click.echo(f"\n{r['report_title'] or r['source']} ({r['source']}, published {r['published']})")
        ref = f" {r['ref']}" if r["ref"] else ""
        due = r["due"].isoformat() if r["due"] else "no deadline"
        decided = " [decided]" if r["decided_by"] else ""
        click.echo(f"  {r['verdict']:<11} {r['kind']}{ref}  due {due}{decided}  (id {r['id']})")
        click.echo(f"  {'':<11} {textwrap.shorten(r['text'], 110)}")
        click.echo(f"  {'':<11} why: {r['reason']}")
        if r["addressees"]:
            click.echo(f"  {'':<11} to: {', '.join(r['addressees'])}")


@click.command()
@click.argument("reports", nargs=-1)
@click.option("--ics", "ics_path", required=True, type=click.Path(dir_okay=False), help="iCalendar file to write")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
@click.option("--conditional", is_flag=True, help="Also add conditional findings' deadlines")
@click.option("--base-url", default=DEFAULT_BASE_URL, show_default=True,
              help="Where 'hmicfrs serve' is reached: events link to the finding's PDF page there")
def calendar(reports: tuple[str, ...], ics_path: str, db_path: str, force_name: str | None, config: str | None,
             conditional: bool, base_url: str) -> None:
    """Write an iCalendar file of the force's deadlines and PCC response dates.

    Event UIDs are stable: importing a newer file updates the events instead of duplicating them.
    """
    from hmicfrs.exports.calendar import build_calendar, write_ics
    from hmicfrs.triage import pcc_reports

    target = output_path("--ics", ics_path)
    db = open_db(db_path)
    chosen, rows, force = _triage_rows(db, reports, force_name, config)
    verdicts = ("yes", "conditional") if conditional else ("yes",)
    cal = build_calendar(rows, pcc_reports(chosen, rows, force, verdicts), force, verdicts, base_url)
    events = write_output(target, lambda path: write_ics(cal, path))
    click.echo(f"{events} events for {force} -> {ics_path}", err=True)


@click.command()
@click.argument("finding")
@click.argument("verdict", type=click.Choice(["yes", "conditional", "no"]), required=False)
@click.option("--reason", default="", help="Why (required with a verdict)")
@click.option("--by", "by", help="Who decided (name or role)")
@click.option("--owner", help="Who in the force owns the item")
@click.option("--clear", is_flag=True, help="Remove the decision; the automatic verdict comes back")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to update")
def decide(finding: str, verdict: str | None, reason: str, by: str | None, owner: str | None, clear: bool,
           db_path: str) -> None:
    """Override a finding's verdict with a person's decision; it survives re-ingest.

    FINDING is the finding's id (findings table) or REPORT.pdf:KEY, e.g. kent-peel.pdf:recommendation-3.
    """
    from hmicfrs.db.decisions import DecisionError, undecide
    from hmicfrs.db.decisions import decide as record

    db = open_db(db_path)
    try:
        if clear:
            removed = undecide(db, finding, by)
            click.echo(f"{finding}: decision removed" if removed else f"{finding}: there was no decision", err=True)
            return
        if verdict is None:
            raise click.UsageError("give a VERDICT (yes, conditional or no) or --clear")
        d = record(db, finding, verdict, reason, by, owner)
    except DecisionError as exc:
        raise Problem(str(exc)) from exc
    click.echo(f"{d.source}:{d.finding_key} -> {d.verdict} for {d.force} ({d.reason})", err=True)
