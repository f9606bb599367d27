"""The people who may sign in to `hmicfrs serve` and record decisions.

Accounts live in a file beside the database (`hmicfrs.users.json` for `hmicfrs.db`), readable by its
owner only, never inside the database that Datasette serves. Only a PBKDF2 hash of each password is
stored, in the format datasette-auth-passwords checks at `/-/login`. The file also keeps the secret
that signs sign-in cookies, so that people stay signed in when the server restarts.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MIN_PASSWORD = 10


class UserError(ValueError):
    """A user that cannot be added or removed (bad name, short password, unknown user)."""


def users_file(db_path: str | Path) -> Path:
    """Where the accounts for this database are kept."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.users.json")


def _load(path: Path) -> dict:
    if not path.exists():
        return {"secret": secrets.token_hex(32), "users": {}}
    return json.loads(path.read_text("utf-8"))


def _save(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    # created readable by the owner only, then renamed over the old file in one step
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=2)
    os.replace(tmp, path)


def add_user(db_path: str | Path, name: str, password: str) -> bool:
    """Add a user, or set a new password for an existing one. True when the user is new."""
    if not NAME.match(name):
        raise UserError(f"{name!r} is not a usable name: letters, digits, '.', '_' or '-', up to 64")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD} characters")
    # the hash datasette-auth-passwords checks at /-/login (imported here: it loads Datasette, slow to start)
    from datasette_auth_passwords.utils import hash_password

    path = users_file(db_path)
    data = _load(path)
    new = name not in data["users"]
    data["users"][name] = {"password_hash": hash_password(password)}
    _save(path, data)
    return new


def remove_user(db_path: str | Path, name: str) -> None:
    """Remove a user; they can no longer sign in or record decisions."""
    path = users_file(db_path)
    data = _load(path)
    if name not in data["users"]:
        raise UserError(f"no user {name!r} (see hmicfrs users list)")
    del data["users"][name]
    _save(path, data)


def list_users(db_path: str | Path) -> list[str]:
    """The names of everyone who may sign in, sorted."""
    return names_in(users_file(db_path))


def names_in(path: str | Path) -> list[str]:
    """The names in a users file, sorted (none when there is no file)."""
    return sorted(_load(Path(path))["users"])


def password_hashes(db_path: str | Path) -> dict[str, str]:
    """name -> stored password hash."""
    return {n: u["password_hash"] for n, u in _load(users_file(db_path))["users"].items()}


def cookie_secret(db_path: str | Path) -> str:
    """The secret that signs sign-in cookies for this database. Kept in the users file; with no users
    yet (nobody can sign in) a fresh one, and nothing is written."""
    return _load(users_file(db_path))["secret"]
