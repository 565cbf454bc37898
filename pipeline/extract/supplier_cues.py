"""Suppliers named after an award word: "the award of a contract ... to X", "£N to X",
"purchased ... from X", and names in grant lists.

The recipient of an award is the name after the FIRST "to" of the award's clause: "a grant
to enable X to ..." names none, and reading on to a later "to" would take whatever follows
it ("access to Eston Hills"). Brackets are skipped whole, so a long parenthesis between the
award and its recipient neither breaks the clause nor lends it a "to".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from pipeline.extract.findings import Finding
from pipeline.extract.names import Name, read_name_backward, read_name_forward
from pipeline.extract.organisations import judge
from pipeline.extract.party_names import listed_after, names_to_findings, token_after
from pipeline.extract.passages import (
    has_word,
    lowered_tokens,
    sentence_bounds,
    text_of,
    token_at,
    words_between,
)
from pipeline.nlp import Hit, hits
from pipeline.patterns.parties import (
    APPLICANT_LINE,
    AWARD_BEFORE,
    AWARD_TABLE_HEADER,
    AWARD_TABLE_ROW,
    AWARD_WORDS,
    AWARDED,
    CLAUSE_BREAKS,
    DECISION_LINE,
    ENABLING_VERBS,
    FUNDING_WORDS,
    GRANT_LIST_ITEM,
    GRANT_LIST_LEAD_IN,
    GRANT_LIST_REACH,
    LEAD_INS,
    LIST_LINE,
    LISTED_RECIPIENTS,
    MONEY_ONLY_TRIGGERS,
    MONEY_TO,
    NOT_AWARDED,
    NOT_PAYMENT_TO,
    PARTY_NOUNS,
    TRIGGER_ROLES,
)

_TRIGGER_REACH = 40
_DIRECTION = {word: re.compile(rf"\b{word}\b", re.IGNORECASE) for word in ("to", "from")}
_ROLE_REACH = 60  # tokens around "£N to X" that say whether it is a grant (a list's lead-in)
_PLURAL_AWARDS = frozenset(["grants", "contracts", "awards", "allocations", "payments"])
_ROLE_PRIORITY = ("novation_recipient", "grant_recipient")
# "up to £5m", "due to", "subject to": a "to" that is part of another phrase.
_TO_PHRASES = frozenset(["up", "due", "according", "pursuant", "prior", "subject", "relation",
                         "regard", "respect", "addition", "close", "next", "equal", "similar",
                         "contrary", "thanks", "further", "back"])
_CURRENCY = frozenset("£$€")


def triggered(offset: int, doc: Doc, span: Hit, direction: str) -> list[Finding]:
    lo, hi = sentence_bounds(doc, span.start)
    stop = min(hi, span.end + _TRIGGER_REACH)
    if stop <= span.end or not _DIRECTION[direction].search(
            text_of(doc), doc.user_data["offsets"][span.end], doc.user_data["ends"][stop - 1]):
        return []  # most award words have no "to" after them in their clause
    if direction == "from" and has_word(doc, lo, hi, FUNDING_WORDS):
        return []
    if span.text.lower() in MONEY_ONLY_TRIGGERS and not _money_in(doc, lo, hi):
        return []
    j = _first_direction_word(doc, span.end, stop, direction)
    if j is None:
        return []
    if direction == "to" and doc[j + 1].lower_ in ENABLING_VERBS:
        return _enabled(offset, doc, j + 2, (lo, hi))
    recipients = _recipients(doc, j, lo)
    if recipients is None:
        return []
    name, listed = recipients
    role = _role_before(doc, span.start, j) if direction == "to" else "contractor"
    rule = f"{span.id_}:{direction}"
    found = [f for each in listed
             for f in names_to_findings("suppliers", offset, each, rule, role=role)]
    again = _and_to_again(doc, name, stop)
    if found and again is not None:
        found.extend(names_to_findings("suppliers", offset, again, rule, role=role))
    return found


_Recipients = tuple[Name, tuple[Name, ...]]


def _recipients(doc: Doc, j: int, lo: int) -> _Recipients | None:
    """The name read after the "to"/"from" at token `j` (of the sentence starting at token
    `lo`) and the names listed with it. Read once per passage for each "to": the award
    words of a clause ("direct award of a new contract to X") all reach the same one, and
    what is read after it depends on nothing else."""
    memo: dict[tuple[int, int], _Recipients | None] = doc.user_data.setdefault(
        "award_recipients", {})
    if (j, lo) not in memo:
        memo[j, lo] = _read_recipients(doc, j, lo)
    return memo[j, lo]


def _read_recipients(doc: Doc, j: int, lo: int) -> _Recipients | None:
    name = read_name_forward(doc, _past_lead_ins(doc, j + 1))
    if name is None or judge(name.text).kind is None:
        name = _appositive(doc, j + 1) or name
    if name is None:
        return None
    plural = has_word(doc, lo, j, _PLURAL_AWARDS)
    first = Name(name.start, name.end, name.text, name.aliases, name.members, plural)
    listed = lines_listed(doc, first) if doc[j + 1].text == ":" else listed_after(doc, first)
    return name, tuple(listed)


def _enabled(offset: int, doc: Doc, i: int, sentence: tuple[int, int]) -> list[Finding]:
    """ "£4,600 from the fund to enable X to complete the works": X gets the money."""
    if not _money_in(doc, *sentence):
        return []
    return names_to_findings("suppliers", offset, read_name_forward(doc, i, as_modifier=True),
                             "enabled-by-funding", role="grant_recipient")


def money_to_company(offset: int, doc: Doc) -> list[Finding]:
    """A company named after "to" in a sentence with money is paid: "d. Drugs analysis to
    Keyline Forensics Ltd for 11 months, £0.9m" (a list under an award's lead-in). Only a
    name with a legal form is taken, and never after "sold to", "compared to"."""
    out: list[Finding] = []
    for form in hits(doc, "parties"):
        if form.label_ != "legal_form" or form.start == 0:
            continue
        base = max(0, form.start - _COMPANY_NAME_TOKENS)
        lowered = lowered_tokens(doc, base, form.start)
        if "to" not in lowered:
            continue
        i = base + len(lowered) - 1 - lowered[::-1].index("to")  # the last "to" before it
        if i == 0 or lowered_tokens(doc, i - 1, i)[0] in NOT_PAYMENT_TO:
            continue
        lo, hi = sentence_bounds(doc, i)
        if not _money_in(doc, lo, hi):
            continue
        role = "contractor" if has_word(doc, lo, hi, AWARD_WORDS) else "payee"
        out.extend(names_to_findings("suppliers", offset, read_name_forward(doc, i + 1),
                                     "money-to-company", role=role))
    return out


_COMPANY_NAME_TOKENS = 14


def listed_award_recipients(text: str) -> list[Finding]:
    """ "To award framework agreements to the below organisations." then one name per list
    line ("1. Balfour Beatty"), blank lines skipped, up to the first line that is not an
    item of the list."""
    out: list[Finding] = []
    lowered = text.lower()
    if not any(word in lowered for word in _LIST_HINTS):
        return out
    for listed in LISTED_RECIPIENTS.finditer(text):
        line_start = text.rfind("\n", 0, listed.start()) + 1
        award = AWARD_BEFORE.search(text, line_start, listed.start())
        if award is None:
            continue
        word = award.group("award").lower()
        role = "grant_recipient" if word.startswith(("grant", "allocat", "funding")) \
            else "contractor"
        for name in _line_items(text, listed.end(), LIST_LINE, skip_blank=True):
            out.extend(names_to_findings("suppliers", 0, name, "listed-award", role=role))
    return out


_LIST_HINTS = ("following", "below", "above", "listed", "successful", "named")


def award_table_rows(text: str) -> list[Finding]:
    """ "Applicant   Amount granted" then "Broughton Parish Council £580,000.00": the name
    of each row of a table of awards, up to the first line that is not a row."""
    out: list[Finding] = []
    for header in AWARD_TABLE_HEADER.finditer(text):
        at = text.find("\n", header.end()) + 1
        for name in _line_items(text, at, AWARD_TABLE_ROW, skip_blank=False) if at else ():
            out.extend(names_to_findings("suppliers", 0, name, "award-table-row",
                                         role="grant_recipient"))
    return out


def _line_items(text: str, at: int, line: re.Pattern[str], skip_blank: bool) -> Iterator[Name]:
    """The `name` group of each consecutive line from `at` that `line` matches."""
    while True:
        while skip_blank and text.startswith(("\n", " "), at):
            at += 1
        item = line.match(text, at)
        if item is None:
            return
        name = item.group("name").strip()
        yield Name(item.start("name"), item.start("name") + len(name), name)
        at = text.find("\n", item.end("name")) + 1
        if not at:
            return


def money_to(offset: int, doc: Doc) -> list[Finding]:
    """ "b) £776,206 to Suzy Lamplugh Trust for ...": money straight to a name."""
    out: list[Finding] = []
    for match in MONEY_TO.finditer(text_of(doc)):
        i = token_at(doc, match.end())
        name = read_name_forward(doc, _past_lead_ins(doc, i))
        if name is None:
            continue
        near = (max(0, i - _ROLE_REACH), min(len(doc), i + _ROLE_REACH))
        role = "grant_recipient" if has_word(doc, *near, FUNDING_WORDS) else "payee"
        out.extend(names_to_findings("suppliers", offset, name, "money-to", role=role))
    return out


def _money_in(doc: Doc, lo: int, hi: int) -> bool:
    """An amount in the sentence doc[lo:hi]; its "£" may sit just before the sentence's
    first token, since a sentence opens at a letter or digit ("£21,500 will be ...")."""
    return has_word(doc, max(0, lo - 1), hi, _CURRENCY)


def _first_direction_word(doc: Doc, start: int, stop: int, direction: str) -> int | None:
    """The clause's first "to"/"from" outside brackets that may take a recipient."""
    base = max(0, start - 1)
    # lowered[j - base] is token j. The first few tokens only, to begin with: the clause's
    # first "to" mostly comes within them, and lowering the rest of the reach is wasted.
    lowered = lowered_tokens(doc, base, min(stop + 1, start + _FIRST_LOOK))
    depth = 0
    for j in range(start, min(stop, len(doc) - 1)):
        if j - base + 1 >= len(lowered):  # token j + 1 is needed: the rest of the reach
            lowered += lowered_tokens(doc, base + len(lowered), stop + 1)
        word = lowered[j - base]
        depth += (word == "(") - (word == ")")
        if depth > 0 or word == ")":
            continue
        if word in CLAUSE_BREAKS:
            return None
        before = lowered[j - base - 1] if j > base else ""
        after = lowered[j - base + 1][:1]
        if word == direction and not (before in _TO_PHRASES or after.isdigit()
                                      or after in _CURRENCY):
            return j  # not "up to £50,000", "from £5m to £6m", "from 1 April"
    return None


