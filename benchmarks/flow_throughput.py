"""Throughput of `decisions run` end to end, against the same work without Prefect.

For each N: write N synthetic decisions (benchmarks/synthetic.py), then measure
  plain    the flow's steps called directly (same modules, same pool, same batches)
  flow     `decisions run` in a subprocess: wall time, and the flow body's own time
  rerun    `decisions run` again with nothing new
and the peak memory of all processes (the run, its pool workers, Prefect's server),
sampled every 0.1 s as the sum of their resident sets, and the CPU seconds of all of
them: on a shared 2-core machine wall time swings with other load, so the CPU the flow
adds over the plain run is the steadier measure of its overhead. With `--server` a run
and a rerun are also timed against a running Prefect server (PREFECT_API_URL), as a
served or scheduled deployment sees them: no temporary server to start.

    python -m benchmarks.flow_throughput                    # N = 10,000
    python -m benchmarks.flow_throughput -n 1000 -n 10000 --server --json results.json
    python -m benchmarks.flow_throughput -n 10000 --server --repeat 3   # and the medians

Needs the dev extra (psutil). With PREFECT_API_URL set the runs use that server;
without it each `decisions run` starts Prefect's temporary server, whose start-up is
then part of the wall time (reported separately as `startup`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from benchmarks.synthetic import write_corpus


def plain_run(source: Path, out: Path, workers: int) -> tuple[float, float]:
    """The flow's work with no Prefect: discover, plan, pool batches, write, finish.
    Returns (wall seconds, CPU seconds of this process and its pool)."""
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.flow.finish import finish_outputs
    from pipeline.flow.outputs import OutputLayout
    from pipeline.flow.plan import batch_size_for, batches_of, plan_against
    from pipeline.flow.sources import FileSource, discover_paths
    from pipeline.flow.state import version_key
    from pipeline.flow.work import items_to_outcomes, warm_up

    start, cpu_start = time.perf_counter(), _cpu_so_far()
    layout, version = OutputLayout(out), version_key()
    plan = plan_against(discover_paths([FileSource(source)], out), out, version)
    batches = deque(batches_of(plan.todo, batch_size_for(len(plan.todo), workers)))
    with ProcessPoolExecutor(workers, initializer=warm_up) as pool:
        pending: deque[Any] = deque()
        while batches or pending:
            while batches and len(pending) < 2 * workers:
                pending.append(pool.submit(items_to_outcomes, batches.popleft()))
            outcomes = pending.popleft().result()
            layout.write_outcomes(outcomes, version)
    finish_outputs(layout, plan.failures, plan.gone)
    return time.perf_counter() - start, _cpu_so_far() - cpu_start


def _cpu_so_far() -> float:
    """CPU seconds of this process and its finished (joined) children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), \
        resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class PeakMemory:
    """Peak of the summed RSS of a process and all its descendants, and the CPU seconds
    each used (its last sample)."""

    def __init__(self, pid: int) -> None:
        self.root, self.peak, self._stop = psutil.Process(pid), 0, threading.Event()
        self.cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
                total = 0
                for process in processes:
                    with contextlib.suppress(psutil.Error):
                        total += process.memory_info().rss
                        times = process.cpu_times()
                        self.cpu[process.pid] = times.user + times.system
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(0.1)


def timed_command(source: Path, out: Path, workers: int,
                  env: dict[str, str] | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "pipeline", "run", str(source), "--out", str(out),
               "--workers", str(workers), "--no-progress"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env=env)
    with PeakMemory(process.pid) as memory:
        _, stderr = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(f"decisions run failed ({process.returncode}): {stderr.decode()[-2000:]}")
    summary = json.loads((out / "run-summary.json").read_text())
    return {"wall": wall, "flow": summary["seconds"]["total"],
            "startup": wall - summary["seconds"]["total"], "peak_mb": memory.peak / 2**20,
            "cpu": sum(memory.cpu.values()),
            "extracted": summary["counts"]["extracted"]}


def measure(n: int, workers: int, folder: Path, server: bool) -> dict[str, Any]:
    source = folder / f"corpus-{n}"
    write_corpus(source, n)
    plain, plain_cpu = plain_run(source, folder / f"plain-{n}", workers)
    flow = timed_command(source, folder / f"out-{n}", workers)
    rerun = timed_command(source, folder / f"out-{n}", workers)
    result = {
        "n": n, "workers": workers, "plain_seconds": round(plain, 2),
        "plain_docs_per_s": round(n / plain, 1),
        "flow_wall_seconds": round(flow["wall"], 2), "flow_body_seconds": round(flow["flow"], 2),
        "startup_seconds": round(flow["startup"], 2),
        "docs_per_s_end_to_end": round(n / flow["wall"], 1),
        "docs_per_s_flow_body": round(n / flow["flow"], 1),
        "overhead_flow_body_pct": round(100 * (flow["flow"] - plain) / plain, 1),
        "overhead_end_to_end_pct": round(100 * (flow["wall"] - plain) / plain, 1),
        "plain_cpu_seconds": round(plain_cpu, 1), "flow_cpu_seconds": round(flow["cpu"], 1),
        "overhead_cpu_pct": round(100 * (flow["cpu"] - plain_cpu) / plain_cpu, 1),
        "extract_cpu_ms_per_doc": round(1000 * plain_cpu / n, 1),
        "rerun_wall_seconds": round(rerun["wall"], 2),
        "rerun_flow_body_seconds": round(rerun["flow"], 2),
        "rerun_extracted": rerun["extracted"],
        "peak_mb": round(max(flow["peak_mb"], rerun["peak_mb"]), 1),
    }
    if server:
        first, again = _runs_with_server(source, folder, n, workers)
        result["with_server_wall_seconds"] = round(first, 2)
        result["docs_per_s_with_server"] = round(n / first, 1)
        result["rerun_with_server_wall_seconds"] = round(again, 2)
    result["load_average"] = [round(x, 2) for x in psutil.getloadavg()]
    return result


def _runs_with_server(source: Path, folder: Path, n: int, workers: int) -> tuple[float, float]:
    """A whole run, then a rerun, against a running Prefect server, as a served
    deployment sees them (wall seconds; the server's start is not in them)."""
    from pipeline.flow.serve import local_server

    with local_server() as url:
        env = {**os.environ, "PREFECT_API_URL": url}
        small = folder / "warm-up-corpus"
        if not small.exists():
            write_corpus(small, 10)
        timed_command(small, folder / "warm-up", workers, env)  # first use of this server
        first = timed_command(source, folder / f"served-{n}", workers, env)["wall"]
        again = timed_command(source, folder / f"served-{n}", workers, env)["wall"]
        return float(first), float(again)


def medians(tries: list[dict[str, Any]]) -> dict[str, Any]:
    """Each numeric figure's median over the tries, marked as such."""
    import statistics

    summary: dict[str, Any] = {"median_of": len(tries)}
    for key, value in tries[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values = [t[key] for t in tries]
            summary[key] = value if len(set(values)) == 1 else round(statistics.median(values), 2)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, action="append", help="documents (repeatable)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--server", action="store_true",
                        help="also time a run and a rerun against a running Prefect server")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure each N this many times and also print the medians "
                             "(wall times on a shared machine swing by tens of percent)")
    args = parser.parse_args()
    results = []
    for n in args.n or [10_000]:
        tries = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory(prefix="flow-bench-") as tmp:
                tries.append(measure(n, args.workers, Path(tmp), args.server))
            print(json.dumps(tries[-1]), flush=True)
        results.extend(tries)
        if args.repeat > 1:
            results.append(medians(tries))
            print(json.dumps(results[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
