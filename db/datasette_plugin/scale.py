"""Datasette at a million findings: connection pragmas, and no exact count for a search matching most rows.

A writable database gets no cached table counts, so every table page counts its rows. That is cheap
for a whole table (SQLite counts index pages) but not for a full-text search that matches 200,000
findings: the count seeks every match in the findings table, several times slower than the page
itself. A search that matches more than SEARCH_COUNT_LIMIT rows is therefore served with Datasette's
`_nocount` (the page says nothing of the total); a narrower search keeps its exact count.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote

from datasette import hookimpl

MMAP_BYTES = 1 << 30  # read pages straight from the OS cache instead of copying them into SQLite's
CACHE_KIB = 64 * 1024  # per connection
SEARCH_COUNT_LIMIT = 10_000  # matches a search may have and still be counted exactly


@hookimpl
def prepare_connection(conn):
    """Pragmas for a large database: memory-mapped reads, a bigger page cache, temporary b-trees in memory."""
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA temp_store = MEMORY")


@hookimpl
def asgi_wrapper(datasette):
    """Add `_nocount=1` to a table page's `_search` when the search matches too many rows to count quickly."""

    def wrap(app):
        async def add_nocount(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method") == "GET":
                query = scope.get("query_string", b"")
                if (b"_search=" in query and b"_nocount" not in query
                        and await _too_many_matches(datasette, scope.get("path", ""), query.decode("latin-1"))):
                    scope = dict(scope, query_string=query + b"&_nocount=1")
            await app(scope, receive, send)

        return add_nocount

    return wrap


async def _too_many_matches(datasette, path: str, query: str) -> bool:
    """Whether /DATABASE/TABLE?_search=... matches more than SEARCH_COUNT_LIMIT rows of its full-text index."""
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if len(parts) != 2 or parts[0] not in datasette.databases:
        return False
    args = parse_qs(query)
    search = (args.get("_search") or [""])[0]
    if not search:
        return False
    db = datasette.get_database(parts[0])
    table = parts[1].removesuffix(".json").removesuffix(".csv")
    if not await db.table_exists(table):
        return False
    fts = datasette.table_metadata(parts[0], table).get("fts_table") or await db.fts_table(table)
    if not fts:
        return False
    raw = (args.get("_searchmode") or [datasette.table_metadata(parts[0], table).get("searchmode")])[0] == "raw"
    match = ":search" if raw else "escape_fts(:search)"
    sql = f'select count(*) from (select rowid from "{fts}" where "{fts}" match {match} limit {SEARCH_COUNT_LIMIT + 1})'
    try:
        result = await db.execute(sql, {"search": search})
    except Exception:  # noqa: BLE001 - a malformed search is Datasette's to report, with its own count
        return False
    return result.first()[0] > SEARCH_COUNT_LIMIT
