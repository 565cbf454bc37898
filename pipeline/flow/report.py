"""The run summary as a person reads it at the end of `decisions run`."""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["failure_lines", "print_summary", "summary_lines"]


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """What was read, what is now in the outputs, and where; failures go to stderr."""
    counts, seconds, out = summary["counts"], summary["seconds"], summary["outputs"]
    return [
        f"{counts['discovered']:,} document(s): {counts['extracted']:,} read this run, "
        f"{counts['unchanged']:,} unchanged since the last run",
        f"{counts['records']:,} record(s) ({counts['written']:,} written this run), "
        f"{counts['failed']:,} failed, {counts['removed']:,} old record(s) removed",
        f"flow work {seconds['total']:.1f} s ({summary['docs_per_second']:.1f} docs/s read), "
        "not counting Prefect's start",
        f"records: {out['records']}/ and {out['records_jsonl']}",
        f"summary: {out['summary']}",
    ]


def failure_lines(summary: dict[str, Any], limit: int = 20) -> list[str]:
    """One line per failed input (the first `limit`), naming the file and the reason."""
    total: int = summary["counts"]["failed"]
    if not total:
        return []
    kinds = ", ".join(f"{kind} {n}" for kind, n in summary["failures_by_kind"].items())
    lines = [f"failed: {f['path']}: {f['reason']}" for f in summary["failures"][:limit]]
    if total > len(lines):
        lines.append(f"... and {total - len(lines):,} more")
    lines.append(f"{total:,} failed ({kinds}): all listed in {summary['outputs']['failures']}")
    return lines


def print_summary(summary: dict[str, Any]) -> None:
    print("\n".join(summary_lines(summary)))
    failed = failure_lines(summary)
    if failed:
        print("\n".join(failed), file=sys.stderr)
