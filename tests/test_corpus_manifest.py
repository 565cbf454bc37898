"""The manifest format, the cache layout rule, the committed seed manifest, the command's help."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from pipeline.cli import build_parser
from pipeline.corpus.errors import ManifestError
from pipeline.corpus.manifest import (
    ManifestEntry,
    cached_path,
    publisher_of,
    read_manifest,
    write_manifest,
)
from pipeline.corpus.pages import document_id, item_id
from pipeline.corpus.publishers import load_publishers

COMMITTED = Path(__file__).parents[1] / "corpus" / "manifest.jsonl"
KEYS = ("id", "url", "media_type", "sha256", "bytes", "retrieved_at", "publisher", "reference")
SHA = "a" * 64


def line(**change: Any) -> str:
    data = {"id": "pcd-1", "url": "https://www.london.gov.uk/pcd-1", "media_type": "text/html",
            "sha256": None, "bytes": None, "retrieved_at": None, "publisher": "london.gov.uk",
            "reference": "PCD 1", **change}
    return json.dumps({k: v for k, v in data.items() if v != "DROP"})


# --- the committed manifest ---------------------------------------------------------------

def test_the_committed_manifest_has_every_key_and_no_pins_yet() -> None:
    raw = [json.loads(text) for text in COMMITTED.read_text().splitlines()]
    entries = read_manifest(COMMITTED)
    assert len(entries) == len(raw) >= 50
    assert all(all(key in data for key in KEYS) for data in raw)
    assert all(e.sha256 is None and e.size is None and e.retrieved_at is None for e in entries)
    assert all(e.publisher == publisher_of(e.url) for e in entries)


def test_seed_addresses_shared_by_several_decisions_are_marked_as_listings() -> None:
    entries = read_manifest(COMMITTED)
    shared = {url for url, count in Counter(e.url for e in entries).items() if count > 1}
    assert shared
    assert all(e.url_kind == "listing" for e in entries if e.url in shared)


def test_the_committed_manifest_is_written_as_write_manifest_writes_it(tmp_path: Path) -> None:
    copy = tmp_path / "manifest.jsonl"
    write_manifest(copy, read_manifest(COMMITTED))
    assert copy.read_bytes() == COMMITTED.read_bytes()


# --- the cache layout ------------------------------------------------------------------------

class LayoutCase(NamedTuple):
    media_type: str
    name: str


LAYOUT = {
    "pdf": LayoutCase("application/pdf", "pcd-1.pdf"),
    "html": LayoutCase("text/html", "pcd-1.html"),
    "text": LayoutCase("text/plain", "pcd-1.txt"),
}


@pytest.mark.parametrize("case", LAYOUT.values(), ids=LAYOUT.keys())
def test_cached_path_is_id_plus_extension_of_the_media_type(case: LayoutCase) -> None:
    entry = ManifestEntry(id="pcd-1", url="https://x.test/1", media_type=case.media_type,
                          publisher="x.test")
    assert cached_path(entry, Path("corpus/cache")) == Path("corpus/cache") / case.name


# --- reading and writing ---------------------------------------------------------------------

BAD_LINES = {
    "not JSON": ("{oops", "manifest.jsonl:1: not JSON"),
    "missing key": (line(reference="DROP"), "missing key(s) reference"),
    "unsafe id": (line(id="../pcd"), "id '../pcd' must be lower-case letters"),
    "hidden id": (line(id=".listings"), "id '.listings' must be"),
    "id ending in a newline": (line(id="pcd-1\n"), "id 'pcd-1\\n' must be lower-case letters"),
    "not http": (line(url="file:///etc/passwd"), "url must be an http(s) address"),
    "unknown media type": (line(media_type="image/png"), "media_type must be one of"),
    "bad sha256": (line(sha256="abc", bytes=3), "sha256 must be 64 lower-case hex digits"),
    "sha256 ending in a newline": (line(sha256=SHA + "\n", bytes=3),
                                   "sha256 must be 64 lower-case hex digits"),
    "half a pin": (line(sha256=SHA), "sha256 and bytes are pinned together"),
    "duplicate id": (line() + "\n" + line(), "id 'pcd-1' appears twice"),
}


@pytest.mark.parametrize(("text", "told"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_manifest_line_is_named_with_what_to_fix(text: str, told: str,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_text(text + "\n")
    with pytest.raises(ManifestError) as raised:
        read_manifest(path)
    assert told in str(raised.value)


def test_unknown_keys_survive_a_rewrite_and_pins_change_one_line(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    path.write_text(line(checked_by="someone") + "\n" + line(id="pcd-2") + "\n")
    entries = list(read_manifest(path))
    entries[1] = ManifestEntry(**{**entries[1].__dict__, "sha256": SHA, "size": 10})
    write_manifest(path, entries)
    first, second = path.read_text().splitlines()
    assert json.loads(first)["checked_by"] == "someone"
    assert first == line(checked_by="someone")
    assert json.loads(second)["sha256"] == SHA


# --- ids from references and addresses -------------------------------------------------------

class IdCase(NamedTuple):
    publisher: str
    url: str
    reference: str | None
    expected: str


IDS = {
    "PCD with a space": IdCase("london-mopac", "https://www.london.gov.uk/x", "PCD 1842",
                               "pcd-1842"),
    "DMPCD with a year": IdCase("london-mopac", "https://www.london.gov.uk/x", "DMPCD 2014 110",
                                "dmpcd-2014-110"),
    "MD without a space": IdCase("london-mayoral", "https://www.london.gov.uk/x", "MD2153",
                                 "md-2153"),
    "no reference: the address": IdCase("london-mopac", "https://www.london.gov.uk/a/pcd-x",
                                        None, "pcd-x"),
    "ModernGov decision id": IdCase("gmca-delegated", "https://d.test/ieDecisionDetails.aspx?Id=2817",
                                    None, "gmca-decision-id-2817"),
}


@pytest.mark.parametrize("case", IDS.values(), ids=IDS.keys())
def test_item_ids_match_the_seed_ids(case: IdCase) -> None:
    publisher = load_publishers()[case.publisher]
    assert item_id(publisher, case.url, case.reference) == case.expected


def test_document_ids_drop_the_repeated_reference_and_never_collide() -> None:
    url = "https://www.london.gov.uk/sites/default/files/PCD%201842%20Signed.pdf"
    assert document_id("pcd-1842", url, set()) == "pcd-1842-signed"
    assert document_id("pcd-1842", url, {"pcd-1842-signed"}) == "pcd-1842-signed-2"


# --- the command's help ----------------------------------------------------------------------

def corpus_subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    top = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    corpus = top.choices["corpus"]
    sub = next(a for a in corpus._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_corpus_subcommand_has_help_and_a_description() -> None:
    subcommands = corpus_subcommands()
    assert set(subcommands) == {"rebuild", "discover", "publishers"}
    for name, parser in subcommands.items():
        assert parser.description, name
        assert all(action.help for action in parser._actions), name


def test_every_command_in_the_corpus_readme_parses() -> None:
    readme = (Path(__file__).parents[1] / "corpus" / "README.md").read_text()
    commands = [text.split("#")[0].split() for text in readme.splitlines()
                if text.startswith("decisions corpus ")]
    assert len(commands) >= 6
    parser = build_parser()
    for words in commands:
        args = parser.parse_args(words[1:])
        assert args.command == "corpus" and callable(args.run), words
