"""Table rows as the extractor reads them: a label in a Type cell, a line of the item's cell read as a
row of its own (as a short last line is), pages of a table's copy and the chapter's."""

from __future__ import annotations

from hmicfrs.extractors.findings import extract_findings
from hmicfrs.model import Block, Line

HEADER = ["Finding", "Type", "Para"]


def row(top: float, texts: tuple[str, str, str], first: bool = False) -> Block:
    cells = [[Line(1, x, top, x + 150, top + 11, t, 9.5, False)] if t else [] for x, t in zip((60, 330, 470), texts,
                                                                                            strict=True)]
    lines = sorted((ln for cell in cells for ln in cell), key=lambda ln: ln.x0)
    return Block("row", lines, first_on_page=first, cells=list(zip(HEADER, texts, strict=True)), cell_lines=cells)


def test_a_type_cell_labels_the_row_and_a_short_last_line_goes_on():
    blocks = [row(100, ("The force should check the welfare of officers who work at remote", "Area for improvement 2",
                        "4.6"), first=True),
              row(112, ("sites.", "", "")),
              row(130, ("The force should publish its plan for the coming year.", "Recommendation 3", "5.3"))]
    findings = extract_findings(blocks).findings
    assert [(f.kind, f.ref, f.text) for f in findings] == [
        ("area_for_improvement", "2", "The force should check the welfare of officers who work at remote sites."),
        ("recommendation", "3", "The force should publish its plan for the coming year.")]


def test_a_row_after_a_finished_sentence_is_its_own():
    blocks = [row(100, ("The force should publish its plan.", "Recommendation 1", "2.1"), first=True),
              row(112, ("Figures for 2024 are in Annex B and are provisional.", "", ""))]
    findings = extract_findings(blocks).findings
    assert [(f.ref, f.text) for f in findings] == [("1", "The force should publish its plan.")]


def para(*lines: str) -> Block:
    return Block("para", [Line(1, 60, 100 + 14 * i, 520, 111 + 14 * i, t, 11, False) for i, t in enumerate(lines)])


def test_a_label_opening_a_later_sentence_of_a_paragraph_starts_the_item():
    block = para("Few authorities had the information they needed to scrutinise their force. Recommendation 2 \u2013",
                 "HMIC recommends that chief constables should publish their assessment every year.")
    findings = extract_findings([block]).findings
    assert [(f.ref, f.text) for f in findings] == [
        ("2", "HMIC recommends that chief constables should publish their assessment every year.")]


def test_a_label_named_in_a_later_sentence_of_prose_is_no_item():
    block = para("Most forces have acted on our earlier report. Recommendation 4 \u2013 made in 2019 \u2013 is now",
                 "closed, and we do not repeat it here.")
    assert extract_findings([block]).findings == []
