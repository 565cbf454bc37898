"""Mentions that point at an instrument named elsewhere in the document.

- an abbreviation the document defines ("(the PCRs)"), wherever it is used after;
- an abbreviation the document defines for something else ("Housing Revenue Account
  (HRA)") is not the instrument the table knows by it;
- a back-reference ("that Act", "the above Order", "the 2018 Act") to the nearest earlier
  mention of its kind ("Article 8 of the Convention" after the Human Rights Act 1998 is
  of the Convention that Act schedules), except in a list item: the items of a list each
  continue its lead-in ("... under section 38 of the GLA Act 1999:" / "b. sections 30
  and 34 of that Act"), so an item's back-reference means what the item itself or the
  lead-in names, not what a sibling item names;
- a section cited as a name ("Section 106 Agreements"): the Act cited for it elsewhere
  (that section, or a range of sections holding it), else the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.findings import Finding, Note, finding
from pipeline.extract.instruments import Instrument, instrument_by_name, normalise_words
from pipeline.patterns.legislation import (
    ACTS_SCHEDULING_THE_CONVENTION,
    ARTICLE_OF,
    BACKREF_KINDS,
    BARE_SECTION,
    BARE_SECTION_ABBREVIATED,
    BARE_SECTION_UNDER,
    CONVENTION,
    DEFINITION_AFTER,
    KIND_WORD,
    OTHER_DEFINITION,
)
from pipeline.segment import LINE_MARKER

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_NAME_REACH = 80
_SMALL_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "to", "a"})
_CLAUSE_BREAK = re.compile(r"[.;:\n()]")
# Words every match of `BARE_SECTION_UNDER` has ("agreement", "Obligations"): a text
# without them is not searched with it, which tries its costly start at every position.
_UNDER_NOUNS = ("greement", "bligation")
# Where a section cited as a name ("Section 106", "S106", "s. 106") can start, as both
# `BARE_SECTION` and `BARE_SECTION_ABBREVIATED` begin: an "S" after no word character,
# "ection", a full stop or nothing, a space or none, and a digit. One scan of the text
# finds these; the two patterns are matched only there, not each scanned over every "s".
_BARE_START = re.compile(r"[Ss](?<!\w[Ss])(?=(?:ection|\.?)\s?\d)")


@dataclass(frozen=True)
class Mention:
    """Where an instrument is named, what it resolves to, and the rule that found it.

    `within` is the provision the mention itself names ("the First Protocol" is protocol
    1 of the Convention): what is cited of it is a part of that."""

    start: int
    end: int
    name: str
    kind: str
    rule: str
    instrument: Instrument | None = None
    within: str | None = None


def definitions_in(
    text: str, mentions: list[Mention]
) -> tuple[dict[str, Mention], list[tuple[int, int]]]:
    """Abbreviations defined right after (or inside) a title, and where each is defined."""
    definitions: dict[str, Mention] = {}
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


def defined_otherwise(text: str, mentions: list[Mention]) -> list[Mention]:
    """The table abbreviations ("HRA", "EIR") the document defines for a name that is not
    their instrument: "Housing Revenue Account (HRA)", "Employer's Information
    Requirements (EIR)". The name is the clause's words before the bracket; it is an
    instrument's when a mention ends there, a kind word ("Act", "Regulations") stands in
    it, or it shares two words with the title the abbreviation stands for ("Public
    Contract Regs (PCR)")."""
    ends = {m.end for m in mentions}
    names: dict[str, list[str]] = {}
    for found in OTHER_DEFINITION.finditer(text):
        head = _CLAUSE_BREAK.split(text[max(0, found.start() - _NAME_REACH) : found.start()])[-1]
        name_end = found.start() - (len(head) - len(head.rstrip()))
        if head.strip() and name_end not in ends and not KIND_WORD.search(head):
            names.setdefault(found.group("abbr"), []).append(head)
    return [m for m in mentions if m.rule == "instrument-table"
            and any(not _shares_words(head, m.name) for head in names.get(text[m.start:m.end], []))]


def _shares_words(name: str, title: str) -> bool:
    common = set(normalise_words(name)) & set(normalise_words(title)) - _SMALL_WORDS
    return len(common) >= 2


def abbreviation_uses(
    text: str,
    definitions: dict[str, Mention],
    mentions: list[Mention],
    defined_ranges: list[tuple[int, int]],
) -> list[Mention]:
    """Each later use of a defined abbreviation, as a mention of what it stands for."""
    uses: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions] + defined_ranges
    usable = {abbr: source for abbr, source in definitions.items()
              if abbr.split()[-1].lower() not in BACKREF_KINDS or abbr.isupper()}
    if not usable:  # "the Act", "the 2018 Act" are resolved as back-references instead
        return uses
    names = "|".join(re.escape(a) for a in sorted(usable, key=len, reverse=True))
    # The left boundary is tested by hand: a pattern opening with a look-behind is tried
    # at every character, one opening with its names only where a name's letter stands.
    pattern = re.compile(rf"(?:{names})(?![\w-])")
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        before = text[found.start() - 1] if found.start() else " "
        if before == "-" or before == "_" or before.isalnum():
            pos = found.start() + 1
            continue
        pos = found.end()
        source = usable[found.group(0)]
        if found.start() < source.end or any(s < found.end() and found.start() < e
                                              for s, e in taken):
            continue
        uses.append(Mention(found.start(), found.end(), source.name, source.kind,
                            "defined-abbreviation", source.instrument, source.within))
        taken.append((found.start(), found.end()))
    return uses


