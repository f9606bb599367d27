"""How `hmicfrs serve` runs Datasette: writable for signed-in people, local by default, fast settings
for a big corpus.

The database is opened mutable (not `-i`): Datasette's canned query `decide` writes to it, and each
request reads the database as it is, so a report ingested while the server runs shows at once. SQLite's
write-ahead log (ingest turns it on) lets the ingest write while Datasette reads: neither waits.
"""

from __future__ import annotations

import json
import socket
import tempfile
from importlib import resources
from pathlib import Path

import yaml

from .decisions import RECORD_SQL
from .users import cookie_secret, password_hashes, users_file

LOOPBACK = ("127.0.0.1", "localhost", "::1")
SETTINGS = {
    # automatic facet suggestions cost most of a page's time on a large table
    "suggest_facets": False,
    "sql_time_limit_ms": 3000,
}


class NoUsers(RuntimeError):
    """Serving beyond this machine with nobody able to sign in."""


def metadata_for(db_path: Path) -> dict:
    """The bundled metadata.yml, keyed by this database's name (Datasette names it after the file), with
    the decide query's SQL (the one db/decisions.py runs) and sign-in settings. Password hashes stay out
    of the metadata (Datasette shows it at /-/metadata): they are read from the environment."""
    meta = yaml.safe_load(resources.files(__package__).joinpath("metadata.yml").read_text("utf-8"))
    meta["databases"] = {db_path.stem: meta["databases"]["hmicfrs"]}
    meta["databases"][db_path.stem]["queries"]["decide"]["sql"] = RECORD_SQL
    plugins = meta.setdefault("plugins", {})
    for dashboard in plugins.get("datasette-dashboards", {}).values():
        for chart in dashboard.get("charts", {}).values():
            chart["db"] = db_path.stem
    plugins["datasette-auth-passwords"] = {
        f"{name}_password_hash": {"$env": env} for name, env in _hash_variables(db_path).items()}
    plugins["hmicfrs"] = {"users_file": str(users_file(db_path).resolve())}
    return meta


def _hash_variables(db_path: Path) -> dict[str, str]:
    return {name: f"HMICFRS_PASSWORD_HASH_{i}" for i, name in enumerate(sorted(password_hashes(db_path)))}


def serve_environment(db_path: Path) -> dict[str, str]:
    """Environment for the Datasette process: each user's password hash (named in the metadata) and
    the secret that signs sign-in cookies."""
    hashes = password_hashes(db_path)
    env = {var: hashes[name] for name, var in _hash_variables(db_path).items()}
    env["DATASETTE_SECRET"] = cookie_secret(db_path)
    return env


def check_host(db_path: Path, host: str) -> None:
    """Serving beyond loopback is refused while nobody can sign in."""
    if host not in LOOPBACK and not password_hashes(db_path):
        raise NoUsers(f"{db_path}: no users yet, so serving on {host} is refused; add one first with "
                      f"'hmicfrs users add NAME --db {db_path}', or serve on 127.0.0.1")


def port_in_use(host: str, port: int) -> bool:
    """Is something already listening on host:port?"""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def _with_pdfs(meta: dict, pdfs: Path | None) -> dict:
    """Ingested PDFs are served at /pdfs/ by the hmicfrs-pdfs plugin (only ingested ones, names
    decoded); `pdfs` is where to look for one that has moved since it was ingested."""
    if pdfs is not None:
        meta.setdefault("plugins", {})["hmicfrs-pdfs"] = {"folder": str(pdfs.resolve())}
    return meta


def datasette_args(db_path: Path, host: str, port: int, pdfs: Path | None) -> list[str]:
    """Command-line arguments for `datasette serve` (run with serve_environment's variables set)."""
    work = Path(tempfile.mkdtemp(prefix="hmicfrs-serve-"))  # private to this run: no fixed, shared path
    meta_file = work / "metadata.json"
    meta_file.write_text(json.dumps(_with_pdfs(metadata_for(db_path), pdfs)), "utf-8")
    args = [str(db_path), "--host", host, "--port", str(port), "--metadata", str(meta_file)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, ("on" if value else "off") if isinstance(value, bool) else str(value)]
    return ["serve", *args]


def datasette_app(db_path: Path, pdfs: Path | None = None):
    """A Datasette instance set up as `hmicfrs serve` sets it up (for tests and embedding). Sets the
    sign-in variables in this process's environment, as serve does."""
    import os

    from datasette.app import Datasette

    env = serve_environment(db_path)
    os.environ.update(env)
    return Datasette([str(db_path)], metadata=_with_pdfs(metadata_for(db_path), pdfs), settings=SETTINGS,
                     secret=env["DATASETTE_SECRET"])
