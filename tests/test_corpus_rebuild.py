"""`decisions corpus rebuild` against a real server on 127.0.0.1: exact bytes, pins, every fault.

Each fault case says what the user is told, how many requests the document cost, and checks
that nothing is lost: the other document is still fetched and pinned, a good cached copy is
never overwritten, and no partial download is left where a document belongs.
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

import pytest
from corpus_site import Reply, Site, html_page, running_site, synthetic_pdf

from pipeline.cli import main
from pipeline.corpus.manifest import ManifestEntry, cached_path, read_manifest, write_manifest

PDF = "application/pdf"
FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0.01", "--delay", "0"]
GOOD = synthetic_pdf("Synthetic decision PCD 9001, written for the corpus tests")
CHANGED = synthetic_pdf("Synthetic decision PCD 9001, revised by the publisher")
CONTROL = synthetic_pdf("Synthetic decision PCD 9002, the one that always works")
ERROR_PAGE = html_page("Page not found", "<h1>Sorry, that page could not be found</h1>")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    with running_site(monkeypatch) as running:
        yield running


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entry(site: Site, entry_id: str, path: str, pin: bytes | None = None,
          media_type: str = PDF) -> ManifestEntry:
    """A manifest entry for `path` on the test site, pinned to `pin` when given."""
    return ManifestEntry(id=entry_id, url=site.url(path), media_type=media_type,
                         publisher="127.0.0.1", sha256=sha(pin) if pin else None,
                         size=len(pin) if pin else None,
                         retrieved_at="2024-01-01T00:00:00Z" if pin else None)


def rebuild_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *extra: str
                ) -> tuple[int, str, str]:
    code = main(["corpus", "rebuild", "--manifest", str(tmp_path / "manifest.jsonl"),
                 "--cache", str(tmp_path / "cache"), *FAST, *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def by_id(manifest: Path) -> dict[str, ManifestEntry]:
    return {e.id: e for e in read_manifest(manifest)}


def leftovers(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.glob(".*.part"))


# --- faults ---------------------------------------------------------------------------------

class FaultCase(NamedTuple):
    replies: tuple[Reply, ...]   # the script the server plays for the document's address
    pinned: bool                 # the manifest already pins GOOD
    code: int
    status: str                  # the word the user's line starts with
    told: str                    # what the line says
    hits: int                    # requests the document's address received
    extra: tuple[str, ...] = ()  # further options of `rebuild`


def pdf(body: bytes, delay: float = 0.0, etag: str | None = None,
        stall_after: int | None = None, drip: float = 0.0) -> Reply:
    return Reply(body, content_type=PDF, delay=delay, etag=etag, stall_after=stall_after,
                 drip=drip)


FAULTS = {
    "500 then success": FaultCase(
        (Reply(status=500), pdf(GOOD)), False, 0, "pinned", "pinned", 2),
    "timeout then success": FaultCase(
        (pdf(GOOD, delay=1.5), pdf(GOOD)), False, 0, "pinned", "pinned", 2),
    "timeout every time": FaultCase(
        (pdf(GOOD, delay=1.5),), False, 1, "failed",
        "no answer within 0.5s; gave up after 2 attempt(s)", 2),
    "500 every time": FaultCase(
        (Reply(status=500),), False, 1, "failed",
        "HTTP 500 Internal Server Error; gave up after 2 attempt(s)", 2),
    "404 is not retried": FaultCase(
        (Reply(ERROR_PAGE, status=404),), False, 1, "failed", "HTTP 404 Not Found", 1),
    "body cut off mid-way": FaultCase(
        (pdf(GOOD, stall_after=200),), False, 1, "failed", "gave up after 2 attempt(s)", 2),
    "HTML error page served as application/pdf": FaultCase(
        (Reply(ERROR_PAGE, content_type=PDF),), False, 1, "failed",
        "not a PDF: the server sent an HTML page labelled application/pdf", 1),
    "HTML page at a .pdf address": FaultCase(
        (Reply(ERROR_PAGE),), False, 1, "failed",
        "not a PDF: the server sent an HTML page labelled text/html", 1),
    "redirect to another host is refused": FaultCase(
        (Reply(status=302, headers=(("Location", "http://localhost:{port}/elsewhere.pdf"),)),),
        False, 1, "failed", "refused redirect to another host: http://localhost:", 1),
    "redirect to another port of the host is refused": FaultCase(
        (Reply(status=302, headers=(("Location", "http://127.0.0.1:9/elsewhere.pdf"),)),),
        False, 1, "failed", "refused redirect to another port: http://127.0.0.1:9/", 1),
    "a body trickling past the deadline": FaultCase(
        (pdf(GOOD, drip=0.01),), False, 1, "failed",
        "not downloaded within the 0.5s deadline (", 1, ("--deadline", "0.5")),
    "redirect loop is bounded": FaultCase(
        (Reply(status=302, headers=(("Location", "/docs/subject.pdf"),)),), False, 1,
        "failed", "more than 5 redirects; not followed", 6),
    "file changed at the source": FaultCase(
        (pdf(CHANGED),), True, 1, "changed", "the publisher's file changed", 1),
}


@pytest.mark.parametrize("case", FAULTS.values(), ids=FAULTS.keys())
def test_fault_is_reported_and_nothing_is_lost(case: FaultCase, site: Site, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    site.set("/docs/subject.pdf", *case.replies)
    site.set("/docs/control.pdf", pdf(CONTROL))
    manifest, cache = tmp_path / "manifest.jsonl", tmp_path / "cache"
    write_manifest(manifest, [entry(site, "subject", "/docs/subject.pdf",
                                    GOOD if case.pinned else None),
                              entry(site, "control", "/docs/control.pdf")])

    code, out, err = rebuild_cli(tmp_path, capsys, *case.extra)

    line = next(x for x in (out + err).splitlines() if x.startswith(f"{case.status:<9} subject"))
    assert case.told in line
    assert (line in err) == (case.code != 0)
    assert code == case.code
    assert site.hits("/docs/subject.pdf") == case.hits
    assert site.hits("/elsewhere.pdf") == 0
    entries = by_id(manifest)
    assert entries["control"].sha256 == sha(CONTROL)
    assert cached_path(entries["control"], cache).read_bytes() == CONTROL
    subject = entries["subject"]
    assert subject.sha256 == (sha(GOOD) if case.pinned or case.code == 0 else None)
    subject_file = cached_path(subject, cache)
    assert subject_file.exists() == (case.code == 0)
    if subject_file.exists():
        assert subject_file.read_bytes() == GOOD
    assert leftovers(cache) == []


def test_changed_file_is_put_aside_and_the_cached_copy_kept(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.set("/docs/subject.pdf", pdf(GOOD, etag='"v1"'), pdf(CHANGED, etag='"v2"'))
    manifest = tmp_path / "manifest.jsonl"
    write_manifest(manifest, [entry(site, "subject", "/docs/subject.pdf", GOOD)])
    assert rebuild_cli(tmp_path, capsys)[0] == 0
    before = manifest.read_bytes()

    code, _out, err = rebuild_cli(tmp_path, capsys, "--refresh")

    assert code == 1
    assert f"the publisher's file changed: sha256 {sha(CHANGED)[:12]}" in err
    assert "kept subject.pdf" in err
    assert (tmp_path / "cache" / "subject.pdf").read_bytes() == GOOD
    aside = tmp_path / "cache" / "changed" / f"subject.{sha(CHANGED)[:12]}.pdf"
    assert aside.read_bytes() == CHANGED
    assert manifest.read_bytes() == before  # the pin still names the old bytes
    assert site.log[-1].headers.get("If-None-Match") == '"v1"'


# --- the corpus, byte for byte --------------------------------------------------------------

DOCUMENTS = {
    "/docs/pcd-9001.pdf": (GOOD, PDF),
    "/decisions/pcd-9002": (html_page("PCD 9002", "<h1>PCD 9002 Synthetic page</h1>"),
                            "text/html"),
    "/docs/notes.txt": (b"Synthetic plain text notice, for tests.\n", "text/plain"),
}


def serve_documents(site: Site) -> list[ManifestEntry]:
    entries = []
    for number, (path, (body, media_type)) in enumerate(DOCUMENTS.items()):
        site.set(path, Reply(body, content_type=media_type))
        entries.append(entry(site, f"doc-{number}", path, body, media_type))
    return entries


def test_rebuild_from_an_empty_cache_reproduces_the_corpus_byte_for_byte(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = serve_documents(site)
    write_manifest(tmp_path / "manifest.jsonl", entries)

    code, out, _err = rebuild_cli(tmp_path, capsys)

    assert code == 0
    assert "3 entries: 3 fetched" in out
    cache = tmp_path / "cache"
    for item, (body, _media_type) in zip(entries, DOCUMENTS.values(), strict=True):
        assert cached_path(item, cache).read_bytes() == body
    assert sorted(p.name for p in cache.iterdir()) == ["doc-0.pdf", "doc-1.html", "doc-2.txt"]
    requests = len(site.log)
    assert rebuild_cli(tmp_path, capsys)[0] == 0
    assert len(site.log) == requests  # everything verified from the cache, no request


def test_first_fetch_pins_sha256_bytes_and_time_and_says_so(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.set("/docs/pcd-9001", pdf(GOOD))  # a seed's guess of text/html, settled by the bytes
    site.set("/docs/notes.txt", Reply(b"Synthetic notice.\n", content_type="text/plain"))
    manifest = tmp_path / "manifest.jsonl"
    write_manifest(manifest, [entry(site, "guessed", "/docs/pcd-9001", media_type="text/html"),
                              entry(site, "notes", "/docs/notes.txt", media_type="text/plain")])

    code, out, _err = rebuild_cli(tmp_path, capsys)

    assert code == 0
    assert f"pinned    guessed: pinned {len(GOOD):,} bytes, sha256 {sha(GOOD)[:12]}" in out
    assert f"pinned 2 entries: sha256, bytes and retrieved_at written to {manifest}" in out
    raw = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert raw[0]["sha256"] == sha(GOOD) and raw[0]["bytes"] == len(GOOD)
    assert raw[0]["media_type"] == PDF
    assert all(len(line["retrieved_at"]) == 20 for line in raw)
    assert (tmp_path / "cache" / "guessed.pdf").read_bytes() == GOOD


def test_a_damaged_cached_copy_is_restored(site: Site, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    entries = serve_documents(site)
    write_manifest(tmp_path / "manifest.jsonl", entries)
    assert rebuild_cli(tmp_path, capsys)[0] == 0
    (tmp_path / "cache" / "doc-0.pdf").write_bytes(b"%PDF-1.3 damaged")

    code, out, _err = rebuild_cli(tmp_path, capsys)

    assert code == 0
    assert "fetched   doc-0: restored a damaged cached copy" in out
    assert (tmp_path / "cache" / "doc-0.pdf").read_bytes() == GOOD


def test_refresh_sends_validators_and_a_304_costs_no_body(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.set("/docs/subject.pdf", pdf(GOOD, etag='"v1"'))
    write_manifest(tmp_path / "manifest.jsonl", [entry(site, "subject", "/docs/subject.pdf")])
    assert rebuild_cli(tmp_path, capsys)[0] == 0
    assert by_id(tmp_path / "manifest.jsonl")["subject"].etag == '"v1"'

    code, out, _err = rebuild_cli(tmp_path, capsys, "--refresh")

    assert code == 0
    assert "unchanged subject: the publisher says not modified (304)" in out
    assert site.log[-1].headers.get("If-None-Match") == '"v1"'


# --- offline, --only, listing-only entries --------------------------------------------------

class OfflineCase(NamedTuple):
    fill_cache: bool
    damage: bool
    pinned: bool
    code: int
    told: str


OFFLINE = {
    "complete cache": OfflineCase(True, False, True, 0, "3 entries: 3 cached"),
    "empty cache": OfflineCase(False, False, True, 1, "missing   doc-0: doc-0.pdf is not in the "
                                                      "cache (offline)"),
    "damaged copy": OfflineCase(True, True, True, 1, "corrupt   doc-0: doc-0.pdf does not match"),
    "never pinned": OfflineCase(False, False, False, 1, "missing   doc-0: not pinned yet"),
}


@pytest.mark.parametrize("case", OFFLINE.values(), ids=OFFLINE.keys())
def test_offline_uses_only_the_cache(case: OfflineCase, site: Site, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    entries = serve_documents(site)
    manifest = tmp_path / "manifest.jsonl"
    write_manifest(manifest, entries)
    if case.fill_cache:
        assert rebuild_cli(tmp_path, capsys)[0] == 0
    if case.damage:
        (tmp_path / "cache" / "doc-0.pdf").write_bytes(b"%PDF-1.3 damaged")
    if not case.pinned:
        write_manifest(manifest, [entry(site, e.id, e.url.split(str(site.port))[1],
                                        media_type=e.media_type) for e in entries])
    requests = len(site.log)

    code, out, err = rebuild_cli(tmp_path, capsys, "--offline")

    assert code == case.code
    assert case.told in out + err
    assert len(site.log) == requests
    if case.damage:
        assert (tmp_path / "cache" / "doc-0.pdf").read_bytes() == b"%PDF-1.3 damaged"


def test_only_fetches_the_named_entries(site: Site, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    write_manifest(tmp_path / "manifest.jsonl", serve_documents(site))

    code, out, _err = rebuild_cli(tmp_path, capsys, "--only", "doc-2")

    assert code == 0
    assert "1 entries: 1 fetched" in out
    assert site.paths() == ["/docs/notes.txt"]
    code, _out, err = rebuild_cli(tmp_path, capsys, "--only", "doc-9")
    assert code == 2
    assert "no entry with id doc-9" in err


def test_an_entry_known_only_from_a_listing_is_not_fetched(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.set("/decisions?page=4", Reply(html_page("Decisions", "<p>many decisions</p>")))
    listing = entry(site, "pcd-9003", "/decisions?page=4", media_type="text/html")
    write_manifest(tmp_path / "manifest.jsonl", [replace(listing, url_kind="listing")])

    code, out, _err = rebuild_cli(tmp_path, capsys)

    assert code == 0
    assert "skipped   pcd-9003: its URL is a listing page, not the document" in out
    assert site.log == []


# --- interruption -----------------------------------------------------------------------------

class Interruption(NamedTuple):
    signal: signal.Signals
    code: int
    part_left: bool   # a killed process cannot clean up; an interrupted one does


INTERRUPTIONS = {
    "killed (SIGKILL)": Interruption(signal.SIGKILL, -signal.SIGKILL, True),
    "interrupted (Ctrl-C)": Interruption(signal.SIGINT, 130, False),
}


@pytest.mark.parametrize("case", INTERRUPTIONS.values(), ids=INTERRUPTIONS.keys())
def test_an_interrupted_rebuild_resumes_where_it_stopped(
        case: Interruption, site: Site, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bodies = {name: synthetic_pdf(f"Synthetic decision {name}") for name in ("a", "b", "c")}
    for name, body in bodies.items():
        site.set(f"/docs/{name}.pdf", pdf(body))
    site.set("/docs/c.pdf", pdf(bodies["c"], stall_after=300), pdf(bodies["c"]))
    manifest, cache = tmp_path / "manifest.jsonl", tmp_path / "cache"
    write_manifest(manifest, [entry(site, name, f"/docs/{name}.pdf") for name in bodies])
    command = [sys.executable, "-m", "pipeline", "corpus", "rebuild", "--manifest",
               str(manifest), "--cache", str(cache), "--delay", "0", "--timeout", "20"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while site.hits("/docs/c.pdf") == 0 or not leftovers(cache):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    time.sleep(0.1)  # let the first 300 bytes land in the temporary file
    process.send_signal(case.signal)

    assert process.wait(timeout=20) == case.code
    assert bool(leftovers(cache)) == case.part_left
    assert sorted(p.name for p in cache.glob("*.pdf")) == ["a.pdf", "b.pdf"]
    pinned = {e.id for e in read_manifest(manifest) if e.pinned}
    assert pinned == {"a", "b"}

    code, out, _err = rebuild_cli(tmp_path, capsys)

    assert code == 0
    assert "3 entries: 2 cached, 1 pinned" in out
    assert [site.hits(f"/docs/{name}.pdf") for name in bodies] == [1, 1, 2]
    assert {e.id: cached_path(e, cache).read_bytes() for e in read_manifest(manifest)} == bodies
    assert leftovers(cache) == []
