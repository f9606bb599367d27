"""The HTML edition of a report -> the same positioned text model as a PDF, so every extractor runs
unchanged on it.

HTML has no pages or coordinates, so they are given by structure: one page per document, headings set
larger and bold, paragraphs as lines separated by a paragraph gap, list items indented with a bullet,
and call-out boxes (<aside>, or a container whose class names a box, panel or recommendation) as
shaded boxes. Scripts, navigation, headers and footers are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from ..model import Line, Page
from ..text import normalise
from .errors import IngestError

BODY = 10.0
HEADING_SIZES = {"h1": 22.0, "h2": 16.0, "h3": 13.0, "h4": 12.0, "h5": 11.0, "h6": 11.0}
LINE = 14.0  # line height; paragraphs are a gap of more than 1.45 lines apart
MARGIN, INDENT, WIDTH = 72.0, 90.0, 523.0
SKIP = {"script", "style", "nav", "header", "footer", "noscript", "form", "button", "svg", "template", "head"}
BOX_CLASS = re.compile(r"box|panel|callout|call-out|highlight|recommendation|finding|aside|inset", re.I)
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "td", "th", "caption"}


class NotAReportPage(IngestError):
    """An HTML page with no readable text."""


def read_html_pages(path: Path) -> tuple[list[Page], str | None, str | None, str]:
    """The page model of an HTML edition, its title, its <meta> publication date (if any) and the text
    of the whole page (site header and footer included)."""
    soup = BeautifulSoup(path.read_bytes(), "html.parser")
    site_text = soup.get_text(" ", strip=True)
    title = None
    if soup.find("h1"):
        title = soup.find("h1").get_text(" ", strip=True)
    elif soup.title:
        title = soup.title.get_text(" ", strip=True)
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find("time")
    published = (meta.get("content") or meta.get("datetime")) if meta else None
    root = soup.find("main") or soup.find("article") or soup.body or soup
    writer = _Writer()
    writer.walk(root, box=None)
    if not writer.lines:
        raise NotAReportPage("the HTML page holds no readable text; save the report page itself")
    text = "\n".join(line.text for line in writer.lines)
    page = Page(1, 595.0, max(842.0, writer.top + LINE), text, writer.lines, body_size=BODY)
    return [page], title, published, site_text


class _Writer:
    """Lays blocks out top to bottom on one tall page."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.top = MARGIN
        self.boxes = 0

    def walk(self, node: Tag, box: int | None) -> None:
        for child in node.children:
            if isinstance(child, NavigableString) or not isinstance(child, Tag):
                continue
            if child.name in SKIP:
                continue
            child_box = box
            classes = " ".join(child.get("class", []))
            if box is None and (child.name == "aside" or BOX_CLASS.search(classes)) and child.name not in BLOCKS:
                self.boxes += 1
                child_box = self.boxes
            if child.name in BLOCKS and not child.find(list(BLOCKS - {"td", "th"})):
                self.add(child, child_box)
            else:
                self.walk(child, child_box)

    def add(self, tag: Tag, box: int | None) -> None:
        text = normalise(tag.get_text(" ", strip=True))
        text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
        if not text:
            return
        size = HEADING_SIZES.get(tag.name, BODY)
        strong = tag.find(["strong", "b"])
        bold = tag.name in HEADING_SIZES or (strong is not None and strong.get_text(strip=True) == text)
        x0 = MARGIN + (8.0 if box else 0.0)
        if tag.name == "li":
            x0 += INDENT - MARGIN
            text = "\u2022 " + text
        self.top += LINE * 1.8  # a paragraph gap before every block
        self.lines.append(Line(1, x0, self.top, WIDTH, self.top + size * 1.2, text, size, bold, 0, box))
