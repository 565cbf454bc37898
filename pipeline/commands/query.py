"""`decisions query "SQL" [--records PATH] [--format table|csv|json]`: SQL over the records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

VIEW_HELP = (
    "views: decisions, amounts, suppliers, funders, frameworks, statutory_references, "
    "other_instruments, recommendations, checks (one row per item, with the decision's id, "
    "reference, date, year, body, title, the item's fields and its evidence page, section, "
    'paragraph, start, "end", rule) and spend (amounts that count as approved spend; '
    "thresholds never do)"
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "query", help="run SQL over the records (DuckDB, no server)",
        description="Run one SQL query over the records with DuckDB, in memory. " + VIEW_HELP
                    + ". Example: decisions query \"SELECT supplier, year, sum(value) FROM "
                    "spend GROUP BY ALL\"",
    )
    parser.add_argument("sql", nargs="?", metavar="SQL", help="the query (DuckDB SQL)")
    parser.add_argument("--records", type=Path, metavar="PATH",
                        help="folder of <id>.json records or a .jsonl file "
                             "(default outputs/records, else outputs/records.jsonl)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="output: a table to read (default), CSV or JSON")
    parser.add_argument("--example", metavar="NAME",
                        help="run the documented example query NAME instead of SQL")
    parser.add_argument("--examples", action="store_true",
                        help="list the documented example queries and exit")
    parser.add_argument("--no-cache", action="store_true",
                        help="read the JSON every time instead of keeping a parsed copy "
                             "(under $XDG_CACHE_HOME/decision-records, reused while the "
                             "record files are unchanged)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.analyst import open_records
    from pipeline.analyst.cache import default_cache_dir
    from pipeline.analyst.examples import example_named, load_examples
    from pipeline.analyst.output import (
        result_to_csv,
        result_to_json,
        result_to_table,
        run_query,
    )
    from pipeline.errors import DecisionsError

    if args.examples:
        for example in load_examples():
            print(f"-- {example.name}: {example.question}\n{example.sql};\n")
        return 0
    try:
        sql = example_named(args.example).sql if args.example else args.sql
        if not sql:
            print("error: give SQL, --example NAME or --examples", file=sys.stderr)
            return 2
        cache_dir = None if args.no_cache else default_cache_dir()
        result = run_query(open_records(args.records, cache_dir), sql)
    except DecisionsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.format == "csv":
        sys.stdout.write(result_to_csv(result))
    elif args.format == "json":
        sys.stdout.write(result_to_json(result))
    else:
        from rich.console import Console

        Console().print(result_to_table(result))
    return 0
