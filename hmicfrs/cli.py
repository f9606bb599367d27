"""The hmicfrs command: a click group with one subcommand per line below. The subcommands live in
hmicfrs/commands/ (one module per topic); they parse options, call the library and turn library errors
into one-line messages that say what to do next. Only they print."""

from __future__ import annotations

import click

from hmicfrs.commands.ingest import editions, extract, ingest, sync
from hmicfrs.commands.paper import paper
from hmicfrs.commands.records import match, records
from hmicfrs.commands.serve import demo, serve
from hmicfrs.commands.triage import calendar, decide, triage
from hmicfrs.commands.users import users


@click.group()
@click.version_option(package_name="hmicfrs")
def main() -> None:
    """Turn HMICFRS inspection reports into a searchable, triaged database."""


main.add_command(ingest)
main.add_command(sync)
main.add_command(editions)
main.add_command(extract)
main.add_command(triage)
main.add_command(calendar)
main.add_command(decide)
main.add_command(records)
main.add_command(match)
main.add_command(serve)
main.add_command(demo)
main.add_command(paper)
main.add_command(users)