def resolve_backrefs(
    text: str,
    backrefs: list[Mention],
    mentions: list[Mention],
    definitions: dict[str, Mention],
    notes: list[Note],
) -> list[Mention]:
    """Each back-reference as a mention of what it refers to; one that names a year and
    finds nothing is noted."""
    resolved: list[Mention] = []
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
        if not earlier and "convention" in kinds:
            earlier = _conventions_given_effect(text, mentions, ref)
        if earlier:
            resolved.append(_backref_to(ref, _referent(text, ref, earlier)))
        elif year is not None:
            notes.append(Note("unresolved_back_reference",
                              f"{ref.name!r} names no earlier instrument", ref.start, ref.end))
    return resolved


def _conventions_given_effect(text: str, mentions: list[Mention], ref: Mention) -> list[Mention]:
    """"Article 8 of the Convention" after the Human Rights Act 1998 is of the Convention
    that Act schedules ("the Convention rights" alone cites no article, and nothing)."""
    convention = instrument_by_name(CONVENTION)
    if convention is None or ARTICLE_OF.search(text, max(0, ref.start - 40), ref.start) is None:
        return []
    return [Mention(m.start, m.end, convention.name, convention.kind, m.rule, convention)
            for m in mentions if m.end <= ref.start and m.name in ACTS_SCHEDULING_THE_CONVENTION]


def _referent(text: str, ref: Mention, earlier: list[Mention]) -> Mention:
    """The nearest earlier mention; in a list item, the nearest in the item itself or
    else in the list's lead-in, when either names one."""
    item_start = text.rfind("\n", 0, ref.start) + 1
    lead_in = _lead_in(text, item_start)
    if lead_in is None:
        return earlier[-1]
    in_item = [m for m in earlier if m.start >= item_start]
    in_lead_in = [m for m in earlier if lead_in[0] <= m.start and m.end <= lead_in[1]]
    return (in_item or in_lead_in or earlier)[-1]


def _lead_in(text: str, item_start: int) -> tuple[int, int] | None:
    """(start, end) of the line a list item continues: the nearest earlier line that is
    not an item of the same list and ends with a colon."""
    marker = _marker_kind(text, item_start)
    if marker is None:
        return None
    end = item_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip() and _marker_kind(text, start) != marker:
            return (start, end) if line.rstrip().endswith(":") else None
        end = start - 1
    return None


