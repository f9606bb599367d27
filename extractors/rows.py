"""Table rows -> findings: the walk's reading of a row of a findings table, or of a table whose rows
label their own items ("AFI2 | Area for improvement | text | Deadline"), and of a row a page break or a
wrapped line cut."""

from __future__ import annotations

from dataclasses import replace

from ..model import Block
from .assembly import continues_sentence
from .cues import Label, match_label, other_columns, table_roles
from .merge import Draft
from .settle import Context
from .text import ends_sentence


class RowReading:
    """The walk's method for table rows, mixed into the findings walk: it owns the context, the drafts
    and step / close / rejected / restating."""

    ctx: Context
    drafts: list[Draft]

    def row(self, block: Block) -> None:
        """A table row: an item where the table's header names a findings column, or where a cell of
        the row is a label ("Recommendation 1" in a Type column); else its first cell is read as a
        paragraph (a summary table that prints "Recommendation 1" above each text)."""
        ctx = self.ctx
        header = [head for head, _ in block.cells or []]
        roles = table_roles(header)
        cells = [text for _, text in block.cells or []]
        if roles is None:
            labelled = _label_cell(block)
            item = ctx.table_item
            if labelled is None and item is not None and item < len(cells) and cells[item] \
                    and self._row_goes_on(block, header, cells, item):
                ctx.table_draft.add(block, cells[item], wrapped=True)  # the last line of a labelled row's text
                return
            if labelled is None or not any(text.strip() for i, text in enumerate(cells) if i != labelled[0]):
                first = block.cell_lines[0] if block.cell_lines else []
                if first:
                    self.step(Block("heading" if all(ln.bold for ln in first) else "para", first,
                                    first_on_page=block.first_on_page))
                return
            at, label = labelled  # "text | Recommendation 1 | 3.4": the label's cell gives kind and ref
            others = [i for i in range(len(cells)) if i != at]
            roles = other_columns(header, label.rule.kind, max(others, key=lambda i: len(cells[i])))
            ref = label.ref
        else:
            ref = cells[roles.ref].strip().strip("().") if roles.ref is not None and cells[roles.ref].strip() else None
        self.close()
        text = cells[roles.item]
        if ref is None and text and self._row_goes_on(block, header, cells, roles.item):
            ctx.table_draft.add(block, text, wrapped=True)  # a row split by a page break, or a wrapped line
            return
        if not text:
            return
        draft = Draft(roles.kind, ref, "table-row", pages=[])
        draft.add(block, text)
        body = cells[roles.body].strip() if roles.body is not None else ""
        draft.heading_addressee = body or ctx.addressee
        if roles.deadline is not None:
            draft.timescale = cells[roles.deadline].strip() or None
        if ctx.lead_in is not None and continues_sentence(text):  # "By 31 October 2024, the force should:"
            draft.lead_in, draft.from_list = ctx.lead_in, True  # over rows that finish its sentence
            draft.parent = ctx.cause if draft.kind == "recommendation" else None
        if roles.status is not None:
            draft.status, draft.restated = cells[roles.status].strip() or None, True
        if not self.rejected(draft):
            self.restating(draft)
            self.drafts.append(draft)
            ctx.table_draft, ctx.table_header, ctx.table_item = draft, header, roles.item

    def _row_goes_on(self, block: Block, header: list[str], cells: list[str], item: int) -> bool:
        """Does this row carry on the last row's item: the same table's row cut by a page break, or a
        line of the item's cell read as a row of its own (its other cells empty, its text mid-sentence)?"""
        before = self.ctx.table_draft
        if before is None or self.ctx.table_header != header:
            return False
        if block.page > before.pages[-1]:
            return block.first_on_page
        alone = not any(text.strip() for i, text in enumerate(cells) if i != item)
        if not alone or before.last is None or ends_sentence(before.text):
            return False
        gap = block.lines[0].top - before.last.lines[-1].bottom  # a wrapped line sits close under the last
        return cells[item][:1].islower() or gap < 0.5 * block.lines[0].height

def _label_cell(block: Block) -> tuple[int, Label] | None:
    """The cell of a table row that is only a numbered label ("Recommendation 1", "AFI 2"), and the label."""
    for i, lines in enumerate(block.cell_lines or []):
        if not lines or len(lines) > 3:
            continue
        one = replace(lines[0], text=block.cells[i][1])  # "Area for / improvement 1" wrapped in a narrow cell
        label = match_label(Block("para", [one]))
        if label is not None and label.ref and not label.text and not label.addressee:
            return i, label
    return None
