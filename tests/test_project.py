"""Docs kept honest and the rooms kept apart."""

import ast
from functools import cache
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


ROOMS = {"ingest": "ingest", "extractors": "extractors", "db": "db", "exports": "exports", "corpus": "corpus"}
CLI_MODULES = ("hmicfrs.cli", "hmicfrs.commands")


@cache
def library_files() -> dict[str, Path]:
    """Installed module name -> file, for every library module (the rooms and the hmicfrs package)."""
    out = {}
    for folder, package in [("hmicfrs", "hmicfrs"), *((f, f"hmicfrs.{f}") for f in ROOMS)]:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = [package, *path.relative_to(ROOT / folder).with_suffix("").parts]
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


@cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text())


@cache
def imports_in(module: str, path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to installed names (anywhere in the file,
    inside functions too)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    names = set()
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            names |= {f"{target}.{a.name}" for a in node.names}  # "from . import x" imports module x
    return names


def room_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] in ROOMS:  # the folder's own name, as bench/ and tests/ may write it
        return parts[0]
    return parts[1] if parts[0] == "hmicfrs" and len(parts) > 1 and parts[1] in ROOMS else None


def room_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {room: set() for room in ROOMS}
    for module, path in library_files().items():
        source = room_of(module)
        if source:
            graph[source] |= {r for r in map(room_of, imports_in(module, path)) if r and r != source}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    def visit(node: str, trail: list[str]) -> list[str] | None:
        if node in trail:
            return trail[trail.index(node):] + [node]
        for nxt in sorted(graph[node]):
            found = visit(nxt, trail + [node])
            if found:
                return found
        return None

    return next(filter(None, (visit(n, []) for n in graph)), None)


def test_no_import_cycle_between_rooms_relative_imports_included():
    assert find_cycle(room_graph()) is None, f"import cycle: {' -> '.join(find_cycle(room_graph()))}"


def test_the_cycle_finder_sees_a_cycle():  # a checker that cannot fail checks nothing
    assert find_cycle({"ingest": {"extractors"}, "extractors": {"db"}, "db": {"ingest"}}) == \
        ["ingest", "extractors", "db", "ingest"]
    assert room_of("hmicfrs.ingest.pdf") == "ingest" and room_of("hmicfrs.model") is None
    assert "hmicfrs.model" in imports_in("hmicfrs.ingest.pdf", ROOT / "ingest" / "pdf.py")


def test_library_never_imports_the_cli_nor_click():
    for module, path in library_files().items():
        if module.startswith(CLI_MODULES):
            continue
        imported = imports_in(module, path)
        assert not any(name.startswith(CLI_MODULES) for name in imported), f"{path} imports the CLI"
        assert not any(name.split(".")[0] == "click" for name in imported), f"{path} imports click"


SHARED_LEAVES = ("hmicfrs.model", "hmicfrs.text")  # what every room may import from the hmicfrs package


def test_rooms_use_only_the_shared_leaves_from_above():
    """The rooms import the records and text modules, never the orchestration that sits above them."""
    for module, path in library_files().items():
        if room_of(module):
            above = {n for n in imports_in(module, path) if n.startswith("hmicfrs.") and room_of(n) is None}
            above.discard("hmicfrs")  # "from .. import model"
            assert all(n.startswith(SHARED_LEAVES) for n in above), f"{path} imports {above}"


def test_no_sql_in_the_cli():
    for path in [ROOT / "hmicfrs" / "cli.py", *sorted((ROOT / "hmicfrs" / "commands").glob("*.py"))]:
        text = path.read_text().lower()
        for word in ("select ", "insert ", "delete from", "update ", "pragma", "db.query", "db.execute", 'db["'):
            assert word not in text, f"{path.relative_to(ROOT)} holds SQL ({word.strip()!r})"


def test_no_function_over_80_lines():
    for _module, path in library_files().items():
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                assert length <= 80, f"{path.relative_to(ROOT)}:{node.lineno} {node.name} is {length} lines"


def imports_of(folder: str) -> set[str]:
    """Top-level names of the packages a folder imports (absolute imports: third-party packages)."""
    return {n.split(".")[0] for m, p in library_files().items() if room_of(m) == folder for n in imports_in(m, p)}


def test_layering():
    assert not imports_of("extractors") & {"pdfplumber", "pypdfium2", "sqlite_utils", "sqlite3"}
    assert not imports_of("db") & {"spacy", "pypdfium2", "pdfplumber"}
    assert not imports_of("ingest") & {"sqlite_utils", "click"}


def test_demo_builds_a_database_with_reports_a_tracker_and_links(tmp_path):
    import sqlite_utils

    db_path = tmp_path / "demo.db"  # the default name, in the test's own folder
    result = CliRunner().invoke(cli.main, ["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    # the broken download's error line says it is expected; the other commands are told to use demo.db
    assert "(expected: the demo includes a broken download" in result.output
    assert "--db demo.db" in result.output
    after = CliRunner().invoke(cli.main, ["triage"])
    assert after.exit_code == 1 and after.output.count("\n") == 1 and "pass --db demo.db" in after.output
    db = sqlite_utils.Database(db_path)
    assert db["reports"].count == 4 and db["ingest_errors"].count == 1  # the broken download, on purpose
    states = [r["state"] for r in db.query("select state from record_links order by reference")]
    assert states == ["matched", "matched", "matched", "orphan"]


def test_the_readme_library_example_runs(tmp_path, sample_pdfs, monkeypatch):
    import re
    import shutil

    readme = (ROOT / "README.md").read_text()
    code = re.search(r"### As a library.*?```python\n(.*?)```", readme, re.S).group(1)
    assert len(code.strip().splitlines()) == 3
    (tmp_path / "reports").mkdir()
    shutil.copy(sample_pdfs["fraud-2024-sample"], tmp_path / "reports" / "fraud-inspection.pdf")
    monkeypatch.chdir(tmp_path)
    printed = []
    exec(code, {"print": printed.append})  # noqa: S102 - the README's own example
    assert len(printed) == 1 and len(printed[0]) == 4  # 3 yes and 1 conditional for West Midlands Police
    assert any("Niche" in text for text in printed[0])
