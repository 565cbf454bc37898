"""What extractors return: a value, where it was read, and the rule that read it.

Findings are plain frozen data; `pipeline.assemble` turns them into the pydantic
items of the record and attaches page, section and paragraph.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

_NO_VALUES: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Finding:
    field: str
    start: int
    end: int
    rule: str
    values: Mapping[str, Any] = dataclasses.field(default_factory=lambda: _NO_VALUES)
    repaired: bool = False


@dataclass(frozen=True)
class Note:
    """Something an extractor was unsure of: becomes a record warning."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None


def finding(
    field_name: str, start: int, end: int, rule: str, repaired: bool = False, **values: Any
) -> Finding:
    return Finding(field_name, start, end, rule, MappingProxyType(dict(values)), repaired)
