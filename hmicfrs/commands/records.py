"""hmicfrs records (import, changes, summary) and match: the force's tracker and its links to findings."""

from __future__ import annotations

import json
from pathlib import Path

import click
import sqlite_utils

from hmicfrs import api
from hmicfrs.commands.common import (
    DEFAULT_DB,
    Problem,
    open_db,
    report_match,
    say_error,
)


@click.group()
def records() -> None:
    """The force's own tracker: import exports, list changes, summarise."""


def _parse_map(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        header, sep, name = pair.rpartition("=")
        if not sep or not header.strip():
            raise click.BadParameter(f"{pair!r}: write HEADER=field, e.g. 'Rec Text=text'", param_hint="--map")
        out[header.strip()] = name.strip()
    return out


@records.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to write")
@click.option("--as-of", "as_of", type=click.DateTime(["%Y-%m-%d"]), help="Snapshot date (default: today)")
@click.option("--map", "maps", multiple=True, metavar="HEADER=FIELD",
              help="Name a column's field yourself (fields: reference, type, level, status, report_title, "
                   "published, text, owner, due)")
@click.option("--skip-bad-rows", is_flag=True, help="Import the good rows even if some rows are bad")
@click.option("--no-match", is_flag=True, help="Do not re-run matching after the import")
def records_import(file: str, db_path: str, as_of, maps: tuple[str, ...], skip_bad_rows: bool,
                   no_match: bool) -> None:
    """Import a tracker export (CSV or XLSX) as a snapshot, then match it to the findings.

    Columns are recognised by fuzzy header matching; unmapped columns are listed and kept as extra.
    A file with bad rows stores nothing (each bad row is named) unless --skip-bad-rows.
    """
    from datetime import date

    from hmicfrs.ingest.records import RecordsError, read_records

    path = Path(file)
    try:
        parsed = read_records(path, _parse_map(maps))
    except RecordsError as exc:
        raise Problem(f"{path}: {exc}") from exc
    for row, reason in parsed.bad_rows:
        say_error(str(path), f"row {row}: {reason}")
    if parsed.bad_rows and not skip_bad_rows:
        raise Problem(f"{path}: {len(parsed.bad_rows)} bad row(s), nothing imported; fix them "
                                   "or pass --skip-bad-rows to import the rest")
    click.echo("columns: " + ", ".join(f"{h!r} -> {f}" for f, h in parsed.mapping.items()), err=True)
    if parsed.unmapped:
        click.echo(f"unmapped columns (kept in 'extra'): {', '.join(parsed.unmapped)}; "
                   "use --map 'HEADER=field' to assign one", err=True)
    db = open_db(db_path, create=True)
    day = as_of.date() if as_of else date.today()
    result, matched = api.store_tracker(db, parsed, path, day, match=not no_match)
    verb = "replaced the snapshot of" if result.replaced else "snapshot"
    click.echo(f"{result.rows} records imported ({verb} {day}) -> {db_path}", err=True)
    if matched is not None:
        report_match(matched)


@records.command("changes")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON")
def records_changes(db_path: str, as_json: bool) -> None:
    """What changed between the last two tracker snapshots (added, removed, status, level, open/closed)."""
    from hmicfrs.db.records import changes, snapshots

    db = open_db(db_path)
    snaps = snapshots(db)
    if len(snaps) < 2:
        raise Problem(f"{len(snaps)} snapshot(s) in {db_path}: import the tracker again with a later "
                                   "--as-of date to see changes")
    before, after = snaps[-2], snaps[-1]
    rows = changes(db, before["id"], after["id"])
    if as_json:
        click.echo(json.dumps({"from": before["as_of"], "to": after["as_of"], "changes": rows}, indent=2))
        return
    click.echo(f"{len(rows)} change(s) from {before['as_of']} to {after['as_of']}")
    for r in rows:
        click.echo(f"  {r['reference']:<20} {r['change']:<8} {r['before'] or '-'} -> {r['after'] or '-'}")


@records.command("summary")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--json", "as_json", is_flag=True, help="Print [{type, level, open, closed, total}] as JSON")
def records_summary(db_path: str, as_json: bool) -> None:
    """Open / closed / total by type and level, from the latest snapshot."""
    from hmicfrs.db.records import summary

    rows = summary(open_db(db_path))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        raise Problem(f"no tracker in {db_path}: run 'hmicfrs records import FILE' first")
    click.echo(f"{'type':<20} {'level':>5} {'open':>6} {'closed':>6} {'total':>6}")
    for r in rows:
        click.echo(f"{r['type'] or '-':<20} {r['level'] if r['level'] is not None else '-':>5} {r['open']:>6} "
                   f"{r['closed']:>6} {r['total']:>6}")
    click.echo(f"{'all':<20} {'':>5} {sum(r['open'] for r in rows):>6} {sum(r['closed'] for r in rows):>6} "
               f"{sum(r['total'] for r in rows):>6}")


def _run_match(db: sqlite_utils.Database, workers: int = -1):
    from hmicfrs.linking import match_records

    return match_records(db, workers)


def _pair(value: str) -> tuple[str, int | None]:
    reference, sep, finding = value.partition("=")
    if sep and not finding.strip().isdigit():
        raise click.BadParameter(f"{value!r}: write REFERENCE or REFERENCE=FINDING_ID")
    return reference.strip(), int(finding) if sep else None


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read and update")
@click.option("--json", "as_json", is_flag=True, help="Print {Reference: finding or null} as JSON")
@click.option("--confirm", multiple=True, metavar="REF[=FINDING_ID]",
              help="Confirm a record's link (or link it to FINDING_ID); kept across re-runs")
@click.option("--reject", multiple=True, metavar="REF[=FINDING_ID]", help="Reject a record's link; kept across re-runs")
@click.option("--workers", default=-1, show_default=True, help="Processes for the bulk scoring (-1: all cores)")
def match(db_path: str, as_json: bool, confirm: tuple[str, ...], reject: tuple[str, ...], workers: int) -> None:
    """Link the tracker's records to findings one-to-one, and findings to the earlier findings they restate.

    States: matched, probable (needs a person), confirmed (by a person); records with no finding are
    orphans; applicable findings with no record are new (the untracked view).
    """
    from hmicfrs.db.links import LinkError, decide_link, mapping

    db = open_db(db_path)
    if not api.has_tracker(db):
        raise Problem(f"no tracker in {db_path}: run 'hmicfrs records import FILE' first")
    try:
        for value in confirm:
            decide_link(db, *_pair(value), "confirmed")
        for value in reject:
            decide_link(db, *_pair(value), "rejected")
    except LinkError as exc:
        raise Problem(str(exc)) from exc
    result = _run_match(db, workers)
    report_match(result)
    if as_json:
        click.echo(json.dumps(mapping(db), indent=2, ensure_ascii=False))
