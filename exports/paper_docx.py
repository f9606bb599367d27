"""The board paper as a Word document (python-docx): built-in heading styles, so that pasting it into a
committee template takes the template's look; items as numbered paragraphs (numbering restarts for each
report, so the numbers match the counts sentence); the portal figures as a Word table.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .paper import Item, Paper, ReportSection
from .paper_markdown import (
    PORTAL_COLUMNS,
    item_details,
    long_date,
    other_forces_line,
    portal_note,
    portal_rows,
    purpose,
    report_line,
    title,
)
from .paper_text import LETTERED

DETAILS = "Item details"
GREY = RGBColor(0x40, 0x40, 0x40)
INDENT = Cm(0.63)  # the List Number style's text indent, so that details sit under the item's text
# numbered item, its bullets, more text, lettered sub-items
LEVELS = {1: ("List Number", "List Bullet 2", "List Continue", "List Continue 2"),
          2: ("List Number 2", "List Bullet 3", "List Continue 2", "List Continue 3")}


def _styles(doc) -> None:
    """Arial throughout (as most force templates), black headings, a quiet style for item details."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        style = doc.styles[name]
        style.font.name, style.font.size, style.font.color.rgb = "Arial", Pt(size), RGBColor(0, 0, 0)
        style.font.bold = True
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            style.element.rPr.rFonts.attrib.pop(qn(attr), None)
    doc.styles["Title"].paragraph_format.space_after = Pt(4)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(14)
    details = doc.styles.add_style(DETAILS, WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = normal
    details.font.size, details.font.color.rgb = Pt(9.5), GREY
    details.paragraph_format.left_indent = INDENT
    details.paragraph_format.space_after = Pt(8)


def _restart_numbering(doc, style: str = "List Number") -> int:
    """A new w:num on a list style's list, starting again at 1; returns its numId."""
    numbering = doc.part.numbering_part.numbering_definitions._numbering
    base = doc.styles[style].element.pPr.numPr.numId.val
    num = numbering.add_num(numbering.num_having_numId(base).abstractNumId.val)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _numbered(doc, num_id: int, style: str):
    paragraph = doc.add_paragraph(style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def _item(doc, item: Item, num_id: int, force: str, level: int = 1) -> None:
    """A numbered paragraph (label in bold, then the text), its sub-bullets and its details."""
    first, *rest = item.paragraphs or [""]
    paragraph = _numbered(doc, num_id, LEVELS[level][0])
    paragraph.add_run(f"{item.label}. ").bold = True
    paragraph.add_run(first)
    for text in rest:
        doc.add_paragraph(text, style=LEVELS[level][2])
    for bullet in item.bullets:  # a lettered sub-item keeps its letter and goes without a bullet glyph
        doc.add_paragraph(bullet, style=LEVELS[level][1 if not LETTERED.match(bullet) else 3])
    for text in item.after:
        doc.add_paragraph(text, style=LEVELS[level][2])
    details = item_details(item, force)
    if details:
        para = doc.add_paragraph(style=DETAILS)
        para.paragraph_format.left_indent = INDENT * level
        for n, line in enumerate(details):
            name, _, value = line.partition(": ")
            if n:
                para.add_run().add_break()
            para.add_run(f"{name}: " if value else name).bold = bool(value)
            para.add_run(value)


def _report(doc, report: ReportSection, number: str, force: str) -> None:
    doc.add_heading(f"{number} {report.title}", level=2)
    doc.add_paragraph(report_line(report))
    if report.summary:
        doc.add_paragraph(report.summary)
    doc.add_paragraph(report.sentence)
    if not report.own_peel:
        num_id = _restart_numbering(doc)
        for item in report.applicable:
            _item(doc, item, num_id, force)
        return
    if report.causes:
        doc.add_heading("Causes of concern and their recommendations", level=3)
        num_id = _restart_numbering(doc)
        for cause, recs in report.causes:
            _item(doc, cause, num_id, force)
            if recs:
                lead = doc.add_paragraph(recs[0].lead_in or "Recommendations:", style="List Continue")
                lead.runs[0].italic = True  # the lead-in once, then its recommendations one level in
                sub = _restart_numbering(doc, LEVELS[2][0])
                for rec in recs:
                    _item(doc, rec, sub, force, level=2)
    if report.others:
        doc.add_heading("Areas for improvement", level=3)
        num_id = _restart_numbering(doc)
        for item in report.others:
            _item(doc, item, num_id, force)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _portal_table(doc, paper: Paper) -> None:
    rows = portal_rows(paper)
    table = doc.add_table(rows=1 + len(rows), cols=len(PORTAL_COLUMNS), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, cells in enumerate([list(PORTAL_COLUMNS), *rows]):
        last = r == len(rows)
        for c, value in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = value
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if c >= 2:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r == 0 or last:
                paragraph.runs[0].bold = True
            if r == 0:
                _shade(cell, "D9D9D9")
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats if the table runs over a page
    header.append(repeat)
    table.autofit = False
    widths = (Cm(5.5), Cm(4.5), Cm(2), Cm(2), Cm(2))
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width.twips))  # LibreOffice reads the grid; Word reads the cells
    for c, width in enumerate(widths):
        for cell in table.columns[c].cells:
            cell.width = width


def _page_numbers(section) -> None:
    """'Page N' centred in the footer (a PAGE field, so Word counts)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def build_docx(paper: Paper):
    """The paper as a python-docx Document."""
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    _page_numbers(section)
    doc.core_properties.title = title(paper)
    doc.core_properties.author = f"{paper.force} HMICFRS liaison"
    doc.add_heading(title(paper), level=0)
    doc.add_paragraph(f"Reports published {long_date(paper.since)} to {long_date(paper.until)}")
    doc.add_heading("1. Purpose", level=1)
    doc.add_paragraph(purpose(paper))
    doc.add_heading("2. HMICFRS monitoring portal", level=1)
    if paper.portal:
        _portal_table(doc, paper)
    else:
        doc.add_paragraph("No tracker export has been imported (hmicfrs records import FILE).")
    doc.add_paragraph().paragraph_format.space_after = Pt(0)
    doc.add_paragraph(portal_note(paper))
    doc.add_heading("3. Reports published in the period", level=1)
    if not paper.reports:
        doc.add_paragraph("No HMICFRS reports were published in the period.")
    for n, report in enumerate(paper.reports, start=1):
        _report(doc, report, f"3.{n}", paper.force)
    if paper.other_forces:
        doc.add_paragraph(other_forces_line(paper))
    return doc


def write_docx(paper: Paper, path: Path) -> None:
    build_docx(paper).save(str(path))
