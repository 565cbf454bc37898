"""Soak: one outputs folder through SIGKILLs, a concurrent run and a transient delete,
then byte for byte against a clean run.

Over N synthetic decisions (benchmarks/synthetic.py), every step a real `decisions run`
process against one running Prefect server:
  kills       K rounds: change some documents (rewrite, delete, add), start a run, SIGKILL
              it once a random number of its records are written, then rerun to the end
  concurrent  a run on the same --out while one runs, with other sources: it must exit 2
              saying "DIR is in use by run PID"
  transient   a run during which two documents it has still to read are deleted and
              emptied, then restored with the same bytes once it ends; then a rerun
  compare     records/*.json, records.jsonl and failures.jsonl against a clean run into
              a new folder (run-summary.json holds timestamps: not compared)

    python -m benchmarks.soak                          # 2,000 documents, 5 kills
    python -m benchmarks.soak -n 500 --kills 2 --seed 7 --json soak.json

Needs the dev extra (psutil). With PREFECT_API_URL set the runs use that server, else
one is started for the soak (`pipeline.flow.serve.local_server`). Exit status 1 if the
outputs differ or a step did not do what it must.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from benchmarks.synthetic import synthetic_decision, write_corpus

__all__ = ["Soak", "outputs_of", "transient_delete"]

POLL = 0.005  # seconds between looks at the records folder: a batch takes far longer


def outputs_of(out: Path) -> dict[str, bytes]:
    """Everything a run must reproduce byte for byte (not the timestamped summary)."""
    files = {f"records/{p.name}": p.read_bytes() for p in (out / "records").iterdir()}
    files["records.jsonl"] = (out / "records.jsonl").read_bytes()
    files["failures.jsonl"] = (out / "failures.jsonl").read_bytes()
    return files


@dataclass
class Soak:
    """The corpus, the outputs folder and how to run `decisions run` on them."""

    docs: Path
    out: Path
    env: dict[str, str]
    workers: int = 2
    batch_size: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    runs: list[dict[str, Any]] = field(default_factory=list)
    verbose: bool = False

    def note(self, row: dict[str, Any]) -> None:
        self.runs.append(row)
        if self.verbose:
            print("  " + ", ".join(f"{key} {value}" for key, value in row.items()), flush=True)

    def start(self, sources: Path | None = None, out: Path | None = None) -> subprocess.Popen[str]:
        command = [sys.executable, "-m", "pipeline", "run", str(sources or self.docs),
                   "--out", str(out or self.out), "--workers", str(self.workers),
                   "--batch-size", str(self.batch_size), "--no-progress"]
        return subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)

    def ended(self, process: subprocess.Popen[str], what: str, started: float,
              out: Path | None = None) -> dict[str, Any]:
        """Wait for `process`; its row in `runs` (exit status, seconds, counts)."""
        _, stderr = process.communicate(timeout=1800)
        row: dict[str, Any] = {"run": what, "exit": process.returncode,
                               "seconds": round(time.perf_counter() - started, 1)}
        summary = (out or self.out) / "run-summary.json"
        if process.returncode in (0, 1) and summary.exists():
            counts = json.loads(summary.read_text())["counts"]
            row.update({key: counts[key] for key in ("extracted", "records", "failed",
                                                     "removed")})
        else:
            row["stderr"] = stderr.strip()[-500:]
        self.note(row)
        return row

    def run(self, what: str, out: Path | None = None) -> dict[str, Any]:
        started = time.perf_counter()
        return self.ended(self.start(out=out), what, started, out)

    def record_count(self) -> int:
        folder = self.out / "records"
        return sum(1 for _ in folder.glob("*.json")) if folder.is_dir() else 0


def change_documents(soak: Soak, round_no: int, share: float = 0.15) -> list[Path]:
    """Rewrite a share of the documents with other decisions, delete a few and add as
    many: the next run has work to do, stale records to remove and new ones to write.
    Returns the rewritten and added paths."""
    paths = sorted(soak.docs.glob("*.txt"))
    chosen = soak.rng.sample(paths, max(1, int(len(paths) * share)))
    for number, path in enumerate(chosen):
        path.write_text(synthetic_decision(1_000_000 * round_no + number), encoding="utf-8")
    deleted = soak.rng.sample([p for p in paths if p not in chosen], max(1, len(paths) // 100))
    for path in deleted:
        path.unlink()
    added = write_corpus(soak.docs, len(deleted), start=100_000 * round_no)
    return sorted(chosen + added)


def kill_mid_run(soak: Soak, todo: int, what: str) -> dict[str, Any] | None:
    """Start a run, SIGKILL it once a random number (1 to `todo` - 1) of new record files
    exist; None if it ended first. Its pool workers must follow it out."""
    baseline, target = soak.record_count(), soak.rng.randint(1, max(1, todo - 1))
    started = time.perf_counter()
    process = soak.start()
    while process.poll() is None and soak.record_count() - baseline < target:
        time.sleep(POLL)
    helpers = psutil.Process(process.pid).children(recursive=True) \
        if process.poll() is None else []
    if process.poll() is not None:
        soak.ended(process, what + " (ended before the kill)", started)
        return None
    os.kill(process.pid, signal.SIGKILL)  # the run alone: no chance to clean up
    process.wait()
    _, left = psutil.wait_procs(helpers, timeout=30)
    for helper in left:  # a leftover is a finding; end it so the soak goes on
        helper.kill()
    row = {"run": what, "exit": "SIGKILL", "seconds": round(time.perf_counter() - started, 1),
           "records_written_before_kill": soak.record_count() - baseline,
           "helpers_left_running": len(left)}
    soak.note(row)
    return row


def concurrent_runs(soak: Soak, other: Path) -> dict[str, Any]:
    """A run on the same --out with other sources while one holds it: refused at once."""
    started = time.perf_counter()
    first = soak.start()
    lock = soak.out / ".decisions-run.lock"
    while first.poll() is None and not _names(lock, first.pid):
        time.sleep(POLL)
    second_started = time.perf_counter()
    second = soak.start(sources=other)
    refused = soak.ended(second, "concurrent, other sources", second_started)
    first_row = soak.ended(first, "concurrent, holding --out", started)
    expected = f"error: {soak.out} is in use by run {first.pid}; wait for it to end, or give " \
               "another --out"
    return {"refused_exit": refused["exit"], "message_ok": refused.get("stderr") == expected,
            "holder_exit": first_row["exit"]}


def _names(lock: Path, pid: int) -> bool:
    try:
        return lock.read_text().strip() == str(pid)
    except OSError:
        return False


def transient_delete(soak: Soak, victims: list[Path]) -> dict[str, Any]:
    """Start a run; once its first record is written (its plan is made), delete the
    first victim and empty the others; when it ends, restore their bytes. `victims` must
    be documents the run has still to read (the last ones in its plan's order)."""
    saved = {path: path.read_bytes() for path in victims}
    baseline = soak.record_count()
    started = time.perf_counter()
    process = soak.start()
    try:
        while process.poll() is None and soak.record_count() == baseline:
            time.sleep(POLL)
        victims[0].unlink()
        for path in victims[1:]:
            path.write_bytes(b"")
        row = soak.ended(process, "transient delete", started)
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    failed = {line["path"]: line["kind"] for line in map(json.loads, (
        soak.out / "failures.jsonl").read_text().splitlines())}
    return {"exit": row["exit"], "failed_while_gone": {str(p): failed.get(str(p))
                                                       for p in victims}}


def soak_outputs(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    """The whole soak in `folder`; its figures."""
    clock = time.perf_counter()
    soak = Soak(folder / "docs", folder / "out", env, args.workers,
                rng=random.Random(args.seed), verbose=True)
    write_corpus(soak.docs, args.n)
    other = folder / "other-docs"
    write_corpus(other, 20, start=900_000)
    kills: list[dict[str, Any]] = []
    todo, round_no = args.n, 0
    while len(kills) < args.kills and round_no < 4 * args.kills:
        round_no += 1
        row = kill_mid_run(soak, todo, f"kill {len(kills) + 1}")
        if row is not None:
            kills.append(row)
        soak.run(f"rerun after kill {len(kills)}" if row else "run to the end")
        todo = len(change_documents(soak, round_no))
    concurrent = concurrent_runs(soak, other)
    changed = change_documents(soak, round_no + 1, share=0.3)
    transient = transient_delete(soak, changed[-2:])
    soak.run("rerun after the transient delete")
    final = soak.run("final rerun")
    clean_row = soak.run("clean run, new --out", out=folder / "clean")
    identical = outputs_of(soak.out) == outputs_of(folder / "clean")
    return {"documents": len(list(soak.docs.glob("*.txt"))), "runs": len(soak.runs),
            "kills": len(kills), "concurrent": concurrent, "transient": transient,
            "final_rerun_extracted": final.get("extracted"),
            "clean_run_seconds": clean_row["seconds"],
            "elapsed_seconds": round(time.perf_counter() - clock, 1),
            "identical": identical, "runs_detail": soak.runs}


def passed(result: dict[str, Any]) -> bool:
    concurrent, transient = result["concurrent"], result["transient"]
    return (result["identical"] and result["kills"] > 0
            and concurrent["refused_exit"] == 2 and concurrent["message_ok"]
            and all(transient["failed_while_gone"].values())
            and all(row.get("helpers_left_running", 0) == 0 for row in result["runs_detail"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="documents (default 2,000)")
    parser.add_argument("--kills", type=int, default=5, help="SIGKILLs (default 5)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", type=Path, help="soak in this folder and keep it")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    from pipeline.flow.serve import local_server

    with local_server() as url, tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PREFECT_API_URL": url}
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        result = soak_outputs(args, folder, env)
    summary = {key: value for key, value in result.items() if key != "runs_detail"}
    for key, value in summary.items():
        print(f"{key}: {value}")
    print(f"identical to a clean run: {'yes' if result['identical'] else 'no'}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if passed(result) else 1


if __name__ == "__main__":
    raise SystemExit(main())
