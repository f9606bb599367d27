"""The board paper (`hmicfrs paper`), built from the project's own sample reports and a portal-style tracker:
reports once per publication in date order, counts, every applicable text, the force's own PEEL report,
the portal table, and the Word document's structure."""

import json
import shutil
from datetime import date

import docx
import pytest
import sqlite_utils
from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.db.schema import checkpoint
from hmicfrs.exports.paper import build_paper
from hmicfrs.extractors.applicability import ForceProfile
from hmicfrs.samples import (
    Item,
    Sample,
    build_pdf,
    filler,
    html_edition,
    paper_samples,
    victims_joint,
    write_portal_tracker,
)

JOINT = "A joint inspection of the police and Crown Prosecution Service response to victims"
WMP_PEEL = "PEEL 2023\u20132025: An inspection of West Midlands Police"
KENT_PEEL = "PEEL 2023\u20132025: An inspection of Kent Police"
FRAUD = "Fraud: an inspection of the police response to fraud"
FRAUD_REC_1 = ("By 31 March 2025, all chief constables should make sure that every report of fraud is assessed within "
               "28 days, and that victims are told what action the force will take.")
WINDOW = ["--since", "2023-12-01", "--until", "2024-12-31"]


def run(*args, ok=True):
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def paper_db(tmp_path_factory, sample_pdfs):
    """The demo reports, the force's own PEEL report, a joint report in PDF and HTML editions, and a
    portal export, ingested and matched."""
    folder = tmp_path_factory.mktemp("paper")
    for name in ("fraud-2024-sample", "kent-peel-sample", "custody-2016-sample"):
        shutil.copy(sample_pdfs[name], folder / f"{name}.pdf")
    for name, sample in paper_samples().items():
        build_pdf(sample, folder / f"{name}.pdf")
    (folder / "victims-joint-sample.html").write_text(html_edition(victims_joint()), "utf-8")
    # the force's own board paper quoting HMICFRS, dated in the window: stored, but no HMICFRS report
    board = Sample("HMICFRS update: progress against PEEL causes of concern", "13 February 2024",
                   ["Date of meeting: 13 February 2024", filler(4),
                    "Within three months, the force should: make sure it has enough call handlers."],
                   committee_paper=True)
    build_pdf(board, folder / "board-paper.pdf")
    db = folder / "paper.db"
    run("ingest", folder, folder / "victims-joint-sample.html", "--db", db)
    dated = sqlite_utils.Database(db).execute("select published from reports where source = 'board-paper.pdf'")
    assert dated.fetchone()[0] == "2024-02-13"  # in the window, so the paper must leave it out itself
    tracker = write_portal_tracker(folder / "portal-export.csv")
    result = run("records", "import", tracker, "--db", db, "--as-of", "2024-06-01")
    assert "'Portal level' -> level" in result.output
    return db


@pytest.fixture(scope="module")
def paper_json(paper_db):
    return json.loads(run("paper", *WINDOW, "--db", paper_db, "--json").stdout)


