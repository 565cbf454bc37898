"""Work begun while Prefect starts: the plan, and the first batches in the pool.

Before a flow can run, Prefect takes 4 to 8 s to start with its temporary server
(about 3 s with a running one: importing Prefect, creating the flow run), and for
most of it the cores are not all busy. `begin` plans the run then (the same discover
and plan functions the tasks call) and hands the first `2 × workers` batches to the
pool; `decisions run` calls it from a thread before it even imports Prefect. A run
of 10,000 documents then has up to 2,000 done when the flow starts.

The flow stays the one place that decides and writes. Its `discover` and `plan` tasks
take the early result only for the same sources, outputs folder (discovery leaves it
out) and version key (the plan is then as fresh as one made in the flow: either is made
before the documents are read, under the outputs folder's lock, so no other run changes
its state meanwhile, and a worker re-checks each file's sha256). `extract-batch` takes a batch's
early future only for exactly the same items; anything not taken is cancelled by
`discard` when the run ends. Nothing is written before the flow writes it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

from pipeline.flow.items import Outcome, WorkItem
from pipeline.flow.plan import Plan
from pipeline.ingest.engines import DEFAULT_ENGINE

__all__ = ["begin", "begin_soon", "discard", "early_paths", "early_plan", "take_batch"]


@dataclass
class _Early:
    sources: tuple[str, ...]
    out: str
    workers: int
    batch_size: int
    engine: str
    version: str
    paths: list[str]
    plan: Plan
    batches: dict[tuple[str, tuple[tuple[str, str], ...]], Future[list[Outcome]]] = field(
        default_factory=dict)

    @property
    def request(self) -> tuple[tuple[str, ...], str, int, int, str]:
        return self.sources, self.out, self.workers, self.batch_size, self.engine


_lock = threading.Lock()  # guards _early
_beginning = threading.Lock()  # one `begin` at a time
_early: _Early | None = None


def begin_soon(sources: Sequence[str], out: str, workers: int, batch_size: int,
               engine: str = DEFAULT_ENGINE) -> None:
    """`begin` in a thread, so the work also overlaps importing Prefect (about 2 s); the
    flow's own `begin` call then waits for it and keeps what it did."""
    def quietly() -> None:
        with contextlib.suppress(Exception):  # run_flow's `begin` tries again
            begin(sources, out, workers, batch_size, engine)

    threading.Thread(target=quietly, name="prefetch", daemon=True).start()


def begin(sources: Sequence[str], out: str, workers: int, batch_size: int,
          engine: str = DEFAULT_ENGINE) -> None:
    """Plan the run and start its first batches in the shared pool (kept if already
    begun for the same request)."""
    from pipeline.flow.plan import batch_size_for, batches_of, plan_against
    from pipeline.flow.pool import start_pool
    from pipeline.flow.sources import discover_paths, source_for
    from pipeline.flow.state import version_key
    from pipeline.flow.work import items_to_outcomes

    global _early
    request = (tuple(sources), out, workers, batch_size, engine)
    with _beginning:
        with _lock:
            if _early is not None and _early.request == request:
                return
        discard()
        version = version_key(engine)
        try:
            paths = discover_paths((source_for(raw) for raw in sources), out)
            plan = plan_against(paths, out, version)
        except Exception:  # it fails again in the flow's own tasks: retried there, and reported
            return
        early = _Early(*request, version, paths, plan)
        size = batch_size or batch_size_for(len(plan.todo), workers)
        pool = start_pool(workers)
        for batch in batches_of(plan.todo, size)[:2 * workers]:
            early.batches[_key(batch, engine)] = pool.submit(items_to_outcomes, batch, engine)
        with _lock:
            _early = early


def early_paths(sources: Sequence[str], out: str) -> list[str] | None:
    """The discovered paths, if `begin` ran for these sources and outputs folder (which
    discovery leaves out)."""
    with _lock:
        if _early is None or (_early.sources, _early.out) != (tuple(sources), out):
            return None
        return _early.paths


def early_plan(paths: Sequence[str], out: str, version: str) -> Plan | None:
    """The plan, if `begin` made it from these paths for this outputs folder and version."""
    with _lock:
        if _early is None or (_early.paths, _early.out, _early.version) != (list(paths), out,
                                                                            version):
            return None
        return _early.plan


def take_batch(items: Sequence[WorkItem],
               engine: str = DEFAULT_ENGINE) -> Future[list[Outcome]] | None:
    """The future of a batch `begin` started with exactly these items and engine, once."""
    with _lock:
        return None if _early is None else _early.batches.pop(_key(items, engine), None)


def discard() -> None:
    """Forget the early work; cancel batches not taken (one already running finishes
    in its worker and its result is dropped)."""
    global _early
    with _lock:
        early, _early = _early, None
    if early is not None:
        for future in early.batches.values():
            future.cancel()


def _key(items: Sequence[WorkItem], engine: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    return engine, tuple((item.path, item.sha256) for item in items)
