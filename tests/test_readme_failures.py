"""The README's "Failure kinds and limits" section is checked against the code, so it cannot rot.

Every failure `kind` the code can write is found in the code itself (each `IngestError`
subclass's `kind`, the literal kind of every `Failure(...)`, `FetchError(...)` and
`_Retryable(...)` built anywhere in `pipeline/`, rebuild's failing statuses), and each
table of the section must list exactly those: a new kind without a README row fails here,
and so does a row for a kind the code no longer makes. The limits table must give every
`Limits` and `FetchPolicy` bound with its real default.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import pipeline
import pipeline.ingest
from pipeline.corpus.http import FetchPolicy
from pipeline.corpus.rebuild import FAILURES
from pipeline.errors import IngestError
from pipeline.ingest import Limits

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE = Path(pipeline.__file__).parent

# constructor name -> index of its `kind` argument
KIND_ARGUMENT = {"Failure": 2, "FetchError": 1, "_Retryable": 0}


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README,
                      flags=re.MULTILINE | re.DOTALL)
    assert match is not None, f"README has no section {title!r}"
    return match.group(1)


def table(header: str) -> dict[str, str]:
    """First column (a `code` word) -> second column, of the section's table with `header`."""
    text = section("Failure kinds and limits")
    start = text.index(f"| {header} |")
    rows: dict[str, str] = {}
    for line in text[start:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        name = re.fullmatch(r"`([^`]+)`", cells[0])
        assert name is not None, f"not a `name` in the first column: {line}"
        rows[name.group(1)] = cells[1]
    return rows


def _constructed_kinds(names: set[str]) -> Iterator[tuple[str, str]]:
    """(kind, where) for each string literal given as the kind of a `names` call. A kind
    passed through from elsewhere (`error.kind`) is made where it was made; anything
    else cannot be read statically and fails the test, so that no kind goes unlisted."""
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in names):
                continue
            index = KIND_ARGUMENT[node.func.id]
            given = [k.value for k in node.keywords if k.arg == "kind"]
            argument = node.args[index] if len(node.args) > index else (given or [None])[0]
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert argument is not None, f"{where}: no kind given"
            yield from ((kind, where) for kind in _literals(argument, where))


def _literals(node: ast.expr, where: str) -> Iterator[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.Attribute) and node.attr == "kind":
        return
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _literals(value, where)
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body, where)
        yield from _literals(node.orelse, where)
    else:
        raise AssertionError(f"{where}: a kind this test cannot read: {ast.unparse(node)}")


def ingest_kinds() -> set[str]:
    """The `kind` of every IngestError subclass, wherever in pipeline.ingest it is defined."""
    for module in pkgutil.walk_packages(pipeline.ingest.__path__, "pipeline.ingest."):
        importlib.import_module(module.name)
    found, todo = set(), [IngestError]
    while todo:
        cls = todo.pop()
        found.add(cls.kind)
        todo.extend(cls.__subclasses__())
    return found


def run_kinds() -> set[str]:
    return ingest_kinds() | {kind for kind, _ in _constructed_kinds({"Failure"})}


def fetch_kinds() -> set[str]:
    return {kind for kind, _ in _constructed_kinds({"FetchError", "_Retryable"})}


class KindTable(NamedTuple):
    header: str
    made: Callable[[], set[str]]


TABLES = {
    "inputs (failures.jsonl)": KindTable("kind", run_kinds),
    "corpus statuses": KindTable("status", lambda: set(FAILURES)),
    "fetch errors": KindTable("fetch kind", fetch_kinds),
}


@pytest.mark.parametrize("case", TABLES.values(), ids=TABLES.keys())
def test_the_readme_lists_every_failure_kind_the_code_makes(case: KindTable) -> None:
    listed = table(case.header)
    made = case.made()
    assert sorted(made - set(listed)) == [], "kinds the README does not list"
    assert sorted(set(listed) - made) == [], "kinds the README lists but the code never makes"
    assert all(meaning for meaning in listed.values())


def test_the_kinds_found_in_the_code_include_the_known_ones() -> None:
    """The scan itself can fail: it must see kinds made in ingest, flow and corpus code."""
    assert {"corrupt", "encrypted", "needs_ocr", "error_page", "timeout"} <= ingest_kinds()
    assert {"changed", "unsafe_id", "crashed", "duplicate", "invalid"} <= run_kinds()
    assert {"redirect", "too_large", "content", "timeout", "network", "status"} <= fetch_kinds()


def _bounds(owner: type) -> dict[str, object]:
    return {f"{owner.__name__}.{field.name}": field.default for field in dataclasses.fields(owner)
            if isinstance(field.default, int | float) and not isinstance(field.default, bool)}


def test_the_readme_gives_every_limit_with_its_default() -> None:
    listed = {name: ast.literal_eval(default.strip("`"))
              for name, default in table("limit").items()}
    assert listed == _bounds(Limits) | _bounds(FetchPolicy)


def test_every_fetch_option_the_limits_table_names_exists() -> None:
    from pipeline.cli import build_parser

    options = set(re.findall(r"\(`(--[a-z-]+)`\)", section("Failure kinds and limits")))
    assert options == {"--timeout", "--deadline", "--retries", "--backoff", "--delay"}
    parser = build_parser()
    for command in ("rebuild", "discover"):
        args = parser.parse_args(["corpus", command, *(["london-mopac"] if command ==
                                                       "discover" else []),
                                  *(word for option in sorted(options)
                                    for word in (option, "1"))])
        assert (args.timeout, args.deadline, args.retries, args.backoff, args.delay) == (
            1, 1, 1, 1, 1)


def test_the_readme_gives_every_exit_status() -> None:
    from pipeline.errors import EXIT_STOPPED

    assert set(table("exit status")) == {"0", "1", "2", str(EXIT_STOPPED), "130"}
