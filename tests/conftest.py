import os
import shutil
from pathlib import Path

import pytest

from hmicfrs import api
from hmicfrs.db.schema import checkpoint
from hmicfrs.pipeline import read_document
from hmicfrs.samples import build_pdf, demo_samples

ROOT = Path(__file__).resolve().parent.parent
NOT_OURS = {".venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", ".git"}


def repository_files() -> set[str]:
    out = set()
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in NOT_OURS and not d.endswith(".egg-info")]
        out |= {os.path.relpath(os.path.join(folder, f), ROOT) for f in files}
    return out


@pytest.fixture(scope="session", autouse=True)
def _nothing_written_into_the_repository():
    """The suite fails if any test leaves a file in the repository (databases, exports, samples)."""
    before = repository_files()
    yield
    added = repository_files() - before
    assert not added, f"tests wrote into the repository: {sorted(added)[:10]}"


@pytest.fixture(autouse=True)
def _run_in_a_temporary_folder(tmp_path, monkeypatch):
    """Every test runs in its own empty folder: no ./hmicfrs.toml or ./hmicfrs.db of the developer's can
    change a result, and nothing a test writes by default lands in the repository."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory) -> dict[str, Path]:
    """The demo corpus drawn once per test session: name -> PDF path."""
    folder = tmp_path_factory.mktemp("samples")
    return {name: build_pdf(sample, folder / f"{name}.pdf") for name, sample in demo_samples().items()}


@pytest.fixture(scope="session")
def extracted(sample_pdfs):
    """name -> Document, each sample read once."""
    return {name: read_document(path) for name, path in sample_pdfs.items()}


def build_corpus_db(folder: Path, pdfs: dict[str, Path], extra=None) -> Path:
    """Copy the PDFs into folder (and let `extra` draw more there), ingest it with the library, fold the
    WAL in: a database file a test can copy."""
    folder.mkdir()
    for name, path in pdfs.items():
        shutil.copy(path, folder / f"{name}.pdf")
    if extra:
        extra(folder)
    db_path = folder.parent / "t.db"
    db = api.open_database(db_path)
    results = api.ingest(db, [folder])
    assert all(r.status == api.INGESTED for r in results), results
    db.close()
    checkpoint(db_path)
    return db_path


def copy_corpus_db(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A test's own copy of a database built once per session, and of its PDF folder."""
    shutil.copytree(template.parent / "pdfs", tmp_path / "pdfs")
    shutil.copy(template, tmp_path / "t.db")
    return tmp_path / "t.db", tmp_path / "pdfs"


@pytest.fixture
def memory_db():
    """An in-memory database in shape, for library tests."""
    db = api.open_database(":memory:")
    yield db
    db.close()
