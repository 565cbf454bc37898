"""`decisions corpus rebuild|discover|publishers`: the manifest, the cache, the publishers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.corpus.http import FetchPolicy
    from pipeline.corpus.rebuild import EntryOutcome

MANIFEST = Path("corpus/manifest.jsonl")
CACHE = Path("corpus/cache")
EXIT_CODES = ("Exit status: 0 when everything is in order, 1 when some document failed or "
              "changed (listed on stderr), 2 when the manifest or publishers file is wrong.")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "corpus", help="discover and fetch published documents (manifest + local cache)",
        description="The corpus: corpus/manifest.jsonl lists the published documents, "
                    "corpus/cache/<id><ext> holds their exact bytes. See corpus/README.md.",
    )
    commands = parser.add_subparsers(dest="corpus_command", metavar="SUBCOMMAND", required=True)
    _register_rebuild(commands, _http_options())
    _register_discover(commands, _http_options())
    publishers = commands.add_parser(
        "publishers", help="list the publishers `discover` knows",
        description="List the publisher adapters (name and what they cover).")
    publishers.add_argument("--publishers", type=Path, metavar="FILE",
                            help="publishers file (default: the shipped publishers.json)")
    publishers.set_defaults(run=run_publishers)


def _register_rebuild(commands: Any, http: argparse.ArgumentParser) -> None:
    rebuild = commands.add_parser(
        "rebuild", parents=[http], help="fetch what the cache lacks, verify, pin new entries",
        description="Make the cache hold every manifest entry's exact bytes: fetch entries "
                    "missing from the cache or whose cached copy does not match its sha256, "
                    "verify them, and pin entries without a sha256 (sha256, bytes and "
                    "retrieved_at are written back to the manifest). A file the publisher "
                    "changed is reported and put aside; the cached copy is never overwritten. "
                    "Safe to interrupt and run again. " + EXIT_CODES,
    )
    rebuild.add_argument("--manifest", type=Path, default=MANIFEST, metavar="FILE",
                         help=f"manifest to read and pin (default {MANIFEST})")
    rebuild.add_argument("--cache", type=Path, default=CACHE, metavar="DIR",
                         help=f"cache folder (default {CACHE})")
    rebuild.add_argument("--only", nargs="+", default=[], metavar="ID",
                         help="only these entry ids")
    rebuild.add_argument("--offline", action="store_true",
                         help="make no request: check the cache and report what is missing")
    rebuild.add_argument("--refresh", action="store_true",
                         help="also ask the publisher whether cached files changed "
                              "(conditional requests)")
    rebuild.set_defaults(run=run_rebuild)


def _register_discover(commands: Any, http: argparse.ArgumentParser) -> None:
    discover = commands.add_parser(
        "discover", parents=[http], help="walk a publisher's listing and add new decisions",
        description="Walk SOURCE's listing pages, newest first, to decision pages and their "
                    "document links, and add what the manifest lacks (sha256 null until the "
                    "next rebuild). Stops at the first listing page with nothing new. "
                    + EXIT_CODES,
    )
    discover.add_argument("source", metavar="SOURCE",
                          help="publisher name (see `decisions corpus publishers`)")
    discover.add_argument("--manifest", type=Path, default=MANIFEST, metavar="FILE",
                          help=f"manifest to add to (default {MANIFEST}; created if missing)")
    discover.add_argument("--cache", type=Path, metavar="DIR",
                          help="where listing validators are kept (default: cache/ beside "
                               "the manifest)")
    discover.add_argument("--publishers", type=Path, metavar="FILE",
                          help="publishers file (default: the shipped publishers.json)")
    discover.add_argument("--base-url", metavar="URL",
                          help="point the publisher at another server, e.g. a local mirror")
    discover.add_argument("--max-pages", type=int, metavar="N",
                          help="read at most N listing pages (default: the publisher's bound)")
    discover.set_defaults(run=run_discover)


def _http_options() -> argparse.ArgumentParser:
    """Options shared by the commands that make requests (defaults: FetchPolicy's)."""
    http = argparse.ArgumentParser(add_help=False)
    group = http.add_argument_group("HTTP")
    group.add_argument("--timeout", type=float, metavar="SECONDS",
                       help="per connect/read phase (default 30)")
    group.add_argument("--deadline", type=float, metavar="SECONDS",
                       help="for one whole download, retries and waits included; a file "
                            "still arriving then fails as a timeout (default 600)")
    group.add_argument("--retries", type=int, metavar="N",
                       help="further attempts on 5xx and timeouts (default 3)")
    group.add_argument("--backoff", type=float, metavar="SECONDS",
                       help="first wait before a retry, doubled each time (default 2)")
    group.add_argument("--delay", type=float, metavar="SECONDS",
                       help="minimum gap between two requests to one host (default 1)")
    return http


def _policy(args: argparse.Namespace) -> FetchPolicy:
    from dataclasses import replace

    from pipeline.corpus.http import FetchPolicy

    given = {"timeout": args.timeout, "deadline": args.deadline, "retries": args.retries,
             "backoff": args.backoff, "host_interval": args.delay}
    return replace(FetchPolicy(), **{k: v for k, v in given.items() if v is not None})


def run_rebuild(args: argparse.Namespace) -> int:
    from pipeline.corpus.errors import ManifestError
    from pipeline.corpus.rebuild import rebuild

    try:
        result = rebuild(args.manifest, args.cache, only=args.only, offline=args.offline,
                         refresh=args.refresh, policy=_policy(args), report=_print_outcome)
    except ManifestError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"rebuild: {result.summary()}; {result.requests} request(s)")
    if result.pinned:
        print(f"pinned {len(result.pinned)} entr{'y' if len(result.pinned) == 1 else 'ies'}: "
              f"sha256, bytes and retrieved_at written to {args.manifest}")
    return 0 if result.ok else 1


def _print_outcome(outcome: EntryOutcome) -> None:
    if outcome.status == "cached":
        return
    print(f"{outcome.status:<9} {outcome.id}: {outcome.detail}",
          file=sys.stderr if outcome.failed else sys.stdout)


def run_discover(args: argparse.Namespace) -> int:
    from pipeline.corpus.discover import discover
    from pipeline.errors import ConfigurationError

    def report(line: str) -> None:
        print(line, file=sys.stderr if line.startswith("failed") else sys.stdout)

    try:
        result = discover(args.source, args.manifest, publishers_file=args.publishers,
                          base_url=args.base_url, state_dir=args.cache, policy=_policy(args),
                          max_pages=args.max_pages, report=report)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"discover {result.summary()}")
    if result.added:
        print(f"run `decisions corpus rebuild --manifest {args.manifest}` to fetch and pin "
              "the new entries")
    return 0 if result.ok else 1


def run_publishers(args: argparse.Namespace) -> int:
    from pipeline.corpus.publishers import load_publishers
    from pipeline.errors import ConfigurationError

    try:
        publishers = load_publishers(args.publishers)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for name, publisher in publishers.items():
        print(f"{name:<16} {publisher.about}")
    return 0
