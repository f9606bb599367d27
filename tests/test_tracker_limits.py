"""Tracker imports in bounded memory: sheet bombs, zip bombs, XXE and billion laughs are refused (or
read within the caps) with one line; CSV text is decoded by its true encoding, never as mojibake."""

import json
import subprocess
import sys
import zipfile

import pytest
import sqlite_utils
from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.ingest.sheets import MAX_COLUMNS

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+'
    'xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
    'name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET = ('<?xml version="1.0"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<dimension ref="A1:XFD{rows}"/><sheetData>{data}</sheetData></worksheet>')


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def tracker_rows() -> str:
    rows = [cell("A1", "Reference") + cell("B1", "Text")]
    rows += [cell(f"A{n}", f"REF-{n}") + cell(f"B{n}", f"Forces should review procedure {n}.") for n in (2, 3)]
    return "".join(f'<row r="{i}">{r}</row>' for i, r in enumerate(rows, 1))


def write_xlsx(path, data: str, rows: int = 3, doctype: str = "", padding: str = "") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in PARTS.items():
            zf.writestr(name, text)
        zf.writestr("xl/worksheets/sheet1.xml", SHEET.format(doctype=doctype, rows=rows, data=data) + padding)


def padded_rows(start: int, stop: int, column: str = "XFD", text: str = "") -> str:
    """Rows that store a cell in the sheet's last column: empty text, as a padded export has."""
    return "".join(f'<row r="{n}">{cell(f"{column}{n}", text)}</row>' for n in range(start, stop))


def import_in_subprocess(path, tmp_path) -> dict:
    """Run `records import` in a fresh interpreter: its exit status, stderr and peak RSS in MB.

    The peak is the process's own high-water mark (VmHWM): getrusage's ru_maxrss survives exec, so in a
    child of the test process it would report the test process's size, not the import's."""
    code = (
        "import json, resource, sys\n"
        "from hmicfrs import cli\n"
        "try:\n"
        f"    cli.main(['records', 'import', {str(path)!r}, '--db', {str(tmp_path / 't.db')!r}], "
        "standalone_mode=False)\n"
        "    status = 0\n"
        "except Exception as exc:\n"
        "    status = type(exc).__name__ + ': ' + str(exc)\n"
        "hwm = [int(ln.split()[1]) for ln in open('/proc/self/status') if ln.startswith('VmHWM:')]\n"
        "peak = hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'status': status, 'rss_mb': peak / 1024}))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout.splitlines()[-1]) | {"stderr": run.stderr}


@pytest.mark.slow
def test_a_sheet_padded_to_16384_columns_and_200000_rows_reads_its_data_in_bounded_memory(tmp_path):
    path = tmp_path / "padded.xlsx"
    write_xlsx(path, tracker_rows() + padded_rows(4, 200_001), rows=200_000)
    out = import_in_subprocess(path, tmp_path)
    assert out["status"] == 0 and "2 records imported" in out["stderr"]
    assert out["rss_mb"] < 500


@pytest.mark.parametrize("extra, message", [
    pytest.param(padded_rows(5, 6, "XFD", "x"), "row 5 has data in column 16,384: over the 200-column limit",
                 marks=pytest.mark.slow),
    pytest.param(padded_rows(150_000, 150_001, "A", "x"), "data on row 150,000: over the 100,000-row limit",
                 marks=pytest.mark.slow),
])
def test_data_beyond_the_caps_is_refused_in_one_line(tmp_path, extra, message):
    path = tmp_path / "big.xlsx"
    write_xlsx(path, tracker_rows() + extra, rows=200_000)
    out = import_in_subprocess(path, tmp_path)
    assert message in out["status"] and out["rss_mb"] < 500


@pytest.mark.slow  # seconds of waiting or unpacking on purpose
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, tracker_rows(), padding=" " * (40 << 20))  # 40 MB of spaces pack into ~40 KB
    assert path.stat().st_size < 1 << 20
    out = import_in_subprocess(path, tmp_path)
    assert "a zip bomb?" in out["status"] and out["rss_mb"] < 500


@pytest.mark.parametrize("doctype, entity", [
    ('<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
    ('<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
     '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
     '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>', "&h;"),
], ids=["xxe", "billion-laughs"])
def test_hostile_xml_is_refused_in_one_line(tmp_path, doctype, entity):
    path = tmp_path / "hostile.xlsx"
    write_xlsx(path, tracker_rows().replace("Forces should review procedure 2.", entity), doctype=doctype)
    result = CliRunner().invoke(cli.main, ["records", "import", str(path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # not a traceback
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and "hostile.xlsx" in line and "cannot be read safely" in line
    assert "root:" not in line  # /etc/passwd was not read


CSV_HEAD = "Reference,Text\r\n"


def csv_import(tmp_path, raw: bytes):
    path = tmp_path / "tracker.csv"
    path.write_bytes(raw)
    db_path = tmp_path / "t.db"
    result = CliRunner().invoke(cli.main, ["records", "import", str(path), "--db", str(db_path)])
    texts = [r["text"] for r in sqlite_utils.Database(db_path)["records"].rows] if db_path.exists() else []
    return result, texts


def test_a_stray_byte_in_a_utf8_file_is_named_and_nothing_is_stored(tmp_path):
    raw = (CSV_HEAD + "R1,Forces should act \u2013 now\r\n").encode() + b"R2,Forces should review \x96 soon\r\n"
    result, texts = csv_import(tmp_path, raw)
    assert result.exit_code == 1 and texts == []
    assert "line 3: byte 0x96" in result.output and "not UTF-8" in result.output


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig", "utf-16"])
def test_each_encoding_is_read_as_itself(tmp_path, encoding):
    raw = (CSV_HEAD + "R1,Forces should act \u2013 now and review \u00a3 spending\r\n").encode(encoding)
    result, texts = csv_import(tmp_path, raw)
    assert result.exit_code == 0, result.output
    assert texts == ["Forces should act \u2013 now and review \u00a3 spending"]


def test_a_wide_csv_row_is_refused(tmp_path):
    raw = (CSV_HEAD + "R1,text" + ",x" * MAX_COLUMNS + "\r\n").encode()
    result, texts = csv_import(tmp_path, raw)
    assert result.exit_code == 1 and "column 202" in result.output and texts == []
