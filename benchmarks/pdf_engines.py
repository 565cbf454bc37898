"""Pages per second of the two PDF engines, on the same PDFs. A script, not a test.

    python -m benchmarks.pdf_engines                      # the eval-dev PDFs, 5 rounds
    python -m benchmarks.pdf_engines a.pdf b.pdf --rounds 3 --jobs 2

For each engine it reports, over the same files:
  engine     the page reader alone, in this process (wall clock and CPU time);
  load       the whole `pipeline.ingest.load` (bomb scan, isolated child process,
             furniture, words, offsets), one file after another;
  parallel   `load` spread over --jobs worker processes (PDFium is not thread-safe:
             processes, never threads).
CPU time is the fairer figure on a shared machine; wall clock is what a run costs.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest import PDF_ENGINES, Limits, load
from pipeline.ingest.pdf import read_pages

EVAL_PDFS = Path("/work/shared/eval-dev/pdf/files")


@dataclass(frozen=True)
class Timing:
    pages: int
    wall: float
    cpu: float

    def rate(self, seconds: float) -> float:
        return self.pages / seconds if seconds else float("inf")


def timed(work: Callable[[], int]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    pages = work()
    return Timing(pages, time.perf_counter() - wall, time.process_time() - cpu)


def engine_only(files: Sequence[tuple[str, bytes]], engine: str, rounds: int) -> int:
    trusted = Limits(isolated=False)
    return sum(len(read_pages(engine, data, name, trusted))
               for _ in range(rounds) for name, data in files)


def whole_load(files: Sequence[tuple[str, bytes]], engine: str, rounds: int) -> int:
    return sum(load(name, data=data, engine=engine).pages
               for _ in range(rounds) for name, data in files)


def _load_pages(job: tuple[str, str]) -> int:
    path, engine = job
    return load(path, engine=engine, limits=Limits(isolated=False)).pages


def parallel_load(paths: Sequence[Path], engine: str, rounds: int, jobs: int) -> int:
    work = [(str(path), engine) for _ in range(rounds) for path in paths]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return sum(pool.map(_load_pages, work))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="PDFs (default: eval-dev PDFs)")
    parser.add_argument("--rounds", type=int, default=5, help="times each file is read")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for parallel")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(EVAL_PDFS.glob("*.pdf"))
    files = [(str(p), p.read_bytes()) for p in paths]
    print(f"{len(files)} PDFs, {args.rounds} rounds, {args.jobs} jobs for parallel")
    print(f"{'engine':<11}{'measure':<10}{'pages':>6}{'wall s':>9}{'pages/s':>9}"
          f"{'cpu s':>8}{'pages/cpu s':>13}")
    rates: dict[tuple[str, str], float] = {}
    for engine in PDF_ENGINES:
        runs = {
            "engine": timed(lambda e=engine: engine_only(files, e, args.rounds)),
            "load": timed(lambda e=engine: whole_load(files, e, args.rounds)),
            "parallel": timed(lambda e=engine: parallel_load(paths, e, args.rounds, args.jobs)),
        }
        for measure, t in runs.items():
            rates[(engine, measure)] = t.rate(t.wall)
            # CPU time of this process only: the children of `load` are not in it.
            cpu = f"{t.cpu:>8.2f}{t.rate(t.cpu):>13.1f}" if measure == "engine" else ""
            print(f"{engine:<11}{measure:<10}{t.pages:>6}{t.wall:>9.2f}{t.rate(t.wall):>9.1f}"
                  + cpu)
    for measure in ("engine", "load", "parallel"):
        ratio = rates[("pdfium", measure)] / rates[("pdfplumber", measure)]
        print(f"pdfium / pdfplumber, {measure}: {ratio:.1f}x")


if __name__ == "__main__":
    main()
