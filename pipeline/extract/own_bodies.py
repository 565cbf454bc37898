"""The deciding body's own organisations, which are never its suppliers.

A police and crime commissioner's decisions fund and transfer money to the force it
oversees ("To award Surrey Police £2,650", "release of funding to Cleveland Police"), just
as MOPAC's go to the Met: the force is the deciding side, not a contractor. The area is read
from the commissioner's title as the document or its body prints it ("Police and Crime
Commissioner for Surrey", "Surrey Police and Crime Commissioner", "Surrey PCC").
"""

from __future__ import annotations

import re

from pipeline.extract.names import normalised_name

_AREA = r"[A-Z][\w’'-]+(?:\s(?:and\s)?[A-Z][\w’'-]+){0,3}"
_COMMISSIONER = r"Police,?\s(?:Fire\sand\s)?(?:and\s)?Crime\sCommissioner"
_PCC_AREAS = (
    re.compile(rf"{_COMMISSIONER}\s(?:for|of)\s(?:the\s)?(?P<area>{_AREA})"),
    re.compile(rf"(?P<area>{_AREA})(?:’s?|'s?)?\s(?:{_COMMISSIONER}|P(?:F)?CC\b)"),
)
# What a commissioner's area names as its own: "Surrey Police", "Cleveland Constabulary".
_OWN_KINDS = ("police", "constabulary", "police service", "police force",
              "fire and rescue service", "fire rescue service", "police and crime commissioner",
              "police fire and crime commissioner", "pcc", "opcc")
_NOT_AREAS = frozenset(["the", "acting", "deputy", "office", "your", "our", "a"])


def own_body_names(text: str, body: str | None) -> frozenset[str]:
    """Normalised names of the police force (and fire service) of the commissioner whose
    decision this is; empty when the document is no commissioner's."""
    areas: set[str] = set()
    for source in (body or "", text[:_HEAD]):
        for pattern in _PCC_AREAS:
            for match in pattern.finditer(source):
                area = normalised_name(match.group("area"))
                words = area.split()
                while words and words[0] in _NOT_AREAS:
                    words = words[1:]
                if words:
                    areas.add(" ".join(words))
    return frozenset(f"{area} {kind}" for area in areas for kind in _OWN_KINDS)


_HEAD = 20_000  # the title and first pages name the commissioner