@pytest.fixture(scope="module")
def word(paper_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "paper.docx"
    run("paper", *WINDOW, "--db", paper_db, "--docx", path)
    return docx.Document(str(path))


def copy_db(source, target):
    """A copy of the module's database to change (the write-ahead log folded in first)."""
    checkpoint(source)
    shutil.copy(source, target)
    return target


def applicable_texts(db_path, title: str, force_name: str = "West Midlands Police") -> tuple[set[str], set[str]]:
    """(applicable, not applicable) texts of a report's PDF edition, straight from the database."""
    db = sqlite_utils.Database(db_path)
    rows = list(db.query("select f.text, f.verdict from findings f join reports r on r.id = f.report_id "
                         "where r.title = ? and r.edition = 'pdf' and f.kind != 'action'", [title]))
    assert rows
    return ({r["text"] for r in rows if r["verdict"] in ("yes", "conditional")},
            {r["text"] for r in rows if r["verdict"] == "no"})


def test_reports_in_the_window_once_each_in_date_order(paper_json):
    titles = [r["title"] for r in paper_json["reports"]]
    assert titles == [JOINT, WMP_PEEL, FRAUD]  # custody (2016) is outside the window, the board paper no report
    # another force's report with nothing for this force is named, not given a section
    assert paper_json["other_forces"] == [{"title": KENT_PEEL, "published": "2024-05-16", "force": "Kent Police"}]
    joint = paper_json["reports"][0]
    assert joint["editions"] == ["victims-joint-sample.pdf", "victims-joint-sample.html"]  # one publication
    assert joint["published"] == "2023-12-05" and joint["kind"] == "joint" and joint["pcc_response_due"] == "2024-01-30"
    assert joint["inspectorates"] == ["HMICFRS", "HM Crown Prosecution Service Inspectorate",
                                      "HM Inspectorate of Probation"]
    assert paper_json["reports"][2]["inspectorates"] == []  # a single-inspectorate report names none


def test_counts_per_report_and_the_counts_sentence(paper_json):
    by_title = {r["title"]: r for r in paper_json["reports"]}
    joint, wmp, fraud = (by_title[t] for t in (JOINT, WMP_PEEL, FRAUD))
    assert joint["counts"] == {"recommendation": {"total": 4, "applicable": 2, "conditional": 1},
                               "area_for_improvement": {"total": 1, "applicable": 1, "conditional": 0}}
    assert joint["sentence"] == (
        "There were 4 recommendations and 1 area for improvement, of which 2 recommendations and 1 area for "
        "improvement apply to West Midlands Police; of these, 1 recommendation applies only to forces that have a "
        "dedicated victim care unit.")
    assert wmp["counts"] == {"cause_of_concern": {"total": 2, "applicable": 2, "conditional": 0},
                             "recommendation": {"total": 5, "applicable": 5, "conditional": 0},
                             "area_for_improvement": {"total": 5, "applicable": 5, "conditional": 0}}
    assert wmp["sentence"] == ("There were 2 causes of concern, 5 recommendations and 5 areas for improvement, "
                               "all of which apply to West Midlands Police.")
    assert fraud["counts"]["recommendation"] == {"total": 4, "applicable": 3, "conditional": 1}
    assert "1 recommendation applies only to forces that use the Niche records management system" in fraud["sentence"]


def test_applicable_lists_hold_every_applicable_text_and_nothing_else(paper_json, paper_db):
    for report in paper_json["reports"]:
        yes, no = applicable_texts(paper_db, report["title"])
        listed = [i["text"] for i in report["applicable"]]
        assert set(listed) == yes and len(listed) == len(yes), report["title"]
        assert not set(listed) & no
    fraud = paper_json["reports"][2]
    assert [i["label"] for i in fraud["applicable"]] == ["Recommendation 1", "Recommendation 3", "Recommendation 4",
                                                         "Area for improvement 1"]
    niche = fraud["applicable"][2]
    assert niche["bullets"] == ["fraud offences are recorded with the correct classification; and",
                                "a flag identifying the victim as vulnerable is added to the record."]
    assert niche["deadline"] == "2024-12-31" and niche["addressees"] == ["chief constables"]
    assert niche["condition"] == "only to forces that use the Niche records management system"
    assert fraud["applicable"][0]["tracker"] == {"reference": "WMP-P7", "owner": "ACC Crime", "status": "Discharged",
                                                 "state": "closed", "update": None}


def test_own_peel_report_lists_causes_with_their_recommendations_then_afis(paper_json):
    wmp = paper_json["reports"][1]
    assert wmp["own_peel"] and wmp["summary"].startswith("West Midlands Police is adequate at investigating crime")
    causes = wmp["causes_of_concern"]
    assert causes[0]["cause"]["text"].startswith("The force isn\u2019t answering emergency")
    assert causes[1]["cause"]["text"].startswith("The force doesn\u2019t manage the risk")
    assert [len(c["recommendations"]) for c in causes] == [3, 2]
    assert {r["lead_in"] for r in causes[0]["recommendations"]} == {"Within three months, the force should:"}
    assert causes[0]["cause"]["tracker"]["owner"] == "ACC Local Policing"
    assert causes[0]["cause"]["tracker"]["update"].startswith("Call handling review reported to the board")
    assert causes[0]["recommendations"][0]["tracker"]["status"] == "Pending sign off"
    kinds = [i["kind"] for i in wmp["applicable"]]
    assert kinds == ["cause_of_concern", *["recommendation"] * 3, "cause_of_concern", *["recommendation"] * 2,
                     *["area_for_improvement"] * 5]


def test_portal_table_by_type_and_level_with_closed_before_levels(paper_json):
    assert paper_json["portal"] == [
        {"type": "Cause of concern", "level": 1, "open": 1, "closed": 0, "total": 1},
        {"type": "Cause of concern", "level": 2, "open": 1, "closed": 0, "total": 1},
        {"type": "Recommendation", "level": 1, "open": 1, "closed": 0, "total": 1},
        {"type": "Recommendation", "level": 2, "open": 1, "closed": 0, "total": 1},
        {"type": "Recommendation", "level": 4, "open": 0, "closed": 1, "total": 1},
        {"type": "Recommendation", "level": "closed before levels", "open": 0, "closed": 1, "total": 1},
        {"type": "AFI", "level": 3, "open": 0, "closed": 1, "total": 1},
        {"type": "AFI", "level": "closed before levels", "open": 0, "closed": 1, "total": 1}]
    assert paper_json["portal_as_of"] == "2024-06-01"


def _body(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_word_document_structure(word, paper_json):
    styles = [p.style.name for p in word.paragraphs]
    assert styles[0] == "Title" and word.paragraphs[0].text == "HMICFRS update: West Midlands Police"
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"3.{n} {t}" for n, t in enumerate([JOINT, WMP_PEEL, FRAUD], start=1)]
    assert {"Heading 1", "Heading 3", "List Number", "List Number 2", "List Bullet 2"} <= set(styles)
    table = word.tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Type", "Level", "Open", "Closed", "Total"]
    assert cells[6] == ["Recommendation", "Closed before levels", "0", "1", "1"]
    assert cells[-1] == ["All", "", "4", "4", "8"]
    numbered = [p for p in word.paragraphs if p.style.name.startswith("List Number")]
    assert all(p._p.pPr.numPr is not None and p.runs[0].bold for p in numbered)
    assert sum(len(r["applicable"]) for r in paper_json["reports"]) == len(numbered)
    # numbering starts again for each report's list (its numbers match the counts sentence)
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) == 6  # joint, WMP causes, each cause's recommendations, WMP AFIs, fraud
    numbering = word.part.numbering_part.element
    for num_id in num_ids:
        num = numbering.num_having_numId(num_id)
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_word_file_survives_control_characters_in_the_text(paper_db, tmp_path):
    db_path = copy_db(paper_db, tmp_path / "odd.db")
    db = sqlite_utils.Database(db_path)
    db.execute("update findings set text = replace(text, 'needs assessment', 'needs\x02 assessment\x0b')")
    db.execute("update reports set title = title || '\x01' where source = 'victims-joint-sample.pdf'")
    db.conn.commit()
    run("paper", *WINDOW, "--db", db_path, "--docx", tmp_path / "odd.docx")
    body = _body(docx.Document(str(tmp_path / "odd.docx")))
    assert "receives a needs-assessment within five days" in body and JOINT in body


