"""hmicfrs ingest, sync, extract and editions: reports in, through the library (hmicfrs.api)."""

from __future__ import annotations

import gc
import json
import sys
import textwrap
from pathlib import Path

import click
import sqlite_utils

from hmicfrs import api
from hmicfrs.commands.common import (
    CORPUS_DIR,
    DEFAULT_DB,
    Problem,
    load_profile,
    open_db,
    report_match,
    safe,
    say_error,
)
from hmicfrs.db.schema import checkpoint
from hmicfrs.ingest.errors import IngestError
from hmicfrs.pipeline import read_document

# Reading a report allocates a few million short-lived objects (runs, lines, tuples) and makes no
# reference cycles worth chasing often: collecting the youngest generation every 100,000 allocations
# instead of 700 saves about 5% of an ingest (measured on the corpus plus its 600-page file), with
# the same peak memory. Set by the commands that read reports; worker processes inherit it.
FEWER_COLLECTIONS = (100_000, 50, 100)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to write")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
@click.option("--workers", default=1, show_default=True, help="Processes reading PDF pages in parallel (0: all cores)")
@click.option("--corpus", "corpus_dir", default=CORPUS_DIR, show_default=True,
              help="Where a report fetched by URL is stored (by SHA-256)")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Also fetch from this host (HOST:PORT: a port)")
def ingest(paths: tuple[str, ...], db_path: str, force_name: str | None, config: str | None, workers: int,
           corpus_dir: str, allow_hosts: tuple[str, ...]) -> None:
    """Ingest reports: PDF files, folders of PDFs (recursively), saved HTML editions (.html), or URLs
    (a PDF, or a report page whose PDFs are fetched).

    A file already ingested (same SHA-256) is skipped; a changed file replaces its old rows.
    Files that cannot be read are reported, recorded in ingest_errors, and the batch goes on.
    """
    gc.set_threshold(*FEWER_COLLECTIONS)
    profile = load_profile(force_name, config)
    db = open_db(db_path, create=True)
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
            say_error(url, reason)
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
            if result.status == api.DUPLICATE:
                click.echo(f"\nnote: {safe(result.label)}: the same file as {safe(result.same_as or '?')}, already "
                           "stored; skipped", err=True)
            for warning in result.warnings:
                click.echo(f"\nwarning: {safe(result.label)}: {safe(warning)}", err=True)
            if result.status == api.FAILED:
                click.echo("", err=True)
                say_error(result.label, result.reason or "")
            results.append(result)
    return results


def _say_waiting(db_path: str):
    def say() -> None:
        click.echo(f"\nwaiting: another program is writing to {safe(db_path)}; this one goes on when it has finished",
                   err=True)
    return say


def _finish_ingest(db: sqlite_utils.Database, db_path: str, results: list[api.FileResult]) -> None:
    """Summary line, tracker links brought up to date, WAL folded in; exit 1 when anything failed."""
    count = {s: sum(r.status == s for r in results) for s in (api.INGESTED, api.UNCHANGED, api.DUPLICATE, api.FAILED)}
    click.echo(f"{count[api.INGESTED]} ingested, {count[api.UNCHANGED] + count[api.DUPLICATE]} skipped (unchanged), "
               f"{count[api.FAILED]} failed -> {db_path}", err=True)
    match_result = api.after_ingest(db, results)
    if match_result is not None:
        report_match(match_result)
    db.close()
    checkpoint(db_path)
    if count[api.FAILED]:
        sys.exit(1)


@click.command()
@click.option("--corpus", "corpus_dir", default=CORPUS_DIR, show_default=True,
              help="Corpus folder: pdfs/<sha256>.pdf and manifest.json")
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to ingest into")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only reports published on or after this date")
@click.option("--kind", type=click.Choice(["peel", "thematic", "joint", "progress", "super-complaint"]),
              help="Only reports of this kind")
@click.option("--limit", type=int, help="At most this many reports")
@click.option("--dry-run", is_flag=True, help="List what would be downloaded; download and store nothing")
@click.option("--listing-url", help="Publications listing to read (default: the HMICFRS site)")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Also fetch from this host (HOST:PORT: a port)")
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
    gc.set_threshold(*FEWER_COLLECTIONS)
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
        say_error(url, reason)
    if dry_run:
        for url in result.planned:
            click.echo(url)
        click.echo(f"dry run: {len(result.planned)} to fetch, {result.skipped} filtered out, "
                   f"{len(result.errors)} failed; nothing stored", err=True)
        sys.exit(1 if result.errors else 0)
    click.echo(f"{len(result.downloaded)} new or changed PDFs, {result.unchanged} unchanged, {result.skipped} "
               f"filtered out, {len(result.errors)} failed -> {folder}", err=True)
    profile = load_profile(force_name, config)
    db = open_db(db_path, create=True)
    results = api.record_failures(db, result.errors)
    results += _ingest_with_progress(db, db_path, [api.Source.from_download(d) for d in result.downloaded], profile)
    api.note_synced_reports(db, folder, result.downloaded)
    _finish_ingest(db, db_path, results)


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="Database to read")
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON")
def editions(db_path: str, as_json: bool) -> None:
    """Cross-check the editions of one report (PDF, HTML page, browser print): list the findings found in
    one edition and not in another. A free second opinion on the extraction."""
    from hmicfrs.linking import compare_editions

    diffs = compare_editions(open_db(db_path))
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


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report and findings as JSON")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
def extract(file: str, as_json: bool, force_name: str | None, config: str | None) -> None:
    """Extract one PDF's findings without touching a database."""
    gc.set_threshold(*FEWER_COLLECTIONS)
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
