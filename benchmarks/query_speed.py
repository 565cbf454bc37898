"""How fast `decisions query` answers over 10,000 records: load, query, and both together.

Not a test: timings depend on the machine. Records are made the honest way first, by
running synthetic decisions (benchmarks/synthetic.py) through the real extractor, then
cloned to the target count with a new id, reference and signing date each, so every
clone is a distinct decision with realistic items and about 7 KB of text. The set is
written both as a folder of pretty-printed <id>.json files (what `decisions extract
--out` writes) and as one records.jsonl (what the flow writes), and each is timed.

    python -m benchmarks.query_speed                      # 10,000 records from 100 extracted
    python -m benchmarks.query_speed --records 2000 --runs 5 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.synthetic import synthetic_decision
from pipeline.analyst import open_records
from pipeline.analyst.examples import load_examples
from pipeline.store import json_text


def extracted_base(count: int) -> list[dict[str, Any]]:
    """`count` synthetic decisions through the real pipeline, as record dicts."""
    from pipeline.ingest import load
    from pipeline.records import extract_records

    documents = [load(Path(f"synthetic-{seed:06d}.txt"), synthetic_decision(seed).encode())
                 for seed in range(count)]
    return [record.model_dump(mode="json") for record in extract_records(documents)]


def clone(base: dict[str, Any], n: int, rng: random.Random) -> dict[str, Any]:
    """A distinct decision from a base record: new id, reference and signing date."""
    record = dict(base)
    prefix = (base.get("reference") or "MD 0").split(" ")[0]
    record["id"] = f"bench-{n:06d}"
    record["reference"] = f"{prefix} {20000 + n}"
    record["dates"] = {"signed": f"{rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-"
                                 f"{rng.randint(1, 28):02d}", "published": None, "decided": None}
    return record


def write_sets(bases: list[dict[str, Any]], count: int, folder: Path) -> tuple[Path, Path]:
    rng = random.Random(7)
    records_dir = folder / "records"
    records_dir.mkdir(parents=True, exist_ok=True)
    jsonl = folder / "records.jsonl"
    with jsonl.open("w", encoding="utf-8") as lines:
        for n in range(count):
            record = clone(bases[n % len(bases)], n, rng)
            (records_dir / f"{record['id']}.json").write_text(json_text(record), "utf-8")
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records_dir, jsonl


def timed(action: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return times, result


def _fmt(times: list[float]) -> str:
    return f"best {min(times):6.3f}s  median {statistics.median(times):6.3f}s"


def bench_layout(label: str, path: Path, runs: int, cache_dir: Path) -> None:
    """Load without and with the parsed-records cache, then every example query."""
    cold, cold_con = timed(lambda: open_records(path), runs)
    first, _ = timed(lambda: open_records(path, cache_dir), 1)  # parses, writes the cache
    warm, warm_con = timed(lambda: open_records(path, cache_dir), runs)
    total = cold_con.execute("SELECT count(*) FROM decisions").fetchone()[0]
    print(f"\n{label}: {path} ({total:,} records)")
    print(f"  load, JSON parsed (no cache)          {_fmt(cold)}")
    print(f"  load, first cached run (parse+store)  {_fmt(first)}")
    print(f"  load, from the cache                  {_fmt(warm)}")
    for example in load_examples():
        plain, result = timed(partial(_fetch, cold_con, example.sql), runs)
        quick, again = timed(partial(_fetch, warm_con, example.sql), runs)
        assert again == result, f"{example.name}: the cache changed the answer"
        print(f"  {example.name:<24} ({len(result):>5} rows)\n"
              f"      no cache: query {_fmt(plain)}  load+query {_fmt(_sums(cold, plain))}\n"
              f"      cached:   query {_fmt(quick)}  load+query {_fmt(_sums(warm, quick))}")
    cli = [sys.executable, "-m", "pipeline", "query", "--records", str(path), "--format",
           "csv", "--example", "spend_by_supplier_year"]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_dir.parent.parent)}  # .../query
    cli_times, _ = timed(lambda: subprocess.run(cli, check=True, capture_output=True, env=env),
                         runs)
    print(f"  CLI process, cache warm (python start, imports, load, query, print) "
          f"{_fmt(cli_times)}")


def _fetch(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


def _sums(a: list[float], b: list[float]) -> list[float]:
    return [x + y for x, y in zip(a, b, strict=True)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000, help="records to time over")
    parser.add_argument("--base", type=int, default=100, help="synthetic decisions to extract")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each step")
    parser.add_argument("--keep", type=Path, help="write the record sets here and keep them")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="query-speed-"))
    start = time.perf_counter()
    bases = extracted_base(args.base)
    print(f"extracted {len(bases)} synthetic decisions in {time.perf_counter() - start:.1f}s")
    records_dir, jsonl = write_sets(bases, args.records, folder)
    print(f"wrote {args.records:,} records to {folder}; machine load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    cache_dir = folder / "cache" / "decision-records"
    bench_layout("folder of .json", records_dir, args.runs, cache_dir / "query")
    bench_layout("records.jsonl", jsonl, args.runs, cache_dir / "query")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
