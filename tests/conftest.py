from pathlib import Path

import pytest

from hmicfrs.pipeline import read_document
from hmicfrs.samples import build_pdf, demo_samples


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory) -> dict[str, Path]:
    """The demo corpus drawn once per test session: name -> PDF path."""
    folder = tmp_path_factory.mktemp("samples")
    return {name: build_pdf(sample, folder / f"{name}.pdf") for name, sample in demo_samples().items()}


@pytest.fixture(scope="session")
def extracted(sample_pdfs):
    """name -> Document, each sample read once."""
    return {name: read_document(path) for name, path in sample_pdfs.items()}