def test_word_document_holds_every_applicable_text_and_no_other(word, paper_db):
    body = _body(word)
    for title in (JOINT, WMP_PEEL, KENT_PEEL, FRAUD):  # Kent's items apply to no one here: none is printed
        yes, no = applicable_texts(paper_db, title)
        for text in yes:
            main, *bullets = text.split("\n- ")
            assert main in body, text
            assert all(b in [p.text for p in word.paragraphs if p.style.name.startswith("List Bullet")]
                       for b in bullets)
        for text in no:
            assert text.split("\n")[0] not in body, text
    assert body.count("Within three months, the force should:") == 1  # the lead-in once
    assert "Tracker: WMP-P3, owner Head of Contact, status Pending sign off" in body
    assert "Deadline: 15 March 2024 (within three months of publication)" in body
    assert "We found that too many victims are not told what is happening with their case." in body


def test_markdown_matches(paper_db, tmp_path):
    path = tmp_path / "paper.md"
    run("paper", *WINDOW, "--db", paper_db, "--md", path)
    text = path.read_text("utf-8")
    assert text.startswith("# HMICFRS update: West Midlands Police\n")
    assert "| Recommendation | Closed before levels | 0 | 1 | 1 |" in text
    assert "**Recommendation 4.** By 31 December 2024, chief constables of forces that use the Niche" in text
    assert "- a flag identifying the victim as vulnerable is added to the record." in text
    assert text.index(JOINT) < text.index(WMP_PEEL) < text.index(FRAUD) < text.index(KENT_PEEL)
    assert ("Also published in the period, on other forces and with nothing that applies to West Midlands Police: "
            f"{KENT_PEEL} (16 May 2024).") in text


