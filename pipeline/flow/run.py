"""The `decisions-run` flow: discover → plan → extract (batches) → write → finish.

It only orchestrates; each step is a task calling a plain module. Batches hold
hundreds of documents because Prefect costs milliseconds per task: one task per
document ran at 18 docs/s where batches of 100 ran at 73 (plain loop 85); sizes
are `plan.batch_size_for`'s. At most `2 × workers` batches are in flight, so memory
does not grow with the corpus. A run holds its outputs folder throughout (`lock.py`),
and one whose sources hold no document at all does not empty it (`plan.refuse_to_empty`).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow
from prefect.task_runners import ThreadPoolTaskRunner

from pipeline.flow import prefetch, progress
from pipeline.flow.early_server import EarlyServer
from pipeline.flow.finish import summary_of
from pipeline.flow.items import Outcome, WorkItem
from pipeline.flow.lock import holding_outputs
from pipeline.flow.outputs import OutputLayout
from pipeline.flow.plan import batch_size_for, batches_of, refuse_to_empty
from pipeline.flow.pool import start_pool
from pipeline.flow.sources import source_for
from pipeline.flow.state import version_key
from pipeline.flow.tasks import (
    discover,
    extract_batch,
    finish,
    plan,
    refresh_corpus,
    write_batch,
    write_summary,
)
from pipeline.ingest.engines import DEFAULT_ENGINE

__all__ = ["decisions_run", "run_flow", "scheduled_run"]


@flow(name="decisions-run", persist_result=False, log_prints=False)
def decisions_run(sources: list[str], out: str = "outputs", workers: int = 2,
                  batch_size: int = 0, in_pool: bool = True,
                  engine: str = DEFAULT_ENGINE, prune: bool = False) -> dict[str, Any]:
    """Records for every new or changed document under `sources`, written to `out`; PDFs
    read with `engine` (another engine than last run's reprocesses everything). Holds
    `out` for the whole run (`lock.py`): a second run on it is refused. Sources with no
    document at all remove the records only with `prune` (`plan.refuse_to_empty`)."""
    with holding_outputs(out):
        refuse_to_empty(sources, out, prune)
        return _run(sources, out, workers, batch_size, in_pool, engine, prune)


def _run(sources: list[str], out: str, workers: int, batch_size: int, in_pool: bool,
         engine: str, prune: bool) -> dict[str, Any]:
    started, clock = datetime.now(UTC), time.perf_counter()
    version = version_key(engine)
    work = plan(discover(sources, out), out, version)
    planned = time.perf_counter()
    size = batch_size or batch_size_for(len(work.todo), workers)
    progress.start(len(work.todo))
    counts = {"discovered": work.discovered, "unchanged": len(work.unchanged),
              "extracted": 0, "written": 0}
    for outcomes in _extracted(work.todo, size, workers, in_pool, engine):
        counts["written"] += write_batch(outcomes, out, version)
        counts["extracted"] += len(outcomes)
        progress.advance(len(outcomes))
        # Prefect keeps every task's result in the flow run until it ends (FlowRunContext.
        # run_results); emptying the list frees the batch's record text now, so memory
        # stays flat however many batches the corpus has.
        outcomes.clear()
    extracted = time.perf_counter()
    finished = finish(work.failures, work.gone, out)
    ended = time.perf_counter()
    seconds = {"plan": planned - clock, "extract": extracted - planned,
               "finish": ended - extracted, "total": ended - clock}
    settings = {"version": version, "workers": workers, "batch_size": size,
                "sources": sources, "in_pool": in_pool, "engine": engine, "prune": prune}
    summary = summary_of(OutputLayout(Path(out)), counts, seconds, finished, started,
                         datetime.now(UTC), settings)
    write_summary(summary, out)
    return summary


def _extracted(items: Sequence[WorkItem], size: int, workers: int, in_pool: bool,
               engine: str) -> Iterator[list[Outcome]]:
    """Batch results in submission order, keeping a bounded window in flight."""
    batches = deque(batches_of(items, size))
    pending: deque[Any] = deque()
    while batches or pending:
        while batches and len(pending) < 2 * workers:
            pending.append(extract_batch.submit(batches.popleft(), workers if in_pool else 0,
                                                engine))
        yield pending.popleft().result()


@flow(name="decisions-scheduled", persist_result=False, log_prints=False)
def scheduled_run(sources: list[str], out: str = "outputs", workers: int = 2,
                  publishers: list[str] | None = None,
                  base_url: str | None = None) -> dict[str, Any]:
    """The served flow: refresh each corpus manifest among the sources (discover the
    named publishers' new decisions, fetch what the cache lacks), then run. The refresh
    lines go into the summary under "refresh"."""
    refreshed = refresh_corpus(sources, list(publishers or ()), base_url)
    summary = decisions_run(sources, out, workers)
    return {**summary, "refresh": refreshed}


def run_flow(sources: Sequence[str | Path], out: str | Path = "outputs", *, workers: int = 2,
             batch_size: int = 0, task_runner: str = "local", dask_address: str | None = None,
             show_progress: bool = False, engine: str = DEFAULT_ENGINE,
             early_server: EarlyServer | None = None, prune: bool = False) -> dict[str, Any]:
    """Run the flow once and return its summary (also in `out`/run-summary.json).

    task_runner "local": Prefect threads feeding a pool of `workers` processes, warmed
    up while Prefect starts and kept for the next call in this process (stopped at
    exit). "dask": tasks run on Dask workers (the cluster at `dask_address`, or a new
    local one), each extracting in its own process. `prune`: see `decisions_run`.
    """
    raw = [str(source) for source in sources]
    for source in raw:
        source_for(source)  # fail fast, before anything starts, on a missing source
    with holding_outputs(out):  # and on an outputs folder in use, as `decisions run` does
        refuse_to_empty(raw, out, prune)  # or one this run would empty
        runner = _task_runner(task_runner, dask_address, workers)
        try:
            if task_runner != "dask":
                prefetch.begin(raw, str(out), workers, batch_size, engine)  # while Prefect starts
            if early_server is not None:
                _wait_for(early_server)
            configured = decisions_run.with_options(task_runner=runner)
            with progress.progress_bar(show_progress):
                summary: dict[str, Any] = configured(raw, str(out), workers, batch_size,
                                                     task_runner != "dask", engine, prune)
        finally:
            prefetch.discard()
    return summary


def _task_runner(name: str, dask_address: str | None, workers: int) -> Any:
    if name == "dask":
        return _dask_runner(dask_address, workers)
    start_pool(workers)
    return ThreadPoolTaskRunner(max_workers=2 * workers)


def _wait_for(server: EarlyServer) -> None:
    from prefect.settings import get_current_settings

    from pipeline.errors import ConfigurationError

    timeout = get_current_settings().server.ephemeral.startup_timeout_seconds
    if not server.wait_ready(timeout):
        code = server.process.returncode
        what = (f"stopped while starting (exit status {code})" if code is not None
                else f"did not start within {timeout} s")
        raise ConfigurationError(f"Prefect's temporary server {what}; its output is in "
                                 f"{server.log}. Or start one with `prefect server start` and "
                                 f"set PREFECT_API_URL")


def _dask_runner(address: str | None, workers: int) -> Any:
    from pipeline.errors import ConfigurationError

    try:
        from prefect_dask.task_runners import DaskTaskRunner
    except ImportError:
        raise ConfigurationError("--task-runner dask needs the dask extra: "
                                 "pip install 'decision-records[dask]'") from None
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1})
