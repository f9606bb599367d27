"""The scale hooks: connection pragmas, and no exact count for a search matching too many rows.

A real Datasette over a writable database with a findings table and its full-text index; the count
limit is lowered so that a few hundred rows stand for a million.
"""

import asyncio
import sqlite3

import pytest
import sqlite_utils
from datasette.app import Datasette

from hmicfrs.db.datasette_plugin import scale
from hmicfrs.db.schema import ensure_shape


@pytest.fixture
def served(tmp_path, monkeypatch):
    path = tmp_path / "scale.db"
    db = sqlite_utils.Database(path)
    ensure_shape(db)
    db["reports"].insert({"id": 1, "source": "r.pdf", "sha256": "0" * 64, "title": "R"})
    db["findings"].insert_all({"id": i + 1, "report_id": 1, "key": f"k{i}", "kind": "recommendation",
                               "text": f"forces should review custody records {'niche' if i == 7 else ''}",
                               "verdict": "yes"} for i in range(300))
    db.conn.close()
    monkeypatch.setattr(scale, "SEARCH_COUNT_LIMIT", 50)
    ds = Datasette([str(path)], settings={"suggest_facets": False})  # writable: no -i

    def get(path):
        async def fetch():
            return await ds.client.get(path)

        return asyncio.run(fetch())

    return get


def test_broad_search_is_served_without_a_count_and_narrow_one_with(served):
    broad = served("/scale/findings.json?_search=custody")
    assert broad.status_code == 200
    assert broad.json()["filtered_table_rows_count"] is None
    assert len(broad.json()["rows"]) == 100  # the page itself is whole
    narrow = served("/scale/findings.json?_search=niche")
    assert narrow.json()["filtered_table_rows_count"] == 1
    plain = served("/scale/findings.json?kind=recommendation")
    assert plain.json()["filtered_table_rows_count"] == 300  # counts stay where no search is made


def test_broad_search_html_page_still_renders(served):
    page = served("/scale/findings?_search=forces+review")
    assert page.status_code == 200
    assert "forces should review custody records" in page.text


def test_a_malformed_search_is_left_to_datasette(served):
    response = served('/scale/findings.json?_search="unclosed&_searchmode=raw')
    assert response.status_code in (200, 400)  # Datasette's own answer, not a crash in the hook


def test_connection_pragmas(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    scale.prepare_connection(conn)
    assert conn.execute("pragma mmap_size").fetchone()[0] == scale.MMAP_BYTES
    assert conn.execute("pragma cache_size").fetchone()[0] == -scale.CACHE_KIB
    assert conn.execute("pragma temp_store").fetchone()[0] == 2
    conn.close()
