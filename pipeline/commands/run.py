"""`decisions run SOURCE... [--out DIR]`: the incremental Prefect flow over files and folders."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from pipeline.ingest.engines import DEFAULT_ENGINE, PDF_ENGINES


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "run", help="run the pipeline flow over files and folders (incremental)",
        description="Run the Prefect flow: discover → plan → extract (load, extract, validate, in "
                    "batches, in worker processes) → write → finish. "
                    "Writes DIR/records/<id>.json, DIR/records.jsonl (sorted by id), "
                    "DIR/failures.jsonl (inputs that could not be turned into a record, with "
                    "the reason) and DIR/run-summary.json. Unchanged documents are skipped; "
                    "a changed pattern file or pipeline version reprocesses everything. "
                    "DIR mirrors the SOURCEs of the latest run: records of documents no "
                    "longer found are removed (only files the flow wrote; a run that finds "
                    "no document at all needs --prune), and DIR itself is never read as a "
                    "SOURCE. One run at a time per DIR: another is refused (exit 2). "
                    "With no PREFECT_API_URL, Prefect starts a "
                    "temporary local server for the run. Exit status 1 if any input failed.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="files, folders read recursively (hidden files skipped), or a "
                             "corpus manifest (corpus/manifest.jsonl: the documents its "
                             "cache holds)")
    parser.add_argument("--out", type=Path, default=Path("outputs"), metavar="DIR",
                        help="outputs folder (default: outputs)")
    parser.add_argument("--workers", type=int, default=2, metavar="N",
                        help="processes extracting at once (default: 2, one per core)")
    parser.add_argument("--batch-size", type=int, default=0, metavar="N",
                        help="documents per task (default: automatic, 10 to 500)")
    parser.add_argument("--engine", choices=PDF_ENGINES, default=DEFAULT_ENGINE,
                        help="PDF engine: pdfplumber (default; visual order, tables) or "
                             "pdfium (about 35 times faster; no tables). Another engine than "
                             "the last run's reprocesses everything")
    parser.add_argument("--task-runner", choices=("local", "dask"), default="local",
                        help="local: a process pool on this machine (default); dask: Dask "
                             "workers (needs the dask extra)")
    parser.add_argument("--dask-address", metavar="ADDRESS",
                        help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 "
                             "(workers must see SOURCE at the same paths)")
    parser.add_argument("--prune", action="store_true",
                        help="let a run whose SOURCEs hold no document at all remove every "
                             "record (refused without it: an empty or unmounted folder "
                             "would empty DIR)")
    parser.add_argument("--verbose", action="store_true", help="show Prefect's INFO logs")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    usage = _usage_error(args)
    if usage is not None:
        print(f"error: {usage}", file=sys.stderr)
        return 2
    if args.verbose:  # before Prefect is imported: it reads settings once
        from pipeline.flow.settings import be_verbose

        be_verbose()
    from pipeline.errors import ConfigurationError
    from pipeline.flow.lock import holding_outputs
    from pipeline.flow.plan import refuse_to_empty

    try:
        _check_sources(args.sources)  # usage errors before starting
        _require_api(before_prefect=True)  # a PREFECT_API_URL that does not answer, too
        with holding_outputs(args.out):  # before anything starts: a refusal is instant
            refuse_to_empty(args.sources, args.out, args.prune)
            return _run_holding(args)
    except ConfigurationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _run_holding(args: argparse.Namespace) -> int:
    """The run itself, while this process holds the outputs folder."""
    from pipeline.flow.early_server import start_early_server

    server = start_early_server()  # overlaps Prefect's start with our imports
    if args.task_runner == "local":
        from pipeline.flow.pool import start_pool_soon
        from pipeline.flow.prefetch import begin_soon

        start_pool_soon(args.workers)  # and the workers' start with importing Prefect,
        begin_soon(args.sources, str(args.out), args.workers, args.batch_size,
                   args.engine)  # and work
    from pipeline.flow import run_flow
    from pipeline.flow.report import print_summary

    try:
        if server is None:
            _require_api(before_prefect=False)
        summary = run_flow(args.sources, args.out, workers=args.workers,
                           batch_size=args.batch_size, task_runner=args.task_runner,
                           dask_address=args.dask_address, show_progress=not args.no_progress,
                           engine=args.engine, early_server=server, prune=args.prune)
    except sqlite3.Error as error:  # in a run, only the state file is SQLite
        from pipeline.errors import RunStopped
        from pipeline.flow.outputs import OutputLayout

        raise RunStopped(f"{OutputLayout(args.out).state}: {error}") from error
    print_summary(summary)
    return 1 if summary["counts"]["failed"] else 0


def _usage_error(args: argparse.Namespace) -> str | None:
    if args.workers < 1 or args.batch_size < 0:
        return "--workers must be at least 1 and --batch-size not negative"
    if args.dask_address and args.task_runner != "dask":
        return "--dask-address needs --task-runner dask"
    return None


def _check_sources(raw_sources: list[str]) -> None:
    """Every SOURCE exists (ConfigurationError if not); a manifest's gaps are noted."""
    from pipeline.flow.sources import ManifestSource, source_for

    sources = [source_for(raw) for raw in raw_sources]
    for raw, source in zip(raw_sources, sources, strict=True):
        if isinstance(source, ManifestSource):
            for line in _manifest_notes(raw, source):
                print(line, file=sys.stderr)


def _require_api(before_prefect: bool) -> None:
    """The API the run is configured with must answer (ConfigurationError, one line, if
    not). PREFECT_API_URL is checked at once, before the pool and Prefect start; an API
    named only by a Prefect profile once Prefect, which reads profiles, is imported."""
    from pipeline.flow.early_server import require_api

    url = os.environ.get("PREFECT_API_URL")
    if before_prefect or url:
        if url and before_prefect:
            require_api(url)
        return
    from prefect.settings import get_current_settings

    configured = get_current_settings().api.url
    if configured:
        require_api(str(configured))


def _manifest_notes(raw: str, source: Any) -> list[str]:
    """What a manifest source leaves out of the run, and the command that brings it in."""
    notes = []
    for ids, why in ((source.missing(), "not in the cache (`decisions corpus rebuild` "
                                        "fetches them)"),
                     (source.unresolved(), "known only from a listing page (`decisions corpus "
                                           "discover` finds their documents)")):
        if ids:
            shown = ", ".join(ids[:5]) + (" …" if len(ids) > 5 else "")
            notes.append(f"note: {raw}: {len(ids)} entr{'y' if len(ids) == 1 else 'ies'} "
                         f"left out, {why}: {shown}")
    return notes
