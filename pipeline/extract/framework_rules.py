"""Which framework mentions are procurement frameworks, and the call-off rule.

A mention is a framework when it carries an identifier (an RM number, G-Cloud N, a CCS
agreement's title, a buying organisation's numbered framework: "NEPO307"), or a buying
organisation from the table next to the word "framework" ("the ESPO framework", "YPO
Office Furniture Solutions framework") or next to "consortium" as the route of the
purchase ("supplied via the LASER consortium"), or a capitalised name
before "Framework" used as the route of this purchase ("called off from the Cirrus
Materials Framework", "the EPP framework chosen permits direct award", "will use the
Southern Construction Framework" when the name says what it buys). Never: a bare
"framework" with no owner, name or number; a policy framework ("Contract Management
Framework"); the decision's own framework being set up, procured or awarded ("award of a
framework agreement to ...", "appointed onto the Electrical Works Frameworks"); a heading
("AWARD OF FRAMEWORK AGREEMENT").

Naming: the text's own words, owner included when the text puts it in front ("ESPO
Framework", "CCS RM1092 Framework"), left out when possessive ("TfL's Surface Transport
Infrastructure Construction" -> "Surface Transport Infrastructure Construction", owner
Transport for London). A mention that is only an owner and the word ("the CCS framework")
gives way to a fuller mention of the same owner in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.extract.passages import sentence_bounds, text_of
from pipeline.nlp import hits
from pipeline.patterns.frameworks_words import (
    BOUGHT_THROUGH,
    BUYING_NOUN,
    CALL_OFF,
    CALL_OFF_NAMES_ALONE,
    HYPOTHETICAL_BEFORE,
    NOT_A_VEHICLE_HEAD,
    NOT_PROCUREMENT,
    OWN_BEFORE,
    ROUTE_BEFORE,
    ROUTE_SENTENCE,
    USED_BEFORE,
)

_FRAMEWORK_WORDS = ("framework", "frameworks", "system", "agreement", "agreements")
_GENERIC_WORDS = frozenset(("framework", "frameworks", "agreement", "national", "regional",
                            "the", "dynamic", "purchasing", "system"))
_TITLE_CONNECTORS = frozenset(("and", "&", "of", "-"))
_NOT_NAME_WORDS = frozenset(("lot", "lots", "of", "the", "a", "an", "and"))
_LEGAL_FORMS = frozenset(("ltd", "limited", "plc", "llp", "cic", "inc"))
_TITLE_STOP = frozenset(("the", "this", "that", "it", "a", "an", "lot", "lots", "in", "for"))
_POSSESSIVE = frozenset(("'s", "’s", "'", "’"))


@dataclass
class Mention:
    start: int  # token indexes in the passage doc
    end: int
    owner: str | None = None
    owner_start: int | None = None  # the owner's name, doc[owner_start:owner_end]
    owner_end: int | None = None
    identifier: str | None = None
    lot: str | None = None
    kinds: set[str] = field(default_factory=set)
    last_kind: str = ""


def accept(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is a procurement framework (the rules in the module docstring)."""
    kinds = mention.kinds
    if mention.identifier or kinds & {"gcloud", "agreement"}:
        return True
    if "calloff" in kinds:
        return True  # checked where it was made
    if "consortium" in kinds and "framework" not in kinds:
        return is_route(doc, mention)  # "supplied via the LASER consortium"
    if "framework" not in kinds:
        return False
    span_text = _text(doc, mention.start, mention.end)
    if NOT_PROCUREMENT.search(span_text) and not BUYING_NOUN.search(span_text):
        return False
    frame = _frame(doc, mention.start)
    if mention.owner:
        return frame not in ("own", "hypothetical")
    return _named_route(doc, mention, frame)


def _named_route(doc: Doc, mention: Mention, frame: str | None) -> bool:
    """A name with no owner from the table: a capitalised name (or an abbreviation) before
    the framework word, and a buying verb leading to it ("called off from the ..."), a
    use of it when the name says what it buys ("will use the Southern Construction
    Framework"), or a sentence that says it is used as a route ("the ABC framework
    permits direct award")."""
    word = next((k for k in range(mention.start, mention.end)
                 if doc[k].lower_ in ("framework", "frameworks")
                 or (doc[k].lower_ == "dynamic" and k + 1 < len(doc)
                     and doc[k + 1].lower_ == "purchasing")), None)
    if word is None or word == mention.start:
        return False
    if doc[word].text.isupper():
        return False  # a heading: "AWARD OF FRAMEWORK AGREEMENT"
    names = [t for t in doc[mention.start : word]
             if t.is_alpha and t.lower_ not in _NOT_NAME_WORDS]
    if not any(t.text[:1].isupper() for t in names):
        return False
    capital_word = doc[word].text[:1].isupper()
    abbreviation = len(names) == 1 and names[0].text.isupper() and len(names[0].text) >= 2
    if frame in ("own", "hypothetical"):
        return False
    before = _before(doc, mention.start)
    used = USED_BEFORE.search(before) is not None
    if frame == "route" and BOUGHT_THROUGH.search(before):
        return True
    if used and BUYING_NOUN.search(_text(doc, mention.start, word)):
        return True
    if frame == "route" and not used:
        return False
    clause = _text(doc, *sentence_bounds(doc, mention.start))
    return (capital_word or abbreviation) and ROUTE_SENTENCE.search(clause) is not None


