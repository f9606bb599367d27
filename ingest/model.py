"""Plain records handed from ingest to the extractors (one coordinate vocabulary, as pdfplumber's).

Coordinates are PDF points from the top-left of the page: x0/x1 left/right, top/bottom.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One line of text in one column, footnote markers already removed."""

    page: int  # 1-based page number
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float  # dominant font size of the line
    bold: bool
    column: int = 0  # 0 = left or only column, 1 = right column
    box: int | None = None  # id of the shaded box holding the line, unique within the document

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Box:
    """A filled rectangle (a shaded call-out box) on a page."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class Page:
    """A page as the extractors see it: body lines in reading order, plus its full text."""

    number: int
    width: float
    height: float
    text: str  # everything printed on the page, for full-text search
    lines: list[Line] = field(default_factory=list)  # body lines (no running header/footer, footnotes)
    body_size: float = 0.0
    rotated: bool = False
