"""`decisions report [--records PATH] [--out DIR]`: the static review site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report", help="write a static review site (opens from file://, no server)",
        description="Write a static site into DIR: index.html (every decision, with search, "
                    "filters, sorting and charts of approved spend by year, supplier and "
                    "framework) and decisions/<id>.html (the text with every extracted "
                    "value highlighted where it was read). Nothing is fetched from the "
                    "network; open DIR/index.html in a browser.",
    )
    parser.add_argument("--records", type=Path, metavar="PATH",
                        help="folder of <id>.json records or a .jsonl file "
                             "(default outputs/records, else outputs/records.jsonl)")
    parser.add_argument("--out", type=Path, default=Path("outputs/site"), metavar="DIR",
                        help="folder to write the site into (default outputs/site)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.analyst import open_records
    from pipeline.analyst.report import build_site
    from pipeline.errors import DecisionsError

    try:
        summary = build_site(open_records(args.records), args.out)
    except DecisionsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write to {args.out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {summary.pages} decision page(s) and {summary.index}", file=sys.stderr)
    return 0
