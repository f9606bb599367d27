"""`hmicfrs users`: who may sign in to `hmicfrs serve` and record decisions in the browser."""

from __future__ import annotations

import sys

import click

from hmicfrs.db.users import UserError, add_user, list_users, remove_user, users_file

DB_OPTION = click.option("--db", "db_path", default="hmicfrs.db", show_default=True,
                         help="The database the users sign in to (their file sits beside it)")


@click.group()
def users() -> None:
    """People who may sign in at /-/login and record decisions. Passwords are stored only as hashes, in
    DB.users.json beside the database (never inside it). Restart `hmicfrs serve` after a change."""


@users.command("add")
@click.argument("name")
@DB_OPTION
def users_add(name: str, db_path: str) -> None:
    """Add NAME, or set a new password for NAME. The password is read from standard input when it is
    piped in, otherwise asked for twice at a prompt."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        new = add_user(db_path, name, password)
    except UserError as exc:
        raise click.ClickException(f"{name}: {exc}") from exc
    click.echo(f"{name}: {'added' if new else 'password changed'} ({users_file(db_path)})", err=True)


@users.command("list")
@DB_OPTION
def users_list(db_path: str) -> None:
    """List who may sign in."""
    for name in list_users(db_path):
        click.echo(name)


@users.command("remove")
@click.argument("name")
@DB_OPTION
def users_remove(name: str, db_path: str) -> None:
    """Remove NAME: they can no longer record decisions (and cannot sign in after a restart)."""
    try:
        remove_user(db_path, name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{name}: removed", err=True)
