"""Which other text rects and loose spaces meet each rect of a page, tested for the whole page at once.

The fast text-run reader (`textruns`) may assemble a rect's text itself only when no other rect, and
no space between rects, reaches into the rect as PDFium searches it (shrunk at both ends), and may
take the rect's first character for its font only when no earlier character holds the probe point
PDFium would be asked about. Asking that of every pair is quadratic; here the boxes go into a grid
of cells about one typical rect large and only boxes sharing a cell are compared, with numpy, so a
page of 1,700 one-glyph rects costs a few array operations instead of 15,000 Python comparisons.

The comparisons are PDFium's own, on the same float values: two rects meet when max(left) <
min(right) and max(bottom) < min(top) (a non-empty overlap of normalised rects); a rect holds a
point with its edges included. The grid only chooses which pairs are compared; every pair that
could pass is among them, so the answer is the one a comparison of all pairs would give.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

import numpy as np

from .textruns_reference import PROBE_INSET, SHRINK

CELL_MIN = 16.0  # smallest grid cell (points)
CELL_LIMIT = 1 << 20  # cell numbers are clamped to +-this (keeps keys in int64; clamping keeps every pair)
ALL_PAIRS_MAX = 20000  # a page with fewer (rect, box) pairs than this compares them all
SPAN_MAX = 64  # a box over more cells than this is compared with every box instead of entering cells

Rect = tuple[float, float, float, float]  # left, bottom, right, top


class Meetings(NamedTuple):
    """Per rect (lists of Python values, in page order)."""

    edges: list[list[float]]  # the shrunk rect's left and right (normalised) and the probe point x, y, as floats
    blocked: list[bool]  # another rect, or a loose space other than the ones just before and after, meets it
    lead: list[bool]  # the loose space just before the rect's first character meets it
    probe_taken: list[bool]  # an earlier rect or an earlier loose space holds the probe point


def meetings(rects: list[Rect], spaces: list[tuple[int, Rect]], starts: list[int],
             lasts: list[int | None]) -> Meetings | None:
    """Test every rect against the other rects and the loose spaces (character index, box) near it.
    starts and lasts are each rect's first and last non-break character. None when a coordinate
    is not finite (the caller reads such a page the reference way)."""
    k = len(rects)
    box = np.fromiter(itertools.chain.from_iterable(rects), np.float64, 4 * k).reshape(k, 4)
    # only spaces with a box of some size can meet anything (PDFium skips empty boxes)
    drawn = [(at, b) for at, b in spaces if b[2] > b[0] and b[3] > b[1]]
    boxes = np.concatenate([box, np.array([b for _, b in drawn], dtype=np.float64).reshape(-1, 4)])
    if not np.isfinite(boxes).all():
        return None
    x0, y0, x1, y1 = box.T
    # the values PDFium receives: doubles narrowed to float
    left, right, px, py = np.stack([x0 + SHRINK, x1 - SHRINK, x0 + PROBE_INSET, (y1 + y0) / 2]).astype(np.float32)
    left, right = np.minimum(left, right), np.maximum(left, right)  # PDFium normalises the shrunk rect
    edges = np.stack([left, right, px, py], axis=1, dtype=np.float64)
    left, right, px, py = edges.T
    if k * len(boxes) <= ALL_PAIRS_MAX:  # every rect against every box, as a table
        q, b = np.arange(k)[:, None], np.arange(len(boxes))[None, :]
    else:  # pairs that share a grid cell
        # where a rect's text or probe point is looked for: the rect, its shrunk rect and its probe point
        query = np.stack([np.minimum(x0, left), y0, np.maximum(np.maximum(x1, right), px), y1], axis=1)
        q, b = _pairs(query, boxes, box)
    bl, bb, br, bt = (column[b] for column in boxes.T)
    ql, qr, qx, qy, qb, qt = left[q], right[q], px[q], py[q], y0[q], y1[q]
    meet = (bl < qr) & (ql < br) & (bl < br) & (bb < qt) & (qb < bt) & (bb < bt)
    holds = (bl <= qx) & (qx <= br) & (bb <= qy) & (qy <= bt)
    if not drawn:  # only rects
        return Meetings(edges.tolist(), _per_rect(meet & (b != q), q, k), [False] * k,
                        _per_rect(holds & (b < q), q, k))
    is_rect = b < k
    at = np.array([-1] + [i for i, _ in drawn], dtype=np.int64)[np.where(is_rect, 0, b - k + 1)]
    first = np.array(starts, dtype=np.int64)[q]
    after_last = np.array(lasts, dtype=np.float64)[q] + 1  # None: nan, which no index equals
    space_before = ~is_rect & (at == first - 1)
    blocked = meet & ((is_rect & (b != q)) | (~is_rect & ~space_before & (at != after_last)))
    taken = holds & np.where(is_rect, b < q, at < first)
    return Meetings(edges.tolist(), _per_rect(blocked, q, k), _per_rect(meet & space_before, q, k),
                    _per_rect(taken, q, k))


def _per_rect(mask: np.ndarray, q: np.ndarray, k: int) -> list[bool]:
    """Whether any pair of each rect passes: a table's rows, or the pairs listed in q."""
    if mask.ndim == 2:
        return mask.any(axis=1).tolist()
    out = np.zeros(k, dtype=bool)
    out[q[mask]] = True
    return out.tolist()


