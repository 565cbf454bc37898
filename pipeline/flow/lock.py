"""One run at a time per outputs folder.

Two runs writing one outputs folder corrupt it: each removes the other's records as
gone, and each rebuilds the roll-up from a state the other is changing. So a run holds
an exclusive `flock` on `outputs/.decisions-run.lock` from before it plans until its
summary is written, and a second run is refused at once (exit 2), naming the holder.

`flock` because the kernel drops the lock when the holding process ends, however it
ends (SIGKILL, the OOM killer): a killed run never leaves a stale lock to clear by hand.
The file itself stays (removing it would race with a run opening it); it only says
which process holds it. The descriptor is not inherited (Python opens it close-on-exec,
and the pool's workers come from a forkserver), so no child keeps the lock alive.

A process takes the lock once: nested holds (the command, `run_flow`, the flow) count.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import ConfigurationError

__all__ = ["OutputsInUse", "holding_outputs"]


class OutputsInUse(ConfigurationError):
    """Another run holds the outputs folder."""


_guard = threading.Lock()
_held: dict[str, tuple[int, int]] = {}  # real path of a lock file -> (descriptor, holds)


@contextlib.contextmanager
def holding_outputs(out: str | Path) -> Iterator[None]:
    """The outputs folder `out` (created if missing) for this process while the block runs;
    raises OutputsInUse if another process holds it."""
    key = _acquire(Path(out))
    try:
        yield
    finally:
        _release(key)


def _acquire(out: Path) -> str:
    from pipeline.flow.outputs import OutputLayout

    path = OutputLayout(out).lock
    path.parent.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(path)
    with _guard:
        if key in _held:
            descriptor, holds = _held[key]
            _held[key] = (descriptor, holds + 1)
            return key
        descriptor = os.open(key, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            os.close(descriptor)
            raise OutputsInUse(f"{out} is in use by {holder}; wait for it to end, or give "
                               f"another --out") from None
        except BaseException:
            os.close(descriptor)
            raise
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        _held[key] = (descriptor, 1)
        return key


def _release(key: str) -> None:
    with _guard:
        descriptor, holds = _held.pop(key)
        if holds > 1:
            _held[key] = (descriptor, holds - 1)
            return
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)  # names no process once none holds it
        os.close(descriptor)  # and the lock goes with the last descriptor


def _holder(descriptor: int) -> str:
    """"run PID" as the holder wrote it; "another run" in the instant before it does."""
    text = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
    return f"run {text}" if text.isdigit() else "another run"
