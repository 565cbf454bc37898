"""The real flow under Prefect's test harness: records, failures, incremental reruns,
the Dask runner and a SIGKILL mid-run. No part of Prefect is mocked."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]
import pytest

import pipeline.flow.run as flow_run
from benchmarks.soak import Soak, outputs_of, transient_delete
from benchmarks.synthetic import write_corpus
from pipeline.document import doc_id_for
from pipeline.flow import run_flow
from pipeline.flow.plan import file_sha256, stem_of
from pipeline.ingest import load
from pipeline.records import extract_record
from pipeline.store import record_to_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"
GOOD = 24
BAD = {  # file name -> (bytes, failure kind)
    "zero.txt": (b"", "empty"),
    "blank.txt": (b"  \n\t\n", "empty"),
    "binary.txt": (b"\x00\x01PK\x03\x04" * 50, "binary"),
}
# a document whose text names places outside the outputs folder: only its id is a file name
HOSTILE = ("Reference code: ../../escape\nDecision by: A. Example, Mayor\n"
           "The record is written to /tmp/escape.json and ..\\..\\escape.\n")


@pytest.fixture(scope="module")
def harness() -> Iterator[str]:
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield str(PREFECT_API_URL.value())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "docs"
    write_corpus(folder / "synthetic", GOOD)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "Odd Name ..(1).TXT").write_text(HOSTILE, encoding="utf-8")
    (folder / ".hidden.txt").write_text("never read")
    return folder


@pytest.fixture(scope="module")
def clean(harness: str, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clean") / "out"
    run_flow([str(corpus)], out)
    return out


def good_paths(corpus: Path) -> list[Path]:
    names = set(BAD) | {".hidden.txt"}
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.name not in names)


def test_every_good_input_has_its_record_and_every_bad_one_its_reason(corpus: Path,
                                                                      clean: Path) -> None:
    expected = {}
    for path in good_paths(corpus):
        doc_id = doc_id_for(stem_of(str(path)), file_sha256(str(path)))
        expected[f"{doc_id}.json"] = record_to_json(extract_record(load(path, doc_id=doc_id)))
    written = {p.name: p.read_text(encoding="utf-8") for p in (clean / "records").iterdir()}
    assert written == expected
    failures = [json.loads(line) for line in (clean / "failures.jsonl").read_text().splitlines()]
    assert {(Path(f["path"]).name, f["kind"]) for f in failures} == \
        {(name, kind) for name, (_, kind) in BAD.items()}
    assert all(f["reason"] and "\n" not in f["reason"] for f in failures)
    assert all(f["sha256"] == file_sha256(f["path"]) for f in failures)
    lines = (clean / "records.jsonl").read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(Path(name).stem for name in expected)
    summary = json.loads((clean / "run-summary.json").read_text())
    assert summary["counts"]["extracted"] == GOOD + 1 + len(BAD)
    assert summary["counts"]["failed"] == len(BAD)


def test_nothing_is_written_outside_the_outputs_folder(corpus: Path, clean: Path) -> None:
    allowed = {"records", "records.jsonl", "failures.jsonl", "run-summary.json",
               "state.sqlite", "state.sqlite-wal", "state.sqlite-shm", ".decisions-run.lock"}
    assert {p.name for p in clean.iterdir()} <= allowed
    assert not list(corpus.parent.parent.rglob("escape*"))
    assert not list(Path("/tmp").glob("escape*"))
    assert all(p.parent == clean / "records" and p.suffix == ".json"
               for p in (clean / "records").rglob("*"))


def test_a_second_run_extracts_nothing(corpus: Path, clean: Path) -> None:
    before = outputs_of(clean)
    mtimes = {p.name: p.stat().st_mtime_ns for p in (clean / "records").iterdir()}
    summary = run_flow([str(corpus)], clean)
    assert summary["counts"]["extracted"] == 0
    assert summary["counts"]["unchanged"] == GOOD + 1 + len(BAD)
    assert outputs_of(clean) == before
    assert {p.name: p.stat().st_mtime_ns for p in (clean / "records").iterdir()} == mtimes


def test_changed_removed_and_repatterned_documents(harness: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    paths = write_corpus(docs, 4)
    run_flow([str(docs)], out)
    old_id = doc_id_for(stem_of(str(paths[0])), file_sha256(str(paths[0])))
    paths[0].write_text(paths[0].read_text() + "\n7.1. An added paragraph.\n")
    paths[1].unlink()
    summary = run_flow([str(docs)], out)
    assert (summary["counts"]["extracted"], summary["counts"]["unchanged"]) == (1, 2)
    assert summary["counts"]["removed"] == 2  # the changed document's old id, the deleted one
    assert not (out / "records" / f"{old_id}.json").exists()
    fresh = tmp_path / "fresh"
    run_flow([str(docs)], fresh)
    assert outputs_of(out) == outputs_of(fresh)
    monkeypatch.setattr(flow_run, "version_key", lambda engine: "0.1.0+edited-patterns")
    summary = run_flow([str(docs)], out)
    assert summary["counts"]["extracted"] == 3


USER_FILES = {  # files a person put in the outputs folder: no run may remove them
    "records/my-notes.txt": b"notes\n",
    "records/.gitkeep": b"",
    "records/hand-made.json": b'{"id": "hand-made"}\n',
    "records/.hand-made.json.1-2.tmp": b"a temporary name, but not of a record this tool wrote",
    ".draft.tmp": b"draft\n",
    ".records.jsonl.draft.tmp": b"not the writer's temporary name either\n",
}


def test_a_run_removes_only_the_records_it_wrote(harness: str, tmp_path: Path) -> None:
    """Bug (issue 12.3): the finish step deleted every file of outputs/records/ that was
    not a current record, and every hidden .tmp file beside the roll-up."""
    docs, out = tmp_path / "docs", tmp_path / "out"
    paths = write_corpus(docs, 3)
    run_flow([str(docs)], out)
    for name, data in USER_FILES.items():
        (out / name).write_bytes(data)
    old_id = doc_id_for(stem_of(str(paths[0])), file_sha256(str(paths[0])))
    paths[0].write_text(paths[0].read_text() + "\n7.1. An added paragraph.\n")
    paths[1].unlink()
    summary = run_flow([str(docs)], out)
    assert summary["counts"]["removed"] == 2  # the changed document's old id, the deleted one
    assert not (out / "records" / f"{old_id}.json").exists()
    assert {name: (out / name).read_bytes() for name in USER_FILES} == USER_FILES
    assert len(list((out / "records").glob("*.json"))) == 2 + 1  # and hand-made.json


@pytest.mark.parametrize("out_name", ["docs/outputs", "docs/sub/outputs", "docs"],
                         ids=["inside the source", "deeper inside", "the source itself"])
def test_the_outputs_folder_is_never_read_as_a_source(harness: str, tmp_path: Path,
                                                       out_name: str) -> None:
    """Bug (issue 12.4): with --out inside a SOURCE folder, each run read the last one's
    records, roll-up and summary as documents (10 -> 22 -> 35 -> 48 records)."""
    docs, out = tmp_path / "docs", tmp_path / out_name
    write_corpus(docs, 3)
    (docs / "sub").mkdir(exist_ok=True)
    for _ in range(3):
        summary = run_flow([str(docs)], out)
        assert (summary["counts"]["discovered"], summary["counts"]["records"]) == (3, 3)
    assert len(list((out / "records").iterdir())) == 3
    assert summary["counts"]["extracted"] == 0


def test_the_dask_runner_writes_byte_identical_records(corpus: Path, clean: Path,
                                                       tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,  # type: ignore[no-untyped-call]
                      dashboard_address=None) as cluster:
        summary = run_flow([str(corpus)], tmp_path / "out", task_runner="dask",
                           dask_address=cluster.scheduler_address, batch_size=7)
    assert summary["settings"]["in_pool"] is False
    assert outputs_of(tmp_path / "out") == outputs_of(clean)


def test_a_run_killed_mid_way_then_rerun_matches_a_clean_run(harness: str, corpus: Path,
                                                              clean: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
               "--workers", "1", "--batch-size", "1", "--no-progress"]
    env = {**os.environ, "PREFECT_API_URL": harness}
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    written = _wait_for_records(out / "records", 6, process)
    helpers = psutil.Process(process.pid).children(recursive=True)
    os.kill(process.pid, signal.SIGKILL)  # the run alone, mid-write: no chance to clean up
    process.wait()
    _, orphans = psutil.wait_procs(helpers, timeout=20)  # its pool must follow it
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    assert not orphans, f"left running: {[p.cmdline()[-1][:80] for p in orphans]}"
    assert 6 <= written < GOOD, "the run finished before it could be killed"
    assert not (out / "records.jsonl").exists()
    summary = run_flow([str(corpus)], out)
    assert summary["counts"]["extracted"] < GOOD + 1 + len(BAD)  # resumed, not redone
    assert outputs_of(out) == outputs_of(clean)
    assert not [p for p in out.rglob("*.tmp")]


def test_a_second_run_on_the_same_outputs_refuses_while_the_first_runs(
        harness: str, corpus: Path, clean: Path, tmp_path: Path) -> None:
    """Bug (issue 12.2): two runs on one --out with different sources corrupted each
    other. A run stops at once while another process holds the folder, naming the folder and
    that process; once it is free, the run goes on as a clean one. (The holder is the run's
    own lock code in a process that waits for the test, so the test does not race a run's
    speed; `python -m benchmarks.soak` runs two real runs at once.)"""
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom pipeline.flow.lock import holding_outputs\n"
         f"with holding_outputs({str(out)!r}):\n    print('held', flush=True)\n"
         "    sys.stdin.read()\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    env = {**os.environ, "PREFECT_API_URL": harness}
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
               "--no-progress"]
    refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert (refused.returncode, refused.stderr.splitlines()) == (2, [
        f"error: {out} is in use by run {holder.pid}; wait for it to end, or give another --out"])
    holder.communicate("", timeout=60)  # the holder ends and the kernel frees the lock
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]  # the corpus's bad inputs
    assert outputs_of(out) == outputs_of(clean)


def _run_by_command(docs: Path, out: Path, harness: str, prune: bool) -> dict[str, Any]:
    from pipeline.errors import ConfigurationError

    result = subprocess.run([sys.executable, "-m", "pipeline", "run", str(docs), "--out",
                             str(out), "--no-progress", *(["--prune"] if prune else [])],
                            env={**os.environ, "PREFECT_API_URL": harness},
                            capture_output=True, text=True, timeout=120)
    if result.returncode == 2:
        raise ConfigurationError(result.stderr.removeprefix("error: "))
    assert result.returncode == 0, result.stderr[-2000:]
    summary: dict[str, Any] = json.loads((out / "run-summary.json").read_text())
    return summary


def _run_served(docs: Path, out: Path, harness: str, prune: bool) -> dict[str, Any]:
    from pipeline.flow import decisions_run

    return decisions_run([str(docs)], str(out), prune=prune)  # the flow, as served


def _run_flow(docs: Path, out: Path, harness: str, prune: bool) -> dict[str, Any]:
    return run_flow([str(docs)], out, prune=prune)


RUNNERS = {"decisions run": _run_by_command, "run_flow": _run_flow,
           "the served flow": _run_served}


@pytest.mark.parametrize("runner", RUNNERS)
def test_a_run_that_finds_no_document_keeps_the_records_unless_told_to_prune(
        harness: str, tmp_path: Path, runner: str) -> None:
    """Bug (issue 12.5): a run over an empty or unmounted folder removed every record and
    exited 0. It is refused (exit 2) unless --prune allows it."""
    from pipeline.errors import ConfigurationError

    docs, out = tmp_path / "docs", tmp_path / "out"
    write_corpus(docs, 3)
    run_flow([str(docs)], out)
    before = outputs_of(out)
    for path in docs.iterdir():
        path.unlink()  # the folder still there, empty: as a share that is not mounted
    with pytest.raises(ConfigurationError) as refused:
        RUNNERS[runner](docs, out, harness, False)
    assert str(refused.value).splitlines() == [
        f"no documents found in {docs} (empty, or not mounted?), and {out} holds 3 record(s) "
        "this run would remove; run again with --prune to remove them"]
    assert outputs_of(out) == before
    summary = RUNNERS[runner](docs, out, harness, True)
    assert (summary["counts"]["removed"], summary["counts"]["records"]) == (3, 0)
    assert not list((out / "records").iterdir())


def test_sources_deleted_and_emptied_mid_run_then_restored_are_read_by_the_next_run(
        harness: str, corpus: Path, clean: Path, tmp_path: Path) -> None:
    """Bug (issue 12.1), end to end: documents the run had still to read are deleted and
    emptied after its plan, then restored with the same bytes; the next run reads them."""
    soak = Soak(corpus, tmp_path / "out", {**os.environ, "PREFECT_API_URL": harness},
                workers=1, batch_size=1)
    victims = good_paths(corpus)[-2:]  # among the last the run reads
    result = transient_delete(soak, victims)
    assert result == {"exit": 1, "failed_while_gone": {str(victims[0]): "unreadable",
                                                       str(victims[1]): "changed"}}
    rerun = soak.run("rerun")
    assert (rerun["exit"], rerun["extracted"]) == (1, 2)  # 1: the corpus's bad inputs
    assert outputs_of(soak.out) == outputs_of(clean)


def _wait_for_records(folder: Path, count: int, process: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        names = [p for p in folder.glob("*.json")] if folder.is_dir() else []
        if len(names) >= count:
            return len(names)
        time.sleep(0.005)
    error = process.stderr.read().decode() if process.stderr else ""
    pytest.fail(f"no {count} records appeared; exit {process.returncode}: {error[-2000:]}")


def _decisions_unconfigured(folder: Path, *args: str,
                            **prefect: str) -> subprocess.CompletedProcess[str]:
    """The console script in `folder` as on a machine with no Prefect configured (a new
    Prefect home under `folder`), plus the `prefect` settings given."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(folder / "prefect-home"), **prefect)
    decisions = str(Path(sys.executable).parent / "decisions")
    return subprocess.run([decisions, *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_readme_command_runs_with_the_embedded_server(tmp_path: Path) -> None:
    """`decisions run examples/corpus` with no Prefect configured: a new Prefect home,
    Prefect's temporary server, the summary printed and the records where it says."""
    shutil.copytree(EXAMPLES, tmp_path / "examples" / "corpus")
    count = len([p for p in EXAMPLES.iterdir() if p.is_file()])
    result = _decisions_unconfigured(tmp_path, "run", "examples/corpus")
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"{count} document(s): {count} read this run, 0 unchanged" in result.stdout
    assert f"{count} record(s) ({count} written this run), 0 failed" in result.stdout
    assert "records: outputs/records/ and outputs/records.jsonl" in result.stdout
    assert result.stderr == ""  # the server's own output goes to a log in the Prefect home
    assert (tmp_path / "prefect-home" / "temporary-server.log").is_file()
    assert len(list((tmp_path / "outputs" / "records").iterdir())) == count


def test_a_temporary_server_that_cannot_start_is_one_line_naming_its_log(
        tmp_path: Path) -> None:
    write_corpus(tmp_path / "docs", 1)
    unusable = f"sqlite+aiosqlite:///{tmp_path / 'no-such-folder' / 'prefect.db'}"
    result = _decisions_unconfigured(tmp_path, "run", "docs",
                                     PREFECT_API_DATABASE_CONNECTION_URL=unusable)
    log = tmp_path / "prefect-home" / "temporary-server.log"
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: Prefect's temporary server stopped while starting (exit status 3); its output "
        f"is in {log}. Or start one with `prefect server start` and set PREFECT_API_URL"]
    assert "Application startup failed" in log.read_text()
    assert not (tmp_path / "outputs" / "records").exists() or \
        not list((tmp_path / "outputs" / "records").iterdir())


def test_the_served_flow_refreshes_then_runs(harness: str, tmp_path: Path) -> None:
    from prefect.deployments.runner import RunnerDeployment

    from pipeline.flow import scheduled_run

    docs = tmp_path / "docs"
    write_corpus(docs, 2)
    summary = scheduled_run([str(docs)], str(tmp_path / "out"))
    assert summary["counts"]["extracted"] == 2
    assert len(list((tmp_path / "out" / "records").iterdir())) == 2
    deployment = scheduled_run.to_deployment(name="decisions-daily", cron="0 6 * * *",
                                             parameters={"sources": [str(docs)]})
    assert isinstance(deployment, RunnerDeployment)
    assert [getattr(s.schedule, "cron", None) for s in deployment.schedules or []] \
        == ["0 6 * * *"]


def test_the_served_flow_fetches_a_manifest_then_extracts_its_documents(
        harness: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus manifest as the source: the refresh fetches and pins what the cache lacks
    (from a real server on 127.0.0.1), then the run extracts the cached copy."""
    from corpus_site import Reply, html_page, running_site

    from benchmarks.synthetic import synthetic_decision
    from pipeline.corpus.manifest import ManifestEntry, read_manifest, write_manifest
    from pipeline.flow import scheduled_run

    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.parent.mkdir()
    paragraphs = "".join(f"<p>{line}</p>" for line in synthetic_decision(7).splitlines())
    with running_site(monkeypatch) as site:
        site.set("/decisions/md-9107", Reply(html_page("MD 9107", f"<main>{paragraphs}</main>")))
        write_manifest(manifest, [ManifestEntry(id="md-9107", url=site.url("/decisions/md-9107"),
                                                media_type="text/html", publisher="127.0.0.1")])
        summary = scheduled_run([str(manifest)], str(tmp_path / "out"))
    assert summary["refresh"] == [f"{manifest}: rebuild: 1 entries: 1 pinned"]
    assert summary["counts"]["extracted"] == 1
    (record_file,) = (tmp_path / "out" / "records").iterdir()
    record = json.loads(record_file.read_text(encoding="utf-8"))
    cached = tmp_path / "corpus" / "cache" / "md-9107.html"
    assert record["source"]["path"] == str(cached)
    assert record["source"]["sha256"] == read_manifest(manifest)[0].sha256
    assert record["amounts"]


def test_a_corpus_rebuilt_elsewhere_gives_the_same_outputs_byte_for_byte(
        harness: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A researcher's rebuild: the pinned manifest in another checkout with an empty cache;
    `decisions corpus rebuild`, then `decisions run corpus/manifest.jsonl` reproduce the
    first checkout's cache and outputs byte for byte."""
    from corpus_site import Reply, html_page, running_site, synthetic_pdf

    from benchmarks.synthetic import synthetic_decision
    from pipeline.cli import main
    from pipeline.corpus.manifest import ManifestEntry, write_manifest

    lines = synthetic_decision(11).splitlines()
    page = html_page("MD 9111", "<main>" + "".join(f"<p>{line}</p>" for line in lines) + "</main>")
    signed = synthetic_pdf("MD 9111 approves a grant of up to £50,000 to Brookfield Trust.")
    http = ["--timeout", "2", "--retries", "1", "--backoff", "0.01", "--delay", "0"]

    def rebuild_and_run(checkout: Path) -> dict[str, bytes]:
        monkeypatch.chdir(checkout)
        assert main(["corpus", "rebuild", *http]) == 0
        run_flow(["corpus/manifest.jsonl"], "outputs")
        cache = {f"cache/{p.name}": p.read_bytes() for p in Path("corpus/cache").iterdir()}
        return {**cache, **outputs_of(Path("outputs"))}

    first, second = tmp_path / "first", tmp_path / "second"
    with running_site(monkeypatch) as site:
        site.set("/decisions/md-9111", Reply(page))
        site.set("/docs/md-9111.pdf", Reply(signed, content_type="application/pdf"))
        (first / "corpus").mkdir(parents=True)
        write_manifest(first / "corpus" / "manifest.jsonl", [
            ManifestEntry(id="md-9111", url=site.url("/decisions/md-9111"),
                          media_type="text/html", publisher="127.0.0.1"),
            ManifestEntry(id="md-9111-signed", url=site.url("/docs/md-9111.pdf"),
                          media_type="application/pdf", publisher="127.0.0.1")])
        built = rebuild_and_run(first)
        (second / "corpus").mkdir(parents=True)
        shutil.copy(first / "corpus" / "manifest.jsonl", second / "corpus" / "manifest.jsonl")
        rebuilt = rebuild_and_run(second)

    assert sorted(built) == sorted(rebuilt)
    assert len([name for name in built if name.startswith("records/")]) == 2
    assert built == rebuilt
    records = [json.loads(line) for line in built["records.jsonl"].splitlines()]
    assert sorted(record["source"]["path"] for record in records) \
        == ["corpus/cache/md-9111-signed.pdf", "corpus/cache/md-9111.html"]


def test_the_flow_takes_the_batches_begun_while_prefect_started(
        harness: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.flow import prefetch

    write_corpus(tmp_path / "docs", 30)
    taken: list[int] = []
    original = prefetch.take_batch

    def counting(items: list[object], engine: str) -> object:
        future = original(items, engine)  # type: ignore[arg-type]
        taken.extend([len(items)] if future is not None else [])
        return future

    monkeypatch.setattr(prefetch, "take_batch", counting)
    summary = run_flow([str(tmp_path / "docs")], tmp_path / "out", workers=2, batch_size=5)
    assert summary["counts"]["extracted"] == 30
    assert taken == [5, 5, 5, 5]  # 2 × workers batches begun early, each taken once
    assert len(list((tmp_path / "out" / "records").iterdir())) == 30
    fresh = tmp_path / "fresh"
    monkeypatch.setattr(prefetch, "begin", lambda *args: None)  # no early work at all
    run_flow([str(tmp_path / "docs")], fresh, workers=2, batch_size=5)
    assert outputs_of(tmp_path / "out") == outputs_of(fresh)


def test_the_pdf_engine_is_chosen_per_run_and_a_change_reprocesses(
        harness: str, tmp_path: Path) -> None:
    from corpus_site import synthetic_pdf

    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "md-9120.pdf").write_bytes(
        synthetic_pdf("MD 9120 approves a grant of up to £60,000 to Brookfield Trust."))
    (docs / "notes.txt").write_text("MD 9121 notes a payment of £2,500 to Harbour Arts Ltd.\n")

    def engines() -> dict[str, str]:
        records = [json.loads(p.read_text()) for p in (out / "records").iterdir()]
        return {r["source"]["format"]: r["source"]["engine"] for r in records}

    first = run_flow([str(docs)], out)
    assert first["settings"]["engine"] == "pdfplumber" and engines()["pdf"] == "pdfplumber"
    fast = run_flow([str(docs)], out, engine="pdfium")
    assert fast["counts"]["extracted"] == 2  # another engine: everything read again
    assert engines()["pdf"] == "pdfium"
    assert run_flow([str(docs)], out, engine="pdfium")["counts"]["extracted"] == 0
    amounts = [a["value"] for p in (out / "records").iterdir()
               for a in json.loads(p.read_text())["amounts"]]
    assert sorted(amounts) == [2500.0, 60000.0]
