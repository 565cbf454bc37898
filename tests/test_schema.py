"""The committed JSON Schema is the one the models export, and `decisions schema` prints it."""

from __future__ import annotations

import json
import subprocess
import sys

from schemas import SCHEMA_FILE, SCHEMA_VERSION, record_json_schema
from schemas.record import DecisionRecord


def test_committed_schema_equals_models() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == record_json_schema(), (
        "schemas/decision-record.schema.json is stale: run "
        "`decisions schema > schemas/decision-record.schema.json`"
    )


def test_cli_prints_schema() -> None:
    out = subprocess.run([sys.executable, "-m", "pipeline", "schema"], capture_output=True,
                         text=True, check=True).stdout
    schema = json.loads(out)
    assert schema["title"] == "DecisionRecord"
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert set(schema["required"]) >= {"id", "source", "text", "provenance"}


def test_extra_fields_are_forbidden() -> None:
    assert DecisionRecord.model_config.get("extra") == "forbid"
    contract = {"schema_version", "id", "reference", "title", "body", "decision_maker", "dates",
                "source", "text", "sections", "recommendations", "amounts", "suppliers",
                "funders", "frameworks", "statutory_references", "checks", "warnings"}
    assert contract <= set(DecisionRecord.model_fields)
