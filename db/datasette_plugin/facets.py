"""Facets for the triage view: year-month columns in date order, and JSON lists counted cheaply."""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet, Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args


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


class ListFacet(Facet):
    """`{list: addressees}`: a column holding a JSON list of distinct strings, counted with one pass of
    json_each. Datasette's array facet also de-duplicates every row's items, which costs a sort of the
    whole result (seconds at a million rows); our lists hold no duplicates. Selecting a value filters
    with Datasette's own `COLUMN__arraycontains=VALUE`."""

    type = "list"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        chosen = self.get_querystring_pairs()
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = (f"select j.value as value, count(*) as count from ({self.sql}) as t, "
                   f"json_each(t.{escape_sqlite(column)}) as j group by j.value "
                   f"order by count desc, value limit {size + 1}")
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__arraycontains"
            values = []
            for row in rows.rows[:size]:
                selected = (key, str(row["value"])) in chosen
                path = (path_with_removed_args(self.request, {key: str(row["value"])}) if selected
                        else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                               "selected": selected})
            results.append({"name": column, "type": self.type, "results": values,
                            "hideable": source_and_config["source"] != "metadata", "truncated": len(rows) > size,
                            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request,
                                                                                   {"_facet_list": column}))})
        return results, timed_out
