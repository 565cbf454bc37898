"""Progress for interactive runs: a rich bar on stderr, nothing when not a terminal.

The flow reports through `advance()`; `run_flow` decides whether anything is shown.
A module-level reporter, not a flow parameter, because Prefect records parameters
and a progress bar is no parameter of the work.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["advance", "progress_bar", "start"]

_bar: Any = None
_task: Any = None


@contextmanager
def progress_bar(enabled: bool) -> Iterator[None]:
    """Show a bar while the block runs, if `enabled` and stderr is a terminal."""
    global _bar, _task
    if not enabled or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    with bar:
        _bar, _task = bar, bar.add_task("extracting", total=None)
        try:
            yield
        finally:
            _bar = _task = None


def start(total: int) -> None:
    if _bar is not None:
        _bar.update(_task, total=total, completed=0)


def advance(count: int) -> None:
    if _bar is not None:
        _bar.advance(_task, count)