def _marker_kind(text: str, line_start: int) -> str | None:
    line_end = text.find("\n", line_start)
    found = LINE_MARKER.match(text[line_start : line_end if line_end >= 0 else len(text)])
    if found is None:
        return None
    return "num" if found.group("num") else "alpha" if found.group("alpha") else "bullet"


def _backref_to(ref: Mention, target: Mention) -> Mention:
    return Mention(ref.start, ref.end, target.name, target.kind, "back-reference",
                   target.instrument, target.within)


def bare_sections(text: str, findings: list[Finding]) -> list[Finding]:
    """'Section 106 Agreements', 'S106 open space contributions', 'an agreement under
    section 278': the Act cited for that section elsewhere, else the words."""
    attached = {f.values["provision"]: f for f in findings if f.values.get("provision")}
    covered = [(f.start, f.end) for f in findings]
    out: list[Finding] = []
    starts = [found.start() for found in _BARE_START.finditer(text)]
    found_all = [*_matches_at(BARE_SECTION, text, starts),
                 *_matches_at(BARE_SECTION_ABBREVIATED, text, starts)]
    if any(noun in text for noun in _UNDER_NOUNS):
        found_all += BARE_SECTION_UNDER.finditer(text)
    for found in sorted(found_all, key=lambda f: f.start("prov")):
        start, end = found.start("prov"), found.end("prov")
        if any(s <= start < e for s, e in [*covered, *((f.start, f.end) for f in out)]):
            continue
        provision = f"section {found.group('id')}"
        known = attached.get(provision) or _range_holding(findings, found.group("id"))
        if known is not None:
            out.append(finding("statutory_references", start, end, "bare-section-resolved",
                               instrument=known.values["instrument"], provision=provision,
                               uri=known.values["uri"]))
        else:
            out.append(finding("statutory_references", start, end, "bare-section",
                               instrument=provision, provision=None, uri=None))
    return out


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts at one of `starts`
    (in order): the first match at or after the end of the one before."""
    found: list[re.Match[str]] = []
    for start in starts:
        if found and start < found[-1].end():
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
    return found


_SECTION_RANGE = re.compile(r"sections (?P<first>\d{1,4}[A-Z]{0,2}) to (?P<last>\d{1,4}[A-Z]{0,2})")
_SECTION_KEY = re.compile(r"(?P<number>\d{1,4})(?P<letters>[A-Z]{0,2})")


def _range_holding(findings: list[Finding], section_id: str) -> Finding | None:
    """The citation of a range of sections ("sections 22A to 23I of the Police Act 1996")
    that holds `section_id` ("22A", "22C"), when the ranges holding it are all of one
    instrument; sections sort by number, then by the letters of an inserted one."""
    key = _section_key(section_id)
    holding = [f for f in findings
               if (m := _SECTION_RANGE.fullmatch(f.values.get("provision") or ""))
               and _section_key(m.group("first")) <= key <= _section_key(m.group("last"))]
    instruments = {f.values["instrument"] for f in holding}
    return holding[0] if key != (0, "") and len(instruments) == 1 else None


def _section_key(section_id: str) -> tuple[int, str]:
    found = _SECTION_KEY.fullmatch(section_id.upper())
    return (int(found.group("number")), found.group("letters")) if found else (0, "")


def without_contained(findings: list[Finding]) -> list[Finding]:
    """Drop a finding whose values another finding has, quoted around it: "the First
    Protocol" inside "Article 1 of the First Protocol to the ECHR"."""
    out: list[Finding] = []
    for f in findings:
        if not any(g is not f and g.values == f.values and g.start <= f.start
                   and f.end <= g.end and (g.end - g.start) > (f.end - f.start)
                   for g in findings):
            out.append(f)
    return out
