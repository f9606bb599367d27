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
