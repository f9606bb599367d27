"""The HTML edition of a report: same findings model as the PDF, and a cross-check between editions."""

import json
import shutil

from click.testing import CliRunner

from hmicfrs import cli
from hmicfrs.pipeline import read_html_document

FRAUD_HTML = """<!DOCTYPE html><html><head><title>Fraud | HMICFRS</title>
<meta property="article:published_time" content="2024-09-12T09:30:00+00:00"></head>
<body><header><a href="/">His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services</a></header>
<nav><ul><li>Home</li><li>Publications</li></ul></nav>
<main><h1>Fraud: an inspection of the police response to fraud</h1>
<h2>Summary</h2><p>We looked at how forces respond to fraud.</p>
<h2>Our recommendations</h2>
<div class="recommendation-box"><p><strong>Recommendation 1</strong></p>
<p>By 31 March 2025, all chief constables should make sure that every report of fraud is assessed within 28
days, and that victims are told what action the force will take.</p></div>
<div class="recommendation-box"><p><strong>Recommendation 2</strong></p>
<p>Within six months, the Home Office should publish a timetable for replacing the national fraud reporting
service.</p></div>
<div class="recommendation-box"><p><strong>Recommendation 4</strong></p>
<p>By 31 December 2024, chief constables of forces that use the Niche records management system should make
sure that:</p><ul><li>fraud offences are recorded with the correct classification; and</li>
<li>a flag identifying the victim as vulnerable is added to the record.</li></ul></div>
<h2>Areas for improvement</h2>
<aside><p><strong>Area for improvement 1</strong></p>
<p>Forces should improve how they record and use information about repeat victims of fraud.</p></aside>
</main><footer>Contact us</footer><script>var x = "Recommendation 9";</script></body></html>"""


def test_html_edition_reads_into_the_findings_model(tmp_path):
    page = tmp_path / "fraud.html"
    page.write_text(FRAUD_HTML)
    doc = read_html_document(page)
    assert doc.report.title == "Fraud: an inspection of the police response to fraud"
    assert str(doc.report.published) == "2024-09-12" and doc.report.edition == "html"
    got = {(f.kind, f.ref): f for f in doc.findings}
    assert set(got) == {("recommendation", "1"), ("recommendation", "2"), ("recommendation", "4"),
                        ("area_for_improvement", "1")}
    assert got[("recommendation", "2")].verdict == "no" and str(got[("recommendation", "2")].deadline) == "2025-03-12"
    assert "a flag identifying the victim as vulnerable" in got[("recommendation", "4")].text
    assert got[("recommendation", "4")].verdict == "conditional"


def test_editions_cross_check_lists_what_one_edition_lacks(tmp_path, sample_pdfs):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample_pdfs["fraud-2024-sample"], folder / "fraud.pdf")
    (folder / "fraud.html").write_text(FRAUD_HTML)
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(cli.main, ["ingest", str(folder / "fraud.pdf"), str(folder / "fraud.html"), "--db", db])
    assert result.exit_code == 0, result.output
    diffs = json.loads(CliRunner().invoke(cli.main, ["editions", "--db", db, "--json"]).stdout)
    assert len(diffs) == 1 and len(diffs[0]["editions"]) == 2
    missing = [(d["source"], d["kind"], d["ref"]) for d in diffs[0]["only_in"]]
    assert missing == [("fraud.pdf", "recommendation", "3")]  # the HTML page above leaves it out
