"""Completeness (habit 9): every pattern id in `pipeline/patterns/*.jsonl` is exercised by a case.

A pattern is exercised when the spaCy pipeline, run over the passages of some case text
from the extractor tables, finds a span with that pattern's id (`pipeline.nlp.hits`).
A pattern no case fires is a rule nobody has written an expectation for: add a case to
the family's table (not here).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pytest

from pipeline.extract.passages import documents_to_passages
from pipeline.ingest import load
from pipeline.nlp import RULE_FAMILIES, build_nlp, hits, read_patterns
from pipeline.segment import document_to_segmented
from tests import (
    test_extract_amounts,
    test_extract_checks,
    test_extract_decision,
    test_extract_frameworks,
    test_extract_funders,
    test_extract_metadata,
    test_extract_recommendations,
    test_extract_statute_forms,
    test_extract_statutes,
    test_extract_suppliers,
)
from tests.case_records import row_case

CASE_MODULES = (
    test_extract_amounts, test_extract_checks, test_extract_decision, test_extract_frameworks,
    test_extract_funders,
    test_extract_metadata, test_extract_recommendations, test_extract_statutes,
    test_extract_statute_forms, test_extract_suppliers,
)


def case_texts() -> list[str]:
    texts = {row_case(row).text for module in CASE_MODULES for row in module.ALL_CASES}
    return sorted(texts)


@lru_cache(maxsize=1)
def fired_pattern_ids() -> frozenset[tuple[str, str]]:
    """(family, pattern id) of every span the rule components put on any case text."""
    documents = [document_to_segmented(load("case.txt", data=text.encode("utf-8")))
                 for text in case_texts()]
    fired: set[tuple[str, str]] = set()
    for passages in documents_to_passages(build_nlp(), documents):
        for passage in passages:
            for family in RULE_FAMILIES:
                fired.update((family, span.id_) for span in hits(passage.doc, family))
    return frozenset(fired)


def pattern_ids() -> list[tuple[str, str]]:
    ids = {(family, str(p["id"])) for family in RULE_FAMILIES for p in read_patterns(family)}
    return sorted(ids)


def test_every_pattern_file_is_a_rule_family() -> None:
    """A .jsonl the pipeline does not load would escape the completeness check below."""
    folder = resources.files("pipeline.patterns")
    files = {p.name.removesuffix(".jsonl") for p in folder.iterdir() if p.name.endswith(".jsonl")}
    assert files == set(RULE_FAMILIES)


@pytest.mark.parametrize(("family", "pattern_id"), pattern_ids(),
                         ids=[f"{f}-{i}" for f, i in pattern_ids()])
def test_pattern_is_exercised_by_a_case(family: str, pattern_id: str) -> None:
    assert (family, pattern_id) in fired_pattern_ids()
