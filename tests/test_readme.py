"""The README is a promise to a new user: its commands must parse, its SQL must be the SQL
the tool runs, its record excerpt must be what the tool writes, and the example queries must
answer as described on the bundled example corpus its first command extracts."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from pipeline.analyst.examples import example_named, load_examples
from pipeline.analyst.load import open_records
from pipeline.analyst.output import run_query
from pipeline.cli import build_parser, main
from tests.conftest import EXAMPLES

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
GOLDEN = Path(__file__).parent / "golden"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL)


def _command_lines() -> list[list[str]]:
    """Every `decisions ...` invocation in the README's shell blocks, as argv lists."""
    found = []
    for block in _blocks("sh"):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and Path(words[0]).name == "decisions":
                    found.append(words[1:])
    return found


def _normalised(sql: str) -> str:
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return " ".join(" ".join(lines).split()).rstrip(";").strip()


def test_the_readme_shows_commands() -> None:
    commands = _command_lines()
    assert ["run", "examples/corpus"] in commands
    assert len(commands) >= 10


@pytest.mark.parametrize("argv", _command_lines(), ids=lambda argv: " ".join(argv))
def test_every_readme_command_parses(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == argv[0]


def test_readme_sql_is_the_sql_the_tool_runs() -> None:
    (block,) = _blocks("sql")
    shown = [_normalised(statement) for statement in block.split(";") if _normalised(statement)]
    examples = {_normalised(example.sql): example.name for example in load_examples()}
    assert [examples.get(statement) for statement in shown] == [
        "spend_by_supplier_year", "regulation_72", "g_cloud_over_500k"]
    also = re.search(r"^Also: (.*)\.$", README, flags=re.MULTILINE)
    assert also is not None
    named = re.findall(r"`([a-z0-9_]+)`", also.group(1))
    assert {example_named(name).name for name in named} | set(examples.values()) == {
        example.name for example in load_examples()}


def _contains(whole: Any, part: Any) -> bool:
    """`part` is `whole` with keys or list items left out; {"...": "..."} stands for any value."""
    if part == {"...": "..."}:
        return True
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and _contains(whole[key], value) for key, value in part.items())
    if isinstance(part, list):
        return isinstance(whole, list) and all(
            any(_contains(item, wanted) for item in whole) for wanted in part)
    return bool(whole == part)


def test_readme_record_excerpt_is_what_the_tool_writes() -> None:
    (block,) = _blocks("json")
    excerpt = json.loads(block)
    golden = json.loads(next(GOLDEN.glob("pcd-9001-*.json")).read_text(encoding="utf-8"))
    assert _contains(golden, excerpt)
    shown = excerpt["amounts"][0]["evidence"]
    assert golden["text"][shown["start"]:shown["end"]] == excerpt["amounts"][0]["text"]


@pytest.fixture(scope="module")
def example_records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("records")
    assert main(["extract", str(EXAMPLES), "--out", str(out)]) == 0
    return out


EXAMPLE_ANSWERS = [
    ("spend_by_supplier_year", ("supplier", "year", "approved_spend"), [
        ("Arden Vision Systems Ltd", 2025, 4_900_000.0),
        ("(not attributed)", 2025, 1_200_000.0),
        ("Northgate Evidence Cloud Limited", 2025, 375_000.0),
        ("Millbrook Construction Limited", None, 1_245_000.0)]),
    ("regulation_72", ("reference",), [("25/00117",)]),
    ("g_cloud_over_500k", ("reference", "approved_spend"), [("PCD 9001", 5_275_000.0)]),
    ("totals_not_adding_up", ("reference", "value", "parts_sum", "difference"), [
        ("25/00117", 1_245_000.0, 1_230_000.0, 15_000.0)]),
]


@pytest.mark.parametrize("name, columns, rows", EXAMPLE_ANSWERS,
                         ids=[answer[0] for answer in EXAMPLE_ANSWERS])
def test_example_queries_on_the_bundled_corpus(example_records: Path, name: str,
                                               columns: tuple[str, ...],
                                               rows: list[tuple[Any, ...]]) -> None:
    result = run_query(open_records(example_records), example_named(name).sql)
    picks = [result.columns.index(column) for column in columns]
    assert [tuple(row[i] for i in picks) for row in result.rows] == rows
