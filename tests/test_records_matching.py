"""The force's tracker: import (CSV and XLSX, odd headers, bad rows), snapshots and changes, the
portal summary, and one-to-one matching to findings and across reports."""

import csv
import json

import openpyxl
import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import build_corpus_db, copy_corpus_db

from hmicfrs import cli
from hmicfrs.extractors.matching import normalise_item
from hmicfrs.ingest.records import state_of
from hmicfrs.samples import Item, Sample, build_pdf, filler

FRAUD = "Fraud: an inspection of the police response to fraud"
PROGRESS = "Fraud: a progress report on our 2024 inspection of the police response to fraud"
HEADER = ["Reference", "Type", "Level", "Status", "Report title", "Published", "Text", "Owner", "Due date"]
ROWS = [
    # the tracker's own wording of the sample fraud report's items
    ["WMP-1", "Recommendation", "2", "Being progressed", FRAUD, "2024-09-12",
     "Rec 1 - By 31 March 2025, all chief constables should make sure that every report of fraud is assessed "
     "within 28 days, and that victims are told what action the force will take.", "ACC Crime", "31/03/2025"],
    ["WMP-2", "Recommendation", "2", "Complete", FRAUD, "2024-09-12",
     "by 30 september 2025, the college of policing, working with chief constables, should develop a training "
     "program in fraud investigation, which forces should then adopt. (Update: lead assigned)", "Head of L&D", ""],
    ["WMP-3", "AFI", "4", "Pending sign off", "Fraud inspection", "",
     "Forces should improve how they record and use information about repeat victims of fraud.", "", ""],
    # the progress report restates recommendation 1: the tracker keeps a row for each report
    ["WMP-4", "Recommendation", "2", "Open", PROGRESS, "2025-10-02",
     "By 31 March 2025, all chief constables should make sure that every report of fraud is assessed within "
     "28 days", "ACC Crime", ""],
    # distractors: nothing in the corpus
    ["WMP-5", "Recommendation", "3", "Closed", "Internal audit: overtime", "2023-02-14",
     "The force should introduce monthly reconciliation of overtime claims against duty rosters.", "", ""],
    ["WMP-6", "AFI", "4", "Open", "Estates review", "2021-05-01",
     "The force should dispose of surplus estate and reinvest the receipts in neighbourhood policing.", "", ""],
]
EXPECTED = {"WMP-1": ("fraud-2024-sample", "1"), "WMP-2": ("fraud-2024-sample", "3"),
            "WMP-3": ("fraud-2024-sample", "1"), "WMP-4": ("fraud-2025-progress", "1"),
            "WMP-5": None, "WMP-6": None}


def run(*args, ok=True):
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


def write_csv(path, header, rows):
    with path.open("w", newline="", encoding="utf-8-sig") as fh:  # as Excel saves it
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _draw_progress_report(folder):
    progress = Sample(PROGRESS, "2 October 2025", [
        ("h", "Progress against our recommendations"), filler(4),
        Item("Recommendation 1", "By 31 March 2025, all chief constables should make sure that every report of "
             "fraud is assessed within 28 days, and that victims are told what action the force will take."),
        "Status: partially achieved", filler(3, 2),
        Item("Recommendation 2", "By 31 March 2026, the Home Office should publish how it will fund the new "
             "national fraud reporting service."), filler(5, 1)])
    build_pdf(progress, folder / "fraud-2025-progress.pdf")


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory, sample_pdfs):
    """Two reports and a progress report that restates one, ingested once per session."""
    names = ("fraud-2024-sample", "kent-peel-sample")
    return build_corpus_db(tmp_path_factory.mktemp("matching") / "pdfs", {n: sample_pdfs[n] for n in names},
                           _draw_progress_report)


@pytest.fixture
def corpus(corpus_template, tmp_path):
    return copy_corpus_db(corpus_template, tmp_path)[0]


def linked(mapping):
    return {ref: (v["report"], v["ref"]) if v else None for ref, v in mapping.items()}


