"""Every file's outcome is its own, whatever came before it: the true reason for a refusal, text read
from any page that has it, one error row per failed file, readable titles, what a non-report is, and
the same file under two names."""

import shutil

import pytest
import sqlite_utils
from click.testing import CliRunner
from pdf_bytes import empty_page_tree, looping_page_tree, text_page
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from hmicfrs import cli
from hmicfrs.extractors.report_meta import MAX_TITLE, file_title, readable_title
from hmicfrs.ingest import pdf as pdf_reader
from hmicfrs.ingest.layout import build_page
from hmicfrs.ingest.pdf import RawPage


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


def said(result, name: str) -> list[str]:
    return [ln for ln in result.output.splitlines() if name in ln]


@pytest.fixture
def awkward(tmp_path):
    """An encrypted file, then files PDFium refuses without an error of its own, then a damaged one."""
    folder = tmp_path / "in"
    folder.mkdir()
    locked = canvas.Canvas(str(folder / "a-locked.pdf"), pagesize=A4, encrypt="secret")
    locked.drawString(100, 700, "Recommendation 1")
    locked.save()
    (folder / "b-no-pages.pdf").write_bytes(empty_page_tree())
    (folder / "c-loop.pdf").write_bytes(looping_page_tree())
    good = text_page("Hello, world!")
    (folder / "d-truncated.pdf").write_bytes(good[: len(good) // 2])
    (folder / "e-hello.pdf").write_bytes(good)
    return folder


REASONS = {"a-locked.pdf": "password-protected", "b-no-pages.pdf": "has no pages",
           "c-loop.pdf": "page 1 cannot be read", "d-truncated.pdf": "damaged"}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_each_reason_comes_from_its_own_file(tmp_path, awkward, workers):
    result = run("ingest", awkward, "--db", tmp_path / "t.db", "--workers", workers)
    assert "1 ingested, 0 skipped (unchanged), 4 failed" in result.output
    for name, reason in REASONS.items():
        (line,) = [ln for ln in said(result, name) if ln.startswith("error: ")]
        assert reason in line
        assert ("password" in line) == (name == "a-locked.pdf")
    for name, reason in REASONS.items():  # alone, each file gets the same reason
        alone = run("ingest", awkward / name, "--db", tmp_path / f"{name}.db")
        assert reason in said(alone, name)[0]


def test_rerun_keeps_one_row_per_failed_file_and_a_fixed_file_clears_it(tmp_path, awkward):
    db_path = tmp_path / "t.db"
    run("ingest", awkward, "--db", db_path)
    run("ingest", awkward, "--db", db_path)
    db = sqlite_utils.Database(db_path)
    rows = list(db["ingest_errors"].rows)
    assert len(rows) == 4 and {r["tries"] for r in rows} == {2}
    assert all(r["first_at"] <= r["at"] for r in rows)
    (awkward / "d-truncated.pdf").write_bytes(text_page("Fixed at last"))  # downloaded again, whole
    result = run("ingest", awkward, "--db", db_path)
    assert "1 ingested" in result.output
    assert {r["source"].rsplit("/", 1)[-1] for r in db["ingest_errors"].rows} == set(REASONS) - {"d-truncated.pdf"}


def test_a_page_with_characters_but_no_runs_is_text_not_a_scan(tmp_path, monkeypatch):
    # Vertical Japanese: PDFium counts its characters but forms no text rects from them.
    path = tmp_path / "vertical.pdf"
    path.write_bytes(text_page("Tate-gaki text"))
    monkeypatch.setattr(pdf_reader, "_read_runs", lambda *a: [])
    db_path = tmp_path / "t.db"
    result = run("ingest", path, "--db", db_path, "--workers", "1")
    assert result.exit_code == 0, result.output
    (text,) = sqlite_utils.Database(db_path).execute("select text from pages").fetchone()
    assert "Tate-gaki text" in text
    page = build_page(RawPage(1, 612, 792, [], [], 0, 5, "\u307f\u3093\u306a\r\n\u98a8\u666f"))
    assert page.text == "\u307f\u3093\u306a\n\u98a8\u666f"


def test_a_page_with_no_characters_is_still_a_scan(tmp_path):
    path = tmp_path / "scan.pdf"
    scan = canvas.Canvas(str(path), pagesize=A4)
    scan.rect(50, 50, 400, 600, fill=1)
    scan.save()
    assert "no extractable text" in run("ingest", path, "--db", tmp_path / "t.db").output


def _big_type(path, lines: list[str], title: str | None = None) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    if title:
        c.setTitle(title)
    c.setFont("Helvetica", 30)
    for i, line in enumerate(lines):
        c.drawString(20, 800 - 32 * i, line)
    c.setFont("Helvetica", 10)
    c.drawString(20, 60, "Minutes of the allotment society.")
    c.save()


def test_an_absurd_title_line_gives_way_to_the_metadata_then_the_file_name(tmp_path):
    rows = ["Lorem ipsum dolor sit amet consectetur " * 1 for _ in range(12)]  # ~470 characters set large
    _big_type(tmp_path / "with-meta.pdf", rows, title="Allotment society minutes")
    _big_type(tmp_path / "without-meta.pdf", rows)
    _big_type(tmp_path / "short.pdf", ["Allotment news"])
    db_path = tmp_path / "t.db"
    run("ingest", tmp_path, "--db", db_path)
    titles = {r["source"]: r["title"] for r in sqlite_utils.Database(db_path)["reports"].rows}
    assert titles == {"with-meta.pdf": "Allotment society minutes", "without-meta.pdf": "without-meta.pdf",
                      "short.pdf": "Allotment news"}


@pytest.mark.parametrize("text, expected", [
    ("Policing\x07 and\tthe\r\npublic", "Policing and the public"),
    ("A" * MAX_TITLE, "A" * MAX_TITLE),
    ("A" * (MAX_TITLE + 1), None),
    ("\x01\x02\x03", None),
    ("(cid:12)(cid:13)", None),
    ("........ ........", None),
    ("Zero\u200bwidth\ufeff and private \ue000use", "Zerowidth and private use"),
    ("\u5b87\u5b99\u5875\u3092\u305f\u3079", "\u5b87\u5b99\u5875\u3092\u305f\u3079"),
    (None, None),
])
def test_readable_title(text, expected):
    assert readable_title(text) == expected


def test_a_file_name_as_title_is_one_printable_line():
    assert file_title("board\npaper\x07.pdf") == "board paper .pdf"
    assert file_title("....pdf") == "....pdf"


def test_what_a_non_report_is_called(tmp_path, sample_pdfs):
    (tmp_path / "hello.pdf").write_bytes(text_page("Hello, world!"))
    shutil.copy(sample_pdfs["committee-paper-sample"], tmp_path / "paper.pdf")
    result = run("ingest", tmp_path, "--db", tmp_path / "t.db")
    assert "a document with no sign of HMICFRS at all" in said(result, "hello.pdf")[0]
    assert "a paper that quotes HMICFRS" in said(result, "paper.pdf")[0]


def test_the_same_file_under_two_names_names_the_stored_one(tmp_path, sample_pdfs):
    first, second = tmp_path / "a-report.pdf", tmp_path / "b-copy.pdf"
    shutil.copy(sample_pdfs["kent-peel-sample"], first)
    shutil.copy(sample_pdfs["kent-peel-sample"], second)
    db_path = tmp_path / "t.db"
    result = run("ingest", first, second, "--db", db_path)
    assert result.exit_code == 0
    (line,) = said(result, "b-copy.pdf")
    assert line == f"note: {second}: the same file as {first.resolve()}, already stored; skipped"
    again = run("ingest", first, "--db", db_path)
    assert "0 ingested, 1 skipped (unchanged)" in again.output and "same file" not in again.output
