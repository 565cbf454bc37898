"""Statutory references: instrument, provision and legislation.gov.uk identifier.

A mention of an instrument is found five ways, in this order of trust:
1. a name from the documented table (`names` spans: "Equality Act 2010", "GDPR"), unless
   the document defines that abbreviation for something else ("Housing Revenue Account
   (HRA)");
2. a title the token patterns found ("... Regulations 1987"; `titles.py`), resolved
   against the table when it can be;
3. a protocol to the Convention cited by article ("Article 1 of the First Protocol");
4. an abbreviation the document itself defines ("(the PCRs)"), wherever it is used after;
5. a back-reference ("that Act", "the above Order", "the 2018 Act") to the earlier
   mention it means (`citations.py`).
Each mention takes the provisions written before ("section 149(1) of the", "Section 120"
right before "Local Government Act 1972") or after (", s. 149") it, in the canonical
form of `provisions.py`; a list ("sections 82 and 84") gives one entry per provision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Span

from pipeline.extract.citations import (
    Mention,
    abbreviation_uses,
    bare_sections,
    defined_otherwise,
    definitions_in,
    resolve_backrefs,
    without_contained,
)
from pipeline.extract.findings import Finding, Note, finding
from pipeline.extract.instruments import (
    Instrument,
    instrument_by_name,
    instruments_titled,
    normalise_words,
)
from pipeline.extract.passages import Passage
from pipeline.extract.provisions import or_none, provisions_around
from pipeline.extract.titles import titles_in
from pipeline.nlp import Hit, hits
from pipeline.patterns.legislation import (
    ACTS_SCHEDULING_THE_CONVENTION,
    ARTICLE_BEFORE_PROTOCOL,
    CONVENTION,
    PROTOCOL_OF_ANOTHER,
    PROTOCOL_ORDINALS,
)

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def extract_legislation(
    text: str, passages: Sequence[Passage], headings: Sequence[tuple[int, int]] = ()
) -> tuple[list[Finding], list[Note]]:
    """Statutory references; `headings` are (start, end) of heading lines, where a name
    ("GDPR and Data Privacy") is a topic, not a citation."""
    mentions, backrefs = _mentions_in_passages(text, passages)
    mentions = _with_years(text, mentions)
    definitions, defined_ranges = definitions_in(text, mentions)
    not_citations = [*defined_ranges, *headings]
    other_things = defined_otherwise(text, mentions)
    mentions = [m for m in mentions if not _inside(m, not_citations) and m not in other_things]
    backrefs = _longest_first(b for b in backrefs if not _inside(b, not_citations))
    mentions += abbreviation_uses(text, definitions, mentions, defined_ranges)
    mentions.sort(key=lambda m: m.start)
    notes: list[Note] = []
    mentions += resolve_backrefs(text, backrefs, mentions, definitions, notes)
    mentions.sort(key=lambda m: m.start)
    findings = without_contained([f for m in mentions for f in _mention_to_findings(text, m)])
    findings += bare_sections(text, findings)
    return findings, notes


def _inside(mention: Mention, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in ranges)


def _longest_first(refs: Iterable[Mention]) -> list[Mention]:
    """"The said Act" and "said Act" both match: keep the longer of overlapping ones."""
    kept: list[Mention] = []
    for ref in sorted(refs, key=lambda r: (r.start - r.end, r.start)):
        if not any(k.start < ref.end and ref.start < k.end for k in kept):
            kept.append(ref)
    return sorted(kept, key=lambda r: r.start)


def _earliest_year(text: str, mentions: list[Mention]) -> int | None:
    """The earliest year the document names outside instrument titles: it was written
    that year or later."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not any(n.start <= m.start() < n.end for n in mentions)]
    return min(years, default=None)


def _with_years(text: str, mentions: list[Mention]) -> list[Mention]:
    """"The Equality Act" is the Equality Act 2010 when only one Act can be meant: the
    year the document itself gives that title elsewhere, else the one the table marks as
    meant when cited without a year (or its only entry), else the one that revoked the
    others of its title when every year the document names (`_earliest_year`) is after it
    ("Public Contract Regulations" in a decision naming only 2019 and later years are the
    2015 ones, which revoked the 2006 ones). When several can still be meant the title is
    the table's, without year."""
    if not any(_undated(m) for m in mentions):
        return mentions  # most documents: no year to look for in the whole text
    earliest = _earliest_year(text, mentions)
    dated = {normalise_words(_YEAR.sub("", m.name)): m for m in mentions if m.instrument
             and m.instrument.year}
    out: list[Mention] = []
    for m in mentions:
        if not _undated(m):
            out.append(m)
            continue
        same = dated.get(normalise_words(m.name))
        candidates = instruments_titled(m.name)
        defaults = [c for c in candidates if c.bare_default]
        chosen = (same.instrument if same is not None else
                  candidates[0] if len(candidates) == 1 else
                  defaults[0] if len(defaults) == 1 else
                  _replacing(candidates, earliest))
        titles = {c.title for c in candidates}
        if chosen is not None:
            out.append(Mention(m.start, m.end, chosen.name, chosen.kind, m.rule, chosen))
        elif len(titles) == 1:  # "Public Contract Regulations": 2006 or 2015, spelt right
            out.append(Mention(m.start, m.end, titles.pop(), m.kind, m.rule))
        else:
            out.append(m)
    return out


