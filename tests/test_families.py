"""Every report family of issue 11, drawn by tests/family_specs.py, must yield exactly its findings.

One test per expected finding (found once, every field as expected) and one per family (nothing
else found: the distractors are not findings). Where today's extractor fails, the test is marked
xfail(strict) with what goes wrong, so a fix turns it into a failure that asks for the mark to go.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from pathlib import Path

import pdfplumber
import pytest
from family_pdfs import Expected, Family, draw
from family_specs import FAMILIES

from hmicfrs.model import Document, Finding
from hmicfrs.pipeline import read_document

BY_NAME = {family.name: family for family in FAMILIES}

# (family, the start of an expected finding's text) -> what the extractor does wrong today
KNOWN_FAILURES: dict[tuple[str, str], str] = {}
# family -> the findings it reports that are not in the report
KNOWN_EXTRAS: dict[str, str] = {}
# family -> what goes wrong with the report's own record (title, date, self-check warnings)
KNOWN_REPORT_FAILURES: dict[str, str] = {}


def known_failure(name: str, expected: Expected) -> str | None:
    return next((reason for (family, start), reason in KNOWN_FAILURES.items()
                 if family == name and expected.text.startswith(start)), None)


class Drawn:
    """Each family drawn and read once per session, when a test first asks for it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.docs: dict[str, Document] = {}

    def pdf(self, name: str) -> Path:
        path = self.folder / f"{name}.pdf"
        if not path.exists():
            draw(BY_NAME[name], path)
        return path

    def doc(self, name: str) -> Document:
        if name not in self.docs:
            self.docs[name] = read_document(self.pdf(name))
        return self.docs[name]


@pytest.fixture(scope="session")
def drawn(tmp_path_factory) -> Drawn:
    return Drawn(tmp_path_factory.mktemp("families"))


def observed(finding: Finding) -> dict:
    """A finding in the shape of `Expected`."""
    return {"kind": finding.kind, "ref": finding.ref, "text": finding.text, "addressees": tuple(finding.addressees),
            "verdict": finding.verdict, "lead_in": finding.lead_in, "parent": finding.parent_key,
            "deadline": finding.deadline.isoformat() if finding.deadline else None, "immediate": finding.immediate,
            "status": finding.status}


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.kind} {f.ref!r} ({f.rule}, pages {f.pages}): {f.text!r}" for f in findings) or "  none"


def _params_items() -> list:
    params = []
    for family in FAMILIES:
        for i, exp in enumerate(family.expected):
            reason = known_failure(family.name, exp)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(family.name, i, marks=marks, id=f"{family.name}-{i}-{exp.kind}-{exp.ref}"))
    return params


def _params_families() -> list:
    return [pytest.param(f.name, marks=[pytest.mark.xfail(strict=True, reason=KNOWN_EXTRAS[f.name])]
                         if f.name in KNOWN_EXTRAS else [], id=f.name) for f in FAMILIES]


@pytest.mark.parametrize(("name", "index"), _params_items())
def test_expected_finding_is_read_exactly(drawn: Drawn, name: str, index: int) -> None:
    expected: Expected = BY_NAME[name].expected[index]
    findings = drawn.doc(name).findings
    same = [f for f in findings if f.kind == expected.kind and f.text == expected.text]
    assert same, f"not found: {expected.kind} {expected.text!r}\nfound:\n{describe(findings)}"
    assert len(same) == 1, f"found {len(same)} times:\n{describe(same)}"
    assert observed(same[0]) == asdict(expected)


@pytest.mark.parametrize("name", _params_families())
def test_nothing_else_is_a_finding(drawn: Drawn, name: str) -> None:
    family: Family = BY_NAME[name]
    wanted = {(e.kind, e.text) for e in family.expected}
    extra = [f for f in drawn.doc(name).findings if (f.kind, f.text) not in wanted]
    assert not extra, f"findings that are not in the report:\n{describe(extra)}"


@pytest.mark.parametrize("name", [pytest.param(f.name, id=f.name, marks=[pytest.mark.xfail(
    strict=True, reason=KNOWN_REPORT_FAILURES[f.name])] if f.name in KNOWN_REPORT_FAILURES else []) for f in FAMILIES])
def test_report_title_date_and_no_warnings(drawn: Drawn, name: str) -> None:
    family: Family = BY_NAME[name]
    report = drawn.doc(name).report
    assert (report.title, report.published, report.is_hmicfrs, report.edition, report.warnings) == (
        family.title, datetime.strptime(family.published, "%d %B %Y").date(), True,
        "web" if family.web_print else "pdf", [])


# The drawings have the layout features the families claim -------------------------------------

def _page_texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_tables_repeat_their_header_on_the_next_page(drawn: Drawn) -> None:
    pages = _page_texts(drawn.pdf("tables"))
    with_header = [i for i, text in enumerate(pages, 1) if "No. Recommendation Responsible body Target date" in text]
    assert with_header == [4, 5]
    assert "schedule of the unused material" in pages[3] and "Set a national standard" in pages[4]


def test_list_items_are_cut_by_a_page_break(drawn: Drawn) -> None:
    fire = _page_texts(drawn.pdf("fire"))
    assert "report its progress against" in fire[3] and fire[4].split("\n")[1].startswith("that the authority")
    lead_ins = _page_texts(drawn.pdf("lead-ins"))
    assert "agree, by 31 March 2026" in lead_ins[3] and lead_ins[4].split("\n")[1] == "request."


def test_word_era_report_has_a_landscape_page_in_a_serif_font(drawn: Drawn) -> None:
    with pdfplumber.open(drawn.pdf("word-era")) as pdf:
        wide = [page.page_number for page in pdf.pages if page.width > page.height]
        fonts = {char["fontname"] for char in pdf.pages[0].chars}
    assert wide == [4]
    assert fonts <= {"Times-Roman", "Times-Bold"}


def test_web_print_has_a_browser_header_and_footer_and_the_footnote_is_printed(drawn: Drawn) -> None:
    with pdfplumber.open(drawn.pdf("web-print")) as pdf:
        assert pdf.metadata["Producer"].startswith("Skia/PDF")
        texts = [page.extract_text() for page in pdf.pages]
    assert all(text.startswith("20/08/2025, 14:05") for text in texts)
    assert texts[0].rstrip().endswith(f"1/{len(texts)}") and "justiceinspectorates.gov.uk" in texts[0]
    assert "The IOPC recommended in 2022" in _page_texts(drawn.pdf("labels"))[2]
