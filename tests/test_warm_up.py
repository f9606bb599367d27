"""spaCy loads once per process, beside the page reading, and only when a report is read."""

import subprocess
import sys

import pytest

BUILD_ONCE_ON_THE_WARM_UP_THREAD = """
import sys, threading
from pathlib import Path
from hmicfrs.extractors import addressees
from hmicfrs.pipeline import read_document
builds = []
real = addressees._build_vocabulary
def counted():
    builds.append(threading.current_thread().name)
    return real()
addressees._build_vocabulary = counted
for _ in range(2):
    doc = read_document(Path(sys.argv[1]))
assert doc.findings, "no findings"
print(builds)
"""

INGEST_THEN_TELL = """
import sys
from hmicfrs.cli import main
main(["ingest", sys.argv[1], "--db", sys.argv[2]], standalone_mode=False)
print("spacy" in sys.modules)
"""


@pytest.mark.slow
def test_vocabulary_is_built_once_on_the_warm_up_thread(sample_pdfs):
    out = subprocess.run([sys.executable, "-c", BUILD_ONCE_ON_THE_WARM_UP_THREAD,
                          str(sample_pdfs["kent-peel-sample"])], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['extractors-warm-up']"


@pytest.mark.slow
def test_unchanged_file_does_not_load_spacy(sample_pdfs, tmp_path):
    args = [sys.executable, "-c", INGEST_THEN_TELL, str(sample_pdfs["kent-peel-sample"]), str(tmp_path / "x.db")]
    first = subprocess.run(args, capture_output=True, text=True, check=True)
    again = subprocess.run(args, capture_output=True, text=True, check=True)
    assert first.stdout.split()[-1] == "True"  # a report was read: spaCy loaded
    assert again.stdout.split()[-1] == "False"  # skipped as unchanged: spaCy never imported
