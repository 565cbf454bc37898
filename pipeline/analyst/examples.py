"""The documented example queries, read from `examples.sql` (data, not code).

The README shows the same file's questions and SQL; the tests run every example on a
record set whose answers are known, so the documentation and the views cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.errors import ConfigurationError

_NAME = re.compile(r"^-- name: (?P<name>[a-z0-9_]+)[ \t]*$", re.MULTILINE)
_QUESTION = "-- question: "


@dataclass(frozen=True)
class Example:
    name: str
    question: str
    sql: str


@cache
def load_examples() -> tuple[Example, ...]:
    text = (Path(__file__).parent / "examples.sql").read_text(encoding="utf-8")
    starts = [found for found in _NAME.finditer(text)]
    ends = [found.start() for found in starts[1:]] + [len(text)]
    return tuple(_block_to_example(found.group("name"), text[found.end():end])
                 for found, end in zip(starts, ends, strict=True))


def _block_to_example(name: str, block: str) -> Example:
    lines = block.strip().splitlines()
    question = " ".join(line[len(_QUESTION):].strip() for line in lines
                        if line.startswith(_QUESTION))
    sql = "\n".join(line for line in lines if not line.startswith("--")).strip()
    return Example(name=name, question=question, sql=sql.rstrip(";").strip())


def example_named(name: str) -> Example:
    for example in load_examples():
        if example.name == name:
            return example
    known = ", ".join(example.name for example in load_examples())
    raise ConfigurationError(f"no example query named {name!r}; the examples are: {known}")
