"""decision-records: published decision documents in, validated evidence-backed records out.

The public verbs; everything else is private to the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract_record", "extract_records", "load", "run_flow"]

if TYPE_CHECKING:
    from pipeline.ingest import load
    from pipeline.records import extract_record, extract_records


def __getattr__(name: str) -> Any:
    """Imported on first use, so `decisions --help` stays fast and Prefect stays out of
    `decisions extract`."""
    if name == "load":
        from pipeline.ingest import load

        return load
    if name in ("extract_record", "extract_records"):
        from pipeline import records

        return getattr(records, name)
    if name == "run_flow":
        from pipeline.flow import run_flow

        return run_flow
    raise AttributeError(name)
