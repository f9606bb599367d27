"""Sample report PDFs drawn with reportlab, in the layouts HMICFRS uses.

They are the demo corpus (`hmicfrs demo`) and the tests' fixtures: a fresh clone needs no outside
files. Each layout feature the extractor handles has a switch here: shaded boxes, a summary list,
PEEL causes of concern with lead-in and bullets, footnote markers, two columns, page breaks inside
items, running headers and footers.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14.5, spaceAfter=8)
JUSTIFIED = ParagraphStyle("justified", parent=BODY, alignment=TA_JUSTIFY)
H1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=19, leading=24, spaceBefore=6, spaceAfter=10)
H2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=11.5, leading=15, spaceBefore=4, spaceAfter=6)
LABEL = ParagraphStyle("label", fontName="Helvetica-Bold", fontSize=10.5, leading=14, spaceAfter=4)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=16, bulletIndent=4, spaceAfter=4)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=26, leading=32)
COVER = ParagraphStyle("cover", fontName="Helvetica", fontSize=13, leading=18)
SHADE = colors.Color(0.89, 0.92, 0.96)

FILLER = [
    "Officers told us they were committed to improving the quality of investigations.",
    "We reviewed 84 case files and found that 41 (49 percent) showed effective supervision.",
    "Between 2022 and 2024, the demand on the control room changed markedly.",
    "One officer told us: \u201cWe just don\u2019t have enough people on shift.\u201d",
    "Senior leaders have a good understanding of workforce wellbeing, which is encouraging.",
    "This part of the report considers how well the police respond to the public.",
]


def filler(n: int, seed: int = 0) -> str:
    """n sentences of neutral report prose."""
    cycle = itertools.islice(itertools.cycle(FILLER), seed, seed + n)
    return " ".join(cycle)


@dataclass
class Item:
    label: str  # "Recommendation 1", "Area for improvement", "Cause of concern"
    text: str  # may hold "<super>3</super>" footnote markers, "\n\n" paragraphs and "\n- " sub-bullets
    boxed: bool = True


@dataclass
class Bullets:
    """A PEEL list: optional heading, lead-in line and one bullet per recommendation."""

    lead_in: str
    bullets: list[str]
    heading: str = "Recommendations"
    page_break_before_bullets: bool = False


@dataclass
class Sample:
    """A report to draw: cover, then a flow of headings, paragraphs, items and lists."""

    title: str
    published: str  # "12 September 2024"
    flow: list = field(default_factory=list)  # str = paragraph, ("h", text) = heading, Item, Bullets, "pagebreak"
    two_columns: bool = False
    committee_paper: bool = False
    header: str | None = None
    cover: list[str] = field(default_factory=list)  # extra cover lines, e.g. a joint report's inspectorates
    producer: str | None = None  # e.g. "Skia/PDF m120" for a browser's print of the web page


def build_pdf(sample: Sample, path: Path) -> Path:
    """Draw the sample as a PDF at path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                          bottomMargin=25 * mm, title=sample.title, producer=sample.producer)
    width = A4[0] - 40 * mm
    height = A4[1] - 47 * mm
    if sample.two_columns:
        gap = 8 * mm
        col = (width - gap) / 2
        frames = [Frame(20 * mm, 25 * mm, col, height, id="left"),
                  Frame(20 * mm + col + gap, 25 * mm, col, height, id="right")]
    else:
        frames = [Frame(20 * mm, 25 * mm, width, height, id="body")]
    header = sample.header or sample.title[:70]

    def decorate(canvas, doc_) -> None:
        if doc_.page == 1:
            return
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, A4[1] - 14 * mm, header)
        canvas.drawString(20 * mm, 12 * mm, "OFFICIAL" if sample.committee_paper else "HMICFRS")
        canvas.drawRightString(A4[0] - 20 * mm, 12 * mm, str(doc_.page))
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=frames, onPage=decorate)])
    doc.build(_story(sample, (width - 8 * mm) / (2 if sample.two_columns else 1)))
    return path


def _story(sample: Sample, col_width: float) -> list:
    story: list = []
    if sample.committee_paper:
        story += [Paragraph("AGENDA ITEM 7", H2), Paragraph("Strategic Policing and Crime Board", H2),
                  Paragraph(sample.title, H1), Paragraph("Report of the Chief Constable", BODY),
                  Paragraph("1. Purpose of paper", H2)]
    else:
        story += [Spacer(1, 60 * mm), Paragraph(sample.title, TITLE), Spacer(1, 10 * mm),
                  Paragraph("His Majesty\u2019s Inspectorate of Constabulary and Fire &amp; Rescue Services", COVER),
                  *(Paragraph(line, COVER) for line in sample.cover),
                  Paragraph(f"Published {sample.published}", COVER), PageBreak()]
    style = JUSTIFIED if sample.two_columns else BODY
    for part in sample.flow:
        if part == "pagebreak":
            story.append(PageBreak())
        elif isinstance(part, tuple) and part[0] == "h":
            story.append(CondPageBreak(30 * mm))
            story.append(Paragraph(part[1], H1 if len(part) < 3 else H2))
        elif isinstance(part, Item):
            story.extend(_item(part, col_width))
        elif isinstance(part, Bullets):
            story.append(Paragraph(part.heading, H2))
            story.append(Paragraph(part.lead_in, BODY))
            if part.page_break_before_bullets:
                story.append(PageBreak())
            story.extend(Paragraph(b, BULLET, bulletText="\u2022") for b in part.bullets)
        else:
            story.append(Paragraph(str(part), style))
    return story


