"""The finding's page: its report, lead-in, cause of concern, siblings, deadline, verdict, tracker
record, the finding it restates or the other edition's copy, the decision form and the decision history."""

from __future__ import annotations

import json


def _dicts(results) -> list[dict]:
    return [dict(row) for row in results.rows]


async def finding_context(datasette, database: str, request) -> dict:
    """Template variables for /DB/findings/ID (empty when the row is not there)."""
    pks = request.url_vars.get("pks", "")
    if not pks.isdigit():
        return {}
    db = datasette.get_database(database)
    rows = _dicts(await db.execute(
        "select f.*, r.title as report_title, r.published, r.source, r.edition from findings f "
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
        "select o.id, o.kind, o.ref, o.text, r.title as report_title, r.published, r.source, r.edition, l.method "
        "from finding_links l join findings o on o.id = l.original_id join reports r on r.id = o.report_id "
        "where l.finding_id = ?", [finding["id"]]))
    copies = _dicts(await db.execute(
        "select c.id, r.source, r.edition from finding_links l join findings c on c.id = l.finding_id "
        "join reports r on r.id = c.report_id where l.original_id = ? and l.method = 'edition'",
        [finding["id"]]))
    # history of every edition's copy: by report file and key, which outlive re-ingest (ids do not)
    editions = [(finding["source"], finding["key"])] + [(c["source"], c["key"]) for c in _dicts(await db.execute(
        "select r.source, f.key from finding_links l join findings f on f.id in (l.finding_id, l.original_id) "
        "join reports r on r.id = f.report_id where l.method = 'edition' and "
        "(l.finding_id = ? or l.original_id = ? or l.original_id = "
        "(select original_id from finding_links where finding_id = ? and method = 'edition'))",
        [finding["id"]] * 3))]
    where = " or ".join("(source = ? and finding_key = ?)" for _ in editions)
    history = _dicts(await db.execute(
        f"select * from decision_history where {where} order by id desc limit 100",
        [v for pair in editions for v in pair]))
    can_decide = await datasette.permission_allowed(request.actor, "view-query", (database, "decide"),
                                                    default=False)
    return {"hmicfrs_finding": {"finding": finding, "parent": parent, "siblings": siblings,
                                "record": record[0] if record else None,
                                "original": original[0] if original else None, "copies": copies,
                                "history": history, "can_decide": can_decide,
                                "decide_url": datasette.urls.database(database) + "/decide"}}

