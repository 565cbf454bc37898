"""Suppliers and funders: organisation names read next to the cues in `parties.jsonl`.

Cue families (the pattern label says which):
- `supplier_after:<role>`  the name follows the cue ("the recommended supplier is X");
- `supplier_before:<role>` the name precedes it ("X (company number 0123)");
- `supplier_trigger:to`    an award word, then "to X" later in the sentence
  ("the direct award of a new contract to ATOS");
- `supplier_trigger:from`  a purchase word, then "from X" ("purchase ... from Microsoft");
- `funder_after`, `funder_before`, `funder_before_verb`  money given to the decision
  maker ("grant funding from X", "Home Office grant", "the Home Office has offered").
Funders and the deciding bodies are never suppliers; `pipeline.assemble` enforces that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.extract.findings import Finding, finding
from pipeline.extract.names import (
    Name,
    is_organisation_name,
    known_body,
    read_name_backward,
    read_name_forward,
    split_on_and,
)
from pipeline.extract.passages import (
    Passage,
    has_word,
    sentence_bounds,
    text_of,
    words_between,
)
from pipeline.nlp import Hit, hits
from pipeline.patterns.parties import (
    CLAUSE_BREAKS,
    DEFINITION,
    FUNDING_WORDS,
    GRANT_LIST_ITEM,
    LOWER_CASE_CUES,
    RECEIPT_WORDS,
    TRIGGER_ROLES,
)

_TRIGGER_REACH = 20
_COPULA = {"is", "was", "are", "were", "will", "be", "being", "has", "have", "been", ":", ",",
           "-", "–", "namely"}
_CURRENCY_TOKENS = frozenset("£$€")
_GIVING_VERBS = frozenset(["allocated", "granted", "awarded", "offered", "provided", "funded"])


def lowered_at(doc: Doc, i: int) -> str:
    word: str = doc[i].lower_
    return word
_TABLE_LABELS = ("BODY_FUNDER", "BODY_DECIDER", "BUYER")


def extract_parties(text: str, passages: Sequence[Passage]) -> list[Finding]:
    found: list[Finding] = []
    for passage in passages:
        doc = passage.doc
        for span in hits(doc, "parties"):
            found.extend(_cue_to_findings(passage.start, doc, span))
        found.extend(_funders_from(passage.start, doc))
        found.extend(_table_funders(passage.start, doc))
    if re.search(r"\bgrants?\b", text, re.IGNORECASE):
        found.extend(_grant_list_items(text))
    return _spell_out(found, _abbreviations(passages))


def _abbreviations(passages: Sequence[Passage]) -> dict[str, str]:
    """Abbreviations the document defines: "Department for Education (DfE)" -> DfE."""
    defined: dict[str, str] = {}
    for passage in passages:
        doc = passage.doc
        for match in DEFINITION.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end())
            if span is None:
                continue
            abbreviation = match.group("abbr")
            table = _table_name_before(doc, span.start)
            name = Name(table.start_char, table.end_char, table.text) if table is not None \
                else read_name_backward(doc, span.start)
            if name is not None and len(name.text.split()) >= 2:
                defined.setdefault(abbreviation, " ".join(name.text.split()))
    return defined


def _spell_out(found: list[Finding], defined: dict[str, str]) -> list[Finding]:
    out: list[Finding] = []
    for f in found:
        long_name = defined.get(f.values["name"])
        if long_name is None:
            out.append(f)
            continue
        values = dict(f.values, name=long_name)
        if f.field == "suppliers":
            values["aliases"] = (*f.values.get("aliases", ()), f.values["name"])
        out.append(Finding(f.field, f.start, f.end, f.rule, values, f.repaired))
    return out


def _cue_to_findings(offset: int, doc: Doc, span: Hit) -> list[Finding]:
    family, _, role = span.label_.partition(":")
    if span.id_ in LOWER_CASE_CUES and not span.text[:1].islower():
        return []
    lo, hi = sentence_bounds(doc, span.start)
    if family == "supplier_after":
        start = _after_copula(doc, span.end)
        return _names("suppliers", offset, _name_at(doc, start), span.id_, role=role)
    if family == "supplier_before":
        if role == "company":
            return _company(offset, doc, span)
        return _names("suppliers", offset, read_name_backward(doc, span.start), span.id_,
                      role=role)
    if family == "supplier_trigger":
        return _triggered(offset, doc, span, role)
    if family == "funder_after":
        if not has_word(doc, lo, hi, FUNDING_WORDS):
            return []
        return _names("funders", offset, read_name_forward(doc, span.end), span.id_)
    if family == "funder_before_verb" and not (
            has_word(doc, span.end, hi, FUNDING_WORDS)
            or (lowered_at(doc, span.end - 1) in _GIVING_VERBS
            and has_word(doc, span.end, hi, _CURRENCY_TOKENS))):
        return []  # "X has allocated £3m to": giving money; "X has committed to absorb": not
    if family == "funder_before" and not has_word(doc, lo, hi, RECEIPT_WORDS):
        return []
    if family in ("funder_before", "funder_before_verb"):
        return _names("funders", offset, _name_before(doc, span.start), span.id_)
    return []


def _after_copula(doc: Doc, i: int) -> int:
    """Past "is", "was", ":" and "," after a cue: "the preferred bidder is X", "Selected
    supplier: X", "The incumbent supplier, X, will"."""
    while i < len(doc) and doc[i].lower_ in _COPULA:
        i += 1
    return i


