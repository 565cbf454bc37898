"""Shared test helpers: records built from strings, once per distinct text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.ingest import load
from pipeline.records import extract_record
from schemas.record import DecisionRecord

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"


@lru_cache(maxsize=2048)
def record_of(text: str, name: str = "case.txt") -> DecisionRecord:
    """The record of `text` as a plain-text document called `name`."""
    return extract_record(load(name, data=text.encode("utf-8")))


@pytest.fixture(scope="session")
def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file())
