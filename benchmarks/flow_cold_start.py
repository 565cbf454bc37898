"""Cold start of `decisions run` on one document, each try with a new, empty PREFECT_HOME.

Three ways, interleaved so that a busy machine slows all of them alike:
  empty-flow      a one-task Prefect flow, Prefect's own defaults (the reference)
  prefect-starts  `decisions run` with our settings, Prefect starting its own server
  decisions       `decisions run` as shipped (settings + server started before imports)
Each is run cold (new home: database migrations) and then warm (same home again).

    python -m benchmarks.flow_cold_start --tries 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import write_corpus

EMPTY_FLOW = """
from prefect import flow, task

@task
def one() -> int:
    return 1

@flow
def empty() -> int:
    return one()

empty()
"""
# `decisions run`, but with the early server switched off: Prefect starts its own
PREFECT_STARTS = """
import sys
import pipeline.flow.early_server as early
early.start_early_server = lambda: None
from pipeline.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def command_for(way: str, folder: Path) -> list[str]:
    run = ["run", str(folder / "one"), "--out", str(folder / "out"), "--no-progress"]
    if way == "empty-flow":
        return [sys.executable, "-c", EMPTY_FLOW]
    if way == "prefect-starts":
        return [sys.executable, "-c", PREFECT_STARTS, *run]
    return [sys.executable, "-m", "pipeline", *run]


def timed(command: list[str], home: Path) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(home)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"{command[:3]} failed: {result.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=3)
    args = parser.parse_args()
    ways = ["empty-flow", "prefect-starts", "decisions"]
    times: dict[str, list[float]] = {f"{w} {kind}": [] for w in ways for kind in ("cold", "warm")}
    with tempfile.TemporaryDirectory(prefix="cold-start-") as tmp:
        folder = Path(tmp)
        write_corpus(folder / "one", 1)
        for attempt in range(args.tries):
            for way in ways:
                home = folder / f"home-{way}-{attempt}"
                times[f"{way} cold"].append(timed(command_for(way, folder), home))
                times[f"{way} warm"].append(timed(command_for(way, folder), home))
    load = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps({name: {"median": round(statistics.median(v), 2),
                             "all": [round(x, 2) for x in v]} for name, v in times.items()}
                     | {"load_average": load}, indent=2))


if __name__ == "__main__":
    main()
