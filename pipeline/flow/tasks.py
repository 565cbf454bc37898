"""The Prefect tasks of a run. Each is a thin call into a plain module, so the work
is testable without Prefect and the flow reads as the list of its steps.

Retries: only where I/O can fail for a while (a full disk, a network share) and only
for OSError (`_io_error`); extraction is deterministic, so retrying it would only fail
again. No task caches or persists results: the record files are the results.
"""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from pipeline.flow import prefetch
from pipeline.flow.finish import FinishCounts, finish_outputs
from pipeline.flow.items import Failure, Outcome, WorkItem
from pipeline.flow.outputs import OutputLayout
from pipeline.flow.plan import Plan, plan_against
from pipeline.flow.pool import restart_pool, shared_pool
from pipeline.flow.refresh import refresh_sources
from pipeline.flow.sources import discover_paths, source_for
from pipeline.flow.work import items_to_outcomes
from pipeline.ingest.engines import DEFAULT_ENGINE

__all__ = ["discover", "extract_batch", "finish", "plan", "refresh_corpus", "write_batch",
           "write_summary"]

_BACKOFF = [1.0, 4.0, 15.0]


def _io_error(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a failed task only if it failed on I/O."""
    try:
        state.result()
    except OSError:
        return True
    except BaseException:
        return False
    return False


@task(name="refresh-corpus", cache_policy=NO_CACHE, persist_result=False)
def refresh_corpus(sources: list[str], publishers: list[str],
                   base_url: str | None = None) -> list[str]:
    """Before a scheduled run: discover the publishers' new decisions into each manifest
    among the sources and fetch them (`pipeline/flow/refresh.py`). Failures are lines
    of the result; the run goes on with what is cached."""
    lines = refresh_sources(sources, publishers, base_url=base_url,
                            report=lambda line: print(f"refresh: {line}", flush=True))
    logger = get_run_logger()
    for line in lines:
        logger.info(line)
    return lines


@task(name="discover", cache_policy=NO_CACHE, persist_result=False)
def discover(sources: list[str], out: str) -> list[str]:
    """The paths found while Prefect started (`prefetch.py`), else found now; never any
    in the outputs folder `out`."""
    found = prefetch.early_paths(sources, out)
    return found if found is not None else discover_paths((source_for(raw) for raw in sources),
                                                          out)


@task(name="plan", cache_policy=NO_CACHE, persist_result=False, retries=len(_BACKOFF),
      retry_delay_seconds=_BACKOFF, retry_condition_fn=_io_error)
def plan(paths: list[str], out: str, version: str) -> Plan:
    """The plan made while Prefect started, for the same paths (`prefetch.py`), else now."""
    early = prefetch.early_plan(paths, out, version)
    return early if early is not None else plan_against(paths, out, version)


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False)
def extract_batch(items: list[WorkItem], pool_workers: int,
                  engine: str = DEFAULT_ENGINE) -> list[Outcome]:
    """A batch in one pool process (pool_workers > 0) or here (a Dask worker)."""
    if pool_workers <= 0:
        return items_to_outcomes(items, engine)
    try:
        future = prefetch.take_batch(items, engine) or shared_pool(pool_workers).submit(
            items_to_outcomes, items, engine)
        return future.result()
    except BrokenProcessPool:
        return _isolated(items, pool_workers, engine)


def _isolated(items: list[WorkItem], pool_workers: int, engine: str) -> list[Outcome]:
    """A pool process died (a crash, or the OOM killer): find the input that kills it by
    running each alone, so the others still get their records."""
    outcomes = []
    for item in items:
        pool = restart_pool(pool_workers)
        try:
            outcomes.extend(pool.submit(items_to_outcomes, [item], engine).result())
        except BrokenProcessPool:
            reason = "the worker process died reading this document (crash or out of memory)"
            outcomes.append(Outcome(item, failure=Failure(item.path, item.sha256, "crashed",
                                                          reason)))
    return outcomes


@task(name="write-batch", cache_policy=NO_CACHE, persist_result=False,
      retries=len(_BACKOFF), retry_delay_seconds=_BACKOFF, retry_condition_fn=_io_error)
def write_batch(outcomes: list[Outcome], out: str, version: str) -> int:
    """Record files first, then the state rows (`OutputLayout.write_outcomes`)."""
    return OutputLayout(Path(out)).write_outcomes(outcomes, version)


@task(name="finish", cache_policy=NO_CACHE, persist_result=False, retries=len(_BACKOFF),
      retry_delay_seconds=_BACKOFF, retry_condition_fn=_io_error)
def finish(plan_failures: tuple[Failure, ...], gone: tuple[str, ...], out: str) -> FinishCounts:
    return finish_outputs(OutputLayout(Path(out)), plan_failures, gone)


@task(name="write-summary", cache_policy=NO_CACHE, persist_result=False,
      retries=len(_BACKOFF), retry_delay_seconds=_BACKOFF, retry_condition_fn=_io_error)
def write_summary(summary: dict[str, Any], out: str) -> None:
    OutputLayout(Path(out)).write_summary(summary)
