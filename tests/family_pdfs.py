"""Draw one small PDF per report family (reportlab), for tests/test_families.py.

A `Family` is a report to draw (title, publication date, a flow of parts) with the findings a perfect
extractor returns for it (`Expected`) kept beside the drawing. The parts are the layout features
HMICFRS reports use: headings, paragraphs (numbered or not), item labels (boxed, on their own line, or
inline), shaded boxes, lists with bullets or printed numbers, ruled tables that repeat their header
over a page break, a letterhead, landscape pages and a spacer that fills a page so that the next part
is cut by the page break. The wording is our own; the families are those of issue 11.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

SHADE = colors.Color(0.88, 0.92, 0.96)
CC = ("chief constables",)  # the addressees of an item for every force
PROSE = ("Officers told us that they wanted more training. Between 2022 and 2024 the number of reports rose "
         "by a quarter, and the number of investigators stayed the same.")
MARGIN = 20 * mm


@dataclass(frozen=True)
class Expected:
    """One finding as a perfect extractor returns it. `parent` is the key of the cause of concern a
    recommendation answers ("cause_of_concern-u1"); `deadline` is an ISO date; `verdict` is for
    West Midlands Police (the default force profile)."""

    kind: str
    ref: str | None
    text: str
    addressees: tuple[str, ...]
    verdict: str
    lead_in: str | None = None
    parent: str | None = None
    deadline: str | None = None
    immediate: bool = False
    status: str | None = None


# The parts of a flow ---------------------------------------------------------------------------

@dataclass
class H:
    """A heading (level 1 or 2)."""

    text: str
    level: int = 1


@dataclass
class P:
    """A body paragraph; `number` prints a hanging paragraph number ("2.3")."""

    text: str
    number: str | None = None
    bold: bool = False
    hanging: float = 0.0  # lines after the first start this far right of it (a hanging indent)


@dataclass
class Label:
    """One labelled item: the label on its own line then the text (boxed or not), or `inline`:
    "Recommendation 2: text" as one paragraph. `subs` are sub-items printed as indented lines
    with their own markers ("(a)") or, without a marker, with a dash."""

    label: str
    text: str
    boxed: bool = True
    inline: bool = False
    subs: list[tuple[str, str]] = field(default_factory=list)
    after: list[str] = field(default_factory=list)  # lines printed under the text (a status line)


@dataclass
class Box:
    """A shaded box with a bold heading and paragraphs: a practice box, a cause of concern."""

    heading: str
    paras: list[str]


@dataclass
class Items:
    """A list: (marker, text) per item; the marker is printed in the margin ("\u2022", "1", "5a")."""

    items: list[tuple[str, str]]
    sub: bool = False  # sub-items ("(a)"), indented further


@dataclass
class Grid:
    """A ruled table; its first row is the header, repeated on every page the table runs onto."""

    rows: list[list[str]]
    widths: list[float]  # shares of the text width


@dataclass
class FillTo:
    """Empty space that leaves only `lines` body lines free at the foot of the page, so that the
    next part starts near the bottom and a page break cuts it."""

    lines: float


@dataclass
class Landscape:
    """Parts printed on landscape pages (a Word report's summary table of recommendations)."""

    parts: list


PAGEBREAK = "pagebreak"


@dataclass
class Family:
    """A report to draw and the findings it holds."""

    name: str
    title: str
    published: str  # "5 March 2025"
    flow: list
    expected: list[Expected]
    font: str = "Helvetica"
    cover: bool = True  # False: a letter, whose first page is its letterhead
    header: str = ""
    marker_size: float | None = None  # list markers in a smaller type than the text, as Word's bullets
    footnotes: dict[int, str] = field(default_factory=dict)  # page -> footnote printed at its foot
    web_print: str | None = None  # the page's URL: printed by a browser, with its header and footer


# Drawing ---------------------------------------------------------------------------------------

class _Fill(Flowable):
    def __init__(self, free: float) -> None:
        super().__init__()
        self.free = free

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(0.0, avail_height - self.free)
        return avail_width, self.height

    def draw(self) -> None:
        pass


def _styles(font: str, marker_size: float | None) -> dict[str, ParagraphStyle]:
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[font]
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=14.5, spaceAfter=8, bulletFontName=font,
                          bulletFontSize=marker_size or 10.5)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "numbered": ParagraphStyle("numbered", parent=body, leftIndent=30, bulletIndent=0),
        "item": ParagraphStyle("item", parent=body, leftIndent=22, bulletIndent=4, spaceAfter=5),
        "sub": ParagraphStyle("sub", parent=body, leftIndent=46, bulletIndent=24, spaceAfter=4),
        "label": ParagraphStyle("label", parent=body, fontName=bold, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=12, spaceAfter=0),
        "head": ParagraphStyle("head", parent=body, fontName=bold, fontSize=9.5, leading=12, spaceAfter=0),
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=17, leading=22, spaceBefore=6, spaceAfter=10),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12.5, leading=16, spaceBefore=4, spaceAfter=6),
        "title": ParagraphStyle("title", fontName=bold, fontSize=24, leading=30),
        "cover": ParagraphStyle("cover", fontName=font, fontSize=13, leading=18),
    }


