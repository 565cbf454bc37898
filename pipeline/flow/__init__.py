"""Orchestration: the Prefect flow that turns folders of documents into an outputs folder.

Importing this package applies the project's Prefect defaults (telemetry off, quiet
logs, no result persistence) before Prefect itself is imported; see `settings.py`.
Only `decisions run` and `decisions serve` import it: `decisions extract` never loads
Prefect.
"""

from __future__ import annotations

from pipeline.flow.settings import apply_prefect_defaults

apply_prefect_defaults()

from pipeline.flow.run import decisions_run, run_flow, scheduled_run  # noqa: E402

__all__ = ["decisions_run", "run_flow", "scheduled_run"]
