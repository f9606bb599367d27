"""Datasette plugin: readable cells (PDF page links, items with sub-points as lists, addressees as
words, days left), date-ordered month facets, the finding's page with its decision form and history,
a start panel on the home page, and who may record decisions.

Registered through the `datasette` entry point, so any Datasette in this environment loads it.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.plugins import pm

from ..users import names_in
from . import scale
from .cells import item_text, render
from .facets import ListFacet, MonthFacet
from .finding_page import finding_context

if not pm.is_registered(scale):  # the scale hooks (pragmas, counts) as a plugin of their own
    pm.register(scale, name="hmicfrs-scale")


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Cells a person reads: see cells.render."""
    return render(value, column, table, database, datasette)


@hookimpl
def register_facet_classes():
    return [MonthFacet, ListFacet]


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("hmicfrs", "hmicfrs.css")]


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    """The decide canned query: signed-in users who are still in the users file, nobody else. The users
    file is read on each check, so `hmicfrs users remove` takes effect without a restart."""
    if action != "view-query" or not resource or resource[1] != "decide":
        return None
    users_file = (datasette.plugin_config("hmicfrs") or {}).get("users_file")
    if not actor or not users_file:
        return False
    return actor.get("id") in names_in(users_file)


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "findings" or request is None:
        return {}

    async def context():
        return {**await finding_context(datasette, database, request), "render_item": item_text}

    return context
