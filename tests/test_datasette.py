"""A real Datasette instance over an ingested database, with the bundled metadata."""

import asyncio

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from hmicfrs import cli
from hmicfrs.db.serve import datasette_args, metadata_for


@pytest.fixture(scope="module")
def datasette(tmp_path_factory, sample_pdfs):
    db_path = tmp_path_factory.mktemp("ds") / "findings.db"
    for pdf in sample_pdfs.values():
        CliRunner().invoke(cli.main, ["ingest", str(pdf), "--db", str(db_path)])
    ds = Datasette([str(db_path)], immutables=[], metadata=metadata_for(db_path), settings={"suggest_facets": False})

    def get(*paths):
        async def fetch():
            return [await ds.client.get(p) for p in paths]

        return asyncio.run(fetch())

    return get


def test_datasette_serves_search_facets_and_metadata(datasette):
    search, facets, page = datasette("/findings/findings.json?_search=Niche&_shape=array",
                                     "/findings/findings.json?_facet=verdict", "/findings/findings")
    assert [row["ref"] for row in search.json()] == ["4"]
    verdicts = {f["value"]: f["count"] for f in facets.json()["facet_results"]["verdict"]["results"]}
    assert verdicts["yes"] >= 3 and verdicts["no"] >= 3
    assert "Every recommendation, area for improvement" in page.text


def test_serve_defaults_are_local_and_writable_for_decisions(tmp_path):
    args = datasette_args(tmp_path / "x.db", "127.0.0.1", 8001, None)
    assert args[args.index("--host") + 1] == "127.0.0.1"
    # mutable, not -i: the decide query writes, and a report ingested meanwhile shows at once
    assert "-i" not in args and args[args.index("suggest_facets"):][:2] == ["suggest_facets", "off"]


def test_triage_view_facets_on_verdict_month_and_addressee(datasette):
    (response,) = datasette("/findings/triage.json?_shape=objects")
    data = response.json()
    facets = data["facet_results"]
    assert set(facets) >= {"verdict", "kind", "published_month", "report", "match_state", "due_month", "addressees"}
    addressees = {f["value"] for f in facets["addressees"]["results"]}
    assert {"Home Office", "chief constables"} <= addressees
    assert {"days_left", "days_overdue"} <= set(data["rows"][0])
