"""The record schema as DuckDB column types, so loading never guesses.

DuckDB can infer types from JSON, but it infers them from the records it samples: a
field that is empty in every sampled record (`aliases: []`, `period: null`) would come
out as JSON or NULL and break the views. Deriving the types from the pydantic models
keeps the tables in step with `schemas/record.py` whatever the records hold.
"""

from __future__ import annotations

import datetime
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from schemas.record import DecisionRecord

_SCALARS: dict[Any, str] = {
    str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", datetime.date: "DATE",
}


def annotation_to_duckdb(annotation: Any) -> str:
    """`float | None` -> "DOUBLE", `list[Evidence]` -> "STRUCT(...)[]", and so on."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return annotation_to_duckdb(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"no DuckDB type for the union {annotation!r}")
        return annotation_to_duckdb(options[0])
    if origin is Literal:
        return "VARCHAR"
    if origin is list:
        return annotation_to_duckdb(get_args(annotation)[0]) + "[]"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_to_duckdb(annotation)
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no DuckDB type for {annotation!r}")


def model_to_duckdb(model: type[BaseModel]) -> str:
    fields = ", ".join(f'"{name}" {annotation_to_duckdb(info.annotation)}'
                       for name, info in model.model_fields.items())
    return f"STRUCT({fields})"


def record_columns() -> dict[str, str]:
    """Top-level record fields and their DuckDB types, in schema order."""
    return {name: annotation_to_duckdb(info.annotation)
            for name, info in DecisionRecord.model_fields.items()}


def columns_literal(columns: dict[str, str]) -> str:
    """The `columns={...}` argument of `read_json`, as SQL text."""
    pairs = (f"'{name}': '{kind.replace(chr(39), chr(39) * 2)}'" for name, kind in columns.items())
    return "{" + ", ".join(pairs) + "}"
