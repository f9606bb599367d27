"""hmicfrs serve and demo: Datasette on the database."""

from __future__ import annotations

import os
from pathlib import Path

import click

from hmicfrs import api
from hmicfrs.commands.common import (
    DEFAULT_DB,
    Problem,
    open_db,
    report_match,
    say_error,
)
from hmicfrs.db.schema import checkpoint


@click.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="SQLite database to serve")
@click.option("--port", default=8001, show_default=True, help="Port to listen on")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface; 0.0.0.0 exposes it (refused until a user exists: hmicfrs users add)")
@click.option("--pdfs", type=click.Path(file_okay=False), help="Folder of the ingested PDFs, served at /pdfs")
def serve(db_path: str, port: int, host: str, pdfs: str | None) -> None:
    """Browse the database in Datasette. Anyone who can reach it reads; people added with `hmicfrs users
    add` sign in at /-/login and record decisions. Reports ingested meanwhile show without a restart."""
    from hmicfrs.db.serve import NoUsers, check_host, datasette_args, serve_environment

    open_db(db_path).close()  # a missing, foreign or folder --db is one line; an older one gains its shape
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


@click.command()
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
    db = open_db(db_path, create=True)
    built = api.build_demo(db, folder)
    click.echo(f"Sample corpus: {len(built.files)} PDFs in {folder}", err=True)
    for result in built.results:
        if result.status == api.FAILED:  # the demo corpus includes a broken download on purpose
            say_error(result.label, result.reason or "")
            click.echo("  (expected: the demo includes a broken download to show how a failed file is reported)",
                       err=True)
    done = sum(r.status == api.INGESTED for r in built.results)
    click.echo(f"{done} ingested, {len(built.results) - done} failed; {built.tracker.rows} tracker records "
               f"imported -> {db_path}", err=True)
    if built.match is not None:
        report_match(built.match)
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
