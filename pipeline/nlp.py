"""The spaCy pipeline: `spacy.blank("en")` and rule components, built once per process.

Each family of token patterns lives in `patterns/<family>.jsonl` (spaCy's SpanRuler
format, every line with an `id`) and gets its own `span_ruler` writing to
`doc.spans[<family>]`. Names from the documented tables (instruments, buying
organisations, public bodies) become phrase patterns in `doc.spans["names"]`:
lower-cased for titles, exact for abbreviations ("HO" is not "ho").
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

RULE_FAMILIES = ("legislation", "frameworks", "parties", "amount_context")
TABLES = ("instruments.json", "buying_organisations.json", "public_bodies.json",
          "frameworks.json", "headings.json", "actions.json")
# Whitespace special cases make spaCy 3.8 stop caching for the rest of a document
# (explosion/spaCy#13950); without them tokens are identical (tested) and 20x faster.
_WHITESPACE_SPECIAL_CASES = (" ", "\t", "\n", "\xa0")


def read_patterns(family: str) -> list[dict[str, Any]]:
    path = resources.files("pipeline.patterns").joinpath(f"{family}.jsonl")
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def read_table(name: str) -> dict[str, Any]:
    table: dict[str, Any] = json.loads(
        resources.files("pipeline.patterns").joinpath(name).read_text()
    )
    return table


@lru_cache(maxsize=1)
def patterns_version() -> str:
    """Hash of every pattern file and table: part of each record's provenance."""
    digest = hashlib.sha256()
    folder = resources.files("pipeline.patterns")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith((".json", ".jsonl", ".py")))
    for name in names:
        digest.update(name.encode())
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def build_nlp() -> Language:
    """The pipeline, built once per process; safe to call from every worker."""
    nlp = spacy.blank("en")
    nlp.tokenizer.rules = {
        key: value for key, value in nlp.tokenizer.rules.items()
        if key not in _WHITESPACE_SPECIAL_CASES
    }
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_sentences")
    for family in RULE_FAMILIES:
        ruler = nlp.add_pipe("span_ruler", name=f"{family}_rules",
                             config={"spans_key": family, "validate": True})
        ruler.add_patterns(read_patterns(family))
    titles, abbreviations = _name_patterns()
    lower = nlp.add_pipe("span_ruler", name="names_lower",
                         config={"spans_key": "names", "phrase_matcher_attr": "LOWER"})
    lower.add_patterns(titles)
    exact = nlp.add_pipe("span_ruler", name="names_exact",
                         config={"spans_key": "names", "overwrite": False})
    exact.add_patterns(abbreviations)
    return nlp


@Language.component("line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """A newline left in a passage ends a heading, list item or sentence: start a new one."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


def _name_patterns() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    titles: list[dict[str, str]] = []
    exact: list[dict[str, str]] = []

    def add(label: str, key: str, name: str) -> None:
        target = exact if _is_abbreviation(name) else titles
        target.append({"label": label, "id": key, "pattern": name})

    for row in read_table("instruments.json")["instruments"]:
        key = _instrument_key(row)
        full = f"{row['title']} {row['year']}" if row["year"] else row["title"]
        add("INSTRUMENT", key, full)
        for alias in row["aliases"]:
            add("INSTRUMENT", key, alias)
    for row in read_table("buying_organisations.json")["organisations"]:
        for name in [row["name"], *row["aliases"]]:
            add("BUYER", row["name"], name)
    for row in read_table("frameworks.json")["agreements"]:
        add("AGREEMENT", row["identifier"], row["name"])
    for row in read_table("public_bodies.json")["bodies"]:
        for name in [row["name"], *row["aliases"]]:
            add(f"BODY_{row['role'].upper()}", row["name"], name)
    return titles, exact


def _instrument_key(row: dict[str, Any]) -> str:
    return f"{row['title']} {row['year']}" if row["year"] else str(row["title"])


def _is_abbreviation(name: str) -> bool:
    """Abbreviations match exactly: "HO" must not match "ho", "Met" not "met"."""
    letters = [c for c in name.replace(" ", "") if c.isalpha()]
    uppers = sum(c.isupper() for c in letters)
    return len(name) <= 12 and uppers >= 2 or (len(name.split()) == 1 and len(name) <= 4)
