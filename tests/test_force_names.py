"""--force names resolved from the forces vocabulary; unknown names refused unless a profile defines them."""

import csv

import pytest
from click.testing import CliRunner
from conftest import build_corpus_db, copy_corpus_db

from hmicfrs import cli
from hmicfrs.config import UnknownForce, load_profile


@pytest.mark.parametrize(("given", "canonical"), [
    ("Kent", "Kent Police"), ("kent police", "Kent Police"), ("WMP", "West Midlands Police"),
    ("west mids police", "West Midlands Police"), ("Avon & Somerset", "Avon and Somerset Police"),
    (None, "West Midlands Police"),
])
def test_names_and_aliases_resolve_case_insensitively(given, canonical):
    assert load_profile(given).name == canonical


def test_an_unknown_force_is_refused_with_the_closest_names():
    with pytest.raises(UnknownForce, match="did you mean 'Kent Police'"):
        load_profile("Kentt")
    with pytest.raises(UnknownForce, match="not a police force we know"):
        load_profile("Made Up Police")


def test_a_profile_file_may_define_a_force_the_vocabulary_lacks(tmp_path):
    profile = tmp_path / "p.toml"
    profile.write_text('[force]\nname = "Made Up Police"\naliases = ["MUP"]\n[force.facts]\ncountry = "Wales"\n')
    loaded = load_profile("made up police", profile)
    assert (loaded.name, loaded.aliases, loaded.facts) == ("Made Up Police", ["MUP"], {"country": "Wales"})
    assert load_profile("Kent", profile).name == "Kent Police" and load_profile("Kent", profile).facts == {}


@pytest.fixture(scope="session")
def kent_template(tmp_path_factory, sample_pdfs):
    return build_corpus_db(tmp_path_factory.mktemp("kent") / "pdfs", {"kent": sample_pdfs["kent-peel-sample"]})


def test_force_kent_on_kents_own_report_makes_its_items_apply(kent_template, tmp_path):
    db_path, _ = copy_corpus_db(kent_template, tmp_path)
    out = tmp_path / "kent.csv"
    result = CliRunner().invoke(cli.main, ["triage", "--db", str(db_path), "--force", "Kent", "--csv", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["Applies"] for r in rows} == {"yes"}
    assert all("Kent Police's own report" in r["Reason"] for r in rows)


def test_cli_refuses_an_unknown_force_in_one_line(kent_template, tmp_path):
    db_path, _ = copy_corpus_db(kent_template, tmp_path)
    result = CliRunner().invoke(cli.main, ["triage", "--db", str(db_path), "--force", "Made Up Police"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "'Made Up Police' is not a police force" in result.output
