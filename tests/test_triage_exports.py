"""What the team takes away: triage sheets, calendars, and a person's decisions surviving re-ingest."""

import csv
from datetime import date, datetime

import openpyxl
import pytest
import sqlite_utils
from click.testing import CliRunner
from conftest import build_corpus_db, copy_corpus_db
from icalendar import Calendar

from hmicfrs import cli


def run(*args):
    result = CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)
    return result


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory, sample_pdfs):
    """Three reports ingested once per session."""
    names = ("fraud-2024-sample", "kent-peel-sample", "custody-2016-sample")
    return build_corpus_db(tmp_path_factory.mktemp("triage") / "pdfs", {n: sample_pdfs[n] for n in names})


@pytest.fixture
def corpus_db(corpus_template, tmp_path):
    return copy_corpus_db(corpus_template, tmp_path)


def test_triage_table_lists_verdicts_reasons_and_deadlines(corpus_db):
    db_path, _ = corpus_db
    out = run("triage", "fraud-2024-sample", "--db", db_path).output
    assert out.startswith("1 report(s), 5 findings for West Midlands Police: 3 yes, 1 conditional, 1 no")
    assert "why: addressed to the Home Office only" in out
    assert "due 2024-12-31" in out  # recommendation 4's printed date


def test_xlsx_sheet_has_frozen_header_filters_and_real_dates(corpus_db, tmp_path):
    db_path, _ = corpus_db
    target = tmp_path / "triage.xlsx"
    assert run("triage", "--db", db_path, "--xlsx", target).exit_code == 0
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Report", "Published", "Type", "Ref"] and "Applies" in header and "Due" in header
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == ws.dimensions
    assert ws.column_dimensions["E"].width == 80
    due = header.index("Due")
    dues = [row[due] for row in ws.iter_rows(min_row=2)]
    dated = [c for c in dues if c.value is not None]
    assert dated and all(isinstance(c.value, datetime) and c.number_format == "dd/mm/yyyy" for c in dated)
    db = sqlite_utils.Database(db_path)
    assert ws.max_row - 1 == db["findings"].count


def test_csv_sheet_and_applicable_filter(corpus_db, tmp_path):
    db_path, _ = corpus_db
    target = tmp_path / "triage.csv"
    run("triage", "fraud-2024-sample.pdf", "--db", db_path, "--csv", target, "--applicable")
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["Applies"] for r in rows} <= {"yes", "conditional"}
    assert len(rows) == 4 and all(r["Source file"] == "fraud-2024-sample.pdf" for r in rows)


def test_triage_for_another_force_rejudges(corpus_db):
    db_path, _ = corpus_db
    wmp = run("triage", "kent-peel-sample", "--db", db_path).output
    kent = run("triage", "kent-peel-sample", "--db", db_path, "--force", "Kent Police").output
    assert "for West Midlands Police: 0 yes" in wmp
    assert "for Kent Police: 0 yes" not in kent and "'the force' in Kent Police's own report" in kent


def test_calendar_has_stable_uids_and_pcc_dates(corpus_db, tmp_path, sample_pdfs):
    db_path, folder = corpus_db
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    run("calendar", "--db", db_path, "--ics", first)
    events = Calendar.from_ical(first.read_bytes()).walk("VEVENT")
    db = sqlite_utils.Database(db_path)
    applicable = db.execute("select count(*) from findings where verdict = 'yes' and due is not null").fetchone()[0]
    pcc = [e for e in events if str(e["summary"]).startswith("PCC response due")]
    assert len(events) == applicable + len(pcc) and len(pcc) == 2  # Kent's report asks nothing of WMP
    fraud_pcc = next(e for e in pcc if "fraud" in str(e["summary"]).lower())
    assert fraud_pcc.decoded("dtstart") == date(2024, 11, 7)  # 56 days after 12 September 2024
    # a re-ingest gives new row ids; the calendar's UIDs stay the same
    db.execute("delete from reports where source = 'fraud-2024-sample.pdf'")
    db.execute("delete from findings where report_id not in (select id from reports)")
    db.conn.commit()
    run("ingest", folder, "--db", db_path)
    run("calendar", "--db", db_path, "--ics", second)
    again = Calendar.from_ical(second.read_bytes()).walk("VEVENT")
    assert sorted(str(e["uid"]) for e in events) == sorted(str(e["uid"]) for e in again)


def test_immediate_item_is_due_on_publication(corpus_db):
    db_path, _ = corpus_db
    db = sqlite_utils.Database(db_path)
    rows = list(db.query("select f.deadline, f.due, r.published from findings f join reports r "
                         "on r.id = f.report_id where f.immediate = 1"))
    assert rows and all(r["deadline"] is None and r["due"] == r["published"] for r in rows)


def test_a_decision_overrides_and_survives_reingest(corpus_db):
    db_path, folder = corpus_db
    db = sqlite_utils.Database(db_path)
    target = db.execute("select f.id, f.key, f.verdict from findings f join reports r on r.id = f.report_id "
                        "where r.source = 'fraud-2024-sample.pdf' and f.verdict = 'conditional'").fetchone()
    result = run("decide", target[0], "yes", "--reason", "we use Niche", "--by", "Liaison team", "--db", db_path)
    assert result.exit_code == 0
    row = db["findings"].get(target[0])
    assert row["verdict"] == "yes" and row["reason"] == "decided by Liaison team: we use Niche"
    assert row["auto_verdict"] == "conditional"
    # the same report published again (new bytes, same file name) is re-ingested: the decision holds
    pdf = folder / "fraud-2024-sample.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% reissued\n")
    assert "1 ingested" in run("ingest", folder, "--db", db_path).output
    again = next(db.query("select f.* from findings f join reports r on r.id = f.report_id "
                          "where r.source = 'fraud-2024-sample.pdf' and f.key = ?", [target[1]]))
    assert again["id"] != target[0] and again["verdict"] == "yes" and again["decided_by"] == "Liaison team"
    assert run("decide", f"fraud-2024-sample.pdf:{target[1]}", "--clear", "--db", db_path).exit_code == 0
    assert db["findings"].get(again["id"])["verdict"] == "conditional"


def test_decide_rejects_unknown_findings_and_missing_reasons(corpus_db):
    db_path, _ = corpus_db
    missing = CliRunner().invoke(cli.main, ["decide", "9999", "no", "--reason", "x", "--db", str(db_path)])
    assert missing.exit_code == 1 and "no finding '9999'" in missing.output
    no_reason = CliRunner().invoke(cli.main, ["decide", "1", "no", "--db", str(db_path)])
    assert no_reason.exit_code == 1 and "give a reason" in no_reason.output


def test_triage_view_counts_days_left(corpus_db):
    db_path, _ = corpus_db
    db = sqlite_utils.Database(db_path)
    row = next(db.query("select due, days_left, days_overdue from triage where due != 'no date' limit 1"))
    expected = (date.fromisoformat(row["due"]) - date.today()).days
    assert row["days_left"] == expected and row["days_overdue"] == max(0, -expected)
