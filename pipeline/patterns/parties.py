"""Word lists and a character pattern for suppliers and funders, as data.

The token cues themselves are in `parties.jsonl`; these say what the words around a
cue mean.
"""

from __future__ import annotations

import re

# A money sentence about money coming in: "accept grant funding of £X from ...".
FUNDING_WORDS = frozenset(
    [
        "funding",
        "funds",
        "fund",
        "funded",
        "grant",
        "grants",
        "contribution",
        "contributions",
        "allocation",
        "allocations",
        "monies",
        "sponsorship",
        "donation",
    ]
)

# Words showing the decision maker receives the money named next to a body.
RECEIPT_WORDS = frozenset(
    [
        "accept",
        "accepts",
        "accepted",
        "acceptance",
        "receive",
        "receives",
        "received",
        "receipt",
        "receipts",
        "from",
        "awarded",
        "offered",
        "offer",
        "confirmed",
        "allocated",
        "allocation",
        "secured",
        "agreement",
        "agreements",
        "provided",
        "via",
    ]
)

# Role of the organisation after "to", by the award word that came before it.
TRIGGER_ROLES = {
    "award": "contractor",
    "awards": "contractor",
    "awarded": "contractor",
    "awarding": "contractor",
    "contract": "contractor",
    "contracts": "contractor",
    "call-off": "contractor",
    "subcontract": "contractor",
    "sub-contract": "contractor",
    "direct": "contractor",
    "commission": "commissioned",
    "commissioned": "commissioned",
    "grant": "grant_recipient",
    "grants": "grant_recipient",
    "granted": "grant_recipient",
    "funding": "grant_recipient",
    "fund": "grant_recipient",
    "funds": "grant_recipient",
    "allocate": "grant_recipient",
    "allocated": "grant_recipient",
    "allocation": "grant_recipient",
    "donation": "grant_recipient",
    "subsidy": "grant_recipient",
    "loan": "grant_recipient",
    "transfer": "grant_recipient",
    "transferred": "grant_recipient",
    "novate": "novation_recipient",
    "novated": "novation_recipient",
    "novation": "novation_recipient",
    "provide": "grant_recipient",
    "provided": "grant_recipient",
    "providing": "grant_recipient",
    "release": "grant_recipient",
    "released": "grant_recipient",
    "expenditure": "payee",
    "paid": "payee",
    "pay": "payee",
    "payment": "payee",
    "payments": "payee",
    "fee": "payee",
    "fees": "payee",
}

# The lead-in of a grants list, in the lines just before its first item: "The following
# grants were awarded:", "Grant allocations 2024/25".
GRANT_LIST_LEAD_IN = re.compile(r"\b(?:grants?|awards?|awarded|allocations?|allocated|"
                                r"payments?|paid|payable)\b", re.IGNORECASE)
GRANT_LIST_REACH = 300  # characters before an item searched for the lead-in

# A line of a grants list: "Paxton Green Time Bank - £15,000 for ...",
# "• Royal Horticultural Society – £25,000 towards ...".
# Also "(i) Westmere Association for the Blind, £5,000, towards ..." and a payments
# schedule's "5.5.2 Scofell, Grounds maintenance for May, £618".
GRANT_LIST_ITEM = re.compile(
    r"""^[ \t]*(?:[•·▪*]\s*|\(?(?:[ivx]{1,4}|[a-z]|\d{1,2}(?:\.\d{1,2}){0,2})[.)]?[ \t]+)?
        (?P<name>[A-Z][\w’'&.()]*(?:[ \t]+[\w’'&.()]+){0,9}?)
        (?:[ \t]+[-–—:][ \t]+|,[ \t]+(?:[^\n£,]{1,80},[ \t]+)?)(?:£|GBP\s?)\d""",
    re.VERBOSE | re.MULTILINE,
)

# Words that end the clause an award word governs: "..., given the project's importance to".
CLAUSE_BREAKS = frozenset(
    [
        "which",
        "that",
        "who",
        "whom",
        "whose",
        "where",
        "because",
        "given",
        "while",
        "whilst",
        "although",
        "but",
        "however",
        "so",
        "if",
        "unless",
        "when",
        "whether",
        ";",
        ":",
        ".",
    ]
)

# Words that name an award, so "via X" in the same sentence is a grant or contract route.
AWARD_WORDS = frozenset(
    [
        "award",
        "awards",
        "awarded",
        "grant",
        "grants",
        "granted",
        "contract",
        "contracts",
        "contracted",
        "commission",
        "commissioned",
        "allocate",
        "allocated",
        "allocation",
        "payment",
        "payments",
        "paid",
        "fees",
        "fee",
        "funding",
    ]
)

