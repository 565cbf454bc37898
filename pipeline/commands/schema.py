"""`decisions schema`: print the record's JSON Schema."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of a decision record",
        description="Print the JSON Schema of a decision record (the contract other tools read).",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from schemas import record_json_schema

    sys.stdout.write(record_json_schema())
    return 0