def _name_at(doc: Doc, i: int) -> Name | None:
    """A table name starting at token `i` (past "the") wins over reading words: "the
    Ministry of Housing, Communities and Local Government" holds commas."""
    j = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    table = next((s for s in hits(doc, "names") if s.start == j and s.label_ in _TABLE_LABELS),
                 None)
    read = read_name_forward(doc, i)
    if table is not None and (read is None or read.end <= table.end_char):
        return Name(table.start_char, table.end_char, table.text)
    return read


def _company(offset: int, doc: Doc, span: Hit) -> list[Finding]:
    """"X Ltd (company registration number: 04417285)": the name before the bracket."""
    k = next((i for i in range(span.start - 1, max(span.start - 3, -1), -1)
              if doc[i].text == "("), span.start)
    after = doc[span.end : min(len(doc), span.end + 4)].text
    number = re.search(r"\b(?:[A-Z]{2})?\d{6,8}\b", after)
    if k == span.start or number is None:
        return []
    return _names("suppliers", offset, read_name_backward(doc, k), span.id_,
                  role="company", company_number=number.group(0))


def _table_name_before(doc: Doc, k: int) -> Hit | None:
    """A table name ending at token `k`, or just before a bracketed abbreviation there:
    "the Department for Levelling Up, Housing and Communities (DLUHC) has ..."."""
    bracket = k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "("
    for span in hits(doc, "names"):
        if span.label_ in _TABLE_LABELS and (span.end == k or (bracket and span.end == k - 3)):
            found: Hit = span
            return found
    return None


def _name_before(doc: Doc, k: int) -> Name | None:
    """A table name right before token `k` wins ("DA/SV MoJ funding" -> MoJ); otherwise a
    name read backwards, if it is more than one word or an acronym ("Small grants" is not)."""
    table = _table_name_before(doc, k)
    if table is not None:
        return Name(table.start_char, table.end_char, table.text)
    name = read_name_backward(doc, k)
    if name is None:
        return None
    if len(name.text.split()) < 2 and not (name.text.isupper() and len(name.text) >= 2):
        return None
    return name


def _triggered(offset: int, doc: Doc, span: Hit, direction: str) -> list[Finding]:
    lo, hi = sentence_bounds(doc, span.start)
    if direction == "from" and has_word(doc, lo, hi, FUNDING_WORDS):
        return []
    stop = min(hi, span.end + _TRIGGER_REACH)
    if direction not in words_between(doc, span.end, stop):
        return []  # most award words have no "to" after them in their clause
    for j in range(span.end, stop):
        word = doc[j].lower_
        if word in CLAUSE_BREAKS:
            break
        if word == direction and j + 1 < len(doc):
            name = read_name_forward(doc, j + 1)
            if name is not None:
                role = _role_before(doc, span.start, j) if direction == "to" else "contractor"
                rule = f"{span.id_}:{direction}"
                plural = has_word(doc, lo, j, _PLURAL_AWARDS)
                first = Name(name.start, name.end, name.text, name.aliases, name.members, plural)
                return [f for listed in _listed(doc, j + 1, first)
                        for f in _names("suppliers", offset, listed, rule, role=role)]
    return []


