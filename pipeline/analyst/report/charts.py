"""Spend charts for the index page: bars by year, supplier and framework.

Numbers come from the `spend` view, so a threshold ("contracts of £181,302 or more")
is never drawn as spend. Charts are data here; the template draws each bar as a small
inline SVG, so they render from file:// with no script and nothing fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from pipeline.analyst.report.describe import short_money

TOP = 10
NOTE = ("Approved spend in GBP from the spend view: amounts in approving recommendations; "
        "thresholds, income and noted figures never count.")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    share: float
    """value / the chart's largest value, 0..1: the bar's length."""
    display: str


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: tuple[Bar, ...]
    note: str = NOTE


def rows_to_chart(key: str, title: str, rows: Sequence[tuple[Any, float]],
                  top: int | None = TOP) -> Chart:
    """Bars for (label, value) rows; past `top`, the rest is one "Other" bar."""
    pairs = [(str(label), float(value)) for label, value in rows]
    if top is not None and len(pairs) > top:
        rest = pairs[top:]
        pairs = [*pairs[:top], (f"Other ({len(rest)})", sum(v for _, v in rest))]
    largest = max((value for _, value in pairs), default=0.0)
    bars = tuple(Bar(label, value, value / largest if largest > 0 else 0.0, short_money(value))
                 for label, value in pairs)
    return Chart(key=key, title=title, bars=bars)


_QUERIES = (
    ("year", "Approved spend by year",
     "SELECT coalesce(CAST(year AS VARCHAR), 'no date'), sum(value) FROM spend "
     "WHERE currency = 'GBP' GROUP BY 1 ORDER BY 1", None),
    ("supplier", "Approved spend by supplier",
     "SELECT coalesce(supplier, '(not attributed)'), sum(value) AS total FROM spend "
     "WHERE currency = 'GBP' GROUP BY 1 ORDER BY total DESC, 1", TOP),
    ("framework", "Approved spend by framework",
     "SELECT coalesce(framework, '(none or several)'), sum(value) AS total FROM spend "
     "WHERE currency = 'GBP' GROUP BY 1 ORDER BY total DESC, 1", TOP),
)


def spend_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    return [rows_to_chart(key, title, con.execute(sql).fetchall(), top)
            for key, title, sql, top in _QUERIES]