def draw(family: Family, path: Path) -> Path:
    """Draw the family's report as a PDF at path (twice for a browser print, whose footer counts pages)."""
    total = _build(family, path, 0) if family.web_print else 0
    _build(family, path, total)
    return path


def _build(family: Family, path: Path, total: int) -> int:
    producer = "Skia/PDF m120" if family.web_print else None
    doc = BaseDocTemplate(str(path), pagesize=A4, title=family.title, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN, producer=producer,
                          creator="Mozilla/5.0 Chrome/120.0" if family.web_print else None)
    templates = []
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        bottom = 32 * mm if family.footnotes else MARGIN  # room for a footnote under the text
        frame = Frame(MARGIN, bottom, size[0] - 2 * MARGIN, size[1] - MARGIN - bottom - 4 * mm, id=name)
        templates.append(PageTemplate(id=name, frames=[frame], onPage=_decorator(family, total), pagesize=size))
    doc.addPageTemplates(templates)
    styles = _styles(family.font, family.marker_size)
    story: list = []
    if family.cover:
        story += [Spacer(1, 60 * mm), Paragraph(family.title, styles["title"]), Spacer(1, 10 * mm),
                  Paragraph("His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services",
                            styles["cover"]),
                  Paragraph(f"Published {family.published}", styles["cover"]), PageBreak()]
    width = A4[0] - 2 * MARGIN
    for part in family.flow:
        story += _part(part, styles, width)
    doc.build(story)
    return doc.page


def _decorator(family: Family, total: int):
    """Running header and footer (a browser's print header and footer for a web page), footnotes."""
    header = family.header or family.title[:60]

    def decorate(canvas, doc_) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(family.font, 8)
        if family.web_print:
            canvas.drawString(8 * mm, height - 7 * mm, "20/08/2025, 14:05")
            canvas.drawCentredString(width / 2, height - 7 * mm, f"{family.title[:50]} - HMICFRS")
            canvas.drawString(8 * mm, 7 * mm, family.web_print)
            canvas.drawRightString(width - 8 * mm, 7 * mm, f"{doc_.page}/{total}")
        elif doc_.page > 1:
            canvas.drawString(MARGIN, height - 12 * mm, header)
            canvas.drawRightString(width - MARGIN, 10 * mm, str(doc_.page))
        note = family.footnotes.get(doc_.page)
        if note:
            canvas.line(MARGIN, 26 * mm, MARGIN + 50 * mm, 26 * mm)
            text = canvas.beginText(MARGIN, 22 * mm)
            text.setFont(family.font, 7)
            text.setRise(3)
            text.textOut("1")
            text.setRise(0)
            text.setFont(family.font, 8)
            text.textOut(" " + note)
            canvas.drawText(text)
        canvas.restoreState()

    return decorate


def _part(part, styles: dict[str, ParagraphStyle], width: float) -> list:
    if part == PAGEBREAK:
        return [PageBreak()]
    if isinstance(part, H):
        return [Paragraph(part.text, styles["h1" if part.level == 1 else "h2"])]
    if isinstance(part, P):
        if part.number:
            return [Paragraph(part.text, styles["numbered"], bulletText=part.number)]
        style = styles["bold" if part.bold else "body"]
        if part.hanging:
            style = ParagraphStyle("hanging", parent=style, leftIndent=part.hanging, firstLineIndent=-part.hanging)
        return [Paragraph(part.text, style)]
    if isinstance(part, Label):
        return _label(part, styles, width)
    if isinstance(part, Box):
        cells = [Paragraph(part.heading, styles["label"]), *(Paragraph(p, styles["body"]) for p in part.paras)]
        return [Spacer(1, 4), _shaded(cells, width), Spacer(1, 10)]
    if isinstance(part, Items):
        style = styles["sub" if part.sub else "item"]
        return [Paragraph(text, style, bulletText=marker) for marker, text in part.items]
    if isinstance(part, Grid):
        return [_grid(part, styles, width), Spacer(1, 10)]
    if isinstance(part, FillTo):
        return [_Fill(part.lines * styles["body"].leading + 6)]
    if isinstance(part, Landscape):
        wide = A4[1] - 2 * MARGIN
        inner = [flowable for p in part.parts for flowable in _part(p, styles, wide)]
        return [NextPageTemplate("landscape"), PageBreak(), *inner, NextPageTemplate("portrait"), PageBreak()]
    raise TypeError(f"unknown part {part!r}")


