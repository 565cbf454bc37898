"""Golden records for the bundled example decisions.

Expected records are regenerated only with DECISIONS_UPDATE_GOLDEN=1 (review the diff
before committing); a missing golden file fails, and CI may never set the flag.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.ingest import load
from pipeline.records import extract_records
from pipeline.store import record_to_json
from tests.conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DECISIONS_UPDATE_GOLDEN") == "1"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.is_file())


def _records() -> dict[str, str]:
    """Records of the examples, loaded under their repository-relative paths so the
    records are the same on every machine. Provenance (the pattern files' hash) is left
    out: it changes with every pattern edit, and what matters is what was extracted."""
    root = EXAMPLES.parent.parent
    documents = [load(p.relative_to(root).as_posix(), data=p.read_bytes()) for p in EXAMPLE_FILES]
    out = {}
    for document, record in zip(documents, extract_records(documents), strict=True):
        data = json.loads(record_to_json(record))
        assert set(data.pop("provenance")) == {"pipeline", "patterns"}
        out[Path(document.source.path).stem] = json.dumps(data, indent=2, sort_keys=True,
                                                          ensure_ascii=False) + "\n"
    return out


@pytest.fixture(scope="module")
def records() -> dict[str, str]:
    return _records()


def test_update_flag_is_off_in_ci() -> None:
    assert not (UPDATE and os.environ.get("CI")), "golden files must not be rewritten in CI"


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_record_equals_golden(path: Path, records: dict[str, str]) -> None:
    golden = GOLDEN / f"{path.stem}.json"
    if UPDATE:
        golden.write_text(records[path.stem], encoding="utf-8")
    assert golden.exists(), f"no golden record for {path.name}: run with DECISIONS_UPDATE_GOLDEN=1"
    assert records[path.stem] == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_golden_evidence_quotes_the_text(golden: Path) -> None:
    """The evidence invariant, checked item by item over every golden record."""
    record = json.loads(golden.read_text(encoding="utf-8"))
    text = record["text"]
    fields = ("recommendations", "amounts", "suppliers", "funders", "frameworks",
              "statutory_references", "other_instruments")
    items = [item for name in fields for item in record[name]]
    items += [term for check in record["checks"] for term in [check["total"], *check["parts"]]]
    assert items, "a golden record with nothing extracted proves nothing"
    for item in items:
        evidence = item["evidence"]
        assert text[evidence["start"] : evidence["end"]] == item["text"]
        assert 1 <= evidence["page"] <= record["source"]["pages"]
