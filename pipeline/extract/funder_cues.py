"""Funders: bodies giving money TO the decision maker ("grant funding from the Home Office").

Money named "from" a body is the decision maker's income only when nobody else receives it
in the sentence: "Teesside Athletic received funding from the Community Foundation" is a
third party's grant, "allocate funding from the Violence Reduction Partnership to X" moves
the decision maker's own money, and "an application to the fund from X" names an applicant,
who is a grant recipient if anything.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.findings import Finding
from pipeline.extract.names import Name, deciding_body, read_name_backward, read_name_forward
from pipeline.extract.organisations import judge
from pipeline.extract.party_names import listed_after, name_at, names_to_findings
from pipeline.extract.passages import (
    has_word,
    lowered_tokens,
    sentence_bounds,
    text_of,
    token_at,
)
from pipeline.nlp import hits
from pipeline.patterns.parties import (
    APPLICATION_WORDS,
    CLAUSE_BREAKS,
    FUNDING_WORDS,
    INCOME_WORDS,
    NOT_AWARDED,
    THIRD_PARTY_RECEIPT,
)

_FROM_REACH = 12
_CURRENCY = frozenset("£$€")


def funders_from(offset: int, doc: Doc) -> list[Finding]:
    """ "grant funding of £77,980 from the OU": the name after "from"; or, after "an
    application ... from", a grant applicant."""
    out: list[Finding] = []
    for span in hits(doc, "parties"):
        if span.label_ != "from":
            continue
        i = span.start
        lo, _ = sentence_bounds(doc, i)
        before = max(lo, i - _FROM_REACH)
        if _applied(doc, before, i) and has_word(doc, *sentence_bounds(doc, i), FUNDING_WORDS):
            if NOT_AWARDED.search(text_of(doc)[doc[before].idx : doc[i].idx]):
                continue  # "refuse the grant application from X"
            out.extend(names_to_findings("suppliers", offset, read_name_forward(doc, i + 1),
                                         "application-from", role="grant_recipient"))
            continue
        income = has_word(doc, before, i, FUNDING_WORDS) or (
            has_word(doc, before, i, INCOME_WORDS) and has_word(doc, before, i, _CURRENCY))
        if not income or _someone_else_receives(doc, lo, i):
            continue
        name = name_at(doc, i + 1)
        if name is None or _passed_on(doc, name):
            continue
        for each in listed_after(doc, name):  # "offers from X (£350k) and Y (£504k)"
            out.extend(names_to_findings("funders", offset, each, "funding-from-name"))
    return out


def _applied(doc: Doc, lo: int, i: int) -> bool:
    """ "the application to the Fund from X": an application word in the clause before."""
    for word in reversed(lowered_tokens(doc, lo, i)):
        if word in CLAUSE_BREAKS:
            return False
        if word in APPLICATION_WORDS:
            return True
    return False


def _someone_else_receives(doc: Doc, lo: int, i: int) -> bool:
    """A named organisation, not the decision maker, "received"/"secured" the money."""
    for k, word in enumerate(lowered_tokens(doc, lo, i), start=lo):
        if word in THIRD_PARTY_RECEIPT:
            subject = read_name_backward(doc, _past_auxiliaries(doc, k))
            if subject is not None and judge(subject.text).kind is not None \
                    and not deciding_body(subject.text):
                return True
    return False


def _past_auxiliaries(doc: Doc, k: int) -> int:
    """ "X has been awarded": back past "has", "been" to the subject's end."""
    while k > 0 and doc[k - 1].lower_ in ("has", "have", "had", "been", "was", "were", "also"):
        k -= 1
    return k


def _passed_on(doc: Doc, name: Name) -> bool:
    """ "funding from the Partnership to Jones Consulting": money moved on, not received."""
    j = token_at(doc, name.end)
    return j < len(doc) and doc[j].lower_ == "to" and j + 1 < len(doc) \
        and doc[j + 1].text[:1].isupper()


def table_funders(offset: int, doc: Doc) -> list[Finding]:
    """A known funding body in a sentence about funding it gives is a funder."""
    out: list[Finding] = []
    for span in hits(doc, "names"):
        if span.label_ != "BODY_FUNDER":
            continue
        lo, hi = sentence_bounds(doc, span.start)
        about_funding = has_word(doc, lo, span.start, FUNDING_WORDS) or has_word(
            doc, span.end, hi, FUNDING_WORDS)  # not the "Fund" of its own name
        if about_funding and not _someone_else_receives(doc, lo, span.start):
            name = Name(span.start_char, span.end_char, span.text)
            out.extend(names_to_findings("funders", offset, name, "funding-body-table"))
    return out
