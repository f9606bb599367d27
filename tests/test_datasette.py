"""A real Datasette instance over an ingested database, with the bundled metadata."""

import asyncio

from click.testing import CliRunner
from datasette.app import Datasette

from hmicfrs import cli
from hmicfrs.db.serve import datasette_args, metadata_for


def test_datasette_serves_search_facets_and_metadata(tmp_path, sample_pdfs):
    db_path = tmp_path / "findings.db"
    for pdf in sample_pdfs.values():
        CliRunner().invoke(cli.main, ["ingest", str(pdf), "--db", str(db_path)])
    ds = Datasette([str(db_path)], immutables=[], metadata=metadata_for(db_path),
                   settings={"suggest_facets": False})

    async def fetch():
        search = await ds.client.get("/findings/findings.json?_search=Niche&_shape=array")
        facets = await ds.client.get("/findings/findings.json?_facet=verdict")
        page = await ds.client.get("/findings/findings")
        return search, facets, page

    search, facets, page = asyncio.run(fetch())
    assert [row["ref"] for row in search.json()] == ["4"]
    verdicts = {f["value"]: f["count"] for f in facets.json()["facet_results"]["verdict"]["results"]}
    assert verdicts["yes"] >= 3 and verdicts["no"] >= 3
    assert "Every recommendation, area for improvement" in page.text


def test_serve_defaults_are_local_and_read_only(tmp_path):
    args = datasette_args(tmp_path / "x.db", "127.0.0.1", 8001, None)
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert "-i" in args and args[args.index("suggest_facets"):][:2] == ["suggest_facets", "off"]


def test_triage_view_facets_on_verdict_month_and_addressee(tmp_path, sample_pdfs):
    db_path = tmp_path / "findings.db"
    for pdf in sample_pdfs.values():
        CliRunner().invoke(cli.main, ["ingest", str(pdf), "--db", str(db_path)])
    ds = Datasette([str(db_path)], immutables=[], metadata=metadata_for(db_path),
                   settings={"suggest_facets": False})

    async def fetch():
        return await ds.client.get("/findings/triage.json?_shape=objects")

    data = asyncio.run(fetch()).json()
    facets = data["facet_results"]
    assert set(facets) >= {"verdict", "kind", "due_month", "report", "addressees"}
    addressees = {f["value"] for f in facets["addressees"]["results"]}
    assert {"Home Office", "chief constables"} <= addressees
    assert {"days_left", "days_overdue"} <= set(data["rows"][0])