def test_a_persons_decision_changes_the_paper(paper_db, tmp_path):
    db = copy_db(paper_db, tmp_path / "decided.db")
    run("decide", "victims-joint-sample.pdf:area_for_improvement-1", "no", "--reason", "covered by our own plan",
        "--db", db)
    run("decide", "fraud-2024-sample.pdf:recommendation-2", "yes", "--reason", "we host the regional unit", "--db", db)
    got = {r["title"]: r for r in json.loads(run("paper", *WINDOW, "--db", db, "--json").stdout)["reports"]}
    assert got[JOINT]["counts"]["area_for_improvement"]["applicable"] == 0
    assert "of which 2 recommendations apply" in got[JOINT]["sentence"]
    assert "Recommendation 2" in [i["label"] for i in got[FRAUD]["applicable"]]


def test_paper_for_another_force(paper_json, paper_db):
    got = json.loads(run("paper", *WINDOW, "--db", paper_db, "--json", "--force", "Kent Police").stdout)
    by_title = {r["title"]: r for r in got["reports"]}
    assert by_title[KENT_PEEL]["own_peel"] and len(by_title[KENT_PEEL]["applicable"]) == 5
    assert by_title[KENT_PEEL]["pcc_response_due"] == "2024-07-11"
    assert [r["title"] for r in got["other_forces"]] == [WMP_PEEL]
    assert by_title[FRAUD]["counts"] == {r["title"]: r for r in paper_json["reports"]}[FRAUD]["counts"]


def test_due_soon_and_overdue_are_counted_on_the_day(paper_db):
    db = sqlite_utils.Database(paper_db)
    paper = build_paper(db, ForceProfile(), date(2023, 12, 1), date(2024, 12, 31), today=date(2024, 3, 1))
    # the PEEL recommendations: 3 within three months (15 March 2024) and 2 by 31 March 2024
    assert paper.due_next_90_days == 5
    # the 2016 custody report's "with immediate effect" item, which no tracker record closes
    assert paper.overdue == 1
    later = build_paper(db, ForceProfile(), date(2023, 12, 1), today=date(2024, 4, 1))
    assert later.overdue == 1 + 5  # WMP-P3 is tracked, but open ("Pending sign off"), so it counts
    assert later.due_next_90_days == 1  # the joint report's recommendation 1 (30 June 2024)
    closed = build_paper(db, ForceProfile(), date(2016, 1, 1), today=date(2016, 10, 15))
    assert closed.overdue == 1  # custody recommendation 1 (due 14 October 2016) is closed (WMP-P5)


