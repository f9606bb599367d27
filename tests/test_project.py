"""Docs kept honest and the rooms kept apart."""

import ast
from pathlib import Path

from click.testing import CliRunner

from hmicfrs import cli

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name in cli.main.commands:
        result = CliRunner().invoke(cli.main, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
        assert f"hmicfrs {name}" in readme, f"README does not mention 'hmicfrs {name}'"


def imports_of(folder: str) -> set[str]:
    names = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_layering():
    assert not imports_of("extractors") & {"pdfplumber", "pypdfium2", "sqlite_utils", "sqlite3"}
    assert not imports_of("db") & {"spacy", "pypdfium2", "pdfplumber"}
    assert not imports_of("ingest") & {"sqlite_utils", "click"}


def test_demo_builds_a_database_with_reports_a_tracker_and_links(tmp_path):
    import sqlite_utils

    db_path = tmp_path / "demo.db"
    result = CliRunner().invoke(cli.main, ["demo", "--no-serve", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 4 and db["ingest_errors"].count == 1  # the broken download, on purpose
    states = [r["state"] for r in db.query("select state from record_links order by reference")]
    assert states == ["matched", "matched", "matched", "orphan"]
