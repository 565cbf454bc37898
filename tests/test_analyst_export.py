"""`decisions export`: Parquet, CSV and JSON lines round-trip the views; OCDS releases.

The Parquet check compares against rows built straight from the pydantic records, not
from the views, so a view that dropped or altered an item would be caught here too.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipeline.analyst import open_records
from pipeline.analyst.export import export_tables, view_order
from pipeline.analyst.ocds import ocid_for, records_to_releases, releases_to_package
from pipeline.analyst.tables import VIEWS
from pipeline.cli import main
from schemas.record import EVIDENCED_FIELDS
from tests.test_analyst_corpus import corpus_records, write_records


@pytest.fixture(scope="module")
def records_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_records(tmp_path_factory.mktemp("export") / "records")


@pytest.fixture(scope="module")
def con(records_dir: Path) -> duckdb.DuckDBPyConnection:
    return open_records(records_dir)


@pytest.fixture(scope="module")
def parquet_dir(con: duckdb.DuckDBPyConnection,
                tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("parquet")
    export_tables(con, out, "parquet")
    return out


def _parquet_rows(path: Path, columns: str) -> list[tuple[Any, ...]]:
    reader = duckdb.connect()
    return reader.execute(f"SELECT {columns} FROM read_parquet(?) ORDER BY id, item",
                          [str(path)]).fetchall()


@pytest.mark.parametrize("field", EVIDENCED_FIELDS)
def test_parquet_rows_equal_the_records_items(parquet_dir: Path, field: str) -> None:
    expected = sorted(
        (record.id, n, item.text, item.evidence.page, item.evidence.start, item.evidence.end)
        for record in corpus_records()
        for n, item in enumerate(getattr(record, field), start=1))
    got = _parquet_rows(parquet_dir / f"{field}.parquet", 'id, item, text, page, start, "end"')
    assert got == expected


def test_parquet_amount_values_and_kinds_round_trip(parquet_dir: Path) -> None:
    expected = sorted((r.id, n, a.value, a.currency, a.kind)
                      for r in corpus_records() for n, a in enumerate(r.amounts, start=1))
    got = _parquet_rows(parquet_dir / "amounts.parquet", "id, item, value, currency, kind")
    assert got == expected


@pytest.mark.parametrize("view", VIEWS)
def test_parquet_equals_the_view(con: duckdb.DuckDBPyConnection, parquet_dir: Path,
                                 view: str) -> None:
    back = con.execute(f"SELECT * FROM read_parquet(?) ORDER BY {view_order(view)}",
                       [str(parquet_dir / f"{view}.parquet")]).fetchall()
    assert back == con.execute(f"SELECT * FROM {view} ORDER BY {view_order(view)}").fetchall()
    assert back, f"{view} is empty in the fixture; the round trip would prove nothing"


def test_csv_has_every_row_and_lists_as_json(con: duckdb.DuckDBPyConnection,
                                             tmp_path: Path) -> None:
    export_tables(con, tmp_path, "csv")
    for view in VIEWS:
        with (tmp_path / f"{view}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == con.execute(f"SELECT count(*) FROM {view}").fetchone()[0]  # type: ignore[index]
    with (tmp_path / "checks.csv").open(encoding="utf-8", newline="") as handle:
        values = [json.loads(row["part_values"]) for row in csv.DictReader(handle)]
    assert sorted(values) == [[300000.0, 150000.0], [700000.0, 500000.0]]


def test_jsonl_lines_are_the_view_rows(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    export_tables(con, tmp_path, "jsonl")
    lines = (tmp_path / "spend.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [(r["reference"], r["value"], r["supplier"]) for r in rows] == con.execute(
        "SELECT reference, value, supplier FROM spend ORDER BY id, item").fetchall()
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.fixture(scope="module")
def releases(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    listed = records_to_releases(con, prefix="ocds-test01")
    return {release["ocid"]: release for release in listed}


def test_one_release_per_decision_with_the_reference_as_ocid_suffix(
        releases: dict[str, dict[str, Any]]) -> None:
    assert sorted(releases) == sorted(
        f"ocds-test01-{r.reference.replace(' ', '-')}" for r in corpus_records()
        if r.reference)
    assert len({release["id"] for release in releases.values()}) == len(corpus_records())


def test_release_parties_and_awards(releases: dict[str, dict[str, Any]]) -> None:
    grant = releases["ocds-test01-PCD-3104"]
    roles = {party["name"]: party["roles"] for party in grant["parties"]}
    assert roles == {"Mayor's Office for Policing and Crime": ["buyer"],
                     "Lantern Youth Foundation": ["supplier"],
                     "Ministry of Justice": ["funder"]}
    assert grant["buyer"]["name"] == "Mayor's Office for Policing and Crime"
    assert [(a["value"], [s["name"] for s in a["suppliers"]]) for a in grant["awards"]] == [
        ({"amount": 50000.0, "currency": "GBP"}, ["Lantern Youth Foundation"])]
    split = releases["ocds-test01-MD-3106"]
    assert sorted((a["suppliers"][0]["name"], a["value"]["amount"]) for a in split["awards"]) \
        == [("Cobalt Security Services Ltd", 500000.0), ("Granite Estates Limited", 40000.0)]
    assert split["date"] == "2022-01-15T00:00:00Z" and split["tag"] == ["award"]


def test_award_values_are_approved_spend_so_thresholds_never_count(
        con: duckdb.DuckDBPyConnection, releases: dict[str, dict[str, Any]]) -> None:
    awarded = sum(a["value"]["amount"] for r in releases.values() for a in r["awards"]
                  if "value" in a)
    assert awarded == con.execute("SELECT sum(value) FROM spend").fetchone()[0]  # type: ignore[index]
    tender = releases["ocds-test01-MD-3101"]["tender"]
    assert tender["procurementMethodDetails"] == (
        "Call-off from Crown Commercial Service G-Cloud 12 framework")


@pytest.mark.parametrize("reference,record_id,ocid", [
    ("MD 3101", "md-3101-ab", "ocds-x-MD-3101"),
    ("PDU/0553/01", "p", "ocds-x-PDU-0553-01"),
    (None, "no-ref-12", "ocds-x-no-ref-12"),
], ids=["spaced", "slashed", "no-reference"])
def test_ocid_for(reference: str | None, record_id: str, ocid: str) -> None:
    assert ocid_for("ocds-x", reference, record_id) == ocid


def test_cli_export_writes_every_format(records_dir: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, name in [("parquet", "spend.parquet"), ("csv", "amounts.csv"),
                      ("jsonl", "decisions.jsonl"), ("ocds", "release-package.json")]:
        out = tmp_path / fmt
        args = ["export", "--format", fmt, "--records", str(records_dir), "--out", str(out)]
        assert main([*args, "--ocid-prefix", "ocds-zz"]) == 0
        assert (out / name).stat().st_size > 0
    package = json.loads((tmp_path / "ocds" / "release-package.json").read_text("utf-8"))
    assert package["version"] == "1.1" and package["publishedDate"] == "2024-11-11T00:00:00Z"
    assert all(r["ocid"].startswith("ocds-zz-") for r in package["releases"])
    assert package == json.loads(json.dumps(releases_to_package(package["releases"])))
