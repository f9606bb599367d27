"""Datasette arguments and metadata for a database: read-only, local, fast settings for a big corpus."""

from __future__ import annotations

import json
import socket
import sqlite3
import tempfile
from importlib import resources
from pathlib import Path

import yaml


def metadata_for(db_path: Path) -> dict:
    """The bundled metadata.yml, keyed by this database's name (Datasette names it after the file)."""
    meta = yaml.safe_load(resources.files(__package__).joinpath("metadata.yml").read_text("utf-8"))
    meta["databases"] = {db_path.stem: meta["databases"]["hmicfrs"]}
    for dashboard in meta.get("plugins", {}).get("datasette-dashboards", {}).values():
        for chart in dashboard.get("charts", {}).values():
            chart["db"] = db_path.stem
    return meta


def table_counts(db_path: Path) -> dict:
    """Datasette's inspect data: every table's row count, counted once here so that an unfiltered
    table page on a million rows does not count them on every view (the database is served immutable)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        tables = {n: {"count": conn.execute(f'select count(*) from "{n}"').fetchone()[0]} for n in names}
    finally:
        conn.close()
    return {db_path.stem: {"hash": "", "size": db_path.stat().st_size, "file": str(db_path), "tables": tables}}


def port_in_use(host: str, port: int) -> bool:
    """Is something already listening on host:port?"""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def datasette_args(db_path: Path, host: str, port: int, pdfs: Path | None) -> list[str]:
    """Command-line arguments for `datasette serve`. Ingested PDFs are served at /pdfs/ by the
    hmicfrs-pdfs plugin; `pdfs` is where to look for one that has moved since it was ingested."""
    work = Path(tempfile.mkdtemp(prefix="hmicfrs-serve-"))  # private to this run: no fixed, shared path
    meta = metadata_for(db_path)
    if pdfs is not None:
        meta.setdefault("plugins", {})["hmicfrs-pdfs"] = {"folder": str(pdfs.resolve())}
    meta_file = work / "metadata.json"
    meta_file.write_text(json.dumps(meta), "utf-8")
    args = ["serve", "-i", str(db_path), "--host", host, "--port", str(port), "--metadata", str(meta_file),
            # automatic facet suggestions cost most of a page's time on a large table
            "--setting", "suggest_facets", "off", "--setting", "sql_time_limit_ms", "3000"]
    if db_path.exists():
        counts_file = work / "counts.json"
        counts_file.write_text(json.dumps(table_counts(db_path)), "utf-8")
        args += ["--inspect-file", str(counts_file)]
    return args
