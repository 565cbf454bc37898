"""The decision record contract: pydantic models and their exported JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.record import SCHEMA_VERSION, DecisionRecord

SCHEMA_FILE = Path(__file__).with_name("decision-record.schema.json")

__all__ = ["SCHEMA_FILE", "SCHEMA_VERSION", "DecisionRecord", "record_json_schema"]


def record_json_schema() -> str:
    """The JSON Schema of `DecisionRecord`, as committed in `SCHEMA_FILE`."""
    schema = DecisionRecord.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://decision-records.invalid/schema/{SCHEMA_VERSION}/decision-record.json"
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
