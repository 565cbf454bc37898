"""`decisions export --format parquet|csv|jsonl|ocds [--records PATH] [--out DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="write the query views as Parquet, CSV, JSON lines or OCDS",
        description="Write the records as files for other tools. parquet, csv and jsonl: one "
                    "file per view (decisions, amounts, suppliers, funders, frameworks, "
                    "statutory_references, other_instruments, recommendations, checks, "
                    "spend), the same tables `decisions query` reads. ocds: "
                    "release-package.json, one OCDS-style release per decision (buyer, "
                    "suppliers and funders as parties, approved spend as awards).",
    )
    parser.add_argument("--format", required=True, choices=("parquet", "csv", "jsonl", "ocds"),
                        help="file format to write")
    parser.add_argument("--records", type=Path, metavar="PATH",
                        help="folder of <id>.json records or a .jsonl file "
                             "(default outputs/records, else outputs/records.jsonl)")
    parser.add_argument("--out", type=Path, default=Path("outputs/export"), metavar="DIR",
                        help="folder to write into (default outputs/export)")
    parser.add_argument("--ocid-prefix", default="ocds-decisions", metavar="PREFIX",
                        help="OCDS: prefix of every ocid, e.g. your registered "
                             "ocds-xxxxxx prefix (default ocds-decisions)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.analyst import open_records
    from pipeline.analyst.export import export_tables
    from pipeline.analyst.ocds import write_ocds
    from pipeline.errors import DecisionsError

    try:
        con = open_records(args.records)
        if args.format == "ocds":
            written = write_ocds(con, args.out, args.ocid_prefix)
        else:
            written = export_tables(con, args.out, args.format)
    except DecisionsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: cannot write to {args.out}: {error.strerror or error}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} file(s) to {args.out}", file=sys.stderr)
    return 0
