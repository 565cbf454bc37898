"""The command line around the flow: what it imports, what it refuses, what it says."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from benchmarks.synthetic import synthetic_decision
from pipeline.cli import build_parser

_PROBE = """
import json, sys
from pipeline.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
finally:
    open(sys.argv[1], "w").write(json.dumps(sorted(sys.modules)))
"""


def imported_modules(argv: list[str], tmp_path: Path) -> set[str]:
    """The modules a real `decisions ...` process had loaded when it finished."""
    listing = tmp_path / "modules.json"
    result = subprocess.run([sys.executable, "-c", _PROBE, str(listing), *argv],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return set(json.loads(listing.read_text()))


def test_extract_never_imports_prefect(tmp_path: Path) -> None:
    (tmp_path / "decision.txt").write_text(synthetic_decision(1), encoding="utf-8")
    modules = imported_modules(["extract", "decision.txt", "--out", "records"], tmp_path)
    assert "spacy" in modules  # the probe sees real imports
    assert not {m for m in modules if m.split(".")[0] in ("prefect", "prefect_dask", "dask")}
    assert (tmp_path / "records" / "decision.json").exists()


def test_help_never_imports_prefect(tmp_path: Path) -> None:
    modules = imported_modules(["--help"], tmp_path)
    assert "pipeline.commands.run" in modules
    assert not {m for m in modules if m.startswith("prefect")}


class Refusal(NamedTuple):
    argv: list[str]
    message: str


CASES_FROM_USAGE = [
    Refusal(["run", "missing-folder"], "no such file or folder"),
    Refusal(["run", ".", "--workers", "0"], "--workers must be at least 1"),
    Refusal(["run", ".", "--dask-address", "tcp://127.0.0.1:1"], "needs --task-runner dask"),
    Refusal(["serve", ".", "--cron", "daily"], "expected five fields"),
    Refusal(["serve", ".", "--cron", "0 6 * * *", "--discover", "london-mopac"],
            "--discover needs a corpus manifest"),
]


@pytest.mark.parametrize("case", CASES_FROM_USAGE, ids=[" ".join(c.argv) for c in CASES_FROM_USAGE])
def test_bad_arguments_exit_2_with_the_reason(case: Refusal, tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", *case.argv], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert case.message in result.stderr
    assert not (tmp_path / "outputs").exists()


@pytest.mark.parametrize("command", ["run", "serve"])
def test_flow_commands_have_help_text(command: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command_parser: argparse.ArgumentParser = sub.choices[command]
    help_text = command_parser.format_help()
    assert "SOURCE" in help_text and "--out" in help_text
    assert command_parser.description