def _item(item: Item, width: float) -> list:
    main, *subs = item.text.split("\n- ")
    cells = [Paragraph(item.label, LABEL), *(Paragraph(p, BODY) for p in main.split("\n\n"))]
    cells += [Paragraph(s, BULLET, bulletText="\u2013") for s in subs]
    if not item.boxed:
        return [KeepTogether(cells[:2]), *cells[2:]]
    table = Table([[c] for c in cells], colWidths=[width], splitByRow=True)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), SHADE), ("LEFTPADDING", (0, 0), (-1, -1), 8),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [Spacer(1, 4), table, Spacer(1, 10)]


# The demo corpus --------------------------------------------------------------------------------

def demo_samples() -> dict[str, Sample]:
    """Three small reports in different layouts and a committee paper that only quotes HMICFRS."""
    recs = [
        Item("Recommendation 1", "By 31 March 2025, all chief constables should make sure that every report of "
             "fraud is assessed within 28 days, and that victims are told what action the force will take."),
        Item("Recommendation 2", "Within six months, the Home Office should publish a timetable for replacing "
             "the national fraud reporting service."),
        Item("Recommendation 3", "By 30 September 2025, the College of Policing, working with chief constables, "
             "should develop a training programme<super>1</super> in fraud investigation, which forces should "
             "then adopt."),
        Item("Recommendation 4", "By 31 December 2024, chief constables of forces that use the Niche records "
             "management system should make sure that:\n- fraud offences are recorded with the correct "
             "classification; and\n- a flag identifying the victim as vulnerable is added to the record."),
        Item("Area for improvement 1", "Forces should improve how they record and use information about repeat "
             "victims of fraud."),
    ]
    thematic = Sample(
        "Fraud: an inspection of the police response to fraud", "12 September 2024",
        [("h", "Summary"), filler(6), ("h", "Our recommendations", 2),
         *[Item(i.label, i.text, boxed=False) for i in recs],
         "pagebreak", ("h", "1. Investigation"), filler(14, 1), recs[0], filler(10, 2), recs[1], filler(30, 3),
         recs[2], filler(8, 4), recs[3], filler(6, 5), recs[4], filler(6)],
    )
    peel = Sample(
        "PEEL 2023\u20132025: An inspection of Kent Police", "16 May 2024",
        [("h", "Responding to the public"), filler(8),
         Item("Area for improvement", "The force should make sure that control room supervisors review the "
              "grading of incidents that are held in a queue for longer than an hour."),
         filler(9, 2), Item("Cause of concern", "The force isn\u2019t managing the risk posed by domestic abuse "
                             "suspects effectively."),
         Bullets("By 31 March 2025, the force should:", [
             "make sure domestic abuse suspects are arrested promptly where there are grounds to do so;",
             "review its use of pre-charge bail for domestic abuse suspects; and",
             "make sure supervisors review outstanding suspect lists daily."]),
         filler(6, 3)],
    )
    custody = Sample(
        "Safe in our hands? An inspection of police custody", "14 July 2016",
        [("h", "1. Introduction"), filler(20), ("h", "Recommendations", 2),
         Item("Recommendation 1", "Within three months, all forces should make sure that every detainee is "
              "assessed for risk on arrival in custody.", boxed=False),
         Item("Recommendation 2", "The College of Policing should, by December 2016, revise its guidance on "
              "detention and custody.", boxed=False),
         Item("Recommendation 3", "With immediate effect, chief constables should stop using cells that have "
              "ligature points.", boxed=False),
         filler(20, 2)],
        two_columns=True,
    )
    paper = Sample("HMICFRS update: progress against PEEL causes of concern", "13 February 2024",
                   [filler(4), "Within three months, the force should: make sure it has enough call handlers.",
                    filler(4, 1)], committee_paper=True)
    return {"fraud-2024-sample": thematic, "kent-peel-sample": peel, "custody-2016-sample": custody,
            "committee-paper-sample": paper}