def _undated(mention: Mention) -> bool:
    """A title the text gives without its year, that the year does not resolve yet."""
    return mention.instrument is None and mention.rule.endswith(":no-year")


def _replacing(candidates: Sequence[Instrument], earliest: int | None) -> Instrument | None:
    """The entry that revoked every other of its title, when the document names no year
    before its own."""
    for inst in candidates:
        others = {c.year for c in candidates if c is not inst}
        if inst.year is not None and earliest is not None and earliest > inst.year \
                and others <= set(inst.replaces):
            return inst
    return None


def _mentions_in_passages(
    text: str, passages: Sequence[Passage]
) -> tuple[list[Mention], list[Mention]]:
    mentions: list[Mention] = []
    backrefs: list[Mention] = []
    for passage in passages:
        doc = passage.doc
        candidates = [m for span in hits(doc, "names") if span.label_ == "INSTRUMENT"
                      if (m := _table_mention(passage.start, span)) is not None]
        titles, year_refs = titles_in(doc, passage.start)
        candidates += titles
        candidates += [m for span in hits(doc, "legislation") if span.label_ == "PROTOCOL"
                       if (m := _protocol_mention(text, passage.start, span)) is not None]
        chosen = _non_overlapping(candidates)
        mentions.extend(chosen)
        refs: list[Hit | Span] = [s for s in hits(doc, "legislation") if s.label_ == "BACKREF"]
        for ref in [*refs, *year_refs]:
            start, end = passage.start + ref.start_char, passage.start + ref.end_char
            if not any(m.start < end and start < m.end for m in chosen):
                backrefs.append(Mention(start, end, ref.text, "", "back-reference"))
    return mentions, backrefs


def _table_mention(offset: int, span: Hit) -> Mention | None:
    inst = instrument_by_name(span.id_)
    if inst is None:
        return None
    return Mention(offset + span.start_char, offset + span.end_char, inst.name, inst.kind,
                   "instrument-table", inst)


def _protocol_mention(text: str, offset: int, span: Hit) -> Mention | None:
    """"Article 1 of the First Protocol", "Article 1 of Protocol No. 1", "Article 1
    Protocol 1": a protocol to the Convention, when an article of it is cited (a protocol
    alone may be anyone's), and not one "of" something else ("Protocol 2 of the sharing
    agreement")."""
    start, end = offset + span.start_char, offset + span.end_char
    if ARTICLE_BEFORE_PROTOCOL.search(text, max(0, start - 40), start) is None \
            or PROTOCOL_OF_ANOTHER.match(text, end):
        return None
    convention = instrument_by_name(CONVENTION)
    if convention is None:
        return None
    first = span[0].lower_
    number = PROTOCOL_ORDINALS.get(first) or span[-1].text
    return Mention(start, end, convention.name, convention.kind, "convention-protocol",
                   convention, within=f"protocol {number}")


def _non_overlapping(candidates: list[Mention]) -> list[Mention]:
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.instrument is None))
    chosen: list[Mention] = []
    for m in ranked:
        if not any(c.start < m.end and m.start < c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _mention_to_findings(text: str, mention: Mention) -> list[Finding]:
    kind = "act_scheduling_the_convention" if mention.name in ACTS_SCHEDULING_THE_CONVENTION \
        else mention.kind
    provisions, start, end = provisions_around(text, mention.start, mention.end, kind)
    if mention.within is not None:  # "to the Convention" after "Article 1 of Protocol 1"
        provisions = [p if p.startswith(mention.within.split()[0]) else
                      f"{mention.within}, {p}" for p in provisions] or [mention.within]
    out: list[Finding] = []
    for provision in or_none(provisions):
        name, uri = mention.name, mention.instrument.uri if mention.instrument else None
        convention_part = _convention_part(name, provision)
        convention = instrument_by_name(CONVENTION) if convention_part else None
        if convention is not None:
            name, uri, provision = convention.name, convention.uri, convention_part
        out.append(finding("statutory_references", start, end, mention.rule, instrument=name,
                           provision=provision, uri=uri))
    return out


def _convention_part(instrument: str, provision: str | None) -> str | None:
    """The Convention's provision an Act scheduling it is cited for: "article 8" of the
    Human Rights Act 1998, "schedule 1, article 8" (its schedule repeats the articles)."""
    if instrument not in ACTS_SCHEDULING_THE_CONVENTION or not provision:
        return None
    parts = provision.split(", ")
    first = next((i for i, p in enumerate(parts) if p.startswith(("article", "protocol"))), None)
    return None if first is None else ", ".join(parts[first:])