def _before(doc: Doc, start: int) -> str:
    """The sentence's words before token `start` (the last 100 characters)."""
    first = sentence_bounds(doc, start)[0]
    offsets: list[int] = doc.user_data["offsets"]
    return text_of(doc)[offsets[first] : offsets[start]][-100:]


def is_route(doc: Doc, mention: Mention) -> bool:
    """Whether the words before the mention say the purchase goes through it ("via the",
    "call-off contracts under the")."""
    return _frame(doc, mention.start) == "route"


def _frame(doc: Doc, start: int) -> str | None:
    """"route" when the words before say the purchase goes through it, "own" when they say
    it is being made or awarded, "hypothetical" when it may not exist, else None."""
    before = _before(doc, start)
    if ROUTE_BEFORE.search(before):
        return "route"
    if OWN_BEFORE.search(before):
        return "own"
    if HYPOTHETICAL_BEFORE.search(before):
        return "hypothetical"
    return None


def is_generic(doc: Doc, mention: Mention) -> bool:
    """Only an owner and the framework word: "the CCS framework", "ESPO Framework"."""
    if mention.identifier or mention.lot or mention.owner is None:
        return False
    owner = range(mention.owner_start or 0, mention.owner_end or 0)
    rest = [doc[k].lower_ for k in range(mention.start, mention.end)
            if k not in owner and doc[k].text[:1].isalnum()]
    return all(w in _GENERIC_WORDS for w in rest)


def title_run(doc: Doc, i: int, limit: int = 10) -> int:
    """End of the run of capitalised words (numbers, roman numerals, inner "and"/"of")
    from token `i`: "Fuel Cards and Associated Services VI"; `i` when there is none or
    when the run is a company ("... Acme Services Ltd")."""
    stop = sentence_bounds(doc, i)[1] if i < len(doc) else i
    end = k = i
    while k < stop and k - i < limit:
        token = doc[k]
        if token.lower_ in _TITLE_STOP:
            break
        if token.text[:1].isupper() or token.like_num:
            k += 1
            end = k
        elif token.lower_ in _TITLE_CONNECTORS and k + 1 < stop \
                and doc[k + 1].text[:1].isupper():
            k += 1
        else:
            break
    return i if end > i and doc[end - 1].lower_.rstrip(".") in _LEGAL_FORMS else end


def call_off_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"a call-off contract pursuant to TfL's Surface Transport Infrastructure
    Construction": the capitalised vehicle a call-off is made under."""
    text = text_of(doc)
    if "call" not in text.lower():
        return []
    found: list[Mention] = []
    for match in CALL_OFF.finditer(text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is None or any(m.start <= span.start < m.end and m.kinds != {"buyer"}
                               for m in mentions):
            continue
        mention = _vehicle_at(doc, span.start, match.group("prep").split()[0].lower())
        if mention is not None:
            found.append(mention)
    return found


def _vehicle_at(doc: Doc, i: int, prep: str) -> Mention | None:
    owner = next((h for h in hits(doc, "names") if h.label_ == "BUYER" and h.start == i), None)
    start = i
    if owner is not None:
        start = owner.end + 1 if owner.end < len(doc) and doc[owner.end].text in _POSSESSIVE \
            else owner.end
    end = title_run(doc, start)
    words = [t for t in doc[start:end] if t.text[:1].isalpha()]
    if len(words) < 2 or (owner is None and prep not in CALL_OFF_NAMES_ALONE):
        return None
    if words[-1].lower_ in NOT_A_VEHICLE_HEAD or any(
        t.lower_ in _FRAMEWORK_WORDS for t in doc[start:end]
    ):
        return None
    if any(h.start < end and start < h.end for h in hits(doc, "names")
           if h.label_ != "BUYER"):
        return None  # an Act, a public body: not a vehicle
    if owner is not None and start == owner.end:
        start = owner.start  # "the ESPO Vehicle Hire ..." keeps its owner in front
    return Mention(start, end, owner=owner.id_ if owner else None,
                   owner_start=owner.start if owner else None,
                   owner_end=owner.end if owner else None, kinds={"calloff"})


def _text(doc: Doc, start: int, end: int) -> str:
    offsets: list[int] = doc.user_data["offsets"]
    ends: list[int] = doc.user_data["ends"]
    return text_of(doc)[offsets[start] : ends[end - 1]] if end > start else ""