def write_demo_corpus(folder: Path) -> list[Path]:
    """Write the demo PDFs (and one broken download, to show error handling) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [build_pdf(sample, folder / f"{name}.pdf") for name, sample in demo_samples().items()]
    broken = folder / "broken-download.pdf"
    broken.write_bytes(b"<!DOCTYPE html><html><body>404 Not Found</body></html>")
    return [*paths, broken]


DEMO_TRACKER = """Reference,Type,Level,Status,Report title,Published,Text,Owner,Due date
WMP-DEMO-1,Recommendation,2,Being progressed,Fraud: an inspection of the police response to fraud,2024-09-12,\
"Rec 1 - By 31 March 2025, all chief constables should make sure that every report of fraud is assessed within \
28 days, and that victims are told what action the force will take.",ACC Crime,31/03/2025
WMP-DEMO-2,AFI,4,Pending sign off,Fraud: an inspection of the police response to fraud,2024-09-12,\
Forces should improve how they record and use information about repeat victims of fraud.,Head of Intelligence,
WMP-DEMO-3,Recommendation,2,Complete,Safe in our hands? An inspection of police custody,2016-07-14,\
"Within three months, all forces should make sure that every detainee is assessed for risk on arrival in custody.",\
Head of Custody,14/10/2016
WMP-DEMO-4,Recommendation,3,Closed,Internal audit: overtime controls,2023-02-14,\
The force should introduce monthly reconciliation of overtime claims against duty rosters.,Finance Director,
"""


def write_demo_tracker(path: Path) -> Path:
    """A small force tracker export for the demo: three records of sample findings and one of an audit."""
    path.write_text(DEMO_TRACKER, "utf-8-sig")  # as Excel saves a CSV
    return path


# The board paper's corpus: the force's own PEEL report and a joint report (in two editions) ---------

def paper_samples() -> dict[str, Sample]:
    """West Midlands Police's own PEEL report (causes of concern with recommendations, then areas for
    improvement) and a joint inspection with a summary, sub-bullets and a conditional item."""
    wmp = Sample(
        "PEEL 2023\u20132025: An inspection of West Midlands Police", "15 December 2023",
        [("h", "Summary"), "West Midlands Police is adequate at investigating crime, but it needs to improve how it "
         "responds to the public and how it manages sex offenders. We have identified two causes of concern and "
         "five areas for improvement.", filler(4),
         ("h", "Responding to the public"), filler(6),
         Item("Cause of concern", "The force isn\u2019t answering emergency and non-emergency calls quickly enough, "
              "and it doesn\u2019t always assess the risk to callers properly."),
         Bullets("Within three months, the force should:", [
             "make sure it has enough call handlers to answer emergency calls within ten seconds;",
             "review how it assesses risk when a caller first contacts the force; and",
             "make sure supervisors check that incidents are graded correctly."]),
         filler(5, 1),
         Item("Area for improvement", "The force should make sure that officers record the details of vulnerable "
              "victims accurately."),
         Item("Area for improvement", "The force should improve the time it takes to attend non-emergency "
              "incidents."),
         ("h", "Managing offenders and suspects"), filler(6, 2),
         Item("Cause of concern", "The force doesn\u2019t manage the risk posed by registered sex offenders "
              "effectively."),
         Bullets("By 31 March 2024, the force should:", [
             "reduce the backlog of visits to registered sex offenders; and",
             "make sure that every offender is assessed with an approved risk tool."]),
         filler(5, 3),
         Item("Area for improvement", "The force should improve its use of police powers to protect vulnerable "
              "people."),
         Item("Area for improvement", "The force should make sure that its crime data is recorded in line with "
              "the national standard."),
         Item("Area for improvement", "The force should improve how it supports the wellbeing of its workforce."),
         filler(4, 4)],
    )
    return {"wmp-peel-sample": wmp, "victims-joint-sample": victims_joint()}


JOINT_ITEMS = [
    ("Recommendation 1", "By 30 June 2024, chief constables should make sure that every victim receives a needs "
     "assessment within five days of reporting a crime."),
    ("Recommendation 2", "By 30 June 2024, the Crown Prosecution Service should make sure that victims are told "
     "of charging decisions within one working day."),
    ("Recommendation 3", "By 31 December 2024, chief constables of forces that have a dedicated victim care unit "
     "should make sure that the unit records every contact with a victim:\n- the date and means of each "
     "contact; and\n- the information given to the victim."),
    ("Recommendation 4", "Within six months, the Home Office and the Ministry of Justice should publish revised "
     "guidance on the Victims\u2019 Code."),
    ("Area for improvement 1", "Forces should improve how they record victims\u2019 consent to share "
     "information with support services."),
]
JOINT_FOREWORD = ("This joint inspection examined how well the police and the Crown Prosecution Service support "
                  "victims from the first report of a crime to the end of a case. We found that too many victims "
                  "are not told what is happening with their case.")


def victims_joint() -> Sample:
    """A joint inspection (three inspectorates) whose summary list repeats in the chapters."""
    return Sample(
        "A joint inspection of the police and Crown Prosecution Service response to victims", "5 December 2023",
        [("h", "Contents"), "Foreword 3", "Recommendations 3", "1. Supporting victims 4", "pagebreak",
         ("h", "Foreword"), JOINT_FOREWORD, filler(3), ("h", "Recommendations", 2),
         *[Item(label, text, boxed=False) for label, text in JOINT_ITEMS],
         "pagebreak", ("h", "1. Supporting victims"), filler(10, 1),
         *[Item(label, text) for label, text in JOINT_ITEMS], filler(4, 2)],
        cover=["A joint inspection with HM Crown Prosecution Service Inspectorate and HM Inspectorate of Probation"],
    )


def html_edition(sample: Sample) -> str:
    """The sample's report as the HMICFRS website prints it: the HTML edition of the same report."""
    from datetime import datetime
    from html import escape

    published = datetime.strptime(sample.published, "%d %B %Y").date().isoformat()
    body = []
    for part in sample.flow:
        if isinstance(part, tuple) and part[0] == "h":
            body.append(f"<h2>{escape(part[1])}</h2>")
        elif isinstance(part, Item):
            main, *subs = part.text.split("\n- ")
            items = "".join(f"<li>{escape(s)}</li>" for s in subs)
            body.append(f'<div class="recommendation-box"><p><strong>{escape(part.label)}</strong></p>'
                        f"<p>{escape(main)}</p>{f'<ul>{items}</ul>' if items else ''}</div>")
        elif isinstance(part, Bullets):
            items = "".join(f"<li>{escape(b)}</li>" for b in part.bullets)
            body.append(f"<h3>{escape(part.heading)}</h3><p>{escape(part.lead_in)}</p><ul>{items}</ul>")
        elif isinstance(part, str) and part != "pagebreak":
            body.append(f"<p>{escape(part)}</p>")
    return (f"<!DOCTYPE html><html><head><title>{escape(sample.title)} | HMICFRS</title>"
            f'<meta property="article:published_time" content="{published}T09:30:00+00:00"></head><body>'
            "<header>His Majesty's Inspectorate of Constabulary and Fire &amp; Rescue Services</header>"
            f"<main><h1>{escape(sample.title)}</h1>{''.join(body)}</main><footer>Contact us</footer></body></html>")


