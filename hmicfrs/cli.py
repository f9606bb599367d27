"""The hmicfrs command: the only module that prints. It parses options, calls the library and turns
library errors into one-line messages that say what to do next."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import click
import sqlite_utils

from hmicfrs import api
from hmicfrs.commands.paper import paper
from hmicfrs.commands.users import users
from hmicfrs.config import PROFILE_FILE, ConfigError
from hmicfrs.config import load_profile as _load_profile
from hmicfrs.db.schema import checkpoint
from hmicfrs.ingest.errors import IngestError
from hmicfrs.pipeline import read_document

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


def _error(label: str, reason: str) -> None:
    click.echo(f"error: {safe(label)}: {safe(reason)}", err=True)


def _writable(option: str, value: str | None) -> Path | None:
    """An output file's path, refused in one line when its folder does not exist."""
    if value is None:
        return None
    path = Path(value)
    if path.is_dir():
        raise Problem(f"{option} {value}: is a folder; name a file in it")
    if not path.parent.is_dir():
        raise Problem(f"{option} {value}: the folder {path.parent} does not exist; create it first")
    return path


def _write(path: Path, write):
    """Run an export's writer; a file that cannot be written is one line."""
    try:
        return write(path)
    except OSError as exc:
        raise Problem(f"{safe(str(path))}: cannot write the file ({exc.strerror or exc})") from exc


@click.group()
@click.version_option(package_name="hmicfrs")
def main() -> None:
    """Turn HMICFRS inspection reports into a searchable, triaged database."""


main.add_command(paper)
main.add_command(users)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to write")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
@click.option("--workers", default=1, show_default=True, help="Processes reading PDF pages in parallel (0: all cores)")
@click.option("--corpus", "corpus_dir", default=CORPUS_DIR, show_default=True,
              help="Where a report fetched by URL is stored (by SHA-256)")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Also fetch from this host (a mirror)")
def ingest(paths: tuple[str, ...], db_path: str, force_name: str | None, config: str | None, workers: int,
           corpus_dir: str, allow_hosts: tuple[str, ...]) -> None:
    """Ingest reports: PDF files, folders of PDFs (recursively), saved HTML editions (.html), or URLs
    (a PDF, or a report page whose PDFs are fetched).

    A file already ingested (same SHA-256) is skipped; a changed file replaces its old rows.
    Files that cannot be read are reported, recorded in ingest_errors, and the batch goes on.
    """
    profile = load_profile(force_name, config)
    db = _open_db(db_path, create=True)
    try:
        sources = api.local_sources(p for p in paths if not api.is_url(p))
    except api.NoSuchSource as exc:
        raise Problem(str(exc)) from exc
    results: list[api.FileResult] = []
    urls = [p for p in paths if api.is_url(p)]
    if urls:
        downloads, errors = api.fetch_urls(urls, Path(corpus_dir), allow_hosts)
        sources += [api.Source.from_download(d) for d in downloads]
        for url, reason in errors:
            _error(url, reason)
        results += api.record_failures(db, errors)
    results += _ingest_with_progress(db, db_path, sources, profile, workers)
    _finish_ingest(db, db_path, results)


def _ingest_with_progress(db: sqlite_utils.Database, db_path: str, sources: list[api.Source], profile,
                          workers: int = 1) -> list[api.FileResult]:
    """The library's ingest, one file at a time, with a progress bar and each file's warnings and errors."""
    results = []
    with click.progressbar(length=len(sources), label="Ingesting", file=sys.stderr, show_pos=True,
                           item_show_func=lambda r: safe(r.label.rsplit("/", 1)[-1]) if r else "") as bar:
        for result in api.ingest_each(db, sources, profile, workers, on_wait=_say_waiting(db_path)):
            bar.update(1, result)
            for warning in result.warnings:
                click.echo(f"\nwarning: {safe(result.label)}: {safe(warning)}", err=True)
            if result.status == api.FAILED:
                click.echo("", err=True)
                _error(result.label, result.reason or "")
            results.append(result)
    return results


def _say_waiting(db_path: str):
    def say() -> None:
        click.echo(f"\nwaiting: another program is writing to {safe(db_path)}; this one goes on when it has finished",
                   err=True)
    return say


