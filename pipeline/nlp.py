"""The spaCy pipeline: `spacy.blank("en")` and rule components, built once per process.

Each family of patterns lives in `patterns/<family>.jsonl` (spaCy's SpanRuler format,
every line with an `id`; a string pattern is a phrase) and its matches go to
`doc.spans[<family>]`. Names from the documented tables (instruments, buying
organisations, public bodies) become phrase patterns in `doc.spans["names"]`:
lower-cased for titles, exact for abbreviations ("HO" is not "ho"). One registered
component, `decision_rules`, runs them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

RULE_FAMILIES = ("legislation", "frameworks", "parties", "amount_context")
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
def build_nlp() -> Language:
    """The pipeline, built once per process; safe to call from every worker."""
    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer
    tokenizer.rules = {
        key: value
        for key, value in tokenizer.rules.items()
        if key not in _WHITESPACE_SPECIAL_CASES
    }
    nlp.add_pipe("token_table")
    nlp.add_pipe("decision_rules")
    return nlp


class TokenTable:
    """The passage's text, token offsets and sentence starts, computed once.

    Extractors read these many times; spaCy's `doc.text`, `span.sent` and token
    attributes rebuild Python objects on every read. A sentence ends at a token that is
    ".", "!" or "?" (as spaCy's sentencizer has it: "Ltd." and "e.g." are one token and end
    nothing) and at a token starting a run of newlines, which passages keep only at the
    end of a heading, list item or paragraph (`pipeline.extract.passages`). The next
    sentence starts at the next token holding a letter or digit (closing quotes, brackets
    and more newlines still belong to the old one).

    Sentence ends are found with array operations on each token's first character and
    length; only the few tokens after an end are looked at one by one.
    """

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab

    def __call__(self, doc: Doc) -> Doc:
        text: str | None = doc.user_data.get("text")
        if text is None:
            text = doc.user_data["text"] = doc.text
        starts: list[int] = [0]
        if len(doc):
            table = doc.to_array([IDX, LENGTH]).astype("int64")
            offsets: list[int] = table[:, 0].tolist()
            ends: list[int] = (table[:, 0] + table[:, 1]).tolist()
            starts.extend(_sentence_starts(text, table, offsets, ends))
        else:
            offsets, ends = [], []
        doc.user_data["offsets"] = offsets
        doc.user_data["ends"] = ends
        doc.user_data["sentence_starts"] = starts
        doc.user_data["sentence_start_set"] = frozenset(starts)
        return doc


_FULL_STOP, _EXCLAMATION, _QUESTION, _NEWLINE = (ord(c) for c in ".!?\n")
_ASCII_ALNUM = numpy.array([chr(c).isalnum() for c in range(128)])


def _sentence_starts(text: str, table: Any, offsets: list[int], ends: list[int]) -> list[int]:
    characters = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    first = characters[table[:, 0]]
    lengths = table[:, 1]
    stop = (lengths == 1) & ((first == _FULL_STOP) | (first == _EXCLAMATION)
                             | (first == _QUESTION))
    sentence_ends = numpy.flatnonzero(stop | (first == _NEWLINE))
    if not len(sentence_ends):
        return []
    ascii_first = first < 128
    alnum = numpy.zeros(len(first), dtype=bool)
    alnum[ascii_first] = _ASCII_ALNUM[first[ascii_first]]
    # The few tokens not settled by their first character: a non-ASCII one, or a longer
    # token opening with a mark ("’s", "--").
    unsettled = numpy.flatnonzero(~ascii_first | (~alnum & (lengths > 1)))
    for i in unsettled.tolist():
        alnum[i] = any(c.isalnum() for c in text[offsets[i] : ends[i]])
    words = numpy.flatnonzero(alnum)
    after = numpy.searchsorted(words, sentence_ends, side="right")
    following: list[int] = numpy.unique(words[after[after < len(words)]]).tolist()
    return following


@Language.factory("token_table")
def make_token_table(nlp: Language, name: str) -> TokenTable:
    return TokenTable(nlp)


class DecisionRules:
    """Every rule family in one pass: `doc.spans[family]` for each family and "names".

    Phrase patterns of all families share one PhraseMatcher (nearly free per token);
    a family's token patterns run only where one of its cheap cues (`families.json`)
    occurs, since each token pattern costs time on every token. Each span keeps its
    pattern's `id`.
    """

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self._keys: dict[int, tuple[str, str, str]] = {}
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens: dict[str, tuple[Matcher, list[re.Pattern[str]]]] = {}
        families = read_table("families.json")["families"]
        for family in RULE_FAMILIES:
            settings = families[family]
            phrases = self.exact if settings["phrase_attr"] == "ORTH" else self.phrases
            matcher = Matcher(nlp.vocab, validate=True)
            for row in read_patterns(family):
                key = _key(family, row["label"], row["id"])
                if isinstance(row["pattern"], str):
                    phrases.add(key, [nlp.make_doc(row["pattern"])])
                else:
                    matcher.add(key, [row["pattern"]])
            if len(matcher):
                self.tokens[family] = (matcher, [re.compile(c) for c in settings["cues"]])
        titles, abbreviations = _name_patterns()
        for rows, phrase_matcher in ((titles, self.phrases), (abbreviations, self.exact)):
            for row in rows:
                phrase_matcher.add(
                    _key("names", row["label"], row["id"]), [nlp.make_doc(row["pattern"])]
                )

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[Hit]] = {family: [] for family in (*RULE_FAMILIES, "names")}
        matches = [*self.phrases(doc), *self.exact(doc)]
        text: str = doc.user_data.get("text") or doc.text
        for matcher, cues in self.tokens.values():
            if not cues or any(cue.search(text) for cue in cues):
                matches.extend(matcher(doc))
        for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
            family, label, rule = self._decode(match_id)
            found[family].append(Hit(doc, start, end, label, rule))
        doc.user_data["hits"] = found
        return doc

    def _decode(self, match_id: int) -> tuple[str, str, str]:
        decoded = self._keys.get(match_id)
        if decoded is None:
            family, label, rule = self.vocab.strings[match_id].split("\t")
            decoded = self._keys[match_id] = (family, label, rule)
        return decoded


class Hit:
    """One match: tokens doc[start:end], its label and the id of the rule that made it.

    Read like a spaCy Span (`start`, `end`, `start_char`, `end_char`, `text`, `label_`,
    `id_`, indexing), but made without a Span object per match: documents have hundreds
    of matches and extractors read them all several times.
    """

    __slots__ = ("doc", "end", "id_", "label_", "start")

    def __init__(self, doc: Doc, start: int, end: int, label: str, rule: str) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.label_ = label
        self.id_ = rule

    @property
    def start_char(self) -> int:
        offsets: list[int] = self.doc.user_data["offsets"]
        return offsets[self.start]

    @property
    def end_char(self) -> int:
        ends: list[int] = self.doc.user_data["ends"]
        return ends[self.end - 1]

    @property
    def text(self) -> str:
        text: str = self.doc.user_data["text"]
        return text[self.start_char : self.end_char]

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, i: int) -> Token:
        return self.doc[self.start + i if i >= 0 else self.end + i]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc[self.start : self.end])

    def __repr__(self) -> str:
        return f"Hit({self.text!r}, {self.label_}, {self.id_})"


def hits(doc: Doc, family: str) -> list[Hit]:
    """The matches of one rule family in a passage, made once by `decision_rules`.

    Kept as plain lists (not `doc.spans` groups, which build new Span objects on every
    read): extractors read them many times."""
    found: dict[str, list[Hit]] = doc.user_data.get("hits") or {}
    return found.get(family, [])


def _key(family: str, label: str, rule: str) -> str:
    return f"{family}\t{label}\t{rule}"


@Language.factory("decision_rules")
def make_decision_rules(nlp: Language, name: str) -> DecisionRules:
    del name
    return DecisionRules(nlp)


# Words too common to say a passage may hold a match: a pattern "the Act" is cued by "act".
_NOT_CUES = frozenset((
    "a", "an", "the", "of", "to", "for", "from", "in", "on", "at", "by", "with", "and", "or",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "shall", "may", "can", "this", "that", "these", "those", "its", "their", "our", "his",
    "her", "it", "as", "per",
))


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word, lower-cased, of every phrase pattern and table name, but the commonest.

    A passage can match a pattern only if it holds all of the pattern's words, so one of
    these words is a cue it may; money and identifiers are cued on characters instead
    (`pipeline.extract.passages`). Amount context words need money anyway, so they are
    not cues; funding words are (a funder is read after "funding ... from").
    """
    words: set[str] = set()
    rows = [row for family in RULE_FAMILIES if family != "amount_context"
            for row in read_patterns(family)]
    titles, exact = _name_patterns()
    for row in [*rows, *titles, *exact]:
        pattern = row["pattern"]
        if isinstance(pattern, str):
            words.update(re.findall(r"[a-z]+", pattern.lower()))
        else:
            for token in pattern:
                for value in token.values():
                    options = value.get("IN", []) if isinstance(value, dict) else [value]
                    words.update(w.lower() for w in options if isinstance(w, str) and w.isalpha())
    words.update(("grant", "grants", "funding", "funds", "fund", "contribution", "allocation",
                  "pound", "pounds", "sterling", "euro", "euros", "dollar", "dollars", "gbp",
                  "eur", "usd"))
    return frozenset(words - _NOT_CUES)


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
        if row["by_name"]:  # a title that also describes services is no match on its own
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
    return (len(name) <= 12 and uppers >= 2) or (len(name.split()) == 1 and len(name) <= 4)
