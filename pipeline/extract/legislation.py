"""Statutory references: instrument, provision and legislation.gov.uk identifier.

A mention of an instrument is found four ways, in this order of trust:
1. a name from the documented table (`names` spans: "Equality Act 2010", "GDPR");
2. a title the token patterns found ("... Regulations 1987"), trimmed of leading words
   that cannot start a title and resolved against the table when it can be;
3. an abbreviation the document itself defines ("(the PCRs)"), wherever it is used after;
4. a back-reference ("that Act", "the above Order", "the 2018 Act") to the nearest
   earlier mention of that kind.
Each mention takes the provisions written before ("section 149(1) of the") or after
(", s. 149") it; a list ("sections 82 and 84") gives one entry per provision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.extract.findings import Finding, Note, finding
from pipeline.extract.instruments import (
    Instrument,
    instrument_by_name,
    instruments_titled,
    normalise_words,
)
from pipeline.extract.passages import Passage, sentence_bounds
from pipeline.nlp import Hit, hits
from pipeline.patterns.legislation import (
    BACKREF_KINDS,
    BARE_SECTION,
    DEFINITION_AFTER,
    NOT_TITLE_START,
    PROVISION_AFTER,
    PROVISION_BEFORE,
    PROVISION_BESIDE,
    PROVISION_ID,
    PROVISION_OF,
    PROVISION_WORDS,
    SUBDIVISION_AFTER,
)

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_KIND_WORDS = {
    "act": "act",
    "acts": "act",
    "order": "order",
    "regulations": "regulations",
    "regulation": "eu_regulation",
    "directive": "eu_directive",
    "convention": "convention",
    "rules": "regulations",
    "measure": "act",
}
_ID_SPLIT = re.compile(rf"({PROVISION_ID})")
_WINDOW = 160
_MAX_TITLE_TOKENS = 16
# Cheap test before the costly provision pattern: "... of the " right before a mention.
_ABBREVIATED = re.compile(r"[A-Z]{2,}\b")  # "ECHR", "GDPR", "DPA 2018"
_LINKED_BEFORE = re.compile(r"\b(?:of|to|under|in)\s+(?:the\s+)?(?:above\s+|said\s+)?\Z",
                            re.IGNORECASE)
_TITLE_CONNECTORS = {"of", "and", "for", "the", "on", "to", "in", "etc", "etc."}


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    kind: str
    rule: str
    instrument: Instrument | None = None


def extract_legislation(
    text: str, passages: Sequence[Passage], headings: Sequence[tuple[int, int]] = ()
) -> tuple[list[Finding], list[Note]]:
    """Statutory references; `headings` are (start, end) of heading lines, where a name
    ("GDPR and Data Privacy") is a topic, not a citation."""
    mentions, backrefs = _mentions_in_passages(passages)
    mentions = _with_years(mentions)
    definitions, defined_ranges = _definitions(text, mentions)
    mentions = [m for m in mentions if not _inside(m, [*defined_ranges, *headings])]
    backrefs = _longest_first(b for b in backrefs if not _inside(b, headings))
    mentions += _abbreviation_uses(text, definitions, mentions, defined_ranges)
    mentions.sort(key=lambda m: m.start)
    notes: list[Note] = []
    mentions += _resolve_backrefs(backrefs, mentions, definitions, notes)
    mentions.sort(key=lambda m: m.start)
    findings = [f for m in mentions for f in _mention_to_findings(text, m)]
    findings += _bare_sections(text, findings)
    return findings, notes


def _inside(mention: _Mention, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in ranges)


def _longest_first(refs: Iterable[_Mention]) -> list[_Mention]:
    """"The said Act" and "said Act" both match: keep the longer of overlapping ones."""
    kept: list[_Mention] = []
    for ref in sorted(refs, key=lambda r: (r.start - r.end, r.start)):
        if not any(k.start < ref.end and ref.start < k.end for k in kept):
            kept.append(ref)
    return sorted(kept, key=lambda r: r.start)


def _with_years(mentions: list[_Mention]) -> list[_Mention]:
    """"The Equality Act" is the Equality Act 2010 when only one Act can be meant: the
    year the document itself gives that title elsewhere, else the one the table marks as
    meant when cited without a year (or its only entry)."""
    dated = {normalise_words(_YEAR.sub("", m.name)): m for m in mentions if m.instrument
             and m.instrument.year}
    out: list[_Mention] = []
    for m in mentions:
        if m.instrument is not None or not m.rule.endswith(":no-year"):
            out.append(m)
            continue
        same = dated.get(normalise_words(m.name))
        candidates = instruments_titled(m.name)
        defaults = [c for c in candidates if c.bare_default]
        chosen = (same.instrument if same is not None else
                  candidates[0] if len(candidates) == 1 else
                  defaults[0] if len(defaults) == 1 else None)
        if chosen is None:
            out.append(m)
        else:
            out.append(_Mention(m.start, m.end, chosen.name, chosen.kind, m.rule, chosen))
    return out


def _mentions_in_passages(passages: Sequence[Passage]) -> tuple[list[_Mention], list[_Mention]]:
    mentions: list[_Mention] = []
    backrefs: list[_Mention] = []
    for passage in passages:
        doc = passage.doc
        candidates: list[_Mention] = []
        for span in hits(doc, "names"):
            if span.label_ == "INSTRUMENT":
                inst = instrument_by_name(span.id_)
                if inst is not None:
                    candidates.append(
                        _Mention(
                            passage.start + span.start_char,
                            passage.start + span.end_char,
                            inst.name,
                            inst.kind,
                            "instrument-table",
                            inst,
                        )
                    )
        titles, year_refs = _titles(doc)
        for span in titles:
            mention = _title_mention(passage.start, span)
            if mention is not None:
                candidates.append(mention)
        chosen = _non_overlapping(candidates)
        mentions.extend(chosen)
        refs: list[Hit | Span] = [s for s in hits(doc, "legislation") if s.label_ == "BACKREF"]
        for ref in [*refs, *year_refs]:
            start, end = passage.start + ref.start_char, passage.start + ref.end_char
            if not any(m.start < end and start < m.end for m in chosen):
                backrefs.append(_Mention(start, end, ref.text, "", "back-reference"))
    return mentions, backrefs


def _titles(doc: Doc) -> tuple[list[Hit], list[Span]]:
    """Titles and year-bearing back-references, from the kind words ("Act", "Order").

    A title ends at its kind word, with its year ("Act 2010") or an abbreviation and
    year ("Act (DPA) 2018") after it; walk left over its words. A kind word with no
    title words before it is a back-reference when "the" or "that" precedes it with a
    year ("the 2018 Act", "the Order 2000")."""
    titles: list[Hit] = []
    backrefs: list[Span] = []
    for anchor in hits(doc, "legislation"):
        if anchor.label_ == "TITLE":
            titles.append(anchor)
            continue
        if anchor.label_ != "KIND":
            continue
        k = anchor.start
        end, rule = _title_end(doc, k)
        i = k
        floor = max(sentence_bounds(doc, k)[0], k - _MAX_TITLE_TOKENS)
        while i > floor and _title_word(doc, i - 1):
            i -= 1
        year_before = k >= 2 and _is_year(doc[k - 1]) and doc[k - 2].lower_ in ("the", "that")
        if year_before:
            backrefs.append(doc[k - 2 : k + 1])
        elif i < k and any(_can_start_title(t.text) for t in doc[i:k]):
            titles.append(_labelled(doc, i, end, rule))
        elif rule != "title-without-year" and k >= 1 and doc[k - 1].lower_ in ("the", "that"):
            backrefs.append(doc[k - 1 : end])
    return titles, backrefs


def _title_end(doc: Doc, k: int) -> tuple[int, str]:
    n = len(doc)
    if k + 1 < n and _is_year(doc[k + 1]):
        return k + 2, "title-with-year"
    if (k + 4 < n and doc[k + 1].text == "(" and doc[k + 2].is_upper and doc[k + 3].text == ")"
            and _is_year(doc[k + 4])):
        return k + 5, "title-abbrev-year"
    return k + 1, "title-without-year"


def _is_year(token: Token) -> bool:
    return bool(_YEAR.fullmatch(token.text))


def _labelled(doc: Doc, start: int, end: int, rule: str) -> Hit:
    return Hit(doc, start, end, "TITLE", rule)


def _title_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.is_space:
        return False
    if token.is_title or (token.is_upper and token.is_alpha) or token.text in "()&-’'":
        return True
    if token.text == "," or token.lower_ in _TITLE_CONNECTORS:
        return i > 0 and (doc[i - 1].is_title or doc[i - 1].text == ")")
    return False


def _title_mention(offset: int, span: Hit) -> _Mention | None:
    """Trim words that cannot start a title; resolve against the table if possible.

    The longest trimmed title the table knows wins; otherwise the longest one with no
    comma in it ("Under the Localism Act 2011, the Equality Act 2010" is two titles)."""
    starts = [t.i for t in span if _can_start_title(t.text)]
    last_comma = max((t.i for t in span if t.text == ","), default=-1)
    fallback: _Mention | None = None
    for i in starts:
        sub = span.doc[i : span.end]
        name = _clean_title(sub.text)
        inst = instrument_by_name(name)
        kind = _KIND_WORDS.get(sub[-1].lower_ if not sub[-1].like_num else sub[-2].lower_, "act")
        start, end = offset + sub.start_char, offset + sub.end_char
        if inst is not None:
            return _Mention(start, end, inst.name, inst.kind, span.id_, inst)
        if fallback is None and i > last_comma:
            has_year = _YEAR.search(name) is not None
            by_title = () if has_year else instruments_titled(name)
            if has_year:
                fallback = _Mention(start, end, name, kind, span.id_)
            elif by_title:
                fallback = _Mention(start, end, name, by_title[0].kind, span.id_ + ":no-year")
    return fallback


def _can_start_title(word: str) -> bool:
    if word.lower() in NOT_TITLE_START:
        return False
    return word[:1].isupper() and (word.isalpha() or "-" in word)


def _clean_title(text: str) -> str:
    text = re.sub(r"\s*\([A-Z]{2,8}\)\s*", " ", text)  # "Data Protection Act (DPA) 2018"
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace(" & ", " and ")


def _non_overlapping(candidates: list[_Mention]) -> list[_Mention]:
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.instrument is None))
    chosen: list[_Mention] = []
    for m in ranked:
        if not any(c.start < m.end and m.start < c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _definitions(
    text: str, mentions: list[_Mention]
) -> tuple[dict[str, _Mention], list[tuple[int, int]]]:
    definitions: dict[str, _Mention] = {}
    ranges: list[tuple[int, int]] = []
    for m in mentions:
        if m.rule == "back-reference":
            continue
        found = DEFINITION_AFTER.match(text, m.end)
        if found is None:
            inner = re.search(r"\((?P<abbr>[A-Z]{2,8})\)", text[m.start : m.end])
            if inner:
                definitions.setdefault(inner.group("abbr"), m)
            continue
        abbr = found.group("abbr").strip()
        if len(abbr.split()) > 4 or _YEAR.fullmatch(abbr) or abbr.lower() in {"as amended"}:
            continue
        if abbr.lower().startswith("the "):
            abbr = abbr[4:]
        definitions[abbr] = m
        ranges.append((found.start(), found.end()))
    return definitions, ranges


def _abbreviation_uses(
    text: str,
    definitions: dict[str, _Mention],
    mentions: list[_Mention],
    defined_ranges: list[tuple[int, int]],
) -> list[_Mention]:
    uses: list[_Mention] = []
    taken = [(m.start, m.end) for m in mentions] + defined_ranges
    usable = {abbr: source for abbr, source in definitions.items()
              if abbr.split()[-1].lower() not in BACKREF_KINDS or abbr.isupper()}
    if not usable:  # "the Act", "the 2018 Act" are resolved as back-references instead
        return uses
    names = "|".join(re.escape(a) for a in sorted(usable, key=len, reverse=True))
    for found in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", text):
        source = usable[found.group(0)]
        if found.start() < source.end or any(s < found.end() and found.start() < e
                                              for s, e in taken):
            continue
        uses.append(_Mention(found.start(), found.end(), source.name, source.kind,
                             "defined-abbreviation", source.instrument))
        taken.append((found.start(), found.end()))
    return uses


def _resolve_backrefs(
    backrefs: list[_Mention],
    mentions: list[_Mention],
    definitions: dict[str, _Mention],
    notes: list[Note],
) -> list[_Mention]:
    resolved: list[_Mention] = []
    for ref in backrefs:
        words = ref.name.split()
        defined = definitions.get(" ".join(w for w in words if w.lower() != "the"))
        if defined is not None and defined.start < ref.start:
            resolved.append(_backref_to(ref, defined))
            continue
        kind_word = next((w for w in reversed(words) if not _YEAR.fullmatch(w)), "")
        kinds = BACKREF_KINDS.get(kind_word.lower(), ())  # "the Order 2000": Order
        year = _YEAR.search(ref.name)
        earlier = [
            m
            for m in mentions
            if m.end <= ref.start and m.kind in kinds and (year is None or year.group(1) in m.name)
        ]
        if earlier:
            resolved.append(_backref_to(ref, earlier[-1]))
        elif year is not None:
            notes.append(
                Note(
                    "unresolved_back_reference",
                    f"{ref.name!r} names no earlier instrument",
                    ref.start,
                    ref.end,
                )
            )
    return resolved


def _backref_to(ref: _Mention, target: _Mention) -> _Mention:
    return _Mention(
        ref.start, ref.end, target.name, target.kind, "back-reference", target.instrument
    )


def provisions_around(text: str, start: int, end: int) -> tuple[list[str], int, int]:
    """Provisions cited with the instrument at text[start:end], and the widened quote:
    before it ("section 149(1) of the ..."), else after it (", s. 149"), with a later
    sub-division ("... states at sub paragraph (4)") added to a single provision."""
    before = None
    if _LINKED_BEFORE.search(text, max(0, start - 20), start):
        before = PROVISION_BEFORE.search(text, max(0, start - _WINDOW), start)
    elif _ABBREVIATED.match(text, start):
        before = PROVISION_BESIDE.search(text, max(0, start - _WINDOW), start)
    after = PROVISION_AFTER.match(text, end)
    provisions: list[str] = []
    if before is not None and before.end() == start:
        provisions = _provisions(before)
        start = before.start()
        outer = PROVISION_OF.search(text, max(0, start - _WINDOW), start)
        if outer is not None and len(provisions) == 1 and outer.end() == start:
            provisions = [f"{p} of {provisions[0]}" for p in _provisions(outer)]
            start = outer.start()
    elif after is not None:
        provisions = _provisions(after)
        end = after.end()
        if "(" in text[after.start() : after.start("prov")] and text[end : end + 1] == ")":
            end += 1  # " (section 17)": quote the bracket whole
    if len(provisions) == 1:
        sub = SUBDIVISION_AFTER.match(text, end)
        if sub is not None:
            provisions = [provisions[0] + re.sub(r"\s", "", sub.group("sub"))]
    return provisions, start, end


def _mention_to_findings(text: str, mention: _Mention) -> list[Finding]:
    provisions, start, end = provisions_around(text, mention.start, mention.end)
    uri = mention.instrument.uri if mention.instrument else None
    return [
        finding("statutory_references", start, end, mention.rule, instrument=mention.name,
                provision=provision, uri=uri)
        for provision in or_none(provisions)
    ]


def or_none(provisions: list[str]) -> list[str | None]:
    """One entry per provision, or one for the instrument itself when none is cited."""
    return [*provisions] if provisions else [None]


def _provisions(match: re.Match[str]) -> list[str]:
    if match.groupdict().get("bare"):
        return ["schedule"]
    word = re.sub(r"\s+", "", match.group("word").lower())
    kind = PROVISION_WORDS.get(word, word.rstrip("."))
    ids_text = match.group("ids")
    if re.search(r"\sto\s|[-–]", ids_text) and not re.search(r"\band\b|,", ids_text):
        return [kind + "s " + " ".join(ids_text.split())]  # a range: "sections 12 to 15"
    ids = [i for i in _ID_SPLIT.findall(ids_text) if i]
    return [kind + " " + "".join(i.split()) for i in ids]


def _bare_sections(text: str, findings: list[Finding]) -> list[Finding]:
    """'Section 106 Agreements': the Act cited for section 106 elsewhere, else the words."""
    attached = {f.values["provision"]: f for f in findings if f.values.get("provision")}
    covered = [(f.start, f.end) for f in findings]
    out: list[Finding] = []
    for found in BARE_SECTION.finditer(text):
        if any(s <= found.start() < e for s, e in covered):
            continue
        provision = f"section {found.group('id')}"
        known = attached.get(provision)
        if known is not None:
            out.append(
                finding(
                    "statutory_references",
                    found.start(),
                    found.end(),
                    "bare-section-resolved",
                    instrument=known.values["instrument"],
                    provision=provision,
                    uri=known.values["uri"],
                )
            )
        else:
            out.append(
                finding(
                    "statutory_references",
                    found.start(),
                    found.end(),
                    "bare-section",
                    instrument=provision,
                    provision=None,
                    uri=None,
                )
            )
    return out
