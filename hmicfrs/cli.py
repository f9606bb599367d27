"""The hmicfrs command: the only module that prints. It parses options, calls the library and turns
library errors into one-line messages that say what to do next."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import click
import sqlite_utils

from hmicfrs.config import load_profile
from hmicfrs.db.save import record_error, report_id_for, save_document
from hmicfrs.db.schema import ensure_shape
from hmicfrs.ingest.document import read_document, sha256_of
from hmicfrs.ingest.errors import IngestError

DEFAULT_DB = "hmicfrs.db"


@click.group()
@click.version_option(package_name="hmicfrs")
def main() -> None:
    """Turn HMICFRS inspection reports into a searchable, triaged database."""


def _pdfs(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() == ".pdf" and f.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise click.ClickException(f"{p}: no such file or folder")
    return files


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to write")
@click.option("--force", "force_name", help="Force to triage for (default: West Midlands Police)")
@click.option("--config", type=click.Path(dir_okay=False), help="hmicfrs.toml with the force profile")
def ingest(paths: tuple[str, ...], db_path: str, force_name: str | None, config: str | None) -> None:
    """Ingest report PDFs (files or folders, recursively) into the database.

    A file already ingested (same SHA-256) is skipped; a changed file replaces its old rows.
    Files that cannot be read are reported, recorded in ingest_errors, and the batch goes on.
    """
    profile = load_profile(force_name, config)
    db = sqlite_utils.Database(db_path)
    ensure_shape(db)
    files = _pdfs(paths)
    done = skipped = failed = 0
    with click.progressbar(files, label="Ingesting", file=sys.stderr, show_pos=True,
                           item_show_func=lambda f: f.name if f else "") as bar:
        for path in bar:
            try:
                digest = sha256_of(path)
                if report_id_for(db, digest) is not None:
                    skipped += 1
                    continue
                doc = read_document(path, profile, sha256=digest)
                save_document(db, doc.report, doc.pages, doc.findings, profile.name, pdf_url=_pdf_url(path))
                for warning in doc.report.warnings:
                    click.echo(f"\nwarning: {path}: {warning}", err=True)
                done += 1
            except IngestError as exc:
                failed += 1
                click.echo(f"\nerror: {path}: {exc}", err=True)
                record_error(db, str(path), str(exc))
            except OSError as exc:
                failed += 1
                click.echo(f"\nerror: {path}: cannot read the file ({exc.strerror})", err=True)
                record_error(db, str(path), f"cannot read the file ({exc.strerror})")
    click.echo(f"{done} ingested, {skipped} skipped (unchanged), {failed} failed -> {db_path}", err=True)
    if failed:
        sys.exit(1)


def _pdf_url(path: Path) -> str:
    """Where Datasette serves the PDF from (hmicfrs serve mounts the corpus folder at /pdfs)."""
    return "/pdfs/" + path.name


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
        raise click.ClickException(f"{path}: {exc}") from exc
    for warning in doc.report.warnings:
        click.echo(f"warning: {path}: {warning}", err=True)
    if as_json:
        out = {"report": doc.report.as_json(), "findings": [f.as_json(profile.name) for f in doc.findings]}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    r = doc.report
    click.echo(f"{r.title}\n{r.kind}, published {r.published}, {r.pages} pages, {len(doc.findings)} findings")
    for f in doc.findings:
        ref = f" {f.ref}" if f.ref else ""
        click.echo(f"\n[{f.kind}{ref}] p.{','.join(map(str, f.pages))}  {f.verdict}: {f.reason}")
        if f.deadline_text:
            click.echo(f"  deadline: {f.deadline_text} ({f.deadline or 'immediate'})")
        click.echo(f"  {f.text}")


@main.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to serve")
@click.option("--port", default=8001, show_default=True, help="Port to listen on")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface; 0.0.0.0 exposes it")
@click.option("--pdfs", type=click.Path(file_okay=False), help="Folder of the ingested PDFs, served at /pdfs")
def serve(db_path: str, port: int, host: str, pdfs: str | None) -> None:
    """Browse the database in Datasette (read-only)."""
    from hmicfrs.db.serve import datasette_args

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no database yet; run 'hmicfrs ingest PDF...' first")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host}: anyone who can reach this machine can read the data", err=True)
    _run_datasette(datasette_args(Path(db_path), host, port, Path(pdfs) if pdfs else None))


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
    from hmicfrs.samples import write_demo_corpus

    folder = Path(tempfile.gettempdir()) / "hmicfrs-demo"
    files = write_demo_corpus(folder)
    click.echo(f"Sample corpus: {len(files)} PDFs in {folder}", err=True)
    if Path(db_path).exists():
        Path(db_path).unlink()
    ctx = click.get_current_context()
    try:
        ctx.invoke(ingest, paths=(str(folder),), db_path=db_path, force_name=None, config=None)
    except SystemExit as exc:  # the demo corpus includes a broken file on purpose
        if exc.code not in (0, 1, None):
            raise
    if not no_serve:
        click.echo(f"Serving {db_path} on http://127.0.0.1:{port}/ (Ctrl-C to stop)", err=True)
        _run_datasette(datasette_args(Path(db_path), "127.0.0.1", port, folder))
