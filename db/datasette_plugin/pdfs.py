"""Datasette plugin: /pdfs/NAME serves an ingested PDF, and only an ingested one.

A finding's pdf_link is /pdfs/ plus the file's name, percent-encoded; the name is decoded here and
looked up among the reports' stored paths (so spaces, accents and "%" in names work, and no other file
of the folder is reachable). A file that has moved since it was ingested is looked for in the folder
`hmicfrs serve --pdfs DIR` names (plugin setting `hmicfrs-pdfs: {folder: DIR}`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_send_file

PLUGIN = "hmicfrs-pdfs"


@hookimpl
def register_routes():
    return [(r"^/pdfs/(?P<name>[^/]+)$", serve_pdf)]


async def ingested_file(datasette, name: str) -> Path | None:
    """The file behind an ingested PDF's name, or None when no report was ingested under that name."""
    db = datasette.get_database()
    if "reports" not in await db.table_names():
        return None
    rows = await db.execute("select path, source from reports where path is not null")
    paths = [Path(r["path"]) for r in rows.rows if Path(r["path"]).name == name]
    for path in paths:
        if path.is_file():
            return path
    folder = (datasette.plugin_config(PLUGIN) or {}).get("folder")
    if paths and folder and (Path(folder) / name).is_file():
        return Path(folder) / name
    return None


async def serve_pdf(datasette, request, send):
    name = unquote(request.url_vars["name"])
    path = await ingested_file(datasette, name)
    if path is None:
        return Response.text(f"{name}: not an ingested PDF (or it has moved; pass hmicfrs serve --pdfs DIR)",
                             status=404)
    await asgi_send_file(send, path, content_type="application/pdf")
    return None
