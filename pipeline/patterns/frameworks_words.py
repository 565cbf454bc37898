"""Words that decide whether a "framework" is a procurement framework, as data.

A framework in a decision is a route to market someone else set up (a buying
organisation, another authority) that the decision buys through: "called off from",
"via", "under", "the X framework permits direct award". The decider's own framework being
procured or awarded ("approve the award of a framework agreement to ...", "appoint
contractors onto the Roofing Framework") is the decision's subject, not its route; and a
policy "framework" (governance, assurance, contract management) is no procurement at all.
"""

from __future__ import annotations

import re

# Names of frameworks that are policies, not buying routes: "National Planning Policy
# Framework", "Outcomes Framework", "Contract Management Framework", "Local Growth
# Assurance Framework" -- unless the name also says what is bought (BUYING_NOUN):
# "Risk Management Services Framework", "Internal Audit Services framework".
NOT_PROCUREMENT = re.compile(
    r"\b(?:policy|planning|strategy|strategic|outcomes?|governance|regulatory|"
    r"performance|competenc\w*|qualifications?|assessment|risk|control|accountability|"
    r"financial|funding|fiscal|spending|economic|delivery plan|safeguarding|learning|"
    r"curriculum|assurance|contract management|monitoring|evaluation|reporting|"
    r"commissioning|investment|transparency|equality|equalities|practice|workforce|"
    r"spatial|local development|decision[- ]making|delegation|constitution\w*|ethic\w*|"
    r"values|audit|budget\w*|treasury|data protection|climate|carbon|skills|growth|"
    r"resilience|legislative|statutory|legal framework|fund|act|section|scheme|plan|"
    r"regulations|rules|levelling|pay|remuneration|grading|standards|social value|grants?|"
    r"responsible|kpis?|indicators?)\b",
    re.IGNORECASE,
)

BUYING_NOUN = re.compile(
    r"\b(?:services|works|supplies|solutions|materials|products|equipment|consultancy|"
    r"maintenance|construction|vehicles|goods|hire|provision)\b",
    re.IGNORECASE,
)

# The words right before a framework that make it the route of this purchase:
#   "called off from the", "via the", "under the Council's", "procured using", "on the",
#   "pursuant to TfL's", "through Lot 2 of the"
ROUTE_BEFORE = re.compile(
    r"\b(?:from|via|under|through|using|utilising|utilizing|off|on|against|pursuant\s+to|"
    r"use\s+of|uses?|utilis(?:e|es)|utiliz(?:e|es)|access(?:ed|ing)?|lot\s+\w+\s+of)\s+"
    r"(?:(?:the|a|an|its|their|our|this|that|existing|current)\s+){0,2}(?:\S+['’]s?\s+)?\Z",
    re.IGNORECASE,
)

# The words right before a framework that make it the decision's own (being set up,
# bought, awarded or joined), not a route it buys through:
#   "establish a new", "the award of a", "procuring a", "appointed onto",
#   "appointed to each of the", "tender for the", "replacement"
OWN_BEFORE = re.compile(
    r"\b(?:establish\w*|creat\w*|set(?:ting)?\s+up|develop\w*|design\w*|award(?:ing)?\s+of|"
    r"procur(?:e|es|ing)|procurement\s+of|re-?procure\w*|(?:re-?)?tender(?:ing)?\s+for|"
    r"appoint\w*\s+(?:on)?to(?:\s+each\s+of)?|onto|replac\w*|let(?:ting)?)\s+"
    r"(?:(?:the|a|an|this|that|its|their|our|new|proposed|replacement|successor|single|"
    r"multi[- ]supplier|\S+['’]s?|\d+|one|two|three|four|five|six)\s+){0,3}\Z",
    re.IGNORECASE,
)

# The words right before a framework that make it one that may or may not be used, not a
# named route: "whether a CCS framework", "any ESPO framework", "a suitable YPO framework".
HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:whether|if|any|no|suitable|appropriate|possible|potential|alternative|another|"
    r"other|a|an)\s+(?:(?:a|an|suitable|appropriate|other)\s+)?\Z",
    re.IGNORECASE,
)

