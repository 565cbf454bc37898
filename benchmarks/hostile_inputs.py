"""What hostile inputs cost to read and to record: deep markup, a text of countless amounts.

Not a test: timings depend on the machine. Three measures, each printed as wall and CPU
seconds (CPU of this process; the isolated reader's own CPU is not in it, so the pages
are also read in-process, `Limits(isolated=False)`):

  nested   a page of N unclosed `<div>`s around one paragraph, beside a page of N empty
           `<div>`s side by side (the same bytes, no depth)
  amounts  a ~2.4 MB text of 300,000 amounts: reading, extraction, and the record's size
  isolate  reading a 7 KB text in-process and through the isolated reader

    python -m benchmarks.hostile_inputs                          # all three
    python -m benchmarks.hostile_inputs nested --depths 10000 100000
    python -m benchmarks.hostile_inputs amounts --amounts 300000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from benchmarks.synthetic import synthetic_decision
from pipeline.ingest import Limits, load
from pipeline.store import record_to_json

TRUSTED = Limits(isolated=False)


def timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def nested(depths: list[int]) -> None:
    for depth in depths:
        deep = f"<html><body><main>{'<div>' * depth}<p>Text</p>{'</div>' * depth}</main>"
        flat = f"<html><body><main>{'<div></div>' * depth}<p>Text</p></main>"
        for label, page in (("nested", deep), ("side by side", flat)):
            for limits in (TRUSTED, Limits()):
                wall, cpu, document = timed(lambda p=page, lim=limits: load(
                    "page.html", data=p.encode(), limits=lim))
                where = "in-process" if not limits.isolated else "isolated  "
                print(f"{depth:>8,} <div>s {label:<13} {where} wall {wall:7.2f}s "
                      f"cpu {cpu:7.2f}s  notices {[code for code, _ in document.notices]}")


def amounts(count: int) -> None:
    from pipeline.records import extract_record

    lines = "\n".join(f"£{1000 + n % 9000:,}" for n in range(count))
    data = f"MD 1234 Payments schedule\n\n{lines}\n".encode()
    print(f"text of {count:,} amounts, {len(data):,} bytes")
    wall, _, document = timed(lambda: load("schedule.txt", data=data))
    print(f"  read (isolated)        wall {wall:7.2f}s")
    wall, cpu, record = timed(lambda: extract_record(document))
    print(f"  extract                wall {wall:7.2f}s cpu {cpu:7.2f}s")
    wall, _, text = timed(lambda: record_to_json(record))
    print(f"  record JSON            wall {wall:7.2f}s  {len(text.encode()) / 1e6:.1f} MB, "
          f"{len(record.amounts):,} amounts, warnings {[w.message for w in record.warnings]}")


def isolate(files: int) -> None:
    texts = [synthetic_decision(seed).encode() for seed in range(files)]
    for limits in (TRUSTED, Limits()):
        load("warm.txt", data=texts[0], limits=limits)
        wall, _, _ = timed(lambda lim=limits: [
            load(f"d{n}.txt", data=text, limits=lim) for n, text in enumerate(texts)])
        where = "in-process" if not limits.isolated else "isolated"
        print(f"7 KB texts read {where:<11} {wall / files * 1000:6.2f} ms each (wall)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("measures", nargs="*", default=["nested", "amounts", "isolate"],
                        choices=["nested", "amounts", "isolate"])
    parser.add_argument("--depths", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--amounts", type=int, default=300_000)
    parser.add_argument("--files", type=int, default=500, help="texts for `isolate`")
    args = parser.parse_args(argv)
    if "nested" in args.measures:
        nested(args.depths)
    if "amounts" in args.measures:
        amounts(args.amounts)
    if "isolate" in args.measures:
        isolate(args.files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