# An abbreviation defined in brackets after a name: "Department for Education (DfE)".
DEFINITION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z+&]*[A-Z][A-Za-z]*)\)")

# Cues that are verbs only in lower case: "to award Hitch Marketing funding", not
# "Grant Administration Services".
LOWER_CASE_CUES = frozenset(["award-org-funding", "commission-org"])

# What a name read beside each cue must show to be kept, by cue id ("legal": a legal form
# or a table's body, for rules with no cue word at all): "common" takes any
# name (everyday words too: "the award of a contract to Street League"), "proper" needs a
# word that is mostly a name, an acronym or better ("delivered by Veolia"), "head" an
# organisation noun, legal form or a table's body ("Hartlepool Council grant"), "known"
# a body of the public bodies table. The strongest cues say outright that the name is the
# counterparty of an award, contract or grant; looser ones ("provided by", "funded by",
# "X grant") are as often followed by a service, a programme or a place.
CUE_NEEDS = {
    "recommended-supplier-is": "common",
    "selection-of": "common",
    "incumbent-supplier": "common",
    "has-been-appointed": "common",
    "award-trigger": "common",
    "purchase-from": "common",
    "contract-with": "common",
    "grant-list-item": "proper",
    "company-number": "common",
    "holder-of-contract": "common",
    "money-to": "common",
    "applicant-of-grant": "common",
    "application-from": "common",
    "requested-funding": "common",
    "award-table-row": "proper",
    "listed-award": "common",
    "applicant-awarded": "common",
    "enabled-by-funding": "head",
    "money-to-company": "legal",
    "agreement-with": "common",
    "agreed-with": "proper",
    "held-contract": "proper",
    "commission-org": "proper",
    "award-org-funding": "proper",
    "services-of": "proper",
    "provided-by": "proper",
    "provided-by-company": "legal",
    "awarded-by": "proper",
    "funding-from-name": "proper",
    "org-has-funded": "head",
    "org-grant-funding": "head",
    "funding-body-table": "known",
    "funding-agreement-with": "common",
}

# Words before "from" that make the named body an applicant, not a giver: "the £500k
# application to the Low Carbon Fund from X".
APPLICATION_WORDS = frozenset(["application", "applications"])

# Award words that name a recipient only when money is in the sentence: "£21,500 will be
# provided to X", but "support provided to residents".
MONEY_ONLY_TRIGGERS = frozenset(["provide", "provided", "providing", "release", "released"])

# Verbs by which an organisation other than the decision maker receives money: "X received
# funding from Y" makes Y a third party's funder.
THIRD_PARTY_RECEIPT = frozenset(["received", "receives", "secured", "obtained", "awarded",
                                 "won", "got"])

# Words between "to" and the recipient's name: "£1.5m to a consortium led by X".
LEAD_INS = tuple(phrase.split() for phrase in (
    "a consortium led by", "the consortium led by", "a partnership led by",
    "the partnership led by", "a consortium headed by", "a partnership headed by"))

# The header line of a table of awards: "Applicant   Amount granted", "Organisation | Award".
AWARD_TABLE_HEADER = re.compile(
    r"""^[ \t|]*(?:applicants?|recipients?|organisations?|grantees?|suppliers?|
        contractors?|providers?|name\ of\ (?:applicant|organisation))\b
        [^\n]*\b(?:amount|award(?:ed)?|grant(?:ed)?|value|funding|£)""",
    re.VERBOSE | re.IGNORECASE | re.MULTILINE,
)
# A row of such a table: a name, then an amount ("Broughton Parish Council £580,000.00").
AWARD_TABLE_ROW = re.compile(
    r"""^[ \t|]*(?P<name>[A-Z][^\n£|\t]{1,80}?)[ \t|]+(?:£|GBP\s?)\d[\d,.]*""",
    re.VERBOSE | re.MULTILINE,
)

# Verbs after "to" that name the body the money enables: "£4,600 from the fund to enable
# X to complete the works".
ENABLING_VERBS = frozenset(["enable", "allow", "help", "assist"])

