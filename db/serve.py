"""Datasette arguments and metadata for a database: read-only, local, fast settings for a big corpus."""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

import yaml


def metadata_for(db_path: Path) -> dict:
    """The bundled metadata.yml, keyed by this database's name (Datasette names it after the file)."""
    meta = yaml.safe_load(resources.files(__package__).joinpath("metadata.yml").read_text("utf-8"))
    meta["databases"] = {db_path.stem: meta["databases"]["hmicfrs"]}
    return meta


def datasette_args(db_path: Path, host: str, port: int, pdfs: Path | None) -> list[str]:
    """Command-line arguments for `datasette serve`."""
    meta_file = Path(tempfile.gettempdir()) / f"hmicfrs-metadata-{db_path.stem}.json"
    meta_file.write_text(json.dumps(metadata_for(db_path)), "utf-8")
    args = ["serve", "-i", str(db_path), "--host", host, "--port", str(port), "--metadata", str(meta_file),
            # automatic facet suggestions cost most of a page's time on a large table
            "--setting", "suggest_facets", "off", "--setting", "sql_time_limit_ms", "3000"]
    if pdfs is not None:
        args += ["--static", f"pdfs:{pdfs}"]
    return args
