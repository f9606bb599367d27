"""PDFs written byte by byte, for the damage reportlab will not draw: empty or looping page trees,
flipped bytes, truncations."""

from __future__ import annotations

import random

CATALOG = "<< /Type /Catalog /Pages 2 0 R >>"


def raw_pdf(objects: list[str | bytes]) -> bytes:
    """A PDF of these objects (1-based, object 1 the catalog) with a correct cross-reference table.
    A bytes object is written as a stream with that content."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        if isinstance(body, bytes):
            out += f"{number} 0 obj\n<< /Length {len(body)} >>\nstream\n".encode() + body + b"\nendstream\nendobj\n"
        else:
            out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def empty_page_tree() -> bytes:
    """Three objects, no page: PDFium refuses it without setting an error of its own."""
    return raw_pdf([CATALOG, "<< /Type /Pages /Count 0 /Kids [] >>"])


def looping_page_tree() -> bytes:
    """A page tree whose only kid is itself: PDFium opens it and fails to load page 1."""
    return raw_pdf([CATALOG, "<< /Type /Pages /Count 1 /Kids [2 0 R] >>"])


def text_page(text: str) -> bytes:
    """One page of Helvetica text."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    return raw_pdf([CATALOG, "<< /Type /Pages /Count 1 /Kids [3 0 R] /MediaBox [0 0 612 792] >>",
                    "<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                    content, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def mutations(data: bytes, seed: int, flips: int = 12, cuts: int = 6) -> dict[str, bytes]:
    """Damaged copies of a PDF: bursts of flipped bytes and truncations at random places (fixed seed)."""
    rng = random.Random(seed)
    out = {}
    for i in range(flips):
        damaged = bytearray(data)
        start = rng.randrange(16, len(data))
        for at in range(start, min(len(data), start + rng.randrange(1, 64))):
            damaged[at] ^= rng.randrange(1, 256)
        out[f"flip-{i}.pdf"] = bytes(damaged)
    for i in range(cuts):
        out[f"cut-{i}.pdf"] = data[: rng.randrange(16, len(data))]
    return out
