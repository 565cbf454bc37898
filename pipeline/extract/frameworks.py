"""Procurement frameworks: owner, name, RM number and lot, read around anchors.

Anchors are the token matches of `frameworks.jsonl` (the word "framework", "dynamic
purchasing system"), identifiers found on characters (RM numbers, G-Cloud N, "lot 2", a
buying organisation's numbered framework "NEPO307") and names from the tables (buying
organisations, CCS agreements). Anchors a few tokens apart in one sentence are one mention
("Crown Commercial Services Framework Agreement (Digital Marketplace G-Cloud 11)", "CCS
RM6261 lot 1", "the CCS framework ref; RM6186 Fuel Cards and Associated Services VI", "the
national framework run by Bluelight Commercial"). A call-off made "pursuant to"/"under" a
capitalised name is a mention too, though the sentence never says "framework".

Which mentions are frameworks, and how they are named, is `pipeline.extract.framework_rules`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.document import Section
from pipeline.extract.findings import Finding, finding
from pipeline.extract.framework_rules import (
    Mention,
    accept,
    call_off_mentions,
    is_generic,
    is_route,
    title_run,
)
from pipeline.extract.passages import Passage, sentence_bounds, text_of
from pipeline.nlp import Hit, hits, read_table
from pipeline.patterns.frameworks_words import (
    BUYER_CODE_TEMPLATE,
    CCS_NAME,
    CODE_FOLLOWER,
    CONSORTIUM_WORDS,
    IDENTIFIER_PATTERNS,
    NOT_AFTER_CODE,
    OWNER_AFTER_GAP,
    REFERENCE_CODE,
    REFERENCE_GAP,
    YEAR_LIKE,
)

_GAP = 4
_GAP_STOP = {
    "from", "to", "with", "by", "via", "under", "through", "on", "in", "for", "and", "or",
    "is", "was", "are", "were", "be", "has", "have",
}
_AFTER_WORDS = {"agreement", "agreements", "contract", "contracts"}
_LEFT_STOP = {
    "the", "a", "an", "this", "that", "its", "our", "existing", "suitable", "other", "single",
    "supplier", "national", "regional", "new", "current", "approved",
}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_OPENING_QUOTES = {"“", '"', "‘", "'"}
_CLOSING_QUOTES = {"”", '"', "’", "'"}


@lru_cache(maxsize=1)
def _g_cloud() -> dict[str, str]:
    return dict(read_table("frameworks.json")["g_cloud"])


@lru_cache(maxsize=1)
def _buyer_codes() -> tuple[re.Pattern[str], dict[str, str]]:
    """`BUYER_CODE_TEMPLATE` over the table's capitalised abbreviations, and each one's
    organisation."""
    owners: dict[str, str] = {}
    for row in read_table("buying_organisations.json")["organisations"]:
        for name in [row["name"], *row["aliases"]]:
            if name.isalpha() and name.isupper() and name != "CCS":
                owners[name] = row["name"]
    names = "|".join(sorted(owners, key=len, reverse=True))
    return re.compile(BUYER_CODE_TEMPLATE.format(owners=names), re.VERBOSE), owners


def extract_frameworks(
    passages: Sequence[Passage], sections: Sequence[Section] = ()
) -> list[Finding]:
    """Frameworks of every passage; a bare "owner + framework" mention ("the CCS
    framework") gives way to a fuller one of the same owner in the document. Under a
    heading of alternative options ("Alternative options considered"), a framework the
    purchase would go through ("Option 2 - call off under the CCS framework") is an
    option not taken, unless the document names it elsewhere too."""
    options = [(s.start, s.end) for s in sections
               if s.kind == "alternatives" and "alternative" in s.heading.lower()]
    found: list[tuple[Finding, bool, bool]] = []  # finding, owner-only, an option not taken
    for passage in passages:
        doc = passage.doc
        mentions = _clusters(doc)
        for mention in mentions:
            _extend(doc, mention)
        mentions += call_off_mentions(doc, mentions)
        for mention in mentions:
            if accept(doc, mention):
                f = _to_finding(passage, doc, mention)
                option = any(s <= f.start < e for s, e in options) and is_route(doc, mention)
                found.append((f, is_generic(doc, mention), option))
    named = {k for f, _, option in found if not option for k in _keys(f)}
    kept = [(f, generic) for f, generic, option in found
            if not option or named & set(_keys(f))]
    fuller = {f.values["owner"] for f, generic in kept if not generic and f.values["owner"]}
    return [f for f, generic in kept if not (generic and f.values["owner"] in fuller)]


def _keys(f: Finding) -> list[str]:
    """What makes two framework findings the same framework: the owner, the name."""
    return [k for k in (f.values["owner"], " ".join(f.values["name"].lower().split())) if k]


def _to_finding(passage: Passage, doc: Doc, mention: Mention) -> Finding:
    start, end = mention.start, mention.end
    offsets: list[int] = doc.user_data["offsets"]
    ends: list[int] = doc.user_data["ends"]
    text = text_of(doc)[offsets[start] : ends[end - 1]]
    return finding(
        "frameworks",
        passage.start + offsets[start],
        passage.start + ends[end - 1],
        "framework-" + "-".join(sorted(mention.kinds)),
        name=" ".join(text.split()),
        owner=mention.owner,
        identifier=mention.identifier,
        lot=mention.lot,
    )


def _identifiers(doc: Doc) -> list[Hit]:
    """RM numbers, G-Cloud and Digital Outcomes iterations and lots, found on characters."""
    cached: list[Hit] | None = doc.user_data.get("framework_identifiers")
    if cached is not None:
        return cached
    text = text_of(doc)
    found: list[Hit] = []
    lowered = text.lower()
    for label, cue, pattern in IDENTIFIER_PATTERNS:
        if cue not in lowered:
            continue
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                found.append(Hit(doc, span.start, span.end, label, f"{label.lower()}-characters"))
    found += _buyer_code_hits(doc, text)
    doc.user_data["framework_identifiers"] = found
    return found


def _buyer_code_hits(doc: Doc, text: str) -> list[Hit]:
    """A buying organisation's numbered framework ("NEPO307", "YPO 1010 Office ...") as
    a CODE anchor, its abbreviation glued to the word ("LASERFramework") as a GLUED one;
    each hit's id is the organisation."""
    pattern, owners = _buyer_codes()
    found: list[Hit] = []
    for match in pattern.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in "-_":
            continue
        number = match.group("number")
        if number is not None and match.group("space") and "_" not in number and (
            YEAR_LIKE.fullmatch(number) or not CODE_FOLLOWER.match(text, match.end())
        ):
            continue  # "ESPO 150 schools", "YPO 2021"; but "ESPO 664_21" is a number
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            label = "GLUED" if match.group("glued") else "CODE"
            found.append(Hit(doc, span.start, span.end, label, owners[match.group("owner")]))
    return found


def _anchors(doc: Doc) -> list[tuple[Hit, str]]:
    anchors = [(s, s.label_) for s in [*hits(doc, "frameworks"), *_identifiers(doc)]]
    anchors += [(s, s.label_) for s in hits(doc, "names") if s.label_ in ("BUYER", "AGREEMENT")]
    return sorted(anchors, key=lambda a: (a[0].start, -a[0].end))


def _clusters(doc: Doc) -> list[Mention]:
    mentions: list[Mention] = []
    current: Mention | None = None
    for span, kind in _anchors(doc):
        if current is None or not _joinable(doc, current, span, kind):
            current = Mention(span.start, span.end)
            mentions.append(current)
        current.end = max(current.end, span.end)
        _note_anchor(current, span, kind)
    return mentions


def _joinable(doc: Doc, current: Mention, span: Hit, kind: str) -> bool:
    """Near, in one sentence, and nothing between that starts another phrase; a
    framework's reference number may follow "ref;" or "reference:"; a bracket may hold
    an identifier of the mention ("(Digital Marketplace G-Cloud 11)") or an owner's
    abbreviation ("Eastern Shires Purchasing Organisation (ESPO) Framework") or the owner
    alone ("framework (YPO)"), and the owner may follow as the one running it ("framework
    run by ESPO"); but a framework word, or an owner among other words, in a bracket after
    a framework word names another framework."""
    if span.start - current.end > _GAP:
        return False
    if sentence_bounds(doc, span.start) != sentence_bounds(doc, current.start):
        return False
    gap = doc[current.end : span.start]
    if kind == "IDENTIFIER" and "framework" in current.kinds and gap and all(
        t.lower_ in REFERENCE_GAP for t in gap
    ):
        return True
    if kind == "BUYER" and "framework" in current.kinds and current.owner is None \
            and _owner_after(doc, gap, span):
        return True
    if kind in ("FRAMEWORK", "BUYER") and "framework" in current.kinds and _opens_bracket(gap):
        return False  # "X Framework (enhanced LASER Framework ...)": a second name
    return not any(t.text in {",", ";", ":"} or t.lower_ in _GAP_STOP for t in gap)


def _owner_after(doc: Doc, gap: Span, owner: Hit) -> bool:
    """A buying organisation named after the framework word as the one that runs it:
    "the national framework run by Bluelight Commercial", "the furniture framework (YPO)"
    (a bracket holding the owner alone)."""
    if gap.text == "(":
        return owner.end < len(doc) and doc[owner.end].text == ")"
    return OWNER_AFTER_GAP.fullmatch(gap.text) is not None


def _opens_bracket(tokens: Span) -> bool:
    """A bracket opened and not closed: what follows stands inside it."""
    depth = 0
    for t in tokens:
        depth += 1 if t.text == "(" else -1 if t.text == ")" and depth > 0 else 0
    return depth > 0


def _note_anchor(mention: Mention, span: Hit, kind: str) -> None:
    mention.kinds.add(kind.lower())
    mention.last_kind = kind
    if kind == "BUYER":
        if mention.owner is None:
            mention.owner = span.id_
            mention.owner_start, mention.owner_end = span.start, span.end
    elif kind == "AGREEMENT":
        mention.identifier = mention.identifier or span.id_
        mention.owner = mention.owner or CCS_NAME
    elif kind == "IDENTIFIER":
        mention.identifier = "RM" + re.sub(r"[^0-9.ivx]", "", span.text[2:])
        mention.owner = mention.owner or CCS_NAME
    elif kind in ("GCLOUD", "DOS"):
        number = re.search(r"\d{1,2}\s*$", span.text)
        if kind == "GCLOUD" and number:
            mention.identifier = mention.identifier or _g_cloud().get(number.group(0).strip())
        mention.owner = mention.owner or CCS_NAME
        mention.kinds.add("gcloud")
    elif kind == "LOT":
        mention.lot = re.sub(r"^[Ll]ot\s?", "", span.text)
    elif kind in ("CODE", "GLUED"):
        mention.owner = mention.owner or span.id_
        mention.owner_start, mention.owner_end = span.start, span.end
        if kind == "CODE":
            mention.identifier = mention.identifier or " ".join(span.text.split())
        else:
            mention.kinds.add("framework")


def _extend(doc: Doc, mention: Mention) -> None:
    """Take in the capitalised name before "Framework", the title after an RM number, a
    reference and a bracket after the mention; leave out an owner's possessive "'s"."""
    _balance(doc, mention)
    if doc[mention.start].lower_ in ("framework", "frameworks"):
        mention.start = _name_start(doc, mention.start)
        _owner_in_name(doc, mention)
    if mention.owner_end is not None and mention.owner_end < mention.end \
            and doc[mention.owner_end].text in _POSSESSIVE \
            and any(t.is_alpha and t.text[:1].isupper()
                    for t in doc[mention.owner_end + 1 : mention.end]):
        mention.start = mention.owner_end + 1  # "TfL's Professional Services framework"
    end = mention.end
    if mention.last_kind in ("IDENTIFIER", "CODE") and doc[end - 1].text != ")":
        end = title_run(doc, end)  # "RM6186 Fuel Cards and Associated Services VI"
    if mention.kinds == {"buyer"} and end < len(doc) and doc[end].lower_ in CONSORTIUM_WORDS:
        mention.kinds.add("consortium")  # "via the LASER consortium"
        end += 1
    if end < len(doc) and doc[end].lower_ in _AFTER_WORDS \
            and doc[end - 1].lower_.startswith("framework"):
        end += 1
    end = _reference_after(doc, end)
    end = _bracket_after(doc, mention, end)
    if end + 1 < len(doc) and doc[end].text == ",":
        lot = next((s for s in _identifiers(doc) if s.label_ == "LOT" and s.start == end + 1),
                   None)
        if lot is not None:
            _note_anchor(mention, lot, "LOT")
            end = lot.end
    mention.end = end


def _name_start(doc: Doc, i: int) -> int:
    """Where the capitalised name before the "framework" word at `i` starts; "and", "&"
    and "of" between capitalised words belong to it ("LHC Schools and Community
    Buildings framework")."""
    floor = sentence_bounds(doc, i)[0]
    while i - 1 >= floor:
        prev = doc[i - 1]
        opening = _quoted_word_start(doc, i - 1, floor)
        if opening is not None:  # "PAN-LEP “Abridged” Framework"
            i = opening
            continue
        if prev.lower_ in _LEFT_STOP or (prev.is_punct and prev.text not in "-&()"):
            break
        inner = prev.lower_ in ("and", "of") and i - 2 >= floor \
            and doc[i - 2].text[:1].isupper() and doc[i].text[:1].isupper()
        if not (prev.text[:1].isupper() or prev.like_num or prev.text in "-&()" or inner):
            break
        i -= 1
    return i


def _quoted_word_start(doc: Doc, close: int, floor: int) -> int | None:
    """Where a quoted run of capitalised words closed by the quote at `close` opens,
    when a capitalised word stands before it (a quoted word inside a name:
    'PAN-LEP "Abridged" Framework'); else None."""
    if doc[close].text not in _CLOSING_QUOTES:
        return None
    k = close - 1
    while k > floor and close - k <= 3 and doc[k].text[:1].isupper():
        k -= 1
    if k == close - 1 or doc[k].text not in _OPENING_QUOTES or k - 1 < floor:
        return None
    before = doc[k - 1].text
    return k if before[:1].isupper() and before.isalnum() else None


def _owner_in_name(doc: Doc, mention: Mention) -> None:
    """A buying organisation at the front of a long name ("LHC ... framework") or just
    before it, possessive ("TfL's Road Structures framework"), owns it."""
    if mention.owner is not None:
        return
    possessive = mention.start > 0 and doc[mention.start - 1].text in _POSSESSIVE
    for span in hits(doc, "names"):
        if span.label_ == "BUYER" and (
            span.start == mention.start or (possessive and span.end == mention.start - 1)
        ):
            _note_anchor(mention, span, "BUYER")
            return


def _reference_after(doc: Doc, end: int) -> int:
    """A framework's own reference after its word: "YPO framework 1010"."""
    if not doc[end - 1].lower_.startswith(("framework", "agreement")):
        return end
    k = end
    while k < len(doc) and k - end < 2 and doc[k].lower_ in REFERENCE_GAP:
        k += 1
    if k >= len(doc) or k >= sentence_bounds(doc, end - 1)[1]:
        return end
    code = doc[k].text
    if not REFERENCE_CODE.match(code) or (code.isdigit() and len(code) < 3):
        return end
    if k + 1 < len(doc) and doc[k + 1].lower_ in NOT_AFTER_CODE:
        return end
    if any(t.text == "(" for t in doc[end:k]):  # "framework (NEPRO3)": the bracket closes
        return k + 2 if k + 1 < len(doc) and doc[k + 1].text == ")" else end
    return k + 1


def _bracket_after(doc: Doc, mention: Mention, end: int) -> int:
    """"... Framework Agreement (Digital Marketplace G-Cloud 11)": the bracket names it."""
    if end >= len(doc) or doc[end].text != "(":
        return end
    close = next((k for k in range(end + 1, min(end + 10, len(doc))) if doc[k].text == ")"),
                 None)
    if close is None:
        return end
    inner = doc[end + 1 : close]
    if not re.search(r"G-?\s?Cloud|RM\s?\d|Lot|DPS|Digital", inner.text, re.IGNORECASE):
        return end
    for span in [*hits(doc, "frameworks"), *_identifiers(doc)]:
        if inner.start <= span.start < inner.end:
            _note_anchor(mention, span, span.label_)
    return close + 1


def _balance(doc: Doc, mention: Mention) -> None:
    """A bracket opened inside the mention closes inside it: "(Digital Marketplace G-Cloud 11)"."""
    depth = sum(
        1 if t.text == "(" else -1 if t.text == ")" else 0 for t in doc[mention.start : mention.end]
    )
    end = mention.end
    while depth > 0 and end < len(doc) and end - mention.end < 10:
        depth += 1 if doc[end].text == "(" else -1 if doc[end].text == ")" else 0
        end += 1
    if depth == 0:
        mention.end = end