def _finish_ingest(db: sqlite_utils.Database, db_path: str, results: list[api.FileResult]) -> None:
    """Summary line, tracker links brought up to date, WAL folded in; exit 1 when anything failed."""
    count = {s: sum(r.status == s for r in results) for s in (api.INGESTED, api.UNCHANGED, api.FAILED)}
    click.echo(f"{count[api.INGESTED]} ingested, {count[api.UNCHANGED]} skipped (unchanged), "
               f"{count[api.FAILED]} failed -> {db_path}", err=True)
    match_result = api.after_ingest(db, results)
    if match_result is not None:
        _report_match(match_result)
    db.close()
    checkpoint(db_path)
    if count[api.FAILED]:
        sys.exit(1)


@main.command()
@click.option("--corpus", "corpus_dir", default=CORPUS_DIR, show_default=True,
              help="Corpus folder: pdfs/<sha256>.pdf and manifest.json")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to ingest into")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only reports published on or after this date")
@click.option("--kind", type=click.Choice(["peel", "thematic", "joint", "progress", "super-complaint"]),
              help="Only reports of this kind")
@click.option("--limit", type=int, help="At most this many reports")
@click.option("--dry-run", is_flag=True, help="List what would be downloaded; download and store nothing")
@click.option("--listing-url", help="Publications listing to read (default: the HMICFRS site)")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Also fetch from this host (a mirror)")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between requests (be polite)")
@click.option("--timeout", default=30.0, show_default=True, help="Seconds to wait for a server")
@click.option("--retries", default=3, show_default=True, help="Tries again after a 5xx, a timeout or a cut-off body")
@click.option("--backoff", default=2.0, show_default=True, help="First wait before a retry (doubles each time)")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
def sync(corpus_dir: str, db_path: str, since, kind: str | None, limit: int | None, dry_run: bool,
         listing_url: str | None, allow_hosts: tuple[str, ...], interval: float, timeout: float, retries: int,
         backoff: float, force_name: str | None, config: str | None) -> None:
    """Fetch new or changed HMICFRS publications into the corpus folder, then ingest them.

    Reads the publications listing, each new report page and its PDF links; downloads politely
    (User-Agent, rate limit, retries on 5xx and timeouts, conditional requests, size cap, host
    allow-list, PDF checks). Re-running resumes: known pages are not fetched again.
    """
    from hmicfrs.corpus import sync as corpus_sync
    from hmicfrs.corpus.site import LISTING_URL
    from hmicfrs.corpus.urls import make_fetcher

    folder = Path(corpus_dir)
    fetcher = make_fetcher(allow_hosts, interval, timeout, retries, backoff, listing_url=listing_url)
    try:
        result = corpus_sync.sync(folder, fetcher, listing_url=listing_url or LISTING_URL,
                                  since=since.date() if since else None, kind=kind, limit=limit, dry_run=dry_run,
                                  progress=lambda title: click.echo(f"  {title}", err=True))
    finally:
        fetcher.close()
    for url, reason in result.errors:
        _error(url, reason)
    if dry_run:
        for url in result.planned:
            click.echo(url)
        click.echo(f"dry run: {len(result.planned)} to fetch, {result.skipped} filtered out, "
                   f"{len(result.errors)} failed; nothing stored", err=True)
        sys.exit(1 if result.errors else 0)
    click.echo(f"{len(result.downloaded)} new or changed PDFs, {result.unchanged} unchanged, {result.skipped} "
               f"filtered out, {len(result.errors)} failed -> {folder}", err=True)
    profile = load_profile(force_name, config)
    db = _open_db(db_path, create=True)
    results = api.record_failures(db, result.errors)
    results += _ingest_with_progress(db, db_path, [api.Source.from_download(d) for d in result.downloaded], profile)
    api.note_synced_reports(db, folder, result.downloaded)
    _finish_ingest(db, db_path, results)


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON")
def editions(db_path: str, as_json: bool) -> None:
    """Cross-check the editions of one report (PDF, HTML page, browser print): list the findings found in
    one edition and not in another. A free second opinion on the extraction."""
    from hmicfrs.linking import compare_editions

    diffs = compare_editions(_open_db(db_path))
    if as_json:
        click.echo(json.dumps(diffs, indent=2, ensure_ascii=False))
        return
    if not diffs:
        click.echo("no report is in the database in more than one edition")
    for d in diffs:
        click.echo(f"{d['title']} ({d['published']}): {', '.join(d['editions'])}")
        if not d["only_in"]:
            click.echo("  the editions agree: every finding is in each")
        for item in d["only_in"]:
            click.echo(f"  only in {item['source']}: {item['kind']} {item['ref'] or ''} "
                       f"{textwrap.shorten(item['text'], 90)}")


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report and findings as JSON")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
def extract(file: str, as_json: bool, force_name: str | None, config: str | None) -> None:
    """Extract one PDF's findings without touching a database."""
    profile = load_profile(force_name, config)
    path = Path(file)
    try:
        doc = read_document(path, profile)
    except IngestError as exc:
        raise Problem(f"{safe(str(path))}: {safe(str(exc))}") from exc
    for warning in doc.report.warnings:
        click.echo(f"warning: {safe(str(path))}: {safe(warning)}", err=True)
    if as_json:
        out = {"report": doc.report.as_json(), "findings": [f.as_json(profile.name) for f in doc.findings]}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    r = doc.report
    click.echo(f"{r.title}\n{r.kind}, published {r.published}, {r.page_count} pages, {len(doc.findings)} findings")
    for f in doc.findings:
        ref = f" {f.ref}" if f.ref else ""
        click.echo(f"\n[{f.kind}{ref}] p.{','.join(map(str, f.pages))}  {f.verdict}: {f.reason}")
        if f.deadline_text:
            click.echo(f"  deadline: {f.deadline_text} ({f.deadline or 'immediate'})")
        click.echo(f"  {f.text}")


