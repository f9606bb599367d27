"""A facet for year-month columns ("2025-03") that lists its values in date order, not by count."""

from __future__ import annotations

from datasette.facets import ColumnFacet


class MonthFacet(ColumnFacet):
    """Configured in metadata.yml as `{month: due_month}`; the busiest months are chosen (as a column
    facet chooses) and shown oldest first."""

    type = "month"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = await super().facet_results()
        for result in results:
            result["results"].sort(key=lambda r: str(r["value"]))
        return results, timed_out