def _label(item: Label, styles: dict[str, ParagraphStyle], width: float) -> list:
    if item.inline:
        cells = [Paragraph(f"<b>{item.label}:</b> {item.text}", styles["body"])]
    else:
        cells = [Paragraph(item.label, styles["label"]), Paragraph(item.text, styles["body"])]
    cells += [Paragraph(text, styles["sub"], bulletText=marker or "\u2013") for marker, text in item.subs]
    cells += [Paragraph(line, styles["body"]) for line in item.after]
    if not item.boxed:
        return [KeepTogether(cells[:2]), *cells[2:]]
    return [Spacer(1, 4), _shaded(cells, width), Spacer(1, 10)]


def _shaded(cells: list, width: float) -> Table:
    table = Table([[c] for c in cells], colWidths=[width], splitByRow=True)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SHADE), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return table


def _grid(grid: Grid, styles: dict[str, ParagraphStyle], width: float) -> Table:
    rows = [[Paragraph(text, styles["head" if i == 0 else "cell"]) for text in row] for i, row in enumerate(grid.rows)]
    table = Table(rows, colWidths=[share * width for share in grid.widths], repeatRows=1, splitByRow=True)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE), ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


# Distractors every family prints: none of them is a finding ---------------------------------------

def contents(*entries: tuple[str, int]) -> list:
    """A contents page with dot leaders, "Recommendations ..... 4" among its lines."""
    return [H("Contents"), *(P(f"{title} {'.' * 40} {page}") for title, page in entries), PAGEBREAK]


def glossary(service: str = "a police force") -> list:
    """An "About this inspection" passage that defines the kinds of finding."""
    return [H("About this inspection", 2),
            P(f"We make a recommendation when we find a serious problem that {service} or a national body must "
              "put right. An area for improvement is something that we think should be done better, but "
              "which does not call for a recommendation. A cause of concern is a serious or critical shortfall "
              "in practice, and we normally make recommendations that address it.")]


def practice_box(heading: str = "Innovative practice") -> Box:
    """A shaded practice box whose text tells other bodies what they should do."""
    return Box(heading, ["A neighbourhood team set up a weekly surgery in a library, where residents could "
                         "report concerns to an officer in person. Other forces should consider this approach, "
                         "which has doubled the number of reports from older residents."])


def quoted_recommendation(body: str = "The Independent Office for Police Conduct") -> P:
    """Another body's recommendation, quoted in running prose."""
    return P(f"In 2021, {body} recommended that forces should review how they record complaints about "
             "the handling of reports. We found that most forces had done so, and we have not repeated it here.")


def earlier_item_in_prose() -> P:
    """An earlier report's item named and paraphrased in running prose."""
    return P("Recommendation 4 of our 2019 report said that chief constables should publish their plans for "
             "victim care. Most forces have now done so.")


def statistics_table() -> Grid:
    """A table of figures, not of items."""
    return Grid([["Year", "Reports received", "Reports investigated", "Charge rate"],
                 ["2022", "1,204", "987", "6.1%"], ["2023", "1,388", "1,046", "5.4%"],
                 ["2024", "1,517", "1,190", "5.9%"]], [0.22, 0.26, 0.28, 0.24])


def numbered_paragraphs(chapter: int) -> list:
    """Body paragraphs numbered "2.1", "2.3" that state no item (one reports guidance with "should")."""
    return [P("We reviewed 120 case files from six forces and spoke to more than 90 officers and staff.",
              f"{chapter}.1"),
            P("National guidance says that investigators should record each decision and the reason for it.",
              f"{chapter}.2"),
            P("Most of the files we reviewed showed that supervisors had checked the investigation plan.",
              f"{chapter}.3")]