def load_profile(force_name: str | None, config: str | None):
    """The force profile for --force / --config (or ./hmicfrs.toml, said aloud); a bad file or an unknown
    force is one line."""
    if config is None and Path(PROFILE_FILE).exists():
        click.echo(f"note: force profile from ./{PROFILE_FILE} (pass --config FILE to use another)", err=True)
    try:
        return _load_profile(force_name, config, default_file=PROFILE_FILE)
    except ConfigError as exc:
        raise Problem(str(exc)) from exc


def _open_db(db_path: str, create: bool = False) -> sqlite_utils.Database:
    """The database for one command, in shape; a path that cannot be used is one line saying why."""
    try:
        return api.open_database(db_path, create=create)
    except api.DatabaseProblem as exc:
        hint = ""
        if not create and db_path == DEFAULT_DB and Path("demo.db").exists():
            hint = "; after 'hmicfrs demo', pass --db demo.db"
        raise Problem(f"{exc}{hint}") from exc


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


@main.command()
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

    xlsx_file, csv_file = _writable("--xlsx", xlsx), _writable("--csv", csv_path)
    db = _open_db(db_path)
    chosen, rows, force = _triage_rows(db, reports, force_name, config)
    if applicable:
        rows = [r for r in rows if r["verdict"] in ("yes", "conditional")]
    for target, write in ((xlsx_file, write_xlsx), (csv_file, write_csv)):
        if target is not None:
            _write(target, lambda path, write=write: write(rows, path))
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


@main.command()
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

    target = _writable("--ics", ics_path)
    db = _open_db(db_path)
    chosen, rows, force = _triage_rows(db, reports, force_name, config)
    verdicts = ("yes", "conditional") if conditional else ("yes",)
    cal = build_calendar(rows, pcc_reports(chosen, rows, force, verdicts), force, verdicts, base_url)
    events = _write(target, lambda path: write_ics(cal, path))
    click.echo(f"{events} events for {force} -> {ics_path}", err=True)


@main.command()
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

    db = _open_db(db_path)
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


@main.group()
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
        _error(str(path), f"row {row}: {reason}")
    if parsed.bad_rows and not skip_bad_rows:
        raise Problem(f"{path}: {len(parsed.bad_rows)} bad row(s), nothing imported; fix them "
                                   "or pass --skip-bad-rows to import the rest")
    click.echo("columns: " + ", ".join(f"{h!r} -> {f}" for f, h in parsed.mapping.items()), err=True)
    if parsed.unmapped:
        click.echo(f"unmapped columns (kept in 'extra'): {', '.join(parsed.unmapped)}; "
                   "use --map 'HEADER=field' to assign one", err=True)
    db = _open_db(db_path, create=True)
    day = as_of.date() if as_of else date.today()
    result, matched = api.store_tracker(db, parsed, path, day, match=not no_match)
    verb = "replaced the snapshot of" if result.replaced else "snapshot"
    click.echo(f"{result.rows} records imported ({verb} {day}) -> {db_path}", err=True)
    if matched is not None:
        _report_match(matched)


