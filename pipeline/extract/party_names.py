"""From a name read beside a cue to supplier and funder findings.

Shared by the supplier and funder cues: which names a cue may take (`CUE_NEEDS`, judged
by `pipeline.extract.organisations`), table names that win over reading words, and the
finding each kept name becomes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract.findings import Finding
from pipeline.extract.names import (
    Name,
    deciding_body,
    known_body,
    known_prefix,
    read_name_backward,
    read_name_forward,
    revenue_body,
    split_on_and,
    whole_name,
)
from pipeline.extract.organisations import Kind, central_government, judge
from pipeline.extract.passages import lowered_tokens, token_at
from pipeline.nlp import Hit, hits
from pipeline.patterns.parties import CUE_NEEDS

_TABLE_LABELS = ("BODY_FUNDER", "BODY_DECIDER", "BUYER")
_NEEDS = {"common": Kind.COMMON, "proper": Kind.PROPER, "head": Kind.HEAD,
          "legal": Kind.LEGAL, "known": Kind.KNOWN}


def names_to_findings(
    field_name: str, offset: int, name: Name | None, rule: str, **values: object
) -> list[Finding]:
    """The organisations in `name` that the cue of `rule` may take (`CUE_NEEDS`)."""
    if name is None:
        return []
    needs = _NEEDS[CUE_NEEDS.get(rule.split(":", 1)[0], "proper")]
    out: list[Finding] = []
    parts = [name] if known_body(name.text) else split_on_and(name, in_list=name.in_list)
    for part in parts:
        kept = as_organisation(part, needs)
        if kept is None or (field_name == "suppliers" and (
                central_government(kept.text) or revenue_body(kept.text))):
            continue  # a ministry gives grants, HMRC takes taxes: neither is contracted
        out.append(_name_finding(field_name, offset, kept, rule, values))
    for member in name.members:
        member_values = (
            dict(values, role="consortium_member") if field_name == "suppliers" else values
        )
        if as_organisation(member, needs) is not None:
            out.append(_name_finding(field_name, offset, member, rule + ":member",
                                     member_values))
    return out


def as_organisation(name: Name, needs: Kind) -> Name | None:
    """`name` if it is an organisation of at least the kind `needs`; the table body it
    starts with when the rest is a fund or a purpose ("Homes England Housing
    Infrastructure Fund", "Home Office for the Migration Partnership")."""
    own = _past_deciding_body(name)
    if own is not name:
        return None if own is None else as_organisation(own, needs)
    if needs is Kind.LEGAL:  # rules with no cue word take companies only
        return name if judge(name.text).kind is Kind.LEGAL else None
    if known_body(name.text):
        return name
    purpose = _before_purpose(name)
    if purpose is not None:
        return as_organisation(purpose, needs)
    body = known_prefix(name)
    if body is not None and name.text[len(body.text):].split()[:1] in (
            ["for"], ["of"], ["and"]):
        return body
    verdict = judge(name.text)
    if verdict.kind is not None:
        return name if verdict.kind >= needs else None
    return body or _organisation_of_unit(name)


def _before_purpose(name: Name) -> Name | None:
    """ "Surrey Police for Kick Off": an organisation, then what the money is for."""
    cut = name.text.find(" for ")
    if cut <= 0:
        return None
    before, after = name.text[:cut], name.text[cut + 5 :]
    if after.lower().startswith("the "):
        return None  # "Association for the Blind", "Transport for the North": one name
    first = judge(before, known=known_body(before))
    sure = first.kind is not None and (first.kind >= Kind.HEAD or "acronym" in first.reason)
    if not sure or judge(after).kind not in (None, Kind.COMMON):
        return None
    return Name(name.start, name.start + cut, before, name.aliases)


def _past_deciding_body(name: Name) -> Name | None:
    """ "MPS Value Added Reseller" is the deciding body's own service (None); "MPS CDW
    Value Added Reseller" names CDW's, read on without the body's prefix."""
    first = name.text.split(maxsplit=1)
    if len(first) < 2 or not deciding_body(first[0]):
        return name
    rest = Name(name.end - len(first[1]), name.end, first[1], name.aliases)
    verdict = judge(rest.text)
    sure = verdict.kind is not None and (verdict.kind >= Kind.HEAD or "acronym" in verdict.reason)
    return rest if sure else None


_UNITS = frozenset(["team", "teams", "department", "directorate", "division", "unit", "service",
                    "services", "office", "section", "branch"])


def _organisation_of_unit(name: Name) -> Name | None:
    """ "Stockton Borough Council Drugs and Alcohol Team" -> Stockton Borough Council: a
    unit of a named organisation stands for it (a post does not: "X Partnership Officer")."""
    if name.text.split()[-1].lower() not in _UNITS:
        return None
    spans = list(re.finditer(r"\S+", name.text))
    for k in range(len(spans) - 1, 1, -1):
        text = name.text[: spans[k - 1].end()]
        if judge(text).kind in (Kind.HEAD, Kind.LEGAL):
            return Name(name.start, name.start + len(text), text)
    return None


def name_at(doc: Doc, i: int) -> Name | None:
    """A table name starting at token `i` (past "the") wins over reading words: "the
    Ministry of Housing, Communities and Local Government" holds commas."""
    j = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    table = next((s for s in hits(doc, "names") if s.start == j and s.label_ in _TABLE_LABELS),
                 None)
    read = read_name_forward(doc, i)
    if table is not None and (read is None or read.end <= table.end_char):
        return Name(table.start_char, table.end_char, table.text)
    return read


def table_name_before(doc: Doc, k: int) -> Hit | None:
    """A table name ending at token `k`, or just before a bracketed abbreviation there:
    "the Department for Levelling Up, Housing and Communities (DLUHC) has ..."."""
    bracket = k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "("
    for span in hits(doc, "names"):
        if span.label_ in _TABLE_LABELS and (span.end == k or (bracket and span.end == k - 3)):
            found: Hit = span
            return found
    return None


def name_before(doc: Doc, k: int) -> Name | None:
    """A table name right before token `k` wins ("DA/SV MoJ funding" -> MoJ); otherwise a
    name read backwards."""
    table = table_name_before(doc, k)
    if table is not None:
        return Name(table.start_char, table.end_char, table.text)
    return read_name_backward(doc, k)


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


def listed_after(doc: Doc, first: Name) -> list[Name]:
    """ "to Tidewater Youth Trust, Bankside Boxing Club CIC and Lighthouse Arts", and
    "appointing Design Installation Ltd (DIS) and Barry Beard Ltd (BB)": each name."""
    first = _current_name(doc, first)
    names = [first]
    if judge(first.text).kind is None:
        return names
    j = token_after(doc, first)
    while j + 1 < len(doc):
        if doc[j].text == "," and _capital_after_the(doc, j + 1):
            nxt = read_name_forward(doc, j + 1)
        elif doc[j].lower_ in ("and", "&") and doc[j - 1].text == ")":
            nxt = read_name_forward(doc, j + 1)  # after a bracket the reader stopped
            nxt = nxt if nxt is not None and whole_name(nxt.text) else None
        else:
            break
        if nxt is None:
            break
        names.append(Name(nxt.start, nxt.end, nxt.text, nxt.aliases, nxt.members, True))
        j = token_after(doc, nxt)
    return names


_RENAMED = (("now", "known", "as"), ("now", "called"), ("now", "trading", "as"),
            ("trading", "as"), ("renamed",), ("now",))
_LONGEST_RENAMING = max(len(words_) for words_ in _RENAMED)


def _current_name(doc: Doc, name: Name) -> Name:
    """ "the Citizens’ Advice Bureau (CAB) now known as Citizens’ Advice Leicestershire":
    the organisation under its current name, the old one kept as an alias."""
    j = token_after(doc, name)
    j += j < len(doc) and doc[j].text == ","
    ahead = tuple(lowered_tokens(doc, j, j + _LONGEST_RENAMING))
    for words_ in _RENAMED:
        if ahead[: len(words_)] == words_:
            new = read_name_forward(doc, j + len(words_))
            if new is not None and judge(new.text).kind is not None:
                return Name(new.start, new.end, new.text,
                            (*new.aliases, name.text, *name.aliases), new.members, name.in_list)
    return name


def token_after(doc: Doc, name: Name) -> int:
    """The token after `name`, past a bracket that may follow it (an abbreviation, an
    amount)."""
    j = token_at(doc, name.end)
    if j < len(doc) and doc[j].text == "(":  # "(CAB)", "(£350k)"
        j = next((k + 1 for k in range(j, min(j + 12, len(doc))) if doc[k].text == ")"), j)
    return j


def _capital_after_the(doc: Doc, i: int) -> bool:
    """ "..., the Office of Government Property": a name, after an optional "the"."""
    i += i < len(doc) and doc[i].lower_ == "the"
    return i < len(doc) and doc[i].text[:1].isupper()
