"""The `decisions` command line: every command has help, extract writes records and
lists what it could not read, eval prints scores."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.cli import COMMANDS, build_parser, main
from tests.conftest import EXAMPLES

GOOD = "PCD 77 Test\nReference code: PCD 77\nThe cost is £5,000 for the work.\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"usage: decisions {command}" in out
    assert len(out.splitlines()) > 3


def test_top_level_help_lists_commands() -> None:
    text = build_parser().format_help()
    for command in COMMANDS:
        assert command in text


def test_extract_one_file_prints_its_record(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "pcd-77.txt"
    source.write_text(GOOD)
    assert main(["extract", str(source)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["reference"] == "PCD 77"
    assert [a["value"] for a in record["amounts"]] == [5000.0]


def test_extract_folder_writes_good_and_lists_bad(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inputs / "blank.txt").write_text("   \n\n  ")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["good.json"]
    errors = capsys.readouterr().err.splitlines()
    failed = {line.split(": ", 2)[1]: line for line in errors if line.startswith("failed: ")}
    assert set(failed) == {str(inputs / n) for n in ("empty.txt", "binary.txt", "blank.txt")}
    assert "zero-byte" in failed[str(inputs / "empty.txt")]
    assert "binary" in failed[str(inputs / "binary.txt")]
    assert "no text" in failed[str(inputs / "blank.txt")]


def test_extract_several_inputs_need_out(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD)
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2


def test_extract_of_an_empty_folder_says_so(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"error: no input files in {tmp_path / 'empty'}\n"


def test_extract_where_every_input_fails_still_makes_the_out_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["extract", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 1
    assert (tmp_path / "out").is_dir() and not list((tmp_path / "out").iterdir())
    assert capsys.readouterr().err.splitlines()[-1] \
        == f"wrote 0 record(s) to {tmp_path / 'out'}; 1 input(s) failed"


def test_eval_prints_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records, gold = tmp_path / "records", tmp_path / "gold"
    gold.mkdir()
    source = tmp_path / "pcd-77.txt"
    source.write_text(GOOD)
    assert main(["extract", str(source), "--out", str(records)]) == 0
    (gold / "pcd-77.json").write_text(json.dumps({
        "id": "pcd-77", "reference": "PCD 77", "amounts": [{"value": 5000, "currency": "GBP"}],
        "suppliers": [], "frameworks": [], "statutes": []}))
    capsys.readouterr()
    assert main(["eval", str(gold), str(records), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["fields"]["amounts"]["f1"] == 1.0
    assert report["reference_accuracy"] == 1.0


def test_console_script_and_module_entry(tmp_path: Path) -> None:
    """The installed `decisions` script and `python -m pipeline` are the same program."""
    script = shutil.which("decisions") or str(Path(sys.executable).parent / "decisions")
    example = sorted(EXAMPLES.glob("*.txt"))[0]
    for command in ([script], [sys.executable, "-m", "pipeline"]):
        done = subprocess.run([*command, "extract", str(example)], capture_output=True,
                              text=True, check=True)
        assert json.loads(done.stdout)["source"]["path"] == str(example)


class EvalCase(NamedTuple):
    id: str
    layout: str  # "extract": records/<id>.json; "flow": records/<id>-<hash>.json
    swap: bool
    gold_id: str
    status: int
    stderr: str  # the one line expected on stderr ("" = none)


EVAL_CASES = [
    EvalCase("by-record-name", "extract", False, "pcd-77", 0, ""),
    EvalCase("by-source-name", "flow", False, "pcd-77", 0, ""),
    EvalCase("nothing-matches", "extract", False, "pcd-78", 1,
             "error: no record in {records} matches a gold document by id or by source file name"),
    EvalCase("swapped-arguments", "extract", True, "pcd-77", 2,
             "error: {records}/pcd-77.json: is a record, not a gold file "
             "(the arguments are GOLD_DIR RECORDS_DIR)"),
]


@pytest.mark.parametrize("case", EVAL_CASES, ids=lambda c: c.id)
def test_eval_finds_records_or_says_why_not(
    case: EvalCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records, gold = tmp_path / "records", tmp_path / "gold"
    gold.mkdir()
    source = tmp_path / "pcd-77.txt"
    source.write_text(GOOD)
    assert main(["extract", str(source), "--out", str(records)]) == 0
    if case.layout == "flow":
        (records / "pcd-77.json").rename(records / "pcd-77-0123456789.json")
    (gold / f"{case.gold_id}.json").write_text(json.dumps({
        "id": case.gold_id, "reference": "PCD 77",
        "amounts": [{"value": 5000, "currency": "GBP"}],
        "suppliers": [], "frameworks": [], "statutes": []}))
    capsys.readouterr()
    arguments = [str(records), str(gold)] if case.swap else [str(gold), str(records)]
    assert main(["eval", *arguments, "--json"]) == case.status
    captured = capsys.readouterr()
    assert captured.err.splitlines() == (
        [case.stderr.format(records=records)] if case.stderr else [])
    if case.status == 0:
        assert json.loads(captured.out)["fields"]["amounts"]["f1"] == 1.0


def test_eval_by_groups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--by FILE.tsv scores each group alone; ids it does not list are '(other)'."""
    records, gold = tmp_path / "records", tmp_path / "gold"
    gold.mkdir()
    for name in ("pcd-1", "pcd-2", "pcd-3"):
        (tmp_path / f"{name}.txt").write_text(GOOD)
        (gold / f"{name}.json").write_text(json.dumps({
            "id": name, "reference": "PCD 77" if name != "pcd-2" else "PCD 2",
            "amounts": [], "suppliers": [], "frameworks": [], "statutes": []}))
    assert main(["extract", *(str(p) for p in sorted(tmp_path.glob("*.txt"))),
                 "--out", str(records)]) == 0
    groups = tmp_path / "groups.tsv"
    groups.write_text("id\tpublisher\npcd-1\tone.example\npcd-2\ttwo.example\n")
    capsys.readouterr()
    assert main(["eval", str(gold), str(records), "--by", str(groups), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {name: (g["documents"], g["reference_accuracy"])
            for name, g in report["groups"].items()} == {
        "one.example": (1, 1.0), "two.example": (1, 0.0), "(other)": (1, 1.0)}
    assert report["documents"] == 3
    assert main(["eval", str(gold), str(records), "--by", str(groups)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines if line.startswith(("one.", "two.", "(other)"))] \
        == ["(other)", "one.example", "two.example"]


def test_output_cut_short_by_its_reader_is_no_error() -> None:
    """`decisions schema | head -1` could end in a BrokenPipeError traceback: the reader
    stopped reading. Here it has stopped before the command writes (deterministic)."""
    script = shutil.which("decisions") or str(Path(sys.executable).parent / "decisions")
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([script, "schema"], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=120)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
