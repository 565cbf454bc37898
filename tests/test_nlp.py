"""The spaCy pipeline: built once, tokens unchanged by the speed-up, patterns well formed."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
import spacy

from pipeline.nlp import RULE_FAMILIES, build_nlp, hits, read_patterns, read_table
from tests.conftest import EXAMPLES

TEXTS = [
    "Plain words.\nA second line\n\n  indented after a blank line\tand a tab.",
    "£737.4k, £1.2m; section 149(1) of the Equality Act 2010 (the Act).\n1.1. Next.",
    "Non\xa0breaking\xa0spaces and\r\nwindows line ends \u2013 dashes \u2019quotes\u2019",
    "   leading spaces\n\n\n\nmany newlines    many spaces e.g. i.e. etc. U.K. Mr. Smith",
]


def test_pipeline_is_built_once() -> None:
    assert build_nlp() is build_nlp()


@pytest.mark.parametrize("text", [*TEXTS, *(p.read_text() for p in sorted(EXAMPLES.iterdir()))],
                         ids=lambda t: repr(t[:20]))
def test_dropping_whitespace_special_cases_keeps_tokens(text: str) -> None:
    plain = spacy.blank("en")
    ours = build_nlp()
    assert [t.text for t in ours.make_doc(text)] == [t.text for t in plain.make_doc(text)]


@pytest.mark.parametrize("family", RULE_FAMILIES)
def test_every_pattern_line_has_an_id_and_label(family: str) -> None:
    rows = read_patterns(family)
    assert rows
    for row in rows:
        assert row["id"] and row["label"] and row["pattern"], row


def test_tables_are_documented() -> None:
    folder = resources.files("pipeline.patterns")
    for path in folder.iterdir():
        if path.name.endswith(".json"):
            assert "_about" in json.loads(path.read_text()), f"{path.name} lacks _about"


def test_family_cues_match_their_token_patterns_own_words() -> None:
    """A token pattern may only run where its family's cue matches: each text a token
    pattern matches must satisfy the cue, or the gate would hide its matches."""
    families = read_table("families.json")["families"]
    samples = {"legislation": ["Regulation (EU) 2016/679", "Directive (EU) 2016/680"]}
    gated = {name for name, settings in families.items() if settings["cues"]}
    assert gated == set(samples), "every gated family needs sample texts here"
    for family, texts in samples.items():
        cues = [re.compile(cue) for cue in families[family]["cues"]]
        for text in texts:
            assert any(cue.search(text) for cue in cues), f"cues of {family} would hide {text!r}"
            found = [s for s in hits(build_nlp()(text), family) if s.label_ == "TITLE"]
            assert [s.text for s in found] == [text]


SENTENCE_CASES = [
    # text, the first word of each sentence
    ("The cost is £320,000. It was approved.", ["The", "It"]),
    ("Awarded to Acme Ltd. on 1 May. Work starts soon.", ["Awarded", "Work"]),
    ("See e.g. the report. Then (a) decide!", ["See", "Then"]),
    ("Is it due? Yes. \u201cDone.\u201d Next one.", ["Is", "Yes", "Done", "Next"]),
    ("Heading\n\nBody text 1.2 million.\nLast line", ["Heading", "Body", "Last"]),
    ("... and so on. \u2013 12 more", ["...", "12"]),
    ("", []),
]


@pytest.mark.parametrize("text, firsts", SENTENCE_CASES, ids=[c[0][:24] for c in SENTENCE_CASES])
def test_sentence_starts(text: str, firsts: list[str]) -> None:
    doc = build_nlp()(text)
    assert [doc[i].text for i in doc.user_data["sentence_starts"] if i < len(doc)] == firsts
    assert doc.user_data["offsets"] == [t.idx for t in doc]
    assert doc.user_data["ends"] == [t.idx + len(t) for t in doc]
