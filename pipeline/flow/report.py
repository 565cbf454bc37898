"""The run summary as a person reads it at the end of `decisions run`."""

from __future__ import annotations

from typing import Any

__all__ = ["print_summary", "summary_lines"]


def summary_lines(summary: dict[str, Any]) -> list[str]:
    counts, seconds, out = summary["counts"], summary["seconds"], summary["outputs"]
    lines = [
        f"{counts['discovered']:,} document(s): {counts['extracted']:,} extracted, "
        f"{counts['unchanged']:,} unchanged, {counts['failed']:,} failed, "
        f"{counts['removed']:,} old record(s) removed",
        f"{seconds['total']:.1f} s ({summary['docs_per_second']:.1f} docs/s extracted)",
        f"records: {out['records']}/ ({counts['records']:,}) and {out['records_jsonl']}",
    ]
    if counts["failed"]:
        kinds = ", ".join(f"{kind} {n}" for kind, n in summary["failures_by_kind"].items())
        lines.append(f"failures: {out['failures']} ({kinds})")
        lines.extend(f"  {f['path']}: {f['kind']}: {f['reason']}"
                     for f in summary["failures"][:5])
    lines.append(f"summary: {out['summary']}")
    return lines


def print_summary(summary: dict[str, Any]) -> None:
    print("\n".join(summary_lines(summary)))