def test_a_web_edition_with_another_title_and_date_is_still_one_publication(tmp_path):
    joint = victims_joint()
    pdf = build_pdf(joint, tmp_path / "victims.pdf")
    page = html_edition(joint).replace(f"<h1>{JOINT}</h1>", "<h1>Victims: a joint inspection</h1>")
    (tmp_path / "victims.html").write_text(page.replace("2023-12-05T", "2023-12-06T"), "utf-8")
    db = tmp_path / "t.db"
    run("ingest", pdf, tmp_path / "victims.html", "--db", db)
    got = json.loads(run("paper", "--since", "2023-12-01", "--until", "2023-12-31", "--db", db, "--json").stdout)
    assert [(r["title"], r["editions"]) for r in got["reports"]] == [(JOINT, ["victims.pdf", "victims.html"])]
    assert got["reports"][0]["counts"]["recommendation"]["total"] == 4


def test_an_edition_with_no_findings_yields_to_the_one_that_has_them(paper_db, tmp_path):
    db_path = copy_db(paper_db, tmp_path / "empty-pdf.db")
    db = sqlite_utils.Database(db_path)
    pdf = db.execute("select id from reports where source = 'victims-joint-sample.pdf'").fetchone()[0]
    db.execute("delete from finding_addressees where finding_id in (select id from findings where report_id = ?)",
               [pdf])
    db.execute("delete from findings where report_id = ?", [pdf])
    db.conn.commit()
    got = json.loads(run("paper", *WINDOW, "--db", db_path, "--json").stdout)["reports"][0]
    assert got["editions"] == ["victims-joint-sample.html", "victims-joint-sample.pdf"]
    assert got["counts"]["recommendation"] == {"total": 4, "applicable": 2, "conditional": 1}


def test_a_restated_item_shows_the_tracker_record_of_the_original(tmp_path, sample_pdfs):
    shutil.copy(sample_pdfs["fraud-2024-sample"], tmp_path / "fraud.pdf")
    progress = Sample("Fraud: a progress report on our 2024 inspection of the police response to fraud",
                      "2 October 2025", [("h", "Progress against our recommendations"), filler(4),
                                         Item("Recommendation 1", FRAUD_REC_1), filler(3, 2)])
    build_pdf(progress, tmp_path / "progress.pdf")
    db = tmp_path / "t.db"
    run("ingest", tmp_path / "fraud.pdf", tmp_path / "progress.pdf", "--db", db)
    run("records", "import", write_portal_tracker(tmp_path / "portal.csv"), "--db", db)
    got = json.loads(run("paper", "--since", "2025-10-01", "--until", "2025-10-31", "--db", db, "--json").stdout)
    item = got["reports"][0]["applicable"][0]
    assert item["text"] == FRAUD_REC_1 and item["tracker"]["reference"] == "WMP-P7"
    assert item["tracker"]["owner"] == "ACC Crime"


def test_errors_are_one_line(paper_db, tmp_path):
    result = run("paper", "--since", "2024-12-01", "--until", "2024-01-01", "--db", paper_db, ok=False)
    assert result.exit_code == 1 and "--until 2024-01-01 is before --since 2024-12-01" in result.output
    result = run("paper", "--since", "2024-01-01", "--db", tmp_path / "none.db", ok=False)
    assert "no database yet" in result.output
    result = run("paper", "--since", "2024-01-01", "--db", paper_db, "--docx", tmp_path / "no" / "p.docx", ok=False)
    assert result.exit_code == 1 and "does not exist" in result.output and "Traceback" not in result.output
    result = run("paper", "--since", "2999-01-01", "--db", paper_db, ok=False)
    assert result.exit_code == 1 and "--since 2999-01-01 is after today" in result.output
    result = run("paper", "--since", "2030-01-01", "--until", "2030-12-31", "--db", paper_db)
    assert "No HMICFRS reports were published in the period." in result.stdout
