"""Character patterns for provisions of an instrument, as data, with examples.

spaCy splits "149(1)" into "149(1" and ")", so provisions are matched on characters
next to an instrument the token patterns found. Ids keep the text's case ("26A(1)").
"""

from __future__ import annotations

import re

# A sub-division written in brackets.  "(1)"  "(4A)"  "(b)"  "(iv)"  "(za)"
SUBDIVISION_ID = r"\(\s?(?:\d{1,3}[A-Za-z]{0,2}|[ivxIVX]{1,5}|[A-Za-z]{1,2})\s?\)"

# A part numbered in capital roman numerals, as older Acts number their Parts and
# Schedules' Parts ("Part IV of Schedule 9", "Part VA of the Local Government Act 1972"):
# only in capitals, and only where a citation goes on ("of", "to", "and", a comma, the
# end, a capitalised word), so "sections 5 and I consider ..." keeps the pronoun out.
#   "IV"  "VA"  "XI"  "I"
ROMAN_ID = r"""(?-i:[IVX]{1,5}[A-H]?)(?![\w(])
    (?=\s+(?:of|to|and|or)\b|\s*[,.;:)\n]|\s*\Z|(?-i:\s+[A-Z(]))"""

# One provision id: a number with its sub-divisions, or sub-divisions alone (the rest
# comes from the provision it is part of: "38(1) and (2)", "paragraph (4) of regulation K5"),
# or a roman numeral (`ROMAN_ID`).
#   "149(1)"  "26A(1)"  "K5"  "12a"  "4.14"  "149(1)(a)"  "57"  "(2)"  "(4)(b)"  "IV"
PROVISION_ID = rf"""(?:
    [A-Z]?\d{{1,4}}[A-Za-z]{{0,2}}(?:\.\d{{1,3}})*(?:\s?{SUBDIVISION_ID})*
  | {SUBDIVISION_ID}(?:\s?{SUBDIVISION_ID})*
  | {ROMAN_ID}
)"""

# The word naming the kind of provision, with its abbreviations.
#   "section"  "sections"  "s."  "s"(glued: "s22A")  "ss."  "article"  "art."
#   "regulation"  "reg."  "schedule"  "sch."  "paragraph"  "para."  "part"  "rule"
PROVISION_WORD = r"""
    (?<![\w-])(?P<word>
        (?:sub-?)?sections? | ss?\.\s? | s(?=\d) | articles? | arts?\.? (?=[\s\d])
      | regulations? | regs?\.? (?=[\s\d]) | schedules? | sch\.? (?=[\s\d])
      | (?:sub[-\ ]?)?paragraphs? | paras?\.? (?=[\s\d(]) | parts? | rules? | chapters?
      | clauses?
    )
"""

# A provision, or a list or range of them.
#   "section 149(1)"  "sections 82 and 84"  "s. 149"  "s22A"  "sections 26(1) and 26A(1)"
#   "Part C, section 7"  "sections 12 to 15"  "section 38(1) and (2)"  "paragraph (4)"
PROVISION_LIST = rf"""
    {PROVISION_WORD}\s*
    (?P<ids>{PROVISION_ID}(?:\s*(?:,|and|or|&|to|-|–)\s*{PROVISION_ID})*)
"""

# A protocol to the European Convention on Human Rights, by its ordinal or its number.
#   "the First Protocol"  "Protocol 1"  "Protocol No. 1"  "the Thirteenth Protocol"
PROTOCOL = r"""
    (?:the\s+)?(?P<ordinal>First|Fourth|Sixth|Seventh|Twelfth|Thirteenth)\s+Protocol\b
  | Protocol\s+(?:No\.?\s*)?(?P<number>\d{1,2})\b
"""

# The ordinals a protocol is cited by, as its number.
PROTOCOL_ORDINALS = {"first": "1", "fourth": "4", "sixth": "6", "seventh": "7",
                     "twelfth": "12", "thirteenth": "13"}