@records.command("changes")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON")
def records_changes(db_path: str, as_json: bool) -> None:
    """What changed between the last two tracker snapshots (added, removed, status, level, open/closed)."""
    from hmicfrs.db.records import changes, snapshots

    db = _open_db(db_path)
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

    rows = summary(_open_db(db_path))
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


def _report_match(result) -> None:
    click.echo(f"{result.records} records: {result.matched} matched, {result.probable} probable (need a person), "
               f"{result.confirmed} confirmed, {result.orphans} with no finding; {result.new} applicable "
               f"findings not tracked; {result.restated} findings restate an earlier one, "
               f"{result.editions} are in another edition", err=True)


def _pair(value: str) -> tuple[str, int | None]:
    reference, sep, finding = value.partition("=")
    if sep and not finding.strip().isdigit():
        raise click.BadParameter(f"{value!r}: write REFERENCE or REFERENCE=FINDING_ID")
    return reference.strip(), int(finding) if sep else None


@main.command()
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

    db = _open_db(db_path)
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
    _report_match(result)
    if as_json:
        click.echo(json.dumps(mapping(db), indent=2, ensure_ascii=False))


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to serve")
@click.option("--port", default=8001, show_default=True, help="Port to listen on")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface; 0.0.0.0 exposes it (refused until a user exists: hmicfrs users add)")
@click.option("--pdfs", type=click.Path(file_okay=False), help="Folder of the ingested PDFs, served at /pdfs")
def serve(db_path: str, port: int, host: str, pdfs: str | None) -> None:
    """Browse the database in Datasette. Anyone who can reach it reads; people added with `hmicfrs users
    add` sign in at /-/login and record decisions. Reports ingested meanwhile show without a restart."""
    from hmicfrs.db.serve import NoUsers, check_host, datasette_args, serve_environment

    _open_db(db_path).close()  # a missing, foreign or folder --db is one line; an older one gains its shape
    try:
        check_host(Path(db_path), host)
    except NoUsers as exc:
        raise Problem(str(exc)) from exc
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach this machine can read the data", err=True)
    _check_port(host, port)
    os.environ.update(serve_environment(Path(db_path)))
    checkpoint(db_path)
    _run_datasette(datasette_args(Path(db_path), host, port, Path(pdfs) if pdfs else None))


def _check_port(host: str, port: int) -> None:
    from hmicfrs.db.serve import port_in_use

    if port_in_use(host, port):
        raise Problem(f"port {port} on {host} is already in use (another 'hmicfrs serve'?); "
                                   f"choose another with --port, e.g. --port {port + 1}")


def _run_datasette(args: list[str]) -> None:
    from datasette.cli import cli as datasette_cli

    datasette_cli.main(args=args, prog_name="datasette", standalone_mode=True)


@main.command()
@click.option("--db", "db_path", default="demo.db", show_default=True, help="Database to build")
@click.option("--port", default=8001, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the database and stop")
def demo(db_path: str, port: int, no_serve: bool) -> None:
    """Build a database from the bundled sample reports and serve it."""
    from hmicfrs.db.serve import datasette_args

    path = Path(db_path)
    if path.exists() and not path.is_dir():
        path.unlink()
    folder = path.parent / f"{path.stem}-samples"  # kept beside the database: served at /pdfs/
    db = _open_db(db_path, create=True)
    built = api.build_demo(db, folder)
    click.echo(f"Sample corpus: {len(built.files)} PDFs in {folder}", err=True)
    for result in built.results:
        if result.status == api.FAILED:  # the demo corpus includes a broken download on purpose
            _error(result.label, result.reason or "")
            click.echo("  (expected: the demo includes a broken download to show how a failed file is reported)",
                       err=True)
    done = sum(r.status == api.INGESTED for r in built.results)
    click.echo(f"{done} ingested, {len(built.results) - done} failed; {built.tracker.rows} tracker records "
               f"imported -> {db_path}", err=True)
    if built.match is not None:
        _report_match(built.match)
    db.close()
    checkpoint(db_path)
    click.echo(f"Other commands read hmicfrs.db unless told: add --db {db_path}, "
               f"e.g. 'hmicfrs triage --db {db_path}'", err=True)
    if not no_serve:
        from hmicfrs.db.serve import serve_environment

        _check_port("127.0.0.1", port)
        os.environ.update(serve_environment(path))
        click.echo(f"Serving {db_path} on http://127.0.0.1:{port}/ (Ctrl-C to stop)", err=True)
        _run_datasette(datasette_args(path, "127.0.0.1", port, folder))
