"""Orchestration: the Prefect flow that turns folders of documents into an outputs folder.

Importing this package applies the project's Prefect defaults (telemetry off, quiet
logs, no result persistence) before Prefect itself is imported; see `settings.py`.
Prefect is imported only when `run_flow` or a flow is first used, so `settings` and
`early_server` can act before it. Only `decisions run` and `decisions serve` come
here: `decisions extract` never loads Prefect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.flow.settings import apply_prefect_defaults

apply_prefect_defaults()

if TYPE_CHECKING:
    from pipeline.flow.run import decisions_run, run_flow, scheduled_run

__all__ = ["decisions_run", "run_flow", "scheduled_run"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from pipeline.flow import run

        return getattr(run, name)
    raise AttributeError(name)
