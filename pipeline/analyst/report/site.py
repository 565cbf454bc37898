"""Records -> the static site: index.html, decisions/<id>.html and assets/.

Data comes from the same DuckDB views as `decisions query`, so the site, the queries
and the exports agree on what counts as spend.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline import __version__
from pipeline.analyst.report.charts import spend_charts
from pipeline.analyst.report.describe import FIELD_LABELS, money_text
from pipeline.analyst.report.pages import record_to_page

_HERE = Path(__file__).parent
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,127}")  # with fullmatch: "$" allows a "\n"
_BATCH = 256


@dataclass(frozen=True)
class SiteSummary:
    index: Path
    pages: int


def page_name(record_id: str) -> str:
    """A file name for the record's page; ids outside the schema's pattern are hashed."""
    if _SAFE_ID.fullmatch(record_id) and record_id not in (".", ".."):
        return f"{record_id}.html"
    digest = hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:12]
    slug = re.sub(r"[^a-z0-9]+", "-", record_id.lower()).strip("-")[:40] or "record"
    return f"{slug}-{digest}.html"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(_HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["money"] = money_text
    env.globals.update(version=__version__, field_labels=FIELD_LABELS)
    return env


_INDEX_SQL = """
SELECT d.id, d.reference, d.date, d.year, d.body, d.title, d.approved_spend, d.n_warnings,
       coalesce(s.names, '') AS suppliers, coalesce(f.names, '') AS frameworks
FROM decisions AS d
LEFT JOIN (SELECT id, string_agg(DISTINCT name, '; ' ORDER BY name) AS names
           FROM suppliers GROUP BY id) AS s USING (id)
LEFT JOIN (SELECT id, string_agg(DISTINCT name, '; ' ORDER BY name) AS names
           FROM frameworks GROUP BY id) AS f USING (id)
ORDER BY d.date DESC NULLS LAST, d.reference, d.id
"""


def _index_rows(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cursor = con.execute(_INDEX_SQL)
    names = [column[0] for column in cursor.description or ()]
    rows = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        row["page"] = page_name(row["id"])
        row["search"] = " ".join(str(row[key] or "") for key in (
            "reference", "id", "date", "title", "body", "suppliers", "frameworks")).lower()
        rows.append(row)
    return rows


def _records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    cursor = con.execute("SELECT * FROM raw ORDER BY id")
    names = [column[0] for column in cursor.description or ()]
    while batch := cursor.fetchmany(_BATCH):
        for values in batch:
            yield dict(zip(names, values, strict=True))


def _spend_by_record(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    cursor = con.execute("SELECT id, item, text, value, currency, kind, supplier, framework, "
                         "recommendation, action FROM spend ORDER BY id, start")
    names = [column[0] for column in cursor.description or ()]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        grouped.setdefault(row["id"], []).append(row)
    return grouped


def build_site(con: duckdb.DuckDBPyConnection, out: Path) -> SiteSummary:
    """Write the whole site into `out` (created if missing); existing pages are replaced."""
    env = environment()
    (out / "decisions").mkdir(parents=True, exist_ok=True)
    shutil.copytree(_HERE / "static", out / "assets", dirs_exist_ok=True)
    rows = _index_rows(con)
    index = out / "index.html"
    index.write_text(env.get_template("index.html.j2").render(
        root="", rows=rows, charts=spend_charts(con), count=len(rows),
        bodies=sorted({r["body"] for r in rows if r["body"]}),
        years=sorted({r["year"] for r in rows if r["year"]}, reverse=True),
    ), encoding="utf-8")
    spend = _spend_by_record(con)
    template = env.get_template("decision.html.j2")
    pages = 0
    for record in _records(con):
        page = record_to_page(record, spend.get(record["id"], []))
        html = template.render(root="../", page=page, count=len(rows))
        (out / "decisions" / page_name(record["id"])).write_text(html, encoding="utf-8")
        pages += 1
    return SiteSummary(index=index, pages=pages)
