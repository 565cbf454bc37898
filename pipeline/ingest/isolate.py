"""Run a reader in a child process with a time and a memory limit.

PDF libraries decompress streams whole and trust page trees: a decompression bomb
fills memory, a crafted file loops or crashes the C library. In a child process,
each of those costs one file: the child's address space is capped
(`Limits.max_memory_bytes` above what it inherited), it is killed after
`Limits.max_seconds`, and a crash is a typed error, not a dead run. The child sends
back plain data (pages), or the name and reason of the `IngestError` it raised.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import ForkContext, SpawnContext
from typing import Any, TypeVar

from pipeline import errors
from pipeline.errors import CorruptInput, IngestError, TookTooLong, TooLarge
from pipeline.ingest.limits import Limits

T = TypeVar("T")


def run_isolated(read: Callable[..., T], args: tuple[Any, ...], path: str,
                 limits: Limits) -> T:
    """`read(*args)` in a child process; its IngestError, or a limit's, raised here."""
    context: ForkContext | SpawnContext = (
        multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods()
        else multiprocessing.get_context("spawn"))
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, read, args, path, limits),
                            daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.max_seconds):
            raise TookTooLong(path, f"reading took over {limits.max_seconds:g} s "
                                    "(Limits.max_seconds); stopped")
        outcome = receiver.recv()
    except EOFError:
        child.join()
        raise CorruptInput(path, f"the PDF reader crashed on it (exit {child.exitcode}); if it "
                                 "ran out of memory, see Limits.max_memory_bytes") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    if outcome[0] == "error":
        error_type = getattr(errors, outcome[1], IngestError)
        raise error_type(path, outcome[2])
    result: T = outcome[1]
    return result


def _child(sender: Connection, read: Callable[..., Any], args: tuple[Any, ...], path: str,
           limits: Limits) -> None:
    _cap_memory(limits.max_memory_bytes)
    try:
        sender.send(("ok", read(*args)))
    except IngestError as error:
        sender.send(("error", type(error).__name__, error.reason))
    except MemoryError:
        sender.send(("error", TooLarge.__name__,
                     f"reading needed over {limits.max_memory_bytes:,} bytes of memory "
                     "(Limits.max_memory_bytes): a decompression bomb?"))
    except Exception as error:  # a library's own failure on bad bytes
        first_line = (str(error).splitlines() or [""])[0][:120]
        sender.send(("error", CorruptInput.__name__,
                     f"damaged PDF: {type(error).__name__}: {first_line}"))
    finally:
        sender.close()


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
