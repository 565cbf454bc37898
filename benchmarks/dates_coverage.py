"""How many documents that print a decision date get one in their record (issue 11).

Not a test: the gold files carry no dates, so this counts, per document, whether its text
prints a date in a decision, publication or signature position and whether the record has
any date, and lists each document with the printed date's context so a reader can judge by
eye. "Prints one" is decided here by a detector written apart from the extractor's rules
and broader than them, so the coverage it reports errs low rather than high:

- a full date (day, month, year) after a short line-opening label that names a date,
  decision, publication, signature, meeting, approval or minutes ("Date of decision:",
  "Meeting: 13/03/2019 - Cabinet", "Deputy Leader – Minutes – 12 February 2020", "To:
  Cabinet, 30 January 2025"), on the same line or the next, unless a period word ("from",
  "until", "expires", ...) stands just before it;
- a full date opening a line followed by a dash (a decision listing's line);
- a full date alone on one of the first ten lines, or on the last line (a letter's or
  notice's own date);
- a full date on one of the last three lines after a signatory's name and role ("Jo
  Smith, Monitoring Officer, ... 15/05/2018").
A date in running text (a contract's start, a meeting mentioned in a sentence) is not one.

    E=../shared/eval-dev; python -m benchmarks.dates_coverage $E/texts/*.txt $E/pdf/files/*.pdf
    python -m benchmarks.dates_coverage FILES... --all     # every document, not only misses
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
FULL_DATE = re.compile(
    rf"""\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTHS},?[ \t]+\d{{4}}
         | {_MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}
         | \d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})
         | \d{{4}}-\d{{2}}-\d{{2}})\b""",
    re.VERBOSE | re.IGNORECASE,
)
POSITION_WORD = re.compile(
    r"\b(?:date[ds]?|signed|signature|published|publication|decision|decided|meeting|"
    r"approved|minutes)\b|^\s*to\s*:", re.IGNORECASE)
PERIOD_WORD = re.compile(
    r"\b(?:from|until|till|to|between|ending|expires?|expiring|commencing|since|before|"
    r"after|by|of)\s*$", re.IGNORECASE)
ROLE_WORD = re.compile(r"\b(?:Officer|Director|Executive|Mayor|Commissioner|Leader|Member|"
                       r"Manager|Head|Chief)\b")
SIGNATORY = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){1,3},")  # "Jo Smith, ..."
_LABEL_PREFIX = 60  # a label is short: longer text before the date is a sentence


@dataclass(frozen=True)
class Printed:
    position: str
    context: str


def printed_dates(text: str) -> list[Printed]:
    """The dates `text` prints in a decision, publication or signature position."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found: list[Printed] = []
    for index, line in enumerate(lines):
        for match in FULL_DATE.finditer(line):
            position = _position(lines, index, line, match)
            if position:
                found.append(Printed(position, line[:120]))
    return found


def _position(lines: list[str], index: int, line: str, match: re.Match[str]) -> str | None:
    before, after = line[: match.start()], line[match.end():]
    if not before.strip() and re.match(r"\s*[-–—]\s+\w", after):
        return "listing line"
    if not before.strip() and not after.strip():
        if index < 10 or index == len(lines) - 1:
            return "alone on a line"
        if index and POSITION_WORD.search(lines[index - 1]) and lines[index - 1].endswith(":"):
            return "label on the line above"
    short = bool(before.strip()) and len(before) <= _LABEL_PREFIX
    if short and POSITION_WORD.search(before) and not PERIOD_WORD.search(before):
        return "label"
    if index >= len(lines) - 3 and SIGNATORY.match(before) and ROLE_WORD.search(before):
        return "signatory line"
    return None


def record_dates(paths: list[Path]) -> list[dict[str, str]]:
    """Each document's record dates, extracted the way `decisions extract` does."""
    from pipeline.ingest import load
    from pipeline.records import extract_records

    documents = [load(path) for path in paths]
    records = extract_records(documents)
    return [{k: str(v) for k, v in r.dates.model_dump().items() if v} for r in records]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--all", action="store_true", help="list every document")
    args = parser.parse_args(argv)
    from pipeline.ingest import load

    texts = [load(path).text for path in args.files]
    dates = record_dates(args.files)
    printing = covered = extra = 0
    for path, text, got in zip(args.files, texts, dates, strict=True):
        printed = printed_dates(text)
        printing += bool(printed)
        covered += bool(printed and got)
        extra += bool(got and not printed)
        verdict = ("ok" if printed and got else "MISSED" if printed else
                   "UNPRINTED?" if got else "none printed")
        if args.all or verdict not in ("ok", "none printed"):
            where = f"{printed[0].position}: {printed[0].context!r}" if printed else ""
            print(f"{verdict:12} {path.stem[:44]:44} {got or '-'} {where}")
    share = covered / printing if printing else 1.0
    print(f"\n{len(texts)} documents; {printing} print a decision date; {covered} of them have "
          f"one in the record ({share:.1%}); {extra} records have a date the detector did "
          f"not see printed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
