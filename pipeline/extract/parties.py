"""Suppliers and funders: organisation names read next to the cues in `parties.jsonl`.

Cue families (the pattern label says which):
- `supplier_after:<role>`  the name follows the cue ("the recommended supplier is X");
- `supplier_before:<role>` the name precedes it ("X (company number 0123)", "X's contract");
- `supplier_trigger:to`    an award word, then "to X" later in its clause
  ("the direct award of a new contract to ATOS");
- `supplier_trigger:from`  a purchase word, then "from X" ("purchase ... from Microsoft");
- and without a cue word: an amount then "to X" ("£776,206 to Suzy Lamplugh Trust"), a
  company after "to" in a sentence with money, rows of a table of awards;
- `funder_after`, `funder_before`, `funder_before_verb`  money given to the decision
  maker ("funded by X", "Home Office grant", "the Home Office has offered").
Each cue takes only names of the kind it needs (`CUE_NEEDS`): a strong cue any
organisation's name, a loose one only a name that shows it is an organisation.
Funders and the deciding bodies are never suppliers; `pipeline.assemble` enforces that.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from pipeline.extract.findings import Finding
from pipeline.extract.funder_cues import funders_from, table_funders
from pipeline.extract.names import (
    Name,
    funding_body,
    known_body,
    read_name_backward,
    read_name_forward,
)
from pipeline.extract.organisations import central_government, judge
from pipeline.extract.party_names import (
    listed_after,
    name_at,
    name_before,
    names_to_findings,
    table_name_before,
)
from pipeline.extract.passages import (
    Passage,
    has_word,
    lowered_tokens,
    sentence_bounds,
    starts_sentence,
    text_of,
    token_at,
)
from pipeline.extract.supplier_cues import (
    applicants_awarded,
    award_table_rows,
    company,
    grant_list_items,
    listed_award_recipients,
    money_to,
    money_to_company,
    triggered,
)
from pipeline.nlp import Hit, hits
from pipeline.patterns.parties import (
    CLAUSE_BREAKS,
    DEFINITION,
    FUNDING_WORDS,
    HOLDER_WORDS,
    LOWER_CASE_CUES,
    NOT_CONTRACT_AGREEMENTS,
    RECEIPT_WORDS,
)

_COPULA = {"is", "was", "are", "were", "will", "be", "being", "has", "have", "been", ":", ",",
           "-", "–", "namely", "‘", "'", "“", '"'}
_CURRENCY_TOKENS = frozenset("£$€")
_GIVING_VERBS = frozenset(["allocated", "granted", "awarded", "offered", "provided", "funded"])


def extract_parties(text: str, passages: Sequence[Passage]) -> list[Finding]:
    found: list[Finding] = []
    for passage in passages:
        doc = passage.doc
        for span in hits(doc, "parties"):
            found.extend(_cue_to_findings(passage.start, doc, span))
        found.extend(money_to(passage.start, doc))
        found.extend(money_to_company(passage.start, doc))
        found.extend(funders_from(passage.start, doc))
        found.extend(table_funders(passage.start, doc))
    found.extend(grant_list_items(text))
    found.extend(award_table_rows(text))
    found.extend(listed_award_recipients(text))
    if "Applicant" in text:
        found.extend(applicants_awarded(text))
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
            table = table_name_before(doc, span.start)
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
        if judge(long_name, known=known_body(long_name)).kind is None:
            continue  # "WY+TF" spelt out is a fund, not a body
        values = dict(f.values, name=long_name)
        if f.field == "suppliers":
            values["aliases"] = (*f.values.get("aliases", ()), f.values["name"])
        out.append(Finding(f.field, f.start, f.end, f.rule, values, f.repaired))
    return out


def _cue_to_findings(offset: int, doc: Doc, span: Hit) -> list[Finding]:
    family, _, role = span.label_.partition(":")
    read = _FAMILIES.get(family)
    if read is None or (span.id_ in LOWER_CASE_CUES and not span.text[:1].islower()):
        return []
    return [] if _inside_a_title(doc, span) else read(offset, doc, span, role)


def _supplier_after(offset: int, doc: Doc, span: Hit, role: str) -> list[Finding]:
    """ "the recommended supplier is X", "a contract with X", "commissioned X"."""
    if span.id_ == "agreement-with" and span.start > 0 \
            and doc[span.start - 1].lower_ in NOT_CONTRACT_AGREEMENTS:
        return []
    name = name_at(doc, _after_copula(doc, span.end))
    if name is None:
        return []
    if _funding_agreement_with_funder(span, name):
        return names_to_findings("funders", offset, name, "funding-agreement-with")
    return [f for each in listed_after(doc, name)
            for f in names_to_findings("suppliers", offset, each, span.id_, role=role)]


def _supplier_before(offset: int, doc: Doc, span: Hit, role: str) -> list[Finding]:
    """ "X (company number 01234567)", "X has been appointed", "the existing X contract"."""
    if role == "company":
        return company(offset, doc, span)
    if span.id_ == "held-contract" and not HOLDER_WORDS.intersection(
            lowered_tokens(doc, span.start - _HOLDER_REACH, span.start)):
        return []  # most contracts have no holder word before them: read nothing
    name = read_name_backward(doc, span.start)
    if span.id_ == "held-contract" and not _held(doc, name):
        return []
    return names_to_findings("suppliers", offset, name, span.id_, role=role)


def _funder_after(offset: int, doc: Doc, span: Hit, role: str) -> list[Finding]:
    """ "funded by X", in a sentence about funding."""
    if not has_word(doc, *sentence_bounds(doc, span.start), FUNDING_WORDS):
        return []
    return names_to_findings("funders", offset, read_name_forward(doc, span.end), span.id_)


def _funder_before(offset: int, doc: Doc, span: Hit, role: str) -> list[Finding]:
    """ "the Home Office grant" (in a sentence about receiving it), "X has offered £3m"."""
    name = name_before(doc, span.start)
    if name is None:
        return []  # two cues in three have no name before them: a cheaper test than the words
    lo, hi = sentence_bounds(doc, span.start)
    if span.label_ == "funder_before_verb" and not (
            has_word(doc, span.end, hi, FUNDING_WORDS)
            or (doc[span.end - 1].lower_ in _GIVING_VERBS
            and has_word(doc, span.end, hi, _CURRENCY_TOKENS))):
        return []  # "X has allocated £3m to": giving money; "X has committed to absorb": not
    if span.label_ == "funder_before" and not has_word(doc, lo, hi, RECEIPT_WORDS):
        return []
    if _funding_of_its_own(doc, name):
        return []
    return names_to_findings("funders", offset, name, span.id_)


def _funding_of_its_own(doc: Doc, name: Name) -> bool:
    """ "cuts to Environment Agency funding", "an increase in X funding": money X gets."""
    i = token_at(doc, name.start)
    before = lowered_tokens(doc, i - 2, i)
    return bool(before) and (before[-1] == "to" or bool(_CHANGE_WORDS.intersection(before)))


_CHANGE_WORDS = frozenset(["cut", "cuts", "reduce", "reduction", "reductions", "increase",
                           "increases", "protect", "restore"])


def _trigger(offset: int, doc: Doc, span: Hit, role: str) -> list[Finding]:
    return triggered(offset, doc, span, direction=role)


_FAMILIES: dict[str, Callable[[int, Doc, Hit, str], list[Finding]]] = {
    "supplier_after": _supplier_after,
    "supplier_before": _supplier_before,
    "supplier_trigger": _trigger,
    "funder_after": _funder_after,
    "funder_before": _funder_before,
    "funder_before_verb": _funder_before,
}  # "legal_form" marks are read by `money_to_company`, not here


_HOLDER_REACH = 8


def _inside_a_title(doc: Doc, span: Hit) -> bool:
    """ "the Contract Standing Orders", "a Grant Programme": a cue word capitalised in
    the middle of a sentence, with a capitalised word after it, is part of a title."""
    text = text_of(doc)
    offsets: list[int] = doc.user_data["offsets"]
    # First characters read from the token table (a token is never empty): every cue is
    # asked this, and a Token object per question costs.
    if not text[offsets[span.start]].isupper() or not text[offsets[span.end - 1]].isupper() \
            or starts_sentence(doc, span.start):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct


def _held(doc: Doc, name: Name | None) -> bool:
    """ "the existing EY and Deloitte contracts": a holder word just before the name."""
    if name is None:
        return False
    i = token_at(doc, name.start)
    return i > 0 and doc[i - 1].lower_ in HOLDER_WORDS


def _funding_agreement_with_funder(span: Hit, name: Name) -> bool:
    """ "a funding agreement with the Ministry of ...": a department of state or a funding
    body of the table gives the money."""
    return bool(FUNDING_WORDS.intersection(span.text.lower().split())) and (
        central_government(name.text) or funding_body(name.text))


def _after_copula(doc: Doc, i: int) -> int:
    """Past "is", "was", ":", "," and quotes after a cue: "the preferred bidder is X",
    "Selected supplier: X", "The incumbent supplier, X, will", "the supplier ‘X’"; and past
    a short phrase up to a dash or colon: "the top ranked supplier on the framework – X"."""
    if i < len(doc) and doc[i].lower_ in _PHRASE_OPENERS:
        dash = next((k for k in range(i + 1, min(i + _PHRASE_REACH, len(doc)))
                     if doc[k].text in ("–", "—", "-", ":")), None)
        if dash is not None and not has_word(doc, i, dash, CLAUSE_BREAKS):
            i = dash
    while i < len(doc) and doc[i].lower_ in _COPULA:
        i += 1
    return i


_PHRASE_OPENERS = frozenset(["on", "under", "from", "for", "in", "via"])
_PHRASE_REACH = 9