_FIRST_LOOK = 12  # tokens; most recipients' "to" comes within 10 of the award word


def _past_lead_ins(doc: Doc, i: int) -> int:
    """Past what stands between "to" and the name: a colon and line break ("a direct award
    to:"), a lot ("Lot 5 – X"), a lead-in ("a consortium led by X")."""
    while i < len(doc) and (doc[i].text == ":" or doc[i].is_space):
        i += 1
    if i + 2 < len(doc) and doc[i].lower_ == "lot" and doc[i + 1].text[:1].isdigit() \
            and doc[i + 2].text in ("-", "–", "—", ":"):
        i += 3
    ahead = lowered_tokens(doc, i, i + _LONGEST_LEAD_IN)
    for lead_in in LEAD_INS:
        if ahead[: len(lead_in)] == lead_in:
            return i + len(lead_in)
    return i


_LONGEST_LEAD_IN = max(len(lead_in) for lead_in in LEAD_INS)


def _appositive(doc: Doc, i: int) -> Name | None:
    """ "to the Council's trading company, Persona": a description ending in a party
    noun, a comma, then the name."""
    lowered = lowered_tokens(doc, i, i + _DESCRIPTION_REACH)
    comma = next((k for k, word in enumerate(lowered) if word in (",", ":")), None)
    if comma is None or comma == 0 or lowered[comma - 1] not in PARTY_NOUNS:
        return None
    return read_name_forward(doc, i + comma + 1)


