"""A monitoring-portal export (issue 12, item 8): its "Portal level" column keeps its levels, and rows the
force marks "closed before levels" are their own line of the summary, as on the portal."""

import json

import openpyxl
import pytest
from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.db.records import type_rank
from hmicfrs.ingest.records import map_headers, read_records
from hmicfrs.samples import write_portal_tracker


def run(*args):
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("headers, field, header", [
    (["Portal reference", "Recommendation / AFI", "Portal level"], "level", "Portal level"),
    (["Ref", "Text", "HMICFRS level"], "level", "HMICFRS level"),
    (["Ref", "Text", "Portal level (1-4)"], "level", "Portal level (1-4)"),
    (["Ref", "Text", "Level of assurance"], "level", "Level of assurance"),
    (["Ref", "Text", "Portal status"], "status", "Portal status"),
    (["Ref", "Text", "Responsible lead"], "owner", "Responsible lead"),
    (["Ref", "Text", "Date of publication"], "published", "Date of publication"),
    (["Portal ID", "Text"], "reference", "Portal ID"),
])
def test_usual_portal_headings_are_recognised(headers, field, header):
    mapping, _ = map_headers(headers)
    assert mapping[field] == header


def test_portal_export_keeps_levels_and_closed_before_levels(tmp_path):
    parsed = read_records(write_portal_tracker(tmp_path / "portal.csv"))
    assert not parsed.bad_rows and parsed.mapping["level"] == "Portal level"
    assert parsed.unmapped == ["Latest update"]
    rows = {r["reference"]: r for r in parsed.rows}
    assert rows["WMP-P2"]["level"] == 1 and not rows["WMP-P2"]["before_levels"]
    assert rows["WMP-P5"]["level"] is None and rows["WMP-P5"]["before_levels"] and rows["WMP-P5"]["state"] == "closed"


def test_closed_before_levels_written_in_the_status_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Portal reference", "Type", "Portal level", "Status", "Recommendation / AFI"])
    ws.append(["A1", "AFI", 2, "Open", "The force should improve its call handling."])
    ws.append(["A2", "AFI", None, "Closed prior to levels", "The force should improve how it records crime."])
    ws.append(["A3", "Recommendation", "Level 3", "Closed", "Forces should review their custody training."])
    ws.append(["A4", "Recommendation", "N/A", "Open", "Forces should review their bail decisions."])
    wb.save(tmp_path / "portal.xlsx")
    parsed = read_records(tmp_path / "portal.xlsx")
    rows = {r["reference"]: r for r in parsed.rows}
    assert not parsed.bad_rows  # "N/A" is no level, not a bad row
    assert (rows["A1"]["level"], rows["A1"]["before_levels"]) == (2, False)
    assert (rows["A2"]["level"], rows["A2"]["before_levels"], rows["A2"]["state"]) == (None, True, "closed")
    assert (rows["A3"]["level"], rows["A3"]["before_levels"]) == (3, False)
    assert (rows["A4"]["level"], rows["A4"]["before_levels"]) == (None, False)


def test_closed_before_levels_written_in_a_column_of_its_own(tmp_path):
    path = tmp_path / "portal.csv"
    path.write_text("Portal reference,Recommendation / AFI,Portal level,Status,Closure type\n"
                    "B1,The force should improve its call handling.,-,Closed,Closed before levels\n"
                    "B2,The force should improve how it records crime.,1,Closed,Closed by HMICFRS\n", "utf-8")
    rows = {r["reference"]: r for r in read_records(path).rows}
    assert (rows["B1"]["level"], rows["B1"]["before_levels"]) == (None, True)
    assert (rows["B2"]["level"], rows["B2"]["before_levels"]) == (1, False)


def test_records_summary_gives_the_portal_table(tmp_path):
    db = tmp_path / "t.db"
    run("records", "import", write_portal_tracker(tmp_path / "portal.csv"), "--db", db, "--no-match")
    rows = json.loads(run("records", "summary", "--db", db, "--json").stdout)
    got = [(r["type"], r["level"], r["open"], r["closed"], r["total"]) for r in rows]
    assert got == [("Cause of concern", 1, 1, 0, 1), ("Cause of concern", 2, 1, 0, 1),
                   ("Recommendation", 1, 1, 0, 1), ("Recommendation", 2, 1, 0, 1), ("Recommendation", 4, 0, 1, 1),
                   ("Recommendation", "closed before levels", 0, 1, 1),
                   ("AFI", 3, 0, 1, 1), ("AFI", "closed before levels", 0, 1, 1)]
    text = run("records", "summary", "--db", db).stdout
    assert "closed before levels" in text and text.splitlines()[-1].split()[1:] == ["4", "4", "8"]


@pytest.mark.parametrize("written, rank", [
    ("Cause of concern", 0), ("CoC", 0), ("Recommendation", 1), ("Rec", 1), ("AFI", 2),
    ("Area for improvement", 2), ("Internal audit", 3), (None, 3)])
def test_portal_order_of_types(written, rank):
    assert type_rank(written) == rank
