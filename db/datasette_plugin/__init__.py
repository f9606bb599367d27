"""Datasette plugin: PDF page links in table cells, and a finding's page that shows its context
(report, lead-in, cause of concern, siblings, deadline, verdict, tracker record, the finding it restates).

Registered through the `datasette` entry point, so any Datasette in this environment loads it.
"""

from __future__ import annotations

import json
import re

from datasette import hookimpl
from datasette.plugins import pm
from markupsafe import Markup, escape

from . import scale

if not pm.is_registered(scale):  # the scale hooks (pragmas, counts) as a plugin of their own
    pm.register(scale, name="hmicfrs-scale")

PAGE = re.compile(r"#page=(\d+)$")


def _dicts(results) -> list[dict]:
    return [dict(row) for row in results.rows]


@hookimpl
def render_cell(value, column, table):
    """A pdf_link cell becomes a link that opens the PDF at the finding's page."""
    if column == "pdf_link" and isinstance(value, str) and value:
        m = PAGE.search(value)
        label = f"PDF p.{m.group(1)}" if m else "PDF"
        return Markup(f'<a href="{escape(value)}" class="pdf-link">{label}</a>')
    return None


@hookimpl
def extra_template_vars(view_name, table, database, request, datasette):
    if view_name != "row" or table != "findings" or request is None:
        return {}

    async def finding_context():
        pks = request.url_vars.get("pks", "")
        if not pks.isdigit():
            return {}
        db = datasette.get_database(database)
        rows = _dicts(await db.execute(
            "select f.*, r.title as report_title, r.published, r.source from findings f "
            "join reports r on r.id = f.report_id where f.id = ?", [int(pks)]))
        if not rows:
            return {}
        finding = rows[0]
        finding["addressee_list"] = ", ".join(json.loads(finding["addressees"] or "[]")) or "none found"
        parent = None
        if finding["parent_key"]:
            found = _dicts(await db.execute("select id, text from findings where report_id = ? and key = ?",
                                      [finding["report_id"], finding["parent_key"]]))
            parent = found[0] if found else None
        siblings = _dicts(await db.execute(
            "select id, kind, ref, text, pdf_link from findings where report_id = ? and id != ? and "
            "((parent_key is not null and parent_key = ?) or (lead_in is not null and lead_in = ?) or kind = ?) "
            "order by first_page, id limit 50",
            [finding["report_id"], finding["id"], finding["parent_key"], finding["lead_in"], finding["kind"]]))
        record = _dicts(await db.execute(
            "select l.reference, l.state, l.score, c.status, c.state as record_state, c.owner, c.due "
            "from record_links l left join current_records c on c.reference = l.reference "
            "where l.finding_id = ?", [finding["id"]]))
        original = _dicts(await db.execute(
            "select o.id, o.kind, o.ref, o.text, r.title as report_title, r.published, l.method "
            "from finding_links l join findings o on o.id = l.original_id join reports r on r.id = o.report_id "
            "where l.finding_id = ?", [finding["id"]]))
        return {"hmicfrs_finding": {"finding": finding, "parent": parent, "siblings": siblings,
                                    "record": record[0] if record else None,
                                    "original": original[0] if original else None}}

    return finding_context