def _pairs(query: np.ndarray, boxes: np.ndarray, rects: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (query, box) of boxes that share a grid cell, some more than once."""
    # cells about as large as a typical rect (the median): a line-wide rect then touches a cell or two
    size = np.sort(rects[:, 2:] - rects[:, :2], axis=0)[len(rects) // 2]
    w, h = max(CELL_MIN, float(size[0])), max(CELL_MIN, float(size[1]))
    qcells, bcells = _cells(query, w, h), _cells(boxes, w, h)
    q_wide, b_wide = _span(qcells) > SPAN_MAX, _span(bcells) > SPAN_MAX
    b_ids, b_keys = _expand(bcells, (~b_wide).nonzero()[0])
    order = np.argsort(b_keys, kind="stable")
    b_ids, b_keys = b_ids[order], b_keys[order]
    q_ids, q_keys = _expand(qcells, (~q_wide).nonzero()[0])
    lo, hi = np.searchsorted(b_keys, q_keys, "left"), np.searchsorted(b_keys, q_keys, "right")
    found = hi - lo
    q_out = np.repeat(q_ids, found)
    b_out = b_ids[np.arange(len(q_out)) + np.repeat(lo - (np.cumsum(found) - found), found)]
    if not (q_wide.any() or b_wide.any()):
        return q_out, b_out
    # boxes too large for cells meet every query, and large queries every box
    all_q, all_b = np.arange(len(query)), np.arange(len(boxes))
    wide_b, wide_q = b_wide.nonzero()[0], q_wide.nonzero()[0]
    q_all = np.concatenate([q_out, np.repeat(all_q, len(wide_b)), np.repeat(wide_q, len(all_b))])
    b_all = np.concatenate([b_out, np.tile(wide_b, len(all_q)), np.tile(all_b, len(wide_q))])
    return q_all, b_all


def _cells(boxes: np.ndarray, w: float, h: float) -> np.ndarray:
    """Each box's first and last cell column and row: x0, y0, x1, y1 as cell numbers."""
    cells = np.floor(boxes / np.array([w, h, w, h]))
    return np.clip(cells, -CELL_LIMIT, CELL_LIMIT).astype(np.int64)


def _span(cells: np.ndarray) -> np.ndarray:
    return (cells[:, 2] - cells[:, 0] + 1) * (cells[:, 3] - cells[:, 1] + 1)


def _expand(cells: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One (id, cell key) row for every cell each chosen box covers."""
    c = cells[ids]
    rows = c[:, 3] - c[:, 1] + 1
    count = (c[:, 2] - c[:, 0] + 1) * rows
    step = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    rows = np.repeat(rows, count)
    cx = np.repeat(c[:, 0], count) + step // rows
    cy = np.repeat(c[:, 1], count) + step % rows
    return np.repeat(ids, count), (cx + CELL_LIMIT) * (2 * CELL_LIMIT + 1) + (cy + CELL_LIMIT)