_DESCRIPTION_REACH = 9


def applicants_awarded(text: str) -> list[Finding]:
    """ "Applicant: Pailton Parish Council" ... "Decision: Award grant of £17,000": the
    applicant of each award in a grants schedule (not of those rejected or deferred)."""
    out: list[Finding] = []
    applicants = list(APPLICANT_LINE.finditer(text))
    for k, applicant in enumerate(applicants):
        end = applicants[k + 1].start() if k + 1 < len(applicants) else len(text)
        decision = DECISION_LINE.search(text, applicant.end(), end)
        if decision is None or not AWARDED.search(decision.group("decision")) \
                or NOT_AWARDED.search(decision.group("decision")):
            continue
        name = applicant.group("name").strip()
        start = applicant.start("name")
        out.extend(names_to_findings("suppliers", 0, Name(start, start + len(name), name),
                                     "applicant-awarded", role="grant_recipient"))
    return out


def _and_to_again(doc: Doc, first: Name, stop: int) -> Name | None:
    """ "contracts to ENGIE Power Ltd for electricity and to ENGIE Gas Ltd for gas"."""
    begin = token_after(doc, first)
    last = min(stop, len(doc) - 1)
    if begin > last or not _AND_TO.search(text_of(doc), doc.user_data["offsets"][begin],
                                          doc.user_data["ends"][last]):
        return None  # a cheap necessary condition: most clauses hold no "and to"
    lowered = lowered_tokens(doc, begin, stop + 1)
    for k, word in enumerate(lowered[:-1]):
        if word in CLAUSE_BREAKS:
            return None
        if word == "and" and lowered[k + 1] == "to":
            return read_name_forward(doc, begin + k + 2)
    return None


