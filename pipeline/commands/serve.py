"""`decisions serve SOURCE... --cron "0 6 * * *"`: the run flow as a scheduled deployment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the run flow as a Prefect deployment on a cron schedule",
        description="Create the Prefect deployment 'decisions-scheduled/decisions-daily' "
                    "with a cron schedule and run it until interrupted (Ctrl-C). Each run "
                    "first refreshes every corpus manifest among the SOURCEs (walks the "
                    "--discover publishers' listings for new decisions, then fetches what "
                    "the cache lacks), then does what `decisions run SOURCE... --out DIR` "
                    "does. With "
                    "PREFECT_API_URL set the deployment lives on that server; without it a "
                    "private local Prefect server runs alongside and stops on exit.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="files, folders read recursively, or a corpus manifest "
                             "(corpus/manifest.jsonl: its cached documents)")
    parser.add_argument("--discover", action="append", default=[], metavar="PUBLISHER",
                        help="before each run, add this publisher's new decisions to each "
                             "manifest among the SOURCEs (repeatable; names from "
                             "`decisions corpus publishers`)")
    parser.add_argument("--cron", required=True, metavar="EXPR",
                        help='cron schedule, e.g. "0 6 * * *" for 06:00 every day (UTC)')
    parser.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                        help="outputs folder (default: outputs)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="processes extracting at once (default: 2)")
    parser.add_argument("--name", default="decisions-daily", help="deployment name")
    parser.add_argument("--verbose", action="store_true",
                        help="show Prefect's and Dask's INFO logs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if len(args.cron.split()) not in (5, 6):
        print(f"error: --cron {args.cron!r}: expected five fields, e.g. \"0 6 * * *\"",
              file=sys.stderr)
        return 2
    if args.verbose:  # before Prefect is imported: it reads settings once
        from pipeline.flow.settings import be_verbose

        be_verbose()
    from pipeline.corpus.publishers import get_publisher
    from pipeline.errors import ConfigurationError
    from pipeline.flow.serve import serve_flow
    from pipeline.flow.sources import is_manifest, source_for

    try:
        sources = [str(Path(raw)) for raw in args.sources]
        for source in sources:
            source_for(source)
        if args.discover and not any(is_manifest(Path(source)) for source in sources):
            print("error: --discover needs a corpus manifest among the SOURCEs",
                  file=sys.stderr)
            return 2
        for publisher in args.discover:
            get_publisher(publisher)  # an unknown name is a usage error, before serving
        serve_flow(sources, str(args.out), args.cron, args.workers, args.name,
                   publishers=args.discover)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"interrupted: stopped serving {args.name}; a run in progress was cancelled",
              file=sys.stderr)
        return 130
    return 0