_PLURAL_AWARDS = frozenset(["grants", "contracts", "awards", "allocations", "payments"])
_ROLE_PRIORITY = ("novation_recipient", "grant_recipient")


def _role_before(doc: Doc, start: int, stop: int) -> str:
    """The role the award words before "to" give: a novation or a grant anywhere in them
    decides ("novate the existing contract to X", "funding ... paid to X"); otherwise
    the word nearest to "to" ("award grants to X" is a grant)."""
    roles = [TRIGGER_ROLES[w] for w in words_between(doc, start, stop) if w in TRIGGER_ROLES]
    for role in _ROLE_PRIORITY:
        if role in roles:
            return role
    return roles[-1] if roles else "contractor"


def _listed(doc: Doc, start: int, first: Name) -> list[Name]:
    """"to Tidewater Youth Trust, Bankside Boxing Club CIC and Lighthouse Arts": each."""
    names = [first]
    if not is_organisation_name(first.text):
        return names
    j = _token_after(doc, first, start)
    while j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].text[:1].isupper():
        nxt = read_name_forward(doc, j + 1)
        if nxt is None:
            break
        names.append(Name(nxt.start, nxt.end, nxt.text, nxt.aliases, nxt.members, True))
        j = _token_after(doc, nxt, j + 1)
    return names


def _token_after(doc: Doc, name: Name, j: int) -> int:
    while j < len(doc) and doc[j].idx < name.end:
        j += 1
    return j


def _funders_from(offset: int, doc: Doc) -> list[Finding]:
    """ "grant funding of £77,980 from the OU and OU Consortium": the name after "from"."""
    out: list[Finding] = []
    for span in hits(doc, "parties"):
        if span.label_ != "from":
            continue
        i = span.start
        if not has_word(doc, max(sentence_bounds(doc, i)[0], i - 12), i, FUNDING_WORDS):
            continue
        out.extend(_names("funders", offset, _name_at(doc, i + 1), "funding-from-name"))
    return out


def _table_funders(offset: int, doc: Doc) -> list[Finding]:
    """A known funding body in a sentence about funding it gives is a funder."""
    out: list[Finding] = []
    for span in hits(doc, "names"):
        if span.label_ != "BODY_FUNDER":
            continue
        if has_word(doc, *sentence_bounds(doc, span.start), FUNDING_WORDS):
            name = Name(span.start_char, span.end_char, span.text)
            out.extend(_names("funders", offset, name, "funding-body-table"))
    return out


def _grant_list_items(text: str) -> list[Finding]:
    out: list[Finding] = []
    for match in GRANT_LIST_ITEM.finditer(text):
        name = match.group("name").strip()
        if is_organisation_name(name) and _mostly_capitalised(name):
            start = match.start("name")
            out.append(
                finding(
                    "suppliers",
                    start,
                    start + len(name),
                    "grant-list-item",
                    name=name,
                    role="grant_recipient",
                    aliases=(),
                    company_number=None,
                )
            )
    return out


def _names(
    field_name: str, offset: int, name: Name | None, rule: str, **values: object
) -> list[Finding]:
    if name is None:
        return []
    out: list[Finding] = []
    parts = [name] if known_body(name.text) else split_on_and(name, in_list=name.in_list)
    for part in parts:
        if is_organisation_name(part.text) or known_body(part.text):
            out.append(_name_finding(field_name, offset, part, rule, values))
    for member in name.members:
        member_values = (
            dict(values, role="consortium_member") if field_name == "suppliers" else values
        )
        out.append(_name_finding(field_name, offset, member, rule + ":member", member_values))
    return out


def _name_finding(
    field_name: str, offset: int, name: Name, rule: str, values: dict[str, object]
) -> Finding:
    extra = dict(values)
    canonical = extra.pop("canonical", None)
    if field_name == "suppliers":
        extra.setdefault("company_number", None)
        extra["aliases"] = name.aliases
    extra["name"] = canonical or " ".join(name.text.split())
    return Finding(field_name, offset + name.start, offset + name.end, rule, extra)


def _mostly_capitalised(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in {"of", "the", "and", "for", "&"}]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)