# Tokens "and" then "to" (lower-cased) are separated by one space at most, since spaCy
# makes any other whitespace a token of its own.
_AND_TO = re.compile(r"and\s*to", re.IGNORECASE)


def _role_before(doc: Doc, start: int, stop: int) -> str:
    """The role the award words before "to" give: a novation or a grant anywhere in them
    decides ("novate the existing contract to X", "funding ... paid to X"); otherwise
    the word nearest to "to" ("award grants to X" is a grant)."""
    roles = [TRIGGER_ROLES[w] for w in words_between(doc, start, stop) if w in TRIGGER_ROLES]
    for role in _ROLE_PRIORITY:
        if role in roles:
            return role
    return roles[-1] if roles else "contractor"


def lines_listed(doc: Doc, first: Name) -> list[Name]:
    """ "a direct award to:" then one recipient at the start of each following line
    ("X via the ESPO framework", "Y via ..."), until a line that starts with no name."""
    names = [first]
    j = token_after(doc, first)
    while len(names) < _MAX_LISTED:
        while j < len(doc) and not doc[j].is_space:
            j += 1  # the rest of the line
        while j < len(doc) and doc[j].is_space:
            j += 1
        nxt = read_name_forward(doc, j) if j < len(doc) else None
        if nxt is None or judge(nxt.text).kind is None:
            break
        names.append(nxt)
        j = token_after(doc, nxt)
    return names


_MAX_LISTED = 12


def company(offset: int, doc: Doc, span: Hit) -> list[Finding]:
    """"X Ltd (company registration number: 04417285)": the name before the bracket, when
    the words around are about an award or a contract (an applicant's number is not)."""
    k = next((i for i in range(span.start - 1, max(span.start - 3, -1), -1)
              if doc[i].text == "("), span.start)
    after = doc[span.end : min(len(doc), span.end + 4)].text
    number = re.search(r"\b(?:[A-Z]{2})?\d{6,8}\b", after)
    if k == span.start or number is None:
        return []
    near = (max(0, span.start - _COMPANY_REACH), min(len(doc), span.end + _COMPANY_REACH))
    if not has_word(doc, *near, AWARD_WORDS | _SUPPLIER_WORDS):
        return []
    return names_to_findings("suppliers", offset, read_name_backward(doc, k), span.id_,
                             role="company", company_number=number.group(0))


_COMPANY_REACH = 40  # tokens either side: "Company No." ends no sentence but fools one
_SUPPLIER_WORDS = frozenset(["supplier", "contractor", "provider", "tender", "tenderer",
                             "bidder", "recommended", "preferred", "successful"])


def grant_list_items(text: str) -> list[Finding]:
    """ "Paxton Green Time Bank - £15,000 for ...", "(i) X Trust, £5,000, towards ...":
    lines of a list of grants or payments, when the lines before the list say it is one."""
    out: list[Finding] = []
    block_start, line_end = -1, -1
    for match in _lines_matching(text, GRANT_LIST_ITEM, ("£", "GBP")):
        if line_end < 0 or text[line_end : match.start()].strip():
            block_start = match.start()  # a new list: its lead-in is read before it
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        name = match.group("name").strip()
        start = match.start("name")
        lead_in = GRANT_LIST_LEAD_IN.findall(
            text[max(0, block_start - GRANT_LIST_REACH) : block_start])
        if _mostly_capitalised(name) and lead_in:
            role = "payee" if lead_in[-1].lower().startswith("pa") else "grant_recipient"
            out.extend(names_to_findings("suppliers", 0, Name(start, start + len(name), name),
                                         "grant-list-item", role=role))
    return out


def _lines_matching(text: str, line: re.Pattern[str], marks: tuple[str, ...]
                    ) -> Iterator[re.Match[str]]:
    """`line` matched at the start of each line holding one of `marks`, in order: a list
    item holds its amount, and most lines of a decision hold none."""
    starts = sorted({text.rfind("\n", 0, m.start()) + 1 for mark in marks
                     for m in re.finditer(re.escape(mark), text)})
    for start in starts:
        found = line.match(text, start)
        if found is not None:
            yield found


def _mostly_capitalised(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in {"of", "the", "and", "for", "&"}]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)
