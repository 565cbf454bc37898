"""Case tables (habit 7): typed rows, known misses, readable ids, lenient matchers.

A table is a list of typed rows (NamedTuples with an `id` and a `text`); a known miss is
the same row wrapped by `known_miss`, so the table documents the gap and the suite fails
when the gap closes. `parametrize_groups` turns the tables of one family into pytest
parameters with ids "<origin>-<case id>". Records come from `tests.conftest.record_of`,
which extracts each distinct text once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import pytest
from _pytest.mark.structures import ParameterSet


class Case(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


Row = Any  # a case NamedTuple, or the ParameterSet `known_miss` made of one


def known_miss(case: Case, reason: str) -> ParameterSet:
    """A row the extractor gets wrong today: kept, expected to fail, strictly."""
    return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=reason))


def row_case(row: Row) -> Any:
    """The case NamedTuple inside a table row."""
    return row.values[0] if isinstance(row, ParameterSet) else row


def parametrize_groups(**groups: Sequence[Row]) -> list[ParameterSet]:
    """One parameter per row, its id "<group>-<case id>"; ids must be unique."""
    out: list[ParameterSet] = []
    seen: set[str] = set()
    for group, rows in groups.items():
        for row in rows:
            case = row_case(row)
            param_id = f"{group}-{case.id}"
            if param_id in seen:
                raise ValueError(f"duplicate case id {param_id!r}")
            seen.add(param_id)
            marks = row.marks if isinstance(row, ParameterSet) else ()
            out.append(pytest.param(case, id=param_id, marks=marks))
    return out


class Has:
    """Equal to any string containing every one of `parts` (case-insensitive).

    For values whose exact wording the contract leaves open (a period written "per
    annum", a framework's full name): the case asserts what must be in it.
    """

    def __init__(self, *parts: str) -> None:
        self.parts = parts

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and all(p.lower() in other.lower() for p in self.parts)

    def __hash__(self) -> int:
        return hash(self.parts)

    def __repr__(self) -> str:
        return f"Has({', '.join(map(repr, self.parts))})"


class OneOf:
    """Equal to any of `values`: where a careful analyst could defend more than one."""

    def __init__(self, *values: object) -> None:
        self.values = values

    def __eq__(self, other: object) -> bool:
        return other in self.values

    def __hash__(self) -> int:
        return hash(self.values)

    def __repr__(self) -> str:
        return f"OneOf({', '.join(map(repr, self.values))})"