# An article cited of what follows, ending where it starts (a protocol to the Convention).
#   "Article 1 of the "  "Articles 1 and 2 of "  "Art. 1 of "
ARTICLE_OF = re.compile(
    r"""\b(?:articles?|arts?\.?)\s*\d{1,2}[A-Za-z]?(?:\s*(?:,|and|&)\s*\d{1,2}[A-Za-z]?)*
        \s+of\s+(?:the\s+)?\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# An article cited right before a protocol, with or without "of": "Article 1 of the "
# (before "First Protocol"), "Article 1 " (before "Protocol 1", as "A1P1" is spelt out).
ARTICLE_BEFORE_PROTOCOL = re.compile(
    r"""\b(?:articles?|arts?\.?)\s*\d{1,2}[A-Za-z]?(?:\s*(?:,|and|&)\s*\d{1,2}[A-Za-z]?)*
        \s+(?:of\s+(?:the\s+)?)?\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# What a protocol is "of" or "to" when it is not the Convention's: "Protocol 2 of the data
# sharing agreement" (but "Protocol 1 to the Convention", "... to the ECHR").
PROTOCOL_OF_ANOTHER = re.compile(
    r"""\s+(?:of|to|in|under)\s+
        (?!(?:the\s+)?(?:European\s+)?Convention\b|(?:the\s+)?ECHR\b|(?:the\s+)?Human\s+Rights\b)""",
    re.VERBOSE | re.IGNORECASE,
)

# One level of a provision: a provision list or a protocol.
PROVISION_LEVEL = rf"""(?:(?P<prov>{PROVISION_LIST}) | (?P<protocol>{PROTOCOL}))"""

# A definition in quotes right after a provision: ' ("s106")'  ' (the "Reg K5")'.
_QUOTED_DEFINITION = r"""(?:\s*\(\s*(?:the\s+)?["“‘'][^"”’'()]{1,30}["”’']\s*\))?"""

# What a provision names when it is the thing made under an instrument:
# "S22A Agreement under the Police Act 1996", "a section 106 agreement under the ...".
_MADE_UNDER = r"""(?:\s+(?:agreements?|notices?|orders?|arrangements?|directions?)
                  (?=\s+under\b))?"""

# A provision written before its instrument, ending where the instrument starts.
#   "section 149(1) of the "  "Article 35 of the "  "Regulation K5 of the "
#   "schedule 12a of the "  "the Schedule of the " (no id: the instrument's schedule)
#   'section 106 ("s106") of the '  "S22A Agreement under the "  "the First Protocol to the "
#   "sections 22B and 22C into the " (an amending Act "inserted" them into the one named)
PROVISION_BEFORE = re.compile(
    rf"""
    (?:
        {PROVISION_LEVEL}{_QUOTED_DEFINITION}{_MADE_UNDER}
      | (?P<bare>\b[Ss]chedule)
    )
    \s+(?:of|to|under|in|into)\s+(?:the\s+)?(?:above\s+|said\s+)?\Z
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A provision written right before an abbreviated instrument, with no "of".
#   "Article 14 ECHR"  "Article 35 GDPR"  "section 57 DPA 2018"
PROVISION_BESIDE = re.compile(
    rf"""(?P<prov>{PROVISION_LIST})\s+\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# A provision written right before an instrument's full title, with no "of" between,
# as lists of powers in council reports cite them: "Section 120 Local Government Act
# 1972 - power to acquire land", "s.111 Local Government Act 1972", "Sections 1 and 2
# Localism Act 2011". Only the kinds an Act or a set of Regulations is divided into and
# plain ids: "paragraph 4.2 Equality Act 2010" and "Part 3 Human Rights Act 1998" read as
# a report's own numbering, "clause 5 Data Protection Act 2018" as a contract's; and only
# spaces between, on one line.
_PLAIN_ID = rf"[A-Z]?\d{{1,4}}[A-Za-z]{{0,2}}(?![.\d])(?:\s?{SUBDIVISION_ID})*"
PROVISION_BESIDE_TITLE = re.compile(
    rf"""(?<![\w-])(?P<word>sections? | ss?\.\s? | s(?=\d) | articles? | regulations? | regs?\.?
                          | schedules? | sch\.?)
        \s*(?P<ids>{_PLAIN_ID}(?:\s*(?:,|and|&)\s*{_PLAIN_ID})*)[ \t]+\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# The kinds of statute each provision kind of `PROVISION_BESIDE_TITLE` divides: an Act
# has sections, a set of Regulations regulations, an Order or an EU instrument articles
# (the Human Rights Act 1998 too: its Schedule 1 repeats the Convention's articles, see
# `ACTS_SCHEDULING_THE_CONVENTION`); any of them may have schedules. "Section 2 Police
# Pensions Regulations 1987" is no citation of the Regulations.
BESIDE_TITLE_KINDS = {
    "section": frozenset({"act"}),
    "regulation": frozenset({"regulations"}),
    "article": frozenset({"order", "eu_regulation", "eu_directive", "convention",
                          "act_scheduling_the_convention"}),
    "schedule": frozenset({"act", "regulations", "order", "eu_regulation", "eu_directive"}),
}

# The provision a provision is part of, written before it. A schedule's paragraph or
# part is also written "to" it, as the schedule is "to" its Act ("paragraph 3 to Schedule
# 12A"); `link` says which word, and only those kinds may take "to" (`PARTS_OF_SCHEDULE`).
#   "Paragraph 7 of " (before "Schedule 3 to the ...")  "Article 1 of " (before "the First
#   Protocol")  "paragraph 3 of " (before "Part 1 of Schedule 12A")  "paragraph 3 to "
PROVISION_OF = re.compile(
    rf"""{PROVISION_LEVEL}{_QUOTED_DEFINITION}\s+(?P<link>of|to)\s+\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# What a schedule is divided into: the kinds that may be written "to" a schedule.
PARTS_OF_SCHEDULE = frozenset({"paragraph", "part"})

# The provision a provision is part of, or a part of it, written before it with a comma;
# which holds which is read from the kinds (see `PROVISION_RANKS`).
#   "Paragraph 3, " (before "Part 1, Schedule 12A of the ...")
PROVISION_COMMA = re.compile(
    rf"""(?P<prov>{PROVISION_LIST})\s*,\s*\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# A provision of the same kind listed before another, each with its own word: "Section 7
# and " (before "Section 13 of the ..."), "Section 5, " (before "Section 7 and ...").
PROVISION_SIBLING = re.compile(
    rf"""(?P<prov>{PROVISION_LIST})\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&)\s+)\Z""",
    re.VERBOSE | re.IGNORECASE,
)

# How far out a kind of provision stands: a schedule holds parts, a part chapters, a
# chapter sections, a section subsections; a schedule's paragraphs sit within its parts.
PROVISION_RANKS = {"protocol": 6, "schedule": 6, "part": 5, "chapter": 4, "section": 3,
                   "regulation": 3, "article": 3, "rule": 3, "clause": 3, "paragraph": 2,
                   "subsection": 1}

# A provision written after its instrument.
#   ", s. 149"  ", sections 26(1) and 26A(1)"  " section 149"  " (as amended), s.3"
#   " (section 17)"  ", Reg K5"
PROVISION_AFTER = re.compile(
    rf"""
    (?:\s*\(as\ amended\))?\s*[,(]?\s*
    {PROVISION_LEVEL}
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A provision within the one just read after an instrument, outermost first.
#   ", paragraph 3" (after "the Local Government Act 1972, Schedule 12A")
PROVISION_WITHIN_AFTER = re.compile(
    rf"""\s*,\s*(?P<prov>{PROVISION_LIST})""",
    re.VERBOSE | re.IGNORECASE,
)

# Provisions that contain others and are cited outermost first after an instrument.
CONTAINER_WORDS = frozenset({"schedule", "part", "chapter", "protocol"})

# Provisions whose own parts are numbered in brackets: "paragraph (4) of regulation K5"
# is regulation K5(4), "subsection (2) of section 38" is section 38(2); a schedule's
# paragraphs are numbered plainly ("schedule 12A, paragraph 3").
BRACKETED_PARTS = frozenset({"section", "subsection", "regulation", "article", "rule"})

# A sub-division named later in the same sentence: "... 1987 states at sub paragraph (4)".
SUBDIVISION_AFTER = re.compile(
    r"""[^.;:]{0,100}?\b(?:at|in)\s+sub[- ]?(?:paragraph|section|regulation|article)\s*
        (?P<sub>\(\s?[0-9A-Za-z]{1,4}\s?\))""",
    re.VERBOSE | re.IGNORECASE,
)

# An abbreviation the text defines right after a title.
#   " (the PCRs)"  " (GDPR)"  " (“the Act”)"  " (the 2018 Act)"  " (DPA)"
DEFINITION_AFTER = re.compile(
    r"""\s*\(\s*(?:the\s+|hereafter\s+|hereinafter\s+)?["“‘']?
        (?P<abbr>(?:the\s+)?[A-Z0-9][A-Za-z0-9 .]{0,24}?)
        ["”’']?\s*\)""",
    re.VERBOSE,
)

# An abbreviation defined in brackets: "(HRA)"  "(the PCRs)"  '("EIR")'. What it stands
# for is read from the words before it (see `pipeline.extract.citations`).
OTHER_DEFINITION = re.compile(
    r"""\(\s*(?:the\s+)?["“‘']?(?P<abbr>[A-Z][A-Z0-9]{1,7}s?)["”’']?\s*\)""",
    re.VERBOSE,
)

# The words that end an instrument's title, as the text capitalises them.
KIND_WORD = re.compile(r"\b(?:Acts?|Regulations?|Orders?|Rules|Directive|Convention|Measure)\b")

# A section cited without its instrument, used as a name: "Section 106 Agreements",
# "s106 contributions", "section 278 agreement". The word boundary is a look-behind
# after the "S", so the search jumps between letters S instead of trying every character.
_NAMED_BY_SECTION = r"""(?:[Aa]greements?|[Cc]ontributions?|[Oo]bligations?|monies|[Ff]unding|
    [Pp]ayments?|[Nn]otices?|[Ll]egal\s+[Aa]greements?|[Pp]lanning\s+[Oo]bligations?|
    property|developer)\b"""
BARE_SECTION = re.compile(
    rf"""(?P<prov>[Ss](?<!\w[Ss])(?:ection|\.?)\s?(?P<id>\d{{1,4}}[A-Z]?))
        (?=\s+{_NAMED_BY_SECTION})""",
    re.VERBOSE,
)

# The abbreviated forms ("S106", "s.106"), which no report uses for its own sections,
# also name money and may carry up to three describing words before the noun: "S106
# open space contributions", "S106 Community Facilities contributions", "s.106 receipts"
# (but "Section 5 Capital Funding" is a report's heading, and "S10 3BP" a postcode).
_DESCRIBING_WORD = r"""(?!(?:and|or|the|of|to|for|in|on|at|by|is|are|was|were|be|will|has|
    have|with|from)\b)[A-Za-z][A-Za-z-]*\s+"""
BARE_SECTION_ABBREVIATED = re.compile(
    rf"""(?P<prov>[Ss](?<!\w[Ss])\.?\s?(?P<id>\d{{1,4}}[A-Z]?))
        (?=\s+(?:{_DESCRIBING_WORD}){{0,3}}
           (?:{_NAMED_BY_SECTION}|(?:[Mm]on(?:ey|ies)|[Ff]unds?|[Rr]eceipts?|[Ss]ums?|
                                   [Aa]llocations?)\b))""",
    re.VERBOSE,
)

# A section an agreement is made under, cited without its instrument: "a legal agreement
# under section 106 to secure ...", "obligations pursuant to s.278." (not "... section 3
# of the contract", which names its instrument).
BARE_SECTION_UNDER = re.compile(
    r"""\b(?:[Aa]greements?|[Oo]bligations?)\s+(?:under|pursuant\s+to)\s+
        (?P<prov>(?:[Ss]ection|[Ss]\.?)\s?(?P<id>\d{1,4}[A-Z]?))
        (?![\w(])(?!\s+(?:of|in)\b|\s+to\s+the\b)""",
    re.VERBOSE,
)

# Kind of provision as the record writes it.
PROVISION_WORDS = {
    "section": "section",
    "sections": "section",
    "s.": "section",
    "s": "section",
    "ss.": "section",
    "subsection": "subsection",
    "sub-section": "subsection",
    "subsections": "subsection",
    "sub-sections": "subsection",
    "article": "article",
    "articles": "article",
    "art.": "article",
    "arts.": "article",
    "regulation": "regulation",
    "regulations": "regulation",
    "reg.": "regulation",
    "regs.": "regulation",
    "reg": "regulation",
    "regs": "regulation",
    "art": "article",
    "arts": "article",
    "para": "paragraph",
    "paras": "paragraph",
    "sch": "schedule",
    "schedule": "schedule",
    "schedules": "schedule",
    "sch.": "schedule",
    "paragraph": "paragraph",
    "paragraphs": "paragraph",
    "para.": "paragraph",
    "paras.": "paragraph",
    "subparagraph": "paragraph",
    "sub-paragraph": "paragraph",
    "part": "part",
    "parts": "part",
    "rule": "rule",
    "rules": "rule",
    "chapter": "chapter",
    "chapters": "chapter",
    "clause": "clause",
    "clauses": "clause",
}

# Words that cannot start an instrument's title: "Under the ...", "Both the ...".
NOT_TITLE_START = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "under",
        "in",
        "with",
        "both",
        "as",
        "by",
        "from",
        "of",
        "and",
        "or",
        "to",
        "for",
        "subject",
        "pursuant",
        "according",
        "accordance",
        "following",
        "per",
        "see",
        "where",
        "when",
        "its",
        "our",
        "their",
        "any",
        "each",
        "all",
        "every",
        "either",
        "neither",
        "also",
        "however",
        "further",
        "furthermore",
        "moreover",
        "notwithstanding",
        "since",
        "given",
        "because",
        "although",
        "section",
        "sections",
        "article",
        "articles",
        "regulation",
        "schedule",
        "part",
        "paragraph",
        "rule",
        "chapter",
        "clause",
        "s",
        "ss",
        "sub",
        "whilst",
        "while",
        "if",
        "unless",
        "whereas",
        "within",
    ]
)

# The Convention, and the Acts that set out its articles in a schedule: an "article" cited
# of such an Act, or "the Convention" after it, is the Convention's (the Human Rights Act
# 1998's own provisions are sections; its Schedule 1 repeats the Convention's articles).
CONVENTION = "European Convention on Human Rights"
ACTS_SCHEDULING_THE_CONVENTION = frozenset({"Human Rights Act 1998"})

# What a back-reference's last word refers to.
BACKREF_KINDS = {
    "act": ("act",),
    "acts": ("act",),
    "order": ("order",),
    "regulations": ("regulations", "eu_regulation"),
    "regulation": ("eu_regulation",),
    "directive": ("eu_directive",),
    "convention": ("convention",),
}
