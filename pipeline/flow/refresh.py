"""The corpus refresh a served run does first: discover new decisions, then fetch them.

For each manifest among a run's sources: each named publisher's listing is walked for new
decisions (`pipeline.corpus.discover`, one request when nothing is new), then the cache is
brought in line with the manifest (`pipeline.corpus.rebuild`: fetch what is missing,
verify, pin). A publisher that cannot be reached costs its own lines in the result, never
the run: the documents already cached are still extracted.

Fetching can take minutes (a slow publisher, a network that is down), so each step is also
handed to `report` as it happens: a served run prints them, and is seen to be working.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.corpus.discover import discover
from pipeline.corpus.http import FetchPolicy
from pipeline.corpus.rebuild import EntryOutcome, rebuild
from pipeline.errors import DecisionsError
from pipeline.flow.sources import ManifestSource, source_for

__all__ = ["refresh_sources"]


def refresh_sources(sources: Sequence[str], publishers: Sequence[str] = (), *,
                    base_url: str | None = None, policy: FetchPolicy | None = None,
                    report: Callable[[str], None] | None = None) -> list[str]:
    """One line per step done, in order; "nothing to refresh" when no source is a manifest.

    `base_url` points every named publisher at another server (a mirror, a test site).
    `report` gets a line as each step starts and as each document is found or fetched.
    """
    manifests = [source for source in map(source_for, sources)
                 if isinstance(source, ManifestSource)]
    if not manifests:
        return ["no corpus manifest among the sources: nothing to refresh"]
    lines: list[str] = []
    for source in manifests:
        lines.extend(_refresh(source.manifest, source.cache, publishers, base_url, policy,
                              report or (lambda line: None)))
    return lines


def _refresh(manifest: Path, cache: Path, publishers: Sequence[str], base_url: str | None,
             policy: FetchPolicy | None, report: Callable[[str], None]) -> list[str]:
    lines: list[str] = []
    for publisher in publishers:
        report(f"{manifest}: discover {publisher}: walking its listing")
        try:
            found = discover(publisher, manifest, base_url=base_url, policy=policy,
                             report=lambda line: report(f"{manifest}:   {line}"))
        except DecisionsError as error:
            lines.append(f"{manifest}: discover {publisher}: {error}")
            report(lines[-1])
            continue
        lines.append(f"{manifest}: discover {found.summary()}")
        lines.extend(f"{manifest}:   {failure}" for failure in found.failures)
    report(f"{manifest}: rebuild: fetching what the cache lacks")
    try:
        rebuilt = rebuild(manifest, cache, policy=policy, report=_outcomes_to(report, manifest))
    except DecisionsError as error:
        return [*lines, f"{manifest}: rebuild: {error}"]
    lines.append(f"{manifest}: rebuild: {rebuilt.summary()}")
    report(lines[-1])
    lines.extend(f"{manifest}:   {o.id}: {o.status}: {o.detail}" for o in rebuilt.outcomes
                 if o.failed)
    return lines


def _outcomes_to(report: Callable[[str], None], manifest: Path
                 ) -> Callable[[EntryOutcome], None]:
    """Each entry's outcome as a line, but not the (many) already cached and verified."""
    def outcome_line(outcome: EntryOutcome) -> None:
        if outcome.status != "cached":
            report(f"{manifest}:   {outcome.id}: {outcome.status}: {outcome.detail}")

    return outcome_line
