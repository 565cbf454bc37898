"""The run's plain parts, without Prefect: ids as file names, planning, state, discovery."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.document import doc_id_for
from pipeline.flow.items import Failure, Outcome, WorkItem, one_line
from pipeline.flow.outputs import OutputLayout, UnsafeId
from pipeline.flow.plan import file_sha256, paths_to_plan, stem_of
from pipeline.flow.sources import FileSource, ManifestSource, discover_paths, source_for
from pipeline.flow.state import Entry, StateStore
from pipeline.flow.work import items_to_outcomes


class IdCase(NamedTuple):
    doc_id: str
    safe: bool


CASES_FROM_IDS = [
    IdCase("synthetic-000001-0123456789", True),
    IdCase("a", True),
    IdCase("decision.v2_final-abc", True),
    IdCase("../evil", False),
    IdCase("..", False),
    IdCase(".hidden", False),
    IdCase("a/b", False),
    IdCase("/etc/passwd", False),
    IdCase("Upper-Case", False),
    IdCase("", False),
    IdCase("x" * 129, False),
    IdCase("a\\b", False),
]


@pytest.mark.parametrize("case", CASES_FROM_IDS,
                         ids=[c.doc_id[:20] or "empty" for c in CASES_FROM_IDS])
def test_record_path_accepts_only_plain_file_names(case: IdCase, tmp_path: Path) -> None:
    layout = OutputLayout(tmp_path / "out")
    if case.safe:
        path = layout.record_path(case.doc_id)
        assert path.parent == layout.records_dir and path.name == f"{case.doc_id}.json"
    else:
        with pytest.raises(UnsafeId):
            layout.record_path(case.doc_id)


class PlanCase(NamedTuple):
    name: str
    stored_sha: str | None  # "same" = the file's hash, None = no entry
    stored_version: str
    record_file: bool
    failed: bool
    expected: str  # todo | unchanged


CASES_FROM_PLANNING = [
    PlanCase("new", None, "v1", False, False, "todo"),
    PlanCase("unchanged", "same", "v1", True, False, "unchanged"),
    PlanCase("content changed", "0" * 64, "v1", True, False, "todo"),
    PlanCase("patterns changed", "same", "v0", True, False, "todo"),
    PlanCase("record file deleted", "same", "v1", False, False, "todo"),
    PlanCase("known failure, same bytes", "same", "v1", False, True, "unchanged"),
    PlanCase("known failure, new version", "same", "v0", False, True, "todo"),
]


@pytest.mark.parametrize("case", CASES_FROM_PLANNING, ids=[c.name for c in CASES_FROM_PLANNING])
def test_plan_skips_only_what_is_current(case: PlanCase, tmp_path: Path) -> None:
    path = tmp_path / "decision.txt"
    path.write_text("Decision text\n")
    sha = file_sha256(str(path))
    doc_id = doc_id_for("decision", sha)
    entries = {}
    if case.stored_sha is not None:
        stored = sha if case.stored_sha == "same" else case.stored_sha
        entries[str(path)] = Entry(str(path), stored, case.stored_version,
                                   None if case.failed else doc_id,
                                   "empty" if case.failed else None)
    files = frozenset({f"{doc_id}.json"} if case.record_file else set())
    plan = paths_to_plan([str(path)], entries, "v1", files)
    if case.expected == "todo":
        assert plan.todo == (_item(str(path), sha, doc_id),) and plan.unchanged == ()
    else:
        assert plan.unchanged == (str(path),) and plan.todo == ()


def _item(path: str, sha: str, doc_id: str) -> WorkItem:
    return WorkItem(path, sha, doc_id, path)  # tmp_path is absolute: read where named


def test_a_relative_path_is_named_as_given_and_read_from_its_absolute_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.txt").write_text("Decision text\n")
    monkeypatch.chdir(tmp_path)
    (item,) = paths_to_plan(["docs/d.txt"], {}, "v1", frozenset()).todo
    assert (item.path, item.location) == ("docs/d.txt", str(tmp_path / "docs" / "d.txt"))
    monkeypatch.chdir(tmp_path.parent)  # a pool process started elsewhere
    (outcome,) = items_to_outcomes([item])
    assert outcome.failure is None and outcome.record_json is not None
    assert json.loads(outcome.record_json)["source"]["path"] == "docs/d.txt"


def test_plan_reports_duplicates_unreadable_and_gone(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "same.txt").write_text("identical bytes\n")
    missing = str(tmp_path / "vanished.txt")
    paths = sorted([str(tmp_path / "a" / "same.txt"), str(tmp_path / "b" / "same.txt"), missing])
    old = {"old.txt": Entry("old.txt", "1" * 64, "v1", "old-1111111111")}
    plan = paths_to_plan(paths, old, "v1", frozenset())
    assert [item.path for item in plan.todo] == [str(tmp_path / "a" / "same.txt")]
    kinds = {failure.path: failure.kind for failure in plan.failures}
    assert kinds == {str(tmp_path / "b" / "same.txt"): "duplicate", missing: "unreadable"}
    assert plan.gone == ("old.txt",)


def test_discovery_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = discover_paths([FileSource(tmp_path), FileSource(tmp_path / "a.txt")])
    assert found == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")]


class SkipCase(NamedTuple):
    name: str
    source: str
    out: str
    found: list[str]


_TREE = ["docs/a.txt", "docs/sub/b.txt", "docs/out/records/a-1111111111.json",
         "docs/out/records.jsonl", "docs/out/state.sqlite", "docs/out/site/index.html",
         "docs/records/a-1111111111.json", "docs/failures.jsonl", "docs/run-summary.json"]
CASES_FROM_OUTPUTS = [
    SkipCase("outputs inside the source", "docs", "docs/out",
             ["docs/a.txt", "docs/failures.jsonl", "docs/records/a-1111111111.json",
              "docs/run-summary.json", "docs/sub/b.txt"]),
    SkipCase("another spelling of it", "docs", "docs/sub/../out",
             ["docs/a.txt", "docs/failures.jsonl", "docs/records/a-1111111111.json",
              "docs/run-summary.json", "docs/sub/b.txt"]),
    SkipCase("the source itself", "docs", "docs",  # only what a run writes there
             ["docs/a.txt", "docs/out/records.jsonl", "docs/out/records/a-1111111111.json",
              "docs/out/site/index.html", "docs/out/state.sqlite", "docs/sub/b.txt"]),
    SkipCase("a source inside the outputs", "docs/sub", "docs", ["docs/sub/b.txt"]),
    SkipCase("a source that is its records", "docs/out/records", "docs/out", []),
    SkipCase("a file the run wrote", "docs/out/state.sqlite", "docs/out", []),
    SkipCase("elsewhere", "docs/sub", "outputs", ["docs/sub/b.txt"]),
]


@pytest.mark.parametrize("case", CASES_FROM_OUTPUTS, ids=[c.name for c in CASES_FROM_OUTPUTS])
def test_discovery_never_reads_the_outputs_folder(case: SkipCase, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _TREE:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    monkeypatch.chdir(tmp_path)
    assert discover_paths([FileSource(Path(case.source))], case.out) == case.found


def test_a_manifest_source_lists_the_documents_its_cache_holds(tmp_path: Path) -> None:
    from pipeline.corpus.manifest import ManifestEntry, write_manifest

    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.parent.mkdir()
    write_manifest(manifest, [
        ManifestEntry("pcd-1", "https://example.org/pcd-1.pdf", "application/pdf", "example.org"),
        ManifestEntry("md-2", "https://example.org/md-2", "text/html", "example.org"),
        ManifestEntry("dd-3", "https://example.org/list", "text/html", "example.org",
                      url_kind="listing"),
    ])
    cache = tmp_path / "corpus" / "cache"
    cache.mkdir()
    for name in ("pcd-1.pdf", "dd-3.html", "stray.txt"):
        (cache / name).write_bytes(b"x")
    source = source_for(str(manifest))
    assert source == ManifestSource(manifest, cache)
    assert list(source.paths()) == [str(cache / "pcd-1.pdf")]  # not the listing, not strays
    assert source.missing() == ["md-2"]
    assert source.unresolved() == ["dd-3"]
    assert source_for(str(tmp_path / "corpus")) == FileSource(tmp_path / "corpus")


def test_a_malformed_manifest_is_a_usage_error(tmp_path: Path) -> None:
    from pipeline.errors import ConfigurationError

    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"id": "x"}\n')
    with pytest.raises(ConfigurationError, match=r"manifest\.jsonl"):
        source_for(str(manifest))


def test_state_keeps_the_last_outcome_per_path(tmp_path: Path) -> None:
    store = StateStore(tmp_path / "state.sqlite")
    item = WorkItem("x.txt", "a" * 64, "x-aaaaaaaaaa")
    store.record_outcomes([Outcome(item, record_json="{}\n")], "v1")
    failure = Failure("y.txt", None, "unreadable", "cannot read: Permission denied")
    store.record_outcomes([Outcome(WorkItem("y.txt", "b" * 64, "y-bbbbbbbbbb"), failure=failure)],
                          "v1")
    entries = store.entries()
    assert entries["x.txt"] == Entry("x.txt", "a" * 64, "v1", "x-aaaaaaaaaa")
    assert entries["y.txt"].failed and entries["y.txt"].version == ""  # retried next run
    store.forget(["x.txt"])
    assert set(store.entries()) == {"y.txt"}


@pytest.mark.parametrize(("path", "stem"), [("a/b/c.txt", "c"), ("c.tar.gz", "c.tar"),
                                            ("noext", "noext"), ("a\\b\\d.txt", "d")])
def test_stem_matches_ingest_naming(path: str, stem: str) -> None:
    assert stem_of(path) == stem


def test_one_line_flattens_and_bounds_reasons() -> None:
    assert one_line("a\n  b\tc") == "a b c"
    assert len(one_line("x" * 1000)) == 300


class LeftCase(NamedTuple):
    name: str  # in the outputs folder
    removed: bool


CASES_FROM_FINISHING = [
    LeftCase("records/keep-1111111111.json", False),  # a current record
    LeftCase("records/old-2222222222.json", True),  # written by a run, no longer produced
    LeftCase("records/.old-2222222222.json.41-42.tmp", True),  # a killed run's, of its records
    LeftCase("records/.keep-1111111111.json.41-42.tmp", True),
    LeftCase(".records.jsonl.41-42.tmp", True),
    LeftCase(".run-summary.json.41-42.tmp", True),
    LeftCase("records/hand-made.json", False),  # a person's: not in `written`
    LeftCase("records/.hand-made.json.41-42.tmp", False),
    LeftCase("records/my-notes.txt", False),
    LeftCase("records/.gitkeep", False),
    LeftCase(".draft.tmp", False),
    LeftCase(".records.jsonl.draft.tmp", False),
]


def test_finishing_removes_only_what_a_run_wrote(tmp_path: Path) -> None:
    from pipeline.flow.finish import finish_outputs

    layout = OutputLayout(tmp_path / "out")
    keep, old = WorkItem("keep.txt", "1" * 64, "keep-1111111111"), \
        WorkItem("old.txt", "2" * 64, "old-2222222222")
    layout.write_outcomes([Outcome(keep, record_json="{}\n"), Outcome(old, record_json="{}\n")],
                          "v1")
    for case in CASES_FROM_FINISHING:
        (layout.root / case.name).write_text("{}\n")
    counts = finish_outputs(layout, (), ("old.txt",))
    assert counts.removed == 1
    left = {case.name for case in CASES_FROM_FINISHING if (layout.root / case.name).exists()}
    assert left == {case.name for case in CASES_FROM_FINISHING if not case.removed}
    assert StateStore(layout.state).written_ids() == {"keep-1111111111"}


def test_a_state_from_before_written_ids_knows_its_records(tmp_path: Path) -> None:
    """State files made before the `written` table: the records their rows name are theirs."""
    import sqlite3
    from contextlib import closing

    path = tmp_path / "state.sqlite"
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE documents (path TEXT PRIMARY KEY, sha256 TEXT, version TEXT "
                   "NOT NULL, doc_id TEXT, kind TEXT, reason TEXT)")
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                       [("a.txt", "1" * 64, "v1", "a-1111111111", None, None),
                        ("b.txt", "2" * 64, "v1", None, "empty", "zero-byte file")])
    assert StateStore(path).written_ids() == {"a-1111111111"}


def test_finishing_an_empty_run_leaves_every_output_in_place(tmp_path: Path) -> None:
    from pipeline.flow.finish import finish_outputs

    layout = OutputLayout(tmp_path / "out")
    counts = finish_outputs(layout, (), ())
    assert (counts.records, counts.failures, counts.removed) == (0, (), 0)
    assert layout.records_dir.is_dir()
    assert layout.rollup.read_text() == "" and layout.failures.read_text() == ""


def test_outputs_get_the_permissions_open_would_give(tmp_path: Path) -> None:
    import os

    from pipeline.store import atomic_writer, write_atomic

    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.json", "{}\n")
        with atomic_writer(tmp_path / "b.jsonl") as handle:
            handle.write("{}\n")
    finally:
        os.umask(previous)
    assert [(tmp_path / name).stat().st_mode & 0o777 for name in ("a.json", "b.jsonl")] \
        == [0o644, 0o644]


SUMMARY = {
    "counts": {"discovered": 3, "extracted": 2, "unchanged": 1, "records": 2, "written": 1,
               "failed": 1, "removed": 0},
    "seconds": {"total": 0.5}, "docs_per_second": 4.0, "failures_by_kind": {"binary": 1},
    "failures": [{"path": "in/bad.txt", "kind": "binary", "reason": "binary content"}],
    "outputs": {"records": "out/records", "records_jsonl": "out/records.jsonl",
                "failures": "out/failures.jsonl", "summary": "out/run-summary.json"},
}


def test_the_summary_says_what_was_read_and_what_the_outputs_hold() -> None:
    from pipeline.flow.report import failure_lines, summary_lines

    assert summary_lines(SUMMARY) == [
        "3 document(s): 2 read this run, 1 unchanged since the last run",
        "2 record(s) (1 written this run), 1 failed, 0 old record(s) removed",
        "flow work 0.5 s (4.0 docs/s read), not counting Prefect's start",
        "records: out/records/ and out/records.jsonl",
        "summary: out/run-summary.json"]
    assert failure_lines(SUMMARY) == [
        "failed: in/bad.txt: binary content",
        "1 failed (binary 1): all listed in out/failures.jsonl"]
    many = {**SUMMARY, "counts": {**SUMMARY["counts"], "failed": 30}}  # type: ignore[dict-item]
    assert failure_lines(many, limit=1)[1:] == [
        "... and 29 more", "30 failed (binary 1): all listed in out/failures.jsonl"]


def test_a_pool_worker_killed_mid_batch_loses_no_document(tmp_path: Path) -> None:
    """A worker that dies (a crash, the OOM killer) breaks the pool; the batch is then run
    again one document at a time in a fresh pool, so every document still gets its record."""
    import os
    import signal
    import threading
    import time

    from benchmarks.synthetic import write_corpus
    from pipeline.flow.pool import start_pool, stop_pool
    from pipeline.flow.tasks import extract_batch

    paths = write_corpus(tmp_path / "docs", 300)
    items = list(paths_to_plan([str(p) for p in paths], {}, "v1", frozenset()).todo)
    pool = start_pool(1)
    try:
        pool.submit(int).result()  # warmed up: the batch below starts at once
        (worker,) = list(pool._processes)  # type: ignore[attr-defined]
        result: list[list[Outcome]] = []
        thread = threading.Thread(target=lambda: result.append(extract_batch.fn(items, 1)))
        thread.start()
        time.sleep(0.3)  # 300 documents take well over a second in one process
        os.kill(worker, signal.SIGKILL)
        thread.join(timeout=300)
        assert start_pool(1) is not pool  # the broken pool was replaced
    finally:
        stop_pool()
    (outcomes,) = result
    assert [o.item for o in outcomes] == items
    assert all(o.failure is None and o.record_json is not None for o in outcomes)


def test_work_begun_while_prefect_starts_is_taken_once_and_only_when_it_matches(
        tmp_path: Path) -> None:
    from benchmarks.synthetic import write_corpus
    from pipeline.flow import prefetch
    from pipeline.flow.pool import stop_pool
    from pipeline.flow.state import version_key

    write_corpus(tmp_path / "docs", 12)
    sources, out = [str(tmp_path / "docs")], str(tmp_path / "out")
    try:
        prefetch.begin(sources, out, workers=1, batch_size=5)
        paths = discover_paths([FileSource(tmp_path / "docs")])
        assert prefetch.early_paths(sources, out) == paths
        assert prefetch.early_paths([str(tmp_path)], out) is None
        assert prefetch.early_paths(sources, str(tmp_path / "elsewhere")) is None
        plan = prefetch.early_plan(paths, out, version_key())
        assert plan is not None and len(plan.todo) == 12
        assert prefetch.early_plan(paths, str(tmp_path / "elsewhere"), version_key()) is None
        assert prefetch.early_plan(paths, out, "another version") is None
        batches = [list(plan.todo[i:i + 5]) for i in (0, 5, 10)]
        assert prefetch.take_batch(batches[0][:4]) is None  # not exactly a started batch
        first = prefetch.take_batch(batches[0])
        assert first is not None and prefetch.take_batch(batches[0]) is None
        outcomes = first.result(timeout=120)
        assert [o.item for o in outcomes] == batches[0] and all(o.record_json for o in outcomes)
        assert prefetch.take_batch(batches[2]) is None  # only 2 × workers batches begin early
        second = prefetch.take_batch(batches[1])
        assert second is not None
        second.result(timeout=120)
        prefetch.discard()
        assert prefetch.early_paths(sources, out) is None
    finally:
        prefetch.discard()
        stop_pool()


def test_begin_keeps_work_already_begun_for_the_same_request(tmp_path: Path) -> None:
    from benchmarks.synthetic import write_corpus
    from pipeline.flow import prefetch
    from pipeline.flow.pool import stop_pool
    from pipeline.flow.state import version_key

    write_corpus(tmp_path / "docs", 4)
    sources, out = [str(tmp_path / "docs")], str(tmp_path / "out")
    try:
        prefetch.begin(sources, out, 1, 2)
        paths = prefetch.early_paths(sources, out)
        assert paths is not None
        first = prefetch.early_plan(paths, out, version_key())
        prefetch.begin(sources, out, 1, 2)  # as run_flow does after `decisions run` began
        assert prefetch.early_plan(paths, out, version_key()) is first
        prefetch.begin(sources, out, 1, 4)  # another batch size: planned again
        again = prefetch.early_plan(paths, out, version_key())
        assert again is not None and again is not first and again == first
    finally:
        prefetch.discard()
        stop_pool()


class MidRunCase(NamedTuple):
    """The file as a worker found it, after the plan hashed it and before it was read."""

    name: str
    bytes_then: bytes | None  # None: the file is gone


CASES_FROM_MID_RUN_CHANGES = [
    MidRunCase("deleted", None),
    MidRunCase("emptied", b""),
    MidRunCase("replaced by binary", b"\x00\x01PK\x03\x04" * 50),
    MidRunCase("truncated", b"Decision"),
]


@pytest.mark.parametrize("case", CASES_FROM_MID_RUN_CHANGES,
                         ids=[c.name for c in CASES_FROM_MID_RUN_CHANGES])
def test_a_file_changed_mid_run_then_restored_is_read_again(case: MidRunCase,
                                                            tmp_path: Path) -> None:
    """Bug (issue 12.1): the failure was stamped with the sha256 the plan saw, so the
    restored file (those very bytes) counted as an unchanged failure forever."""
    path = tmp_path / "decision.txt"
    original = b"Decision text\nThe Mayor approves a grant of \xc2\xa31,000.\n"
    path.write_bytes(original)
    store = StateStore(tmp_path / "state.sqlite")
    (item,) = paths_to_plan([str(path)], store.entries(), "v1", frozenset()).todo
    if case.bytes_then is None:
        path.unlink()
    else:
        path.write_bytes(case.bytes_then)
    (outcome,) = items_to_outcomes([item])
    assert outcome.failure is not None and outcome.failure.sha256 is None
    store.record_outcomes([outcome], "v1")
    path.write_bytes(original)  # restored: the bytes the plan hashed
    plan = paths_to_plan([str(path)], store.entries(), "v1", frozenset())
    assert plan.todo == (item,) and plan.unchanged == ()
    (again,) = items_to_outcomes(list(plan.todo))
    assert again.failure is None and again.record_json is not None


_HOLD = """
import sys, time
from pipeline.flow.lock import holding_outputs
with holding_outputs(sys.argv[1]):
    print("held", flush=True)
    time.sleep(600)
"""


def test_an_outputs_folder_is_held_by_one_process_until_it_ends_however_it_ends(
        tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from pipeline.flow.lock import OutputsInUse, holding_outputs

    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(out)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputsInUse) as refused, holding_outputs(out):
            pass
        assert str(refused.value) == (f"{out} is in use by run {holder.pid}; wait for it to "
                                      "end, or give another --out")
    finally:
        holder.kill()  # SIGKILL: no chance to let go of anything
        holder.wait()
    lock = OutputLayout(out).lock
    with holding_outputs(out), holding_outputs(str(out)):  # free again; nested in a process
        assert lock.read_text() == f"{os.getpid()}\n"
    assert lock.read_text() == ""
    with holding_outputs(out):  # and released after the nested holds
        pass
