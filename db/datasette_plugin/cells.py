"""How cells read: items with sub-points as lists, addressees as words, days left as words, links to
an item's page from the triage view and the since-last-meeting query."""

from __future__ import annotations

import json
import re

from markupsafe import Markup

PAGE = re.compile(r"#page=(\d+)$")
SUB_POINT = re.compile(r"\n\s*[-\u2022\u2013]\s+")


def item_text(value: str) -> Markup:
    """The item's wording; lines starting "- " (sub-points as extracted) become a list."""
    parts = SUB_POINT.split(value)
    if len(parts) == 1:
        return Markup('<div class="item-text">{}</div>').format(value)
    items = Markup("").join(Markup("<li>{}</li>").format(p.strip()) for p in parts[1:])
    return Markup('<div class="item-text">{}<ul>{}</ul></div>').format(parts[0], items)


def addressees(value: str) -> str | None:
    """A JSON list of bodies -> "Home Office, chief constables"."""
    try:
        names = json.loads(value)
    except ValueError:
        return None
    if not isinstance(names, list):
        return None
    return ", ".join(str(n) for n in names) or "none found"


def days_left(value: int) -> Markup:
    """-3 -> "overdue by 3 days", 0 -> "due today", 12 -> "12 days left"."""
    if value < 0:
        n = -value
        return Markup('<span class="overdue">overdue by {} day{}</span>').format(n, "" if n == 1 else "s")
    if value == 0:
        return Markup('<span class="due-today">due today</span>')
    return Markup("{} day{} left").format(value, "" if value == 1 else "s")


def pdf_link(value: str) -> Markup:
    m = PAGE.search(value)
    label = f"PDF p.{m.group(1)}" if m else "PDF"
    return Markup('<a href="{}" class="pdf-link">{}</a>').format(value, label)


def render(value, column: str, table: str | None, database: str | None, datasette) -> Markup | str | None:
    """The cell's HTML, or None to let Datasette render it."""
    if value is None or value == "":
        return None
    if column == "pdf_link" and isinstance(value, str):
        return pdf_link(value)
    if table in ("triage", "findings") and column == "text" and isinstance(value, str):
        return item_text(value)
    if table in ("triage", "findings") and column == "addressees" and isinstance(value, str):
        return addressees(value)
    if table == "triage" and column == "days_left" and isinstance(value, int):
        return days_left(value)
    if database and isinstance(value, int) and (
            (table == "triage" and column == "id") or (table is None and column == "finding")):
        href = datasette.urls.row(database, "findings", value)
        return Markup('<a href="{}">{}</a> <a class="decide-link" href="{}#decide">decide</a>').format(
            href, value, href)
    return None