# A framework named by nobody but itself is a route only when a buying verb leads to it:
#   "called off from the", "bought from the", "appointed from the", "procured via the",
#   "a further competition was held under the", "award of a call-off contract from a"
BOUGHT_THROUGH = re.compile(
    r"\b(?:call(?:ed|ing)?[- ]?offs?|bought|buy(?:ing|s)?|procur(?:e|ed|es|ing)|"
    r"purchas(?:e|ed|es|ing)|award(?:ed|s|ing)?|appoint(?:ed|s|ing)?|"
    r"commission(?:ed|s|ing)?|sourc(?:e|ed|es|ing)|suppl(?:y|ied|ies)|order(?:ed|s)?|"
    r"hired?|leased?|competition|access(?:ed|ing)?)\b[^.;:]{0,60}?"
    r"\b(?:from|via|under|through|using|utilising|utilizing|off|on|pursuant\s+to|use\s+of|"
    r"lot\s+\w+\s+of)\s+(?:(?:the|a|an|its|their|our|this|that|existing|current)\s+){0,2}"
    r"(?:\S+['’]s?\s+)?\Z",
    re.IGNORECASE,
)

# The words right before a framework that say the purchase uses it, with no buying verb
# of their own: "will use the", "access the existing", "utilise the Council's". Such a
# framework is a route when its name says what it buys (`BUYING_NOUN`: "the Southern
# Construction Framework", "the Highways Maintenance Framework"); "use the Quality
# Framework" is no purchase.
USED_BEFORE = re.compile(
    r"\b(?:use|uses|using|utilis(?:e|es|ing)|utiliz(?:e|es|ing)|access(?:es|ing)?)\s+"
    r"(?:(?:the|a|an|its|their|our|this|that|existing|current)\s+){0,2}(?:\S+['’]s?\s+)?\Z",
    re.IGNORECASE,
)

# A sentence that says a framework is used as a route, whatever comes before it:
#   "the EPP framework chosen permits direct award", "call-offs under the framework",
#   "a further competition", "a mini-competition", "the recommended route to market"
ROUTE_SENTENCE = re.compile(
    r"\b(?:call(?:ed|ing)?[- ]?offs?|direct(?:ly)?\s+award\w*|further\s+competition|"
    r"mini[- ]?competition|route\s+to\s+market)\b",
    re.IGNORECASE,
)

# A call-off made under a named vehicle that the sentence does not call a framework:
#   "a call-off contract pursuant to TfL's Surface Transport Infrastructure Construction"
#   "call-off order under the Pan-London Highways Term Maintenance"
# `prep` decides how much else is needed: "pursuant to" and "under" name the vehicle;
# after "from", "via" or "through" it must be a buying organisation's.
CALL_OFF = re.compile(
    r"\bcall(?:ed|ing)?[- ]?off(?:\s+(?:contract|order|agreement)s?)?\s+"
    r"(?P<prep>pursuant\s+to|under|from|via|through)\s+(?:the\s+)?",
    re.IGNORECASE,
)
CALL_OFF_NAMES_ALONE = ("pursuant", "under")

# Last words that make a call-off's capitalised object something other than a framework:
# an instrument ("the Public Contracts Regulations 2015", "Contract Standing Orders"),
# terms ("the NEC4 Term Service Contract") or a supplier ("Acme Services Ltd").
NOT_A_VEHICLE_HEAD = frozenset((
    "act", "acts", "regulation", "regulations", "order", "orders", "rules", "rule", "procedure",
    "procedures", "scheme", "policy", "strategy", "plan", "code", "terms", "conditions",
    "section", "clause", "schedule", "contract", "contracts", "agreement", "ltd", "limited",
    "plc", "llp", "cic", "inc", "council", "authority", "directive",
))

# Words between a framework and its reference number: "the CCS framework ref; RM6186",
# "framework reference: RM6100", "framework no. RM3804".
REFERENCE_GAP = frozenset(("ref", "ref.", "reference", "no", "no.", "number", ";", ":", "-",
                           "–", "(", "nos"))

