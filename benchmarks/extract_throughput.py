"""Extraction throughput on one core, beside a regex-only money baseline in the same run.

    python -m benchmarks.extract_throughput [N]        # N synthetic decisions, default 2000

Times are CPU seconds of this process, the fastest of three runs of each chunk of 100.

Both sides get the same in-memory texts. The baseline is what a careful regex-only tool
does for money alone: one compiled pattern for currency amounts with k/m/bn scales and
the value parsed from each match. The pipeline side is the whole record: segmentation,
spaCy rule components on the passages, every extractor, assembly and pydantic validation
(ingest is timed separately; file I/O is not timed).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from benchmarks.synthetic import synthetic_decision

BASELINE_MONEY = re.compile(
    r"(?P<cur>£|€|US\$|\$|GBP\s?|EUR\s?)(?P<num>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<scale>k|m|bn|million|billion|thousand)?\b",
    re.IGNORECASE,
)
_SCALES = {
    "k": 10**3,
    "thousand": 10**3,
    "m": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}


def regex_money(text: str) -> list[tuple[str, Decimal]]:
    out = []
    for match in BASELINE_MONEY.finditer(text):
        value = Decimal(match.group("num").replace(",", ""))
        scale = match.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        out.append((match.group(0), value))
    return out


def _timed(label: str, run: Callable[[], int], count: int, megabytes: float) -> float:
    start = time.perf_counter()
    items = run()
    seconds = time.perf_counter() - start
    print(
        f"{label:<28} {count / seconds:>10,.0f} docs/s {megabytes / seconds:>8.2f} MB/s "
        f"({items:,} items, {seconds:.2f} s)"
    )
    return seconds


def main(n: int, chunk: int = 100, repeats: int = 3) -> None:
    from pipeline.ingest import load
    from pipeline.nlp import build_nlp
    from pipeline.records import extract_records

    texts = [synthetic_decision(seed) for seed in range(n)]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    print(f"{n} synthetic decisions, {megabytes:.1f} MB, mean {megabytes * 1e6 / n:,.0f} bytes")
    build_nlp()
    list(extract_records([load("warm.txt", data=texts[0].encode())]))  # warm caches
    documents = []

    def ingest() -> int:
        documents.extend(load(f"d{i}.txt", data=t.encode()) for i, t in enumerate(texts))
        return len(documents)

    _timed("ingest (text)", ingest, n, megabytes)
    # Baseline and pipeline take turns, chunk by chunk, each chunk run `repeats` times and
    # its fastest run kept: both sides see the same machine, and other load only slows.
    baseline = pipeline = 0.0
    found = {"baseline": 0, "pipeline": 0}
    for start in range(0, n, chunk):
        part_texts, part_docs = texts[start : start + chunk], documents[start : start + chunk]
        runs_b, runs_p = [], []
        for _ in range(repeats):
            clock = time.process_time()
            amounts_b = sum(len(regex_money(t)) for t in part_texts)
            runs_b.append(time.process_time() - clock)
            clock = time.process_time()
            records = list(extract_records(part_docs))
            runs_p.append(time.process_time() - clock)
            failed = [w.message for r in records for w in r.warnings
                      if w.code == "extractor_failed"]
            if failed:  # a failing extractor is fast; its time would flatter the pipeline
                raise SystemExit(f"extractor failed, timing void: {failed[0]}")
            amounts_p = sum(len(r.amounts) for r in records)
        baseline += min(runs_b)
        pipeline += min(runs_p)
        found["baseline"] += amounts_b
        found["pipeline"] += amounts_p
    rows = (("regex money baseline", baseline), ("extract_records (full)", pipeline))
    for label, seconds in rows:
        key = "baseline" if label.startswith("regex") else "pipeline"
        print(f"{label:<28} {n / seconds:>10,.0f} docs/s {megabytes / seconds:>8.2f} MB/s "
              f"({found[key]:,} amounts, {seconds:.2f} s CPU)")
    print(f"pipeline / baseline CPU-time ratio: {pipeline / baseline:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
