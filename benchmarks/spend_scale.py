"""How the `spend` view's cost grows with the amounts in one recommendation.

Not a test: timings depend on the machine. A published decision can hold thousands of
figures in one recommendation (a schedule of payments, a budget table): a real record held
7,686. Each record here is one decision whose single approving recommendation quotes
`N` amounts (seeded, so every run builds the same records), written as a folder of
`<id>.json` files and read with `open_records`; then the `spend` view and the `decisions`
view (which sums it) are each queried `--runs` times. A query that passes `--timeout`
seconds is interrupted, and one that passes DuckDB's `--memory-limit` fails; both are
reported, not raised, so the script also measures the views before a fix.

    python -m benchmarks.spend_scale                          # 400, 2,000 and 8,000 amounts
    python -m benchmarks.spend_scale --amounts 400 8000 --timeout 300 --memory-limit 8GB
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import duckdb

from pipeline.analyst import open_records
from pipeline.store import record_to_json
from schemas.record import DecisionRecord

QUERIES = {
    "spend rows and total": "SELECT count(*), sum(value) FROM spend",
    "decisions.approved_spend": "SELECT count(*), sum(approved_spend) FROM decisions",
}


def wide_record(amounts: int, seed: int) -> DecisionRecord:
    """One decision approving `amounts` costs in one recommendation, each placed by its quote."""
    rng = random.Random(seed)
    quotes = [f"£{rng.randint(1_000_00, 9_000_000_00) / 100:,.2f}" for _ in range(amounts)]
    head = "1. Approve expenditure with Acme Ltd of "
    recommendation = head + "; ".join(quotes) + "."
    text = f"Decision {seed}\n{recommendation}\n"
    start = text.index(recommendation)
    evidence: list[dict[str, Any]] = []
    at = start + len(head)
    for quote in quotes:
        evidence.append(_evidence(at, at + len(quote)))
        at += len(quote) + 2
    return DecisionRecord.model_validate({
        "id": f"wide-{amounts}-{seed}", "reference": f"MD {seed}", "text": text,
        "dates": {"signed": "2024-01-02"},
        "source": {"path": f"wide-{seed}.txt", "sha256": "0" * 64, "format": "text",
                   "media_type": "text/plain", "pages": 1, "page_starts": [0]},
        "provenance": {"pipeline": "benchmark", "patterns": "benchmark"},
        "recommendations": [{"number": "1", "text": recommendation, "action": "approve",
                             "evidence": _evidence(start, start + len(recommendation))}],
        "amounts": [{"text": quote, "value": float(quote[1:].replace(",", "")),
                     "currency": "GBP", "kind": "cost", "evidence": place}
                    for quote, place in zip(quotes, evidence, strict=True)],
        "suppliers": [{"name": "Acme Ltd", "text": "Acme Ltd", "role": "contractor",
                       "evidence": _evidence(text.index("Acme Ltd"),
                                             text.index("Acme Ltd") + len("Acme Ltd"))}],
    })


def _evidence(start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "page": 1, "section": None, "paragraph": None,
            "rule": "benchmark"}


def timed_query(con: duckdb.DuckDBPyConnection, sql: str, timeout: float) -> tuple[float, str]:
    """Seconds taken and the answer, or the failure, of one query."""
    timer = threading.Timer(timeout, con.interrupt)
    timer.start()
    start = time.perf_counter()
    try:
        answer = str(con.execute(sql).fetchall()[0])
    except duckdb.InterruptException:
        answer = f"interrupted after {timeout:g} s"
    except duckdb.OutOfMemoryException as error:
        answer = "out of memory: " + str(error).splitlines()[0][:80]
    finally:
        timer.cancel()
    return time.perf_counter() - start, answer


def bench(amounts: int, records: int, runs: int, timeout: float, memory_limit: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix=f"spend-{amounts}-"))
    for seed in range(records):
        (folder / f"wide-{seed}.json").write_text(record_to_json(wide_record(amounts, seed)),
                                                  encoding="utf-8")
    con = open_records(folder)
    con.execute(f"SET memory_limit = '{memory_limit}'")
    print(f"\n{records} record(s), {amounts:,} amounts in one recommendation each")
    for label, sql in QUERIES.items():
        times, answer = [], ""
        for _ in range(runs):
            seconds, answer = timed_query(con, sql, timeout)
            times.append(seconds)
            if not answer.startswith("("):
                break  # interrupted or out of memory: once is enough
        print(f"  {label:<26} best {min(times):8.3f}s  median {statistics.median(times):8.3f}s"
              f"  -> {answer}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--amounts", type=int, nargs="+", default=[400, 2000, 8000],
                        help="amounts in each record's recommendation")
    parser.add_argument("--records", type=int, default=1, help="records of each size")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query")
    parser.add_argument("--memory-limit", default="8GB", help="DuckDB's memory_limit")
    args = parser.parse_args(argv)
    for amounts in args.amounts:
        bench(amounts, args.records, args.runs, args.timeout, args.memory_limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
