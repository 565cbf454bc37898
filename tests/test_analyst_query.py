"""`decisions query`: the views and the documented example questions, with known answers.

Each example in pipeline/analyst/examples.sql (the README's examples) runs here on the
fixture record set of tests/test_analyst_corpus.py, read both as a folder of .json files
and as a .jsonl file, and must give exactly the answer the fixture was built to hold.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pytest

from pipeline.analyst import RecordsNotFound, RecordsUnreadable, open_records
from pipeline.analyst.examples import example_named, load_examples
from pipeline.analyst.output import QueryFailed, run_query
from pipeline.analyst.tables import EVIDENCE_COLUMNS, HEAD_COLUMNS, VIEWS
from pipeline.cli import main
from schemas.record import EVIDENCED_FIELDS
from tests.test_analyst_corpus import corpus_records, write_jsonl, write_records

D = datetime.date


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI runs keep their parsed-records cache in the test's own folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))


@pytest.fixture(scope="module", params=["folder", "jsonl"])
def records_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp(request.param)
    if request.param == "folder":
        return write_records(base / "records")
    return write_jsonl(base / "records.jsonl")


@pytest.fixture(scope="module")
def con(records_path: Path) -> duckdb.DuckDBPyConnection:
    return open_records(records_path)


class Answer(NamedTuple):
    example: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


CASES_FROM_README = [
    Answer("spend_by_supplier_year", ("supplier", "year", "approved_spend", "decisions"), [
        ("Cobalt Security Services Ltd", 2022, 500000.0, 1),
        ("Granite Estates Limited", 2022, 40000.0, 1),
        ("Oakfield Fleet Solutions", 2023, 1100000.0, 1),
        ("Harbour Digital Services Ltd", 2023, 750000.0, 1),
        ("Thistle Data Systems Ltd", 2024, 1200000.0, 1),
        ("Harbour Digital Services Ltd", 2024, 320000.0, 1),
        ("Meridian Consulting LLP", 2024, 90000.0, 1),
        ("Lantern Youth Foundation", 2024, 50000.0, 1),
    ]),
    Answer("regulation_72", ("reference", "date"), [
        ("MD 3101", D(2023, 3, 14)), ("DD 3103", D(2024, 6, 20))]),
    Answer("g_cloud_over_500k", ("reference", "framework", "approved_spend"), [
        ("MD 3101", "Crown Commercial Service G-Cloud 12 framework", 750000.0)]),
    Answer("spend_by_framework", ("framework", "approved_spend", "decisions"), [
        ("(none or several)", 1780000.0, 4),
        ("Crown Commercial Service framework RM6100 (Technology Services 3), Lot 2",
         1200000.0, 1),
        ("Crown Commercial Service G-Cloud 12 framework", 750000.0, 1),
        ("Crown Commercial Service G-Cloud 13 framework", 320000.0, 1),
    ]),
    Answer("totals_not_adding_up", ("reference", "value", "parts_sum", "difference"), [
        ("MD 3106", 540000.0, 450000.0, 90000.0)]),
    Answer("funders", ("funder", "decisions"), [("Ministry of Justice", 1)]),
]


@pytest.mark.parametrize("case", CASES_FROM_README, ids=[c.example for c in CASES_FROM_README])
def test_example_answers(con: duckdb.DuckDBPyConnection, case: Answer) -> None:
    result = run_query(con, example_named(case.example).sql)
    picks = [result.columns.index(name) for name in case.columns]
    assert [tuple(row[i] for i in picks) for row in result.rows] == case.rows


def test_every_example_has_a_known_answer() -> None:
    assert {e.name for e in load_examples()} == {c.example for c in CASES_FROM_README}
    assert all(e.question and e.sql.lstrip().upper().startswith(("SELECT", "WITH"))
               for e in load_examples())


def test_thresholds_never_count_as_spend(con: duckdb.DuckDBPyConnection) -> None:
    thresholds = con.execute("SELECT count(*) FROM amounts WHERE kind = 'threshold'").fetchone()
    assert thresholds == (2,)  # MD 3102's £1,000,000 and PCD 3104's £181,302
    assert con.execute("SELECT count(*) FROM spend WHERE kind NOT IN ('cost', 'grant')"
                       ).fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM spend s JOIN amounts a USING (id, item) "
                       "WHERE a.kind = 'threshold'").fetchone() == (0,)


def test_spend_never_counts_an_incoming_grant_or_a_part_of_a_sum(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT reference, value FROM spend WHERE reference IN "
                       "('PCD 3104', 'DD 3103', 'PCD 3107') ORDER BY reference").fetchall()
    assert rows == [("DD 3103", 1200000.0), ("PCD 3104", 50000.0), ("PCD 3107", 1100000.0)]


def test_decision_date_is_signed_else_published_else_decided(
        con: duckdb.DuckDBPyConnection) -> None:
    rows = dict(con.execute("SELECT reference, date FROM decisions").fetchall())
    assert rows["MD 3106"] == D(2022, 1, 15)  # only a decision date
    assert rows["MD 3101"] == D(2023, 3, 14)


@pytest.mark.parametrize("view", EVIDENCED_FIELDS)
def test_item_views_have_one_row_per_item_with_its_evidence(
        con: duckdb.DuckDBPyConnection, view: str) -> None:
    columns = [r[0] for r in con.execute(f"DESCRIBE {view}").fetchall()]
    assert tuple(columns[:6]) == HEAD_COLUMNS and columns[6] == "item"
    assert set(EVIDENCE_COLUMNS) <= set(columns)
    expected = sum(len(getattr(record, view)) for record in corpus_records())
    assert con.execute(f"SELECT count(*) FROM {view}").fetchone() == (expected,)
    quoted = con.execute(
        f'SELECT count(*) FROM {view} AS v JOIN decisions AS d USING (id) '
        f'WHERE substr(d.text, v.start + 1, v."end" - v.start) = v.text').fetchone()
    assert quoted == (expected,)


def test_checks_view_matches_the_records(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT reference, holds, parts, part_values FROM checks "
                       "ORDER BY reference").fetchall()
    assert rows == [("DD 3103", True, 2, [700000.0, 500000.0]),
                    ("MD 3106", False, 2, [300000.0, 150000.0])]


def test_all_views_exist(con: duckdb.DuckDBPyConnection) -> None:
    names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    assert set(VIEWS) <= names
    assert con.execute("SELECT count(*) FROM decisions").fetchone() == (len(corpus_records()),)


def test_an_empty_folder_gives_empty_views(tmp_path: Path) -> None:
    con = open_records(tmp_path)
    assert all(con.execute(f"SELECT count(*) FROM {v}").fetchone() == (0,) for v in VIEWS)


def test_a_single_record_file_can_be_queried(tmp_path: Path) -> None:
    one = next(write_records(tmp_path).glob("md-3101-*.json"))
    con = open_records(one)
    assert con.execute("SELECT reference, approved_spend FROM decisions").fetchall() == [
        ("MD 3101", 750000.0)]


def test_a_broken_record_file_is_named(tmp_path: Path) -> None:
    write_records(tmp_path)
    (tmp_path / "zz-broken.json").write_text('{"id": "x", ', encoding="utf-8")
    with pytest.raises(RecordsUnreadable, match=r"zz-broken\.json"):
        open_records(tmp_path)


def test_a_broken_jsonl_line_is_named(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "records.jsonl")
    jsonl.write_text(jsonl.read_text(encoding="utf-8") + "[1, 2]\n", encoding="utf-8")
    with pytest.raises(RecordsUnreadable, match=r"records\.jsonl: a record must be"):
        open_records(jsonl)


def test_missing_records_say_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(RecordsNotFound, match="--records"):
        open_records(tmp_path / "nowhere")


def test_the_cache_answers_the_same_and_notices_a_changed_record(tmp_path: Path) -> None:
    records = write_records(tmp_path / "records")
    cache = tmp_path / "cache"
    sql = example_named("g_cloud_over_500k").sql
    first = run_query(open_records(records, cache), sql).rows
    assert len(list(cache.glob("*.duckdb"))) == 1
    again = open_records(records, cache)
    assert "cached" in str(again.execute(
        "SELECT sql FROM duckdb_views() WHERE view_name = 'spend'").fetchone())
    assert run_query(again, sql).rows == first
    fresh = open_records(records)
    for example in load_examples():
        assert run_query(again, example.sql).rows == run_query(fresh, example.sql).rows
    md3102 = next(records.glob("md-3102-*.json"))
    data = json.loads(md3102.read_text(encoding="utf-8"))
    data["recommendations"][0]["action"] = "approve"
    data["amounts"][0]["value"] = 620000.0  # the call-off now exceeds £500k
    md3102.write_text(json.dumps(data), encoding="utf-8")
    changed = run_query(open_records(records, cache), sql).rows
    assert [row[1] for row in changed] == ["MD 3101", "MD 3102"]
    assert len(list(cache.glob("*.duckdb"))) == 1


def test_bad_sql_raises_query_failed(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(QueryFailed, match="no_such_view"):
        run_query(con, "SELECT * FROM no_such_view")


def _parse(fmt: str, out: str) -> list[dict[str, Any]]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(out)))
    return list(json.loads(out))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_cli_query_machine_formats(records_path: Path, fmt: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "--records", str(records_path), "--format", fmt,
                 "--example", "regulation_72"])
    rows = _parse(fmt, capsys.readouterr().out)
    assert code == 0
    assert [(r["reference"], r["date"]) for r in rows] == [
        ("MD 3101", "2023-03-14"), ("DD 3103", "2024-06-20")]


def test_cli_query_table_prints_data_not_markup(records_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "--records", str(records_path),
                 "SELECT '[red]x[/red]' AS v, title FROM decisions WHERE reference = 'MD 3105'"])
    out = capsys.readouterr().out
    assert code == 0 and "[red]x[/red]" in out and "<script>alert(1)</script>" in out


@pytest.mark.parametrize("argv,message", [
    (["query", "SELECT nope FROM decisions"], "query failed"),
    (["query"], "give SQL"),
    (["query", "--example", "no_such", "SELECT 1"], "no example query named"),
], ids=["bad-sql", "no-sql", "unknown-example"])
def test_cli_query_errors_exit_2(records_path: Path, argv: list[str], message: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--records", str(records_path)]) == 2
    assert message in capsys.readouterr().err


def test_cli_lists_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--examples"]) == 0
    out = capsys.readouterr().out
    assert all(f"-- {e.name}:" in out for e in load_examples())


@pytest.mark.parametrize("command", ["query", "export", "report"])
def test_analyst_commands_have_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0 and "--records" in capsys.readouterr().out


def test_the_flows_rollup_is_read_for_its_records_folder_only_while_current(
        tmp_path: Path) -> None:
    import os

    from pipeline.analyst.load import current_rollup

    folder = write_records(tmp_path / "records")
    jsonl = write_jsonl(tmp_path / "records.jsonl")  # written after the folder, as the flow does
    count = len(corpus_records())
    assert current_rollup(folder) == jsonl
    assert open_records(folder).execute("SELECT count(*) FROM decisions").fetchone() == (count,)
    first = sorted(folder.glob("*.json"))[0]
    record = json.loads(first.read_text(encoding="utf-8"))
    record["title"] = "Edited after the run"
    first.write_text(json.dumps(record), encoding="utf-8")
    later = jsonl.stat().st_mtime_ns + 1_000_000_000
    os.utime(first, ns=(later, later))
    assert current_rollup(folder) is None
    titles = [row[0] for row in open_records(folder).execute("SELECT title FROM decisions")
              .fetchall()]
    assert "Edited after the run" in titles and len(titles) == count


@pytest.mark.parametrize(("folder_name", "has_rollup"), [("records", False), ("other", True)])
def test_no_rollup_is_read_for_a_folder_the_flow_did_not_write(
        tmp_path: Path, folder_name: str, has_rollup: bool) -> None:
    from pipeline.analyst.load import current_rollup

    folder = write_records(tmp_path / folder_name)
    if has_rollup:
        write_jsonl(tmp_path / "records.jsonl")
    assert current_rollup(folder) is None
