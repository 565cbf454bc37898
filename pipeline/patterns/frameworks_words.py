"""Words that decide whether a "framework" is a procurement framework, as data."""

from __future__ import annotations

import re

# A sentence is about buying when it has one of these: "call-off", "award", "lot".
PROCUREMENT_CONTEXT = re.compile(
    r"\b(?:call[- ]?offs?|awards?|awarded|procure\w*|suppliers?|contracts?|lots?|route to market|"
    r"tender\w*|purchas\w*|buy\w*|mini[- ]competition|direct award|access(?:ed|ing)?|"
    r"place on|appointed|compliant)\b",
    re.IGNORECASE,
)

# Names of frameworks that are policies, not buying routes: "National Planning Policy
# Framework", "Outcomes Framework", "legal framework".
NOT_PROCUREMENT = re.compile(
    r"\b(?:policy|planning|strategy|strategic|outcomes?|governance|regulatory|"
    r"performance|competenc\w*|qualifications?|assessment|risk|control|accountability|"
    r"financial|funding|fiscal|spending|economic|delivery plan|safeguarding|learning|"
    r"curriculum|national curriculum)\b",
    re.IGNORECASE,
)

# A framework that does not exist yet: "the establishment of a ... Framework".
HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:establish\w*|creat\w*|set(?:ting)? up|develop\w*|design\w*|new)\b(?:\s+\w+){0,2}"
    r"\s+(?:of\s+)?(?:a|an|the)\s+[^.;]{0,40}\Z",
    re.IGNORECASE,
)

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