def test_import_csv_and_match_one_to_one(corpus, tmp_path):
    tracker = write_csv(tmp_path / "tracker.csv", HEADER, ROWS)
    out = run("records", "import", tracker, "--db", corpus, "--as-of", "2025-11-01").output
    assert "6 records imported" in out and "'Report title' -> report_title" in out
    result = run("match", "--db", corpus, "--json")
    mapping = json.loads(result.stdout)
    assert linked(mapping) == EXPECTED
    assert mapping["WMP-1"]["state"] == "matched" and mapping["WMP-1"]["kind"] == "recommendation"
    assert mapping["WMP-1"]["score"] >= 90
    db = sqlite_utils.Database(corpus)
    states = {r["reference"]: r["state"] for r in db["record_links"].rows}
    assert states["WMP-5"] == "orphan"
    # the applicable findings nobody tracks yet: recommendation 4 (conditional)
    untracked = {(r["ref"], r["verdict"]) for r in db.query("select * from untracked")}
    assert ("4", "conditional") in untracked and ("1", "yes") not in untracked


def test_restated_finding_links_to_its_original_and_keeps_its_status(corpus, tmp_path):
    run("records", "import", write_csv(tmp_path / "t.csv", HEADER, ROWS), "--db", corpus)
    db = sqlite_utils.Database(corpus)
    rows = list(db.query(
        "select f.ref, f.status, o.ref as original_ref, ro.source as original_report, l.method "
        "from finding_links l join findings f on f.id = l.finding_id join findings o on o.id = l.original_id "
        "join reports ro on ro.id = o.report_id"))
    assert rows == [{"ref": "1", "status": "partially achieved", "original_ref": "1",
                     "original_report": "fraud-2024-sample.pdf", "method": "restated"}]


def test_xlsx_with_other_headers_and_map_override(corpus, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["HMICFRS Tracker export"])  # a title row above the header
    ws.append(["Ref No", "Category", "Priority", "RAG status", "Inspection", "Rec wording", "Lead officer"])
    for r in ROWS:
        ws.append([r[0], r[1], int(r[2]), r[3], r[4], r[6], r[7]])
    target = tmp_path / "export.xlsx"
    wb.save(target)
    out = run("records", "import", target, "--db", corpus, "--map", "Rec wording=text").output
    assert "'Ref No' -> reference" in out and "'Priority' -> level" in out and "'Rec wording' -> text" in out
    mapping = json.loads(run("match", "--db", corpus, "--json").stdout)
    assert linked(mapping)["WMP-2"] == ("fraud-2024-sample", "3")


def test_bad_rows_are_named_and_nothing_is_stored(corpus, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][0] = ""  # no reference
    rows[3][2] = "high"  # level not a number
    rows[4][8] = "31/02/2025"  # no such date
    tracker = write_csv(tmp_path / "bad.csv", HEADER, rows)
    result = run("records", "import", tracker, "--db", corpus, ok=False)
    assert result.exit_code == 1
    assert "row 3: no reference" in result.output and "row 5: WMP-4: level 'high'" in result.output
    assert "row 6: WMP-5: due" in result.output and "nothing imported" in result.output
    assert sqlite_utils.Database(corpus)["records"].count == 0
    assert "3 records imported" in run("records", "import", tracker, "--db", corpus, "--skip-bad-rows").output


def test_a_file_without_a_text_column_is_refused_with_advice(corpus, tmp_path):
    tracker = write_csv(tmp_path / "t.csv", ["Reference", "Status"], [["A", "Open"]])
    result = run("records", "import", tracker, "--db", corpus, ok=False)
    assert result.exit_code == 1 and "no column for text" in result.output and "--map" in result.output


