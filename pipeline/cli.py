"""The `decisions` command line: parses arguments, then hands over to one command module.

Each command lives in `pipeline/commands/<name>.py` with `register(subparsers)`;
heavy imports (spaCy, Prefect, DuckDB) happen inside the command, not here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from pipeline import __version__

COMMANDS = ("extract", "schema", "eval", "run", "serve", "corpus", "query", "export", "report")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="decisions",
        description="Turn published public-sector decision documents into validated, "
        "evidence-backed JSON records.",
    )
    parser.add_argument("--version", action="version", version=f"decisions {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"pipeline.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a failure of the machine (a full disk, a server gone away) is one
    line and exit status 3, anything else unexpected keeps its traceback (a bug)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `decisions query ... | head`: the reader has all it wanted
        _quiet_stdout()
        return 0
    except Exception as error:
        from pipeline.errors import EXIT_STOPPED, stopping_error_to_line

        line = stopping_error_to_line(error)
        if line is None:
            raise
        print(f"error: {line}", file=sys.stderr)
        return EXIT_STOPPED
    return code


def _quiet_stdout() -> None:
    """Send what is left of stdout nowhere, so Python's flush at exit raises nothing."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
