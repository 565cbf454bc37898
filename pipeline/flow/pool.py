"""The process pool that does the CPU work of the default (local) runner.

Why a pool of our own under Prefect's thread runner: Prefect tasks in threads are
cheap to orchestrate but share one GIL, and `nlp.pipe(n_process=2)` measured slower.
So each batch task hands its paths to a pool process, which loads, extracts and returns
finished JSON text. Workers start from a `forkserver` (never a fork of a process that
already runs Prefect's threads) and build the spaCy pipeline once, in the initializer.
`start_pool` is called before the flow so workers warm up while Prefect starts.
"""

from __future__ import annotations

import atexit
import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

from pipeline.flow.work import warm_up

__all__ = ["restart_pool", "shared_pool", "start_pool", "start_pool_soon", "stop_pool"]

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_size = 0


def start_pool(workers: int) -> ProcessPoolExecutor:
    """The shared pool, created (and its workers started) if it is not running."""
    global _pool, _size
    with _lock:
        if _pool is None or _size != workers:
            if _pool is not None:
                _pool.shutdown(cancel_futures=True)
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["pipeline.records"])
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                        initializer=warm_up)
            _size = workers
            atexit.register(stop_pool)
            for _ in range(workers):  # start every worker now, not on first use
                _pool.submit(int)
        return _pool


def start_pool_soon(workers: int) -> None:
    """Start the pool from a thread: the forkserver's start (it preloads spaCy, ~1 s)
    then overlaps whatever the caller does next, such as importing Prefect."""
    threading.Thread(target=_start_pool_quietly, args=(workers,), name="pool-start",
                     daemon=True).start()


def _start_pool_quietly(workers: int) -> None:
    """A run that stops at once (a full disk, a refused folder) ends the interpreter while
    this thread still starts workers: nothing is lost then, and nothing should be said."""
    try:
        start_pool(workers)
    except RuntimeError as error:
        if not (sys.is_finalizing() or "interpreter shutdown" in str(error)):
            raise


def shared_pool(workers: int) -> ProcessPoolExecutor:
    return start_pool(workers)


def restart_pool(workers: int) -> ProcessPoolExecutor:
    """A working pool: the shared one, replaced if a dead worker broke it."""
    global _pool
    with _lock:
        broken = _pool is not None and getattr(_pool, "_broken", False)
        if broken and _pool is not None:
            _pool.shutdown(cancel_futures=True)
            _pool = None
    return start_pool(workers)


def stop_pool() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
            _pool = None