def test_snapshots_list_changes_and_summary(corpus, tmp_path):
    run("records", "import", write_csv(tmp_path / "a.csv", HEADER, ROWS), "--db", corpus, "--as-of", "2025-10-01")
    later = [list(r) for r in ROWS[:-1]]
    later[0][3] = "Discharged"
    later[2][2] = "3"
    later.append(["WMP-7", "Recommendation", "1", "Not started", PROGRESS, "", "Something new.", "", ""])
    run("records", "import", write_csv(tmp_path / "b.csv", HEADER, later), "--db", corpus, "--as-of", "2025-11-01")
    changes = json.loads(run("records", "changes", "--db", corpus, "--json").stdout)
    got = {(c["reference"], c["change"], c["before"], c["after"]) for c in changes["changes"]}
    assert got == {("WMP-1", "status", "Being progressed", "Discharged"), ("WMP-1", "state", "open", "closed"),
                   ("WMP-3", "level", 4, 3), ("WMP-6", "removed", "Open", None),
                   ("WMP-7", "added", None, "Not started")}
    summary = json.loads(run("records", "summary", "--db", corpus, "--json").stdout)
    assert {(s["type"], s["level"]): (s["open"], s["closed"], s["total"]) for s in summary} == {
        ("AFI", 3): (1, 0, 1), ("Recommendation", 1): (1, 0, 1), ("Recommendation", 2): (1, 2, 3),
        ("Recommendation", 3): (0, 1, 1)}


def test_confirm_and_reject_survive_rerun_and_reingest(corpus, tmp_path):
    run("records", "import", write_csv(tmp_path / "t.csv", HEADER, ROWS), "--db", corpus)
    db = sqlite_utils.Database(corpus)
    rec2 = db.execute("select f.id from findings f join reports r on r.id = f.report_id "
                      "where r.source = 'fraud-2024-sample.pdf' and f.ref = '2'").fetchone()[0]
    run("match", "--db", corpus, "--reject", "WMP-1", "--confirm", f"WMP-6={rec2}")
    full = json.loads(run("match", "--db", corpus, "--json").stdout)
    mapping = linked(full)
    assert mapping["WMP-6"] == ("fraud-2024-sample", "2") and full["WMP-6"]["state"] == "confirmed"
    # the rejected pair is never made again; the record may take its next best finding, for a person to check
    assert mapping["WMP-1"] != ("fraud-2024-sample", "1")
    assert full["WMP-1"] is None or full["WMP-1"]["state"] == "probable"
    # re-ingest the report (new bytes, same name): new row ids, the decisions still hold
    pdf = corpus.parent / "pdfs" / "fraud-2024-sample.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% reissued\n")
    run("ingest", corpus.parent / "pdfs", "--db", corpus)
    mapping = json.loads(run("match", "--db", corpus, "--json").stdout)
    assert linked(mapping)["WMP-1"] != ("fraud-2024-sample", "1") and mapping["WMP-6"]["state"] == "confirmed"


def test_status_words_and_normalisation():
    assert [state_of(s) for s in ("Being progressed", "Pending sign off", "Complete", "Closed", "Discharged",
                                  "Partially achieved", "Not started", "Not applicable")] == \
        ["open", "open", "closed", "closed", "closed", "open", "open", "closed"]
    assert normalise_item("Rec 2 - The Force should “organize” a training program. (Update: lead assigned)") == \
        normalise_item("the force should 'organise' a training programme.")


def test_a_peel_bullet_recorded_with_its_lead_in_matches(corpus, tmp_path):
    rows = [["K-1", "Recommendation", "2", "Open", "PEEL 2023-2025: An inspection of Kent Police", "",
             "By 31 March 2025, the force should: review its use of pre-charge bail for domestic abuse suspects",
             "", ""]]
    run("records", "import", write_csv(tmp_path / "k.csv", HEADER, rows), "--db", corpus)
    mapping = json.loads(run("match", "--db", corpus, "--json").stdout)
    assert mapping["K-1"]["report"] == "kent-peel-sample" and mapping["K-1"]["state"] == "matched"
    assert mapping["K-1"]["text"].startswith("review its use of pre-charge bail")


def test_a_quoted_cell_with_line_breaks_stays_one_row(tmp_path):
    from hmicfrs.ingest.records import read_records

    tracker = write_csv(tmp_path / "t.csv", HEADER, [["A-1", "AFI", "4", "Open", FRAUD, "", "Forces should\nimprove "
                                                      "how they record repeat victims.", "", ""]])
    parsed = read_records(tracker)
    assert [r["text"] for r in parsed.rows] == ["Forces should improve how they record repeat victims."]