# Words before "to" that make a following company a buyer or a comparison, not a payee:
# "the site was sold to X Ltd", "compared to X Ltd's price".
NOT_PAYMENT_TO = frozenset(["sold", "sale", "sell", "selling", "disposal", "dispose", "let",
                            "lease", "leased", "leasing", "transferred", "compared",
                            "similar", "addition", "respect", "relation", "regard", "due",
                            "up", "prior", "subject", "according", "pursuant", "next"])

# Words before "agreement with" that make it a planning or property deed with a developer
# or landowner, not a contract for goods, works or services: "a section 106 agreement with".
NOT_CONTRACT_AGREEMENTS = frozenset(["106", "s106", "s.106", "planning", "legal", "deed",
                                     "lease", "tenancy", "option", "land", "sale",
                                     "development", "nomination", "nominations"])

# An amount paid straight to a name: "b) £776,206 to Harrowgate Trust", "£1.2m to the
# Council", "£20k to Kestrel CIC"; the name is read from the token after "to".
MONEY_TO = re.compile(
    r"""[£$€]\s?\d[\d,]*(?:\.\d+)?      # £776,206  £1.2
        (?:\s?(?:k|m|bn|million|billion)\b)?  # m  million
        \s+to\s(?=\S)                       # to, then the name
    """,
    re.VERBOSE | re.IGNORECASE,
)

# An award to recipients listed on the lines after it: "To award framework agreements to
# the below organisations." then "1. X", "2. Y"; "grants to the following groups:". The
# "to the following ..." is found first; the award word is looked for before it, on its line.
LISTED_RECIPIENTS = re.compile(
    r"""\bto\s+(?:the\s+)?(?:following|below|above|listed|successful|named)\s+
        (?:organisations?|organizations?|suppliers?|contractors?|providers?|bidders?|
           tenderers?|companies|firms|recipients?|applicants?|groups?|charities|bodies)\b
        [^\n]*\n""",
    re.VERBOSE | re.IGNORECASE,
)
AWARD_BEFORE = re.compile(
    r"""\b(?P<award>award(?:s|ed|ing)?|grant(?:s|ed)?|allocat(?:e|ed|ion)|contracts?|
                  funding|payments?|paid|appoint(?:ed|ment)?)\b[^.\n]{0,200}\Z""",
    re.VERBOSE | re.IGNORECASE,
)
# The mark opening a list line: "1.", "2)", "(a)", "a)", "•", "-".
LIST_LINE = re.compile(
    r"""[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[•·▪*\-–])[ \t]+  # 1.  2)  (a)  •
        (?P<name>[A-Z][^\n:;(£]{1,80}?)                           # the name
        [ \t]*(?:$|[:;(£]|\s[-–]\s|\svia\s|\sfor\s)              # then its end""",
    re.VERBOSE | re.MULTILINE,
)

# Words before "X contract" that make X the holder, not the subject, of the contract: "the
# existing Capita contract" (but "the Cleaning Contract", "the NMS contract" name a subject).
HOLDER_WORDS = frozenset(["existing", "current", "incumbent", "previous", "outgoing"])

# Words that, with an amount before "from", make the money the decision maker's income:
# "MOPAC will receive £40,000 from X", "accept an award of £95,000 from X".
INCOME_WORDS = frozenset(["receive", "receives", "received", "receipt", "accept", "accepts",
                          "accepted", "acceptance", "secure", "secured", "award", "awarded"])

# Nouns that close a description of the recipient before its name: "to the Council's
# trading company, Persona", "to our delivery partner, Street League".
PARTY_NOUNS = frozenset(["company", "organisation", "organization", "charity", "trust",
                         "provider", "partner", "supplier", "contractor", "consultancy",
                         "consultant", "firm", "body", "operator", "agency", "group"])

# A grants schedule: "Applicant: X" and, before the next applicant, "Decision: Award grant
# of £N" (not "Decision: Reject"); the applicant of an award is its recipient.
APPLICANT_LINE = re.compile(r"^[ \t]*Applicant[ \t]*:[ \t]*(?P<name>[^\n]{2,120}?)[ \t]*$",
                            re.MULTILINE)
DECISION_LINE = re.compile(r"^[ \t]*Decision[ \t]*:[ \t]*(?P<decision>[^\n]*)$", re.MULTILINE)
AWARDED = re.compile(r"\b(?:award|awarded|approve|approved|offer|offered)\b", re.IGNORECASE)
NOT_AWARDED = re.compile(r"\b(?:reject|rejected|refuse|refused|decline|declined|defer|"
                         r"deferred|withdrawn|not\s+approved|planning|permission|consent)\b",
                         re.IGNORECASE)
