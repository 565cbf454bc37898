"""`decisions eval GOLD_DIR RECORDS_DIR`: precision, recall and F1 per field."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pipeline.evaluate import Report


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
    parser.add_argument(
        "--by",
        type=Path,
        metavar="FILE.tsv",
        help="also print the scores per group: FILE.tsv has lines 'id<TAB>group' "
        "(e.g. shared/eval-dev/publishers.tsv); gold documents it does not list form "
        "the group '(other)'",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.evaluate import ALL, EvalInputError, evaluate_by_group, read_groups

    for folder in (args.gold_dir, args.records_dir):
        if not folder.is_dir():
            print(f"error: {folder}: not a folder", file=sys.stderr)
            return 2
    try:
        groups = read_groups(args.by) if args.by else {}
        reports = evaluate_by_group(args.gold_dir, args.records_dir, groups)
    except EvalInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report = reports.get(ALL, Report())
    if args.json:
        print(json.dumps(_as_json(reports, report, args), indent=2))
    else:
        _print_table(report)
        if args.by:
            _print_groups(reports)
        if args.errors:
            for miss in report.errors:
                print(f"- {miss['id']} {miss['field']}: missed {miss['missed']} "
                      f"extra {miss['extra']}")
    return _status(args, report)


def _status(args: argparse.Namespace, report: Report) -> int:
    """Exit 1 when no gold document found its record: the scores would mean nothing."""
    if report.documents == 0:
        print(f"error: {args.gold_dir}: no gold files (<id>.json)", file=sys.stderr)
        return 1
    if len(report.missing_records) == report.documents:
        print(f"error: no record in {args.records_dir} matches a gold document by id or by "
              "source file name", file=sys.stderr)
        return 1
    return 0


def _as_json(reports: dict[str, Report], report: Report, args: argparse.Namespace
             ) -> dict[str, Any]:
    from pipeline.evaluate import ALL

    data = report.as_dict()
    if args.errors:
        data["errors"] = report.errors
    if args.by:
        data["groups"] = {name: r.as_dict() for name, r in sorted(reports.items()) if name != ALL}
    return data


def _print_table(report: Report) -> None:
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


def _print_groups(reports: dict[str, Report]) -> None:
    """One line per group: F1 per field (with tp/fp/fn) and reference accuracy."""
    from pipeline.evaluate import ALL, FIELDS

    width = max([len(name) for name in reports] + [5])
    print()
    print(f"{'group':<{width}} {'docs':>4} " + " ".join(f"{f[:10]:>16}" for f in FIELDS)
          + "  reference")
    for name, report in sorted(reports.items(), key=lambda item: (item[0] == ALL, item[0])):
        cells = " ".join(
            f"{s.f1:>5.2f} {s.tp:>3}/{s.fp:>2}/{s.fn:>2}" for s in report.scores.values()
        )
        print(f"{name:<{width}} {report.documents:>4} {cells}  "
              f"{report.reference_correct:>3}/{report.documents}")
    print(f"{'':<{width}}      (each field: F1 tp/fp/fn)")