# A framework's own reference after the word, kept in its name: "YPO framework 1010",
# "ESPO Framework 664_21", "framework ref 2019/045". Needs a digit and, when only digits,
# three or more of them ("the framework 2 years" is no reference).
REFERENCE_CODE = re.compile(r"^(?:[A-Za-z]{0,6}[-/_.]?)?\d[\w/._-]*$")
NOT_AFTER_CODE = frozenset(("years", "year", "months", "month", "weeks", "days", "%",
                            "per", "suppliers", "lots"))

# G-Cloud and RM numbers belong to Crown Commercial Service.
CCS_NAME = "Crown Commercial Service"

# Framework identifiers, matched on characters (rarer than any word, and spaCy splits
# "G-Cloud" into three tokens).  Each names the anchor kind the extractor gives it.
#   "RM6100"  "RM 6261"  "RM1557.11"  "RM1557ix"
RM_NUMBER = re.compile(r"\bRM\s?(?P<number>\d{3,4}(?:\.\d{1,2}|[ivx]{1,4})?)\b")
#   "G-Cloud 13"  "G Cloud 12"  "GCloud 14"  "G-Cloud13"
G_CLOUD = re.compile(r"\bG[\s-]?Cloud\s?(?P<number>\d{1,2})\b", re.IGNORECASE)
#   "Digital Outcomes and Specialists 5"  "Digital Outcomes 6"
DIGITAL_OUTCOMES = re.compile(
    r"\bDigital\s+Outcomes(?:\s+(?:and|&)\s+Specialists)?\s+(?P<number>\d{1,2})\b",
    re.IGNORECASE)
#   "Lot 2"  "lot 3a"
LOT = re.compile(r"\b[Ll]ot\s?(?P<number>\d{1,2}[a-zA-Z]?)\b")
# (anchor kind, a lower-case word the text must contain first, pattern)
IDENTIFIER_PATTERNS = (("IDENTIFIER", "rm", RM_NUMBER), ("GCLOUD", "cloud", G_CLOUD),
                       ("DOS", "outcomes", DIGITAL_OUTCOMES), ("LOT", "lot", LOT))

# A buying organisation's abbreviation with one of its frameworks' numbers, as such
# organisations number them ("NEPO307 Liquid Fuels", "YPO 1010 Office Furniture", "ESPO
# 664_21"), or glued to the word "Framework" by a text that lost its spaces
# ("LASERFramework"). `{owners}` is the table's capitalised abbreviations
# (buying_organisations.json; Crown Commercial Service numbers its agreements RM..., read
# by `RM_NUMBER`). The left boundary (no letter, digit, "-" or "_" before) is tested by
# hand: a pattern opening with a look-behind is tried at every character.
BUYER_CODE_TEMPLATE = r"""(?P<owner>{owners})
    (?: (?P<glued>Frameworks?)\b
      | (?P<space>\s?)(?P<number>\d{{3,4}}(?:_\d{{2}})?)(?!\w|[,.]\d) )"""

# What follows a number written apart from its owner (unless it has the "_21" of a
# version): a capitalised title, the framework word, or the end of the phrase; "ESPO 150
# schools" counts schools, "YPO 2021" is a year.
CODE_FOLLOWER = re.compile(r"\s*(?:[A-Z(]|[Ff]ramework|[Aa]greement|[),.;:]|\Z)")
YEAR_LIKE = re.compile(r"(?:19|20)\d\d")

# A purchasing consortium named by its buying organisation, used as the route of the
# purchase: "supplied via the LASER consortium", "bought through the ESPO consortium".
CONSORTIUM_WORDS = frozenset(("consortium", "consortia"))

# The words between a framework and the buying organisation after it that make that
# organisation its owner: "the national framework run by Bluelight Commercial", "the
# framework operated by the YPO".
OWNER_AFTER_GAP = re.compile(
    r"(?:run|operated|managed|let|established|provided|hosted|procured|owned|set\s+up)\s+by"
    r"(?:\s+the)?",
    re.IGNORECASE,
)
