"""Run a reader in a child process with a time and a memory limit.

PDF libraries decompress streams whole and trust page trees: a decompression bomb
fills memory, a crafted file loops or crashes the C library. In a child process,
each of those costs one file: the child's address space is capped
(`Limits.max_memory_bytes` above what it inherited), it is killed after
`Limits.max_seconds`, and a crash is a typed error, not a dead run. The child sends
back plain data (pages), or the name and reason of the `IngestError` it raised.
Text and HTML are read in the same child, under the same limits: a pathological page
(markup nested beyond reason, a parser's worst case) costs that one file too.

Starting a process per file costs more than PDFium takes to read one, so one child
is kept and reused (one per process, behind a lock), and replaced when it dies, is
killed, runs out of memory, has read `_FILES_PER_CHILD` files, or other limits apply.
"""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, ForkProcess, SpawnContext, SpawnProcess
from typing import Any, TypeVar

from pipeline import errors
from pipeline.errors import CorruptInput, IngestError, TookTooLong, TooLarge
from pipeline.ingest.limits import Limits

T = TypeVar("T")
_FILES_PER_CHILD = 200  # a fresh child now and then: no slow growth of a long run's heap


class _Child:
    """One reader process, the parent's end of its pipe, and how many files it read."""

    def __init__(self, memory: int) -> None:
        context: ForkContext | SpawnContext = (
            multiprocessing.get_context("fork")
            if "fork" in multiprocessing.get_all_start_methods()
            else multiprocessing.get_context("spawn"))
        self.memory = memory
        self.files = 0
        self.pipe, child_end = context.Pipe()
        forked = context.get_start_method() == "fork"  # the child then holds both ends
        self.process: ForkProcess | SpawnProcess = context.Process(
            target=_serve, args=(child_end, memory, self.pipe if forked else None),
            daemon=True)
        with _children_allowed():
            self.process.start()
        child_end.close()

    def stop(self) -> None:
        self.pipe.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


@contextmanager
def _children_allowed() -> Iterator[None]:
    """Let a daemonic process (a Dask worker) start the reader child.

    multiprocessing refuses a daemonic process children, lest they outlive it. The reader
    cannot: it is a daemon itself and leaves when its pipe closes, which the worker's
    exit closes. So the flag is lowered while the child starts, then raised again.
    """
    current = multiprocessing.current_process()
    daemonic = current.daemon
    if daemonic:
        current.daemon = False
    try:
        yield
    finally:
        if daemonic:
            current.daemon = True


_lock = threading.Lock()
_child: _Child | None = None


def run_isolated(read: Callable[..., T], args: tuple[Any, ...], path: str,
                 limits: Limits, what: str = "PDF") -> T:
    """`read(*args)` in the child process; its IngestError, or a limit's, raised here.
    `what` is read ("PDF", "HTML", "text"): failures name it."""
    with _lock:
        child = _ready_child(limits.max_memory_bytes)
        child.files += 1
        child.pipe.send((read, args, what))
        outcome = _outcome(child, path, limits, what)
    if outcome[0] == "error":
        error_type = getattr(errors, outcome[1], IngestError)
        raise error_type(path, outcome[2])
    result: T = outcome[1]
    return result


def _ready_child(memory: int) -> _Child:
    global _child
    if _child is not None and (not _child.process.is_alive() or _child.memory != memory
                               or _child.files >= _FILES_PER_CHILD):
        _child.stop()
        _child = None
    if _child is None:
        _child = _Child(memory)
    return _child


def _outcome(child: _Child, path: str, limits: Limits, what: str) -> tuple[Any, ...]:
    """The child's answer; on a timeout or a crash, the child is replaced."""
    global _child
    try:
        if not child.pipe.poll(limits.max_seconds):
            raise TookTooLong(path, f"reading took over {limits.max_seconds:g} s "
                                    "(Limits.max_seconds); stopped")
        outcome: tuple[Any, ...] = child.pipe.recv()
        return outcome
    except EOFError:
        child.process.join()
        raise CorruptInput(path, f"the {what} reader crashed on it (exit "
                                 f"{child.process.exitcode}); if it ran out of memory, see "
                                 "Limits.max_memory_bytes") from None
    except BaseException:
        child.stop()
        _child = None
        raise


def _serve(pipe: Connection, memory: int, parents_end: Connection | None) -> None:
    """The child: read what the parent sends until the pipe closes or memory runs out.

    A forked child holds a copy of the parent's end too; it is closed first, or the pipe
    would never close when the parent dies (killed with its run), and the child would
    wait for work forever."""
    if parents_end is not None:
        parents_end.close()
    faulthandler.disable()  # a crash here is reported as one line by the parent, not a dump
    _cap_memory(memory)
    while True:
        try:
            read, args, what = pipe.recv()
        except (EOFError, OSError):
            return
        if not _answer(pipe, read, args, memory, what):
            return


def _answer(pipe: Connection, read: Callable[..., Any], args: tuple[Any, ...],
            memory: int, what: str) -> bool:
    """Send `read(*args)` or its failure; False when this child should not go on."""
    try:
        pipe.send(("ok", read(*args)))
    except IngestError as error:
        pipe.send(("error", type(error).__name__, error.reason))
    except MemoryError:
        guess = ": a decompression bomb?" if what == "PDF" else ""
        pipe.send(("error", TooLarge.__name__,
                   f"reading needed over {memory:,} bytes of memory "
                   f"(Limits.max_memory_bytes){guess}"))
        return False
    except Exception as error:  # a library's own failure on bad bytes
        first_line = (str(error).splitlines() or [""])[0][:120]
        pipe.send(("error", CorruptInput.__name__,
                   f"damaged {what}: {type(error).__name__}: {first_line}"))
    return True


def _cap_memory(extra: int) -> None:
    """Cap the address space at what the child inherited plus `extra` bytes."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            inherited = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = inherited + extra
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