PORTAL_TRACKER = """Portal reference,Report title,Date of publication,Type,Recommendation / AFI,Portal level,Status,\
Responsible lead,Latest update
WMP-P1,A joint inspection of the police and Crown Prosecution Service response to victims,05/12/2023,\
Recommendation,"By 30 June 2024, chief constables should make sure that every victim receives a needs assessment \
within five days of reporting a crime.",2,Being progressed,ACC Public Protection
WMP-P2,PEEL 2023-2025: An inspection of West Midlands Police,15/12/2023,Cause of concern,"The force isn't \
answering emergency and non-emergency calls quickly enough, and it doesn't always assess the risk to callers \
properly.",1,In progress,ACC Local Policing,"Call handling review reported to the board in March; 40 call handlers \
recruited."
WMP-P3,PEEL 2023-2025: An inspection of West Midlands Police,15/12/2023,Recommendation,"Make sure it has enough \
call handlers to answer emergency calls within ten seconds.",1,Pending sign off,Head of Contact
WMP-P4,PEEL 2023-2025: An inspection of West Midlands Police,15/12/2023,AFI,"The force should improve the time \
it takes to attend non-emergency incidents.",3,Complete,Head of Response
WMP-P5,Safe in our hands? An inspection of police custody,14/07/2016,Recommendation,"Within three months, all \
forces should make sure that every detainee is assessed for risk on arrival in custody.",Closed before levels,\
Closed,Head of Custody
WMP-P6,Police response to burglary,01/08/2019,AFI,The force should improve how it records burglary scenes.,\
Closed before levels,Closed,Head of Investigations
WMP-P7,Fraud: an inspection of the police response to fraud,12/09/2024,Recommendation,"By 31 March 2025, all \
chief constables should make sure that every report of fraud is assessed within 28 days, and that victims are \
told what action the force will take.",4,Discharged,ACC Crime
WMP-P8,PEEL 2023-2025: An inspection of West Midlands Police,15/12/2023,Cause of concern,"The force doesn't \
manage the risk posed by registered sex offenders effectively.",2,Being progressed,ACC Public Protection
"""


def write_portal_tracker(path: Path) -> Path:
    """A monitoring-portal style export: "Portal level" headed levels, rows closed before levels."""
    path.write_text(PORTAL_TRACKER, "utf-8-sig")
    return path
