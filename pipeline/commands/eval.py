"""`decisions eval GOLD_DIR RECORDS_DIR`: precision, recall and F1 per field."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score records against gold annotations",
        description="Score the records in RECORDS_DIR (<id>.json) against the gold files in "
        "GOLD_DIR (<id>.json, format of shared/eval-dev/README.md): precision, "
        "recall and F1 per field, micro-averaged over documents, and reference "
        "accuracy.",
    )
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    parser.add_argument("records_dir", type=Path, metavar="RECORDS_DIR")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list, per document, what was missed and what was extra",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate

    for folder in (args.gold_dir, args.records_dir):
        if not folder.is_dir():
            print(f"error: {folder}: not a folder", file=sys.stderr)
            return 2
    report = evaluate(args.gold_dir, args.records_dir)
    if args.json:
        data = report.as_dict()
        if args.errors:
            data["errors"] = report.errors
        print(json.dumps(data, indent=2))
        return 0
    print(f"{'field':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'tp':>5} {'fp':>4} {'fn':>4}")
    for name, score in report.scores.items():
        print(
            f"{name:<12} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
            f"{score.tp:>5} {score.fp:>4} {score.fn:>4}"
        )
    print(
        f"{'reference':<12} accuracy {report.reference_accuracy:.3f} "
        f"({report.reference_correct}/{report.documents})"
    )
    if report.missing_records:
        print(
            f"no record for {len(report.missing_records)} gold document(s): "
            + ", ".join(report.missing_records[:10])
        )
    if args.errors:
        for error in report.errors:
            print(
                f"- {error['id']} {error['field']}: missed {error['missed']} extra {error['extra']}"
            )
    return 0
