"""Bad input: every kind is a typed error whose one-line reason names the file.

And `decisions extract` over a folder mixing good and bad files writes every good
record and lists every bad file with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pdf_factory as make
import pytest
from decision_factory import decision_html, decision_text

from pipeline import errors
from pipeline.cli import main
from pipeline.ingest import Limits, load

NOT_FOUND_PAGE = (b"<!DOCTYPE html><html><head><title>Page not found | London City Hall</title>"
                  b"</head><body><nav><a href='/'>Home</a></nav><main><h1>Page not found</h1>"
                  b"<p>Sorry, we could not find that page.</p></main></body></html>")
ACCESS_DENIED_PAGE = (b"<html><head><title>Access Denied</title></head><body><h1>Access Denied"
                      b"</h1><p>You don't have permission to access this server.</p></body></html>")
STATUS_PAGE = b"<html><head><title>404 - File or directory not there</title></head></html>"
PNG_HEADER = b"\x89PNG\r\n\x1a\n" + bytes(64)


class BadCase(NamedTuple):
    name: str
    path: str
    data: Callable[[], bytes]
    error: type[errors.IngestError]
    reason: str  # a fragment of the one-line reason
    limits: Limits = Limits()
    pdf: bool = False  # run through both PDF engines


@cache
def _text_pdf() -> bytes:
    return make.pages_pdf([["A short paper about £5,000 of repairs."]] * 3)


def _long_pdf() -> bytes:
    """Long enough that even PDFium (hundreds of pages a second) takes far over 1 ms."""
    return make.pages_pdf([["A short paper about £5,000 of repairs."]] * 80)


def _long_text() -> str:
    """About 2 MB: reading it takes far over 1 ms anywhere."""
    return "A paragraph about £5,000 of repairs.\n" * 50_000


def _long_page() -> str:
    return "<html><body><main>" + _long_text().replace("\n", "<br>\n")


CASES_FROM_BAD_INPUT = [
    BadCase("zero-byte", "empty.pdf", lambda: b"", errors.EmptyInput, "zero-byte file"),
    BadCase("only-whitespace", "blank.txt", lambda: b"  \n\t\n", errors.EmptyInput,
            "no text: the file is empty or only whitespace"),
    BadCase("corrupt-pdf", "corrupt.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8,
            errors.CorruptInput, "damaged or truncated PDF", pdf=True),
    BadCase("truncated-pdf", "cut.pdf", lambda: make.truncated(_text_pdf()),
            errors.CorruptInput, "damaged or truncated PDF", pdf=True),
    BadCase("encrypted-pdf", "secret.pdf", make.encrypted_pdf, errors.Encrypted,
            "encrypted PDF: a password is needed to read it", pdf=True),
    BadCase("image-only-pdf", "scan.pdf", make.image_only_pdf, errors.NeedsOcr,
            "no text layer on any of its 1 page(s): scanned images need OCR", pdf=True),
    BadCase("thousands-of-pages", "huge.pdf", lambda: make.many_pages_pdf(2000),
            errors.TooLarge, "2,000 pages is over the 1,000-page limit", pdf=True),
    BadCase("decompression-bomb", "bomb.pdf", lambda: make.bomb_pdf(64), errors.TooLarge,
            "inflates to over 16,000,000 bytes (Limits.max_stream_bytes): a decompression "
            "bomb?", Limits(max_stream_bytes=16_000_000), pdf=True),
    BadCase("reading-too-slow", "slow.pdf", _long_pdf, errors.TookTooLong,
            "reading took over 0.001 s (Limits.max_seconds); stopped",
            Limits(max_seconds=0.001), pdf=True),
    BadCase("html-reading-too-slow", "slow.html", lambda: _long_page().encode(),
            errors.TookTooLong, "reading took over 0.001 s (Limits.max_seconds); stopped",
            Limits(max_seconds=0.001)),
    BadCase("text-reading-too-slow", "slow.txt", lambda: _long_text().encode(),
            errors.TookTooLong, "reading took over 0.001 s (Limits.max_seconds); stopped",
            Limits(max_seconds=0.001)),
    BadCase("over-the-byte-limit", "big.txt", lambda: b"word " * 3000, errors.TooLarge,
            "15,000 bytes is over the 10,000-byte limit", Limits(max_bytes=10_000)),
    BadCase("error-page-saved-as-html", "pcd-1.html", lambda: NOT_FOUND_PAGE,
            errors.NotADecision, "an HTML error page ('Page not found'), not a decision"),
    BadCase("error-page-served-as-pdf", "pcd-2.pdf", lambda: ACCESS_DENIED_PAGE,
            errors.NotADecision, "an HTML error page ('Access Denied') saved as .pdf"),
    BadCase("status-code-title", "pcd-3.html", lambda: STATUS_PAGE, errors.NotADecision,
            "an HTML error page ('404 - File or directory not there'), not a decision"),
    BadCase("html-without-text", "bare.html",
            lambda: b"<html><body><script>x()</script></body></html>", errors.EmptyInput,
            "an HTML page with no readable text in its main content"),
    BadCase("binary-named-txt", "notes.txt", lambda: b"\x00\x01\x02binary\x00" * 40,
            errors.NotText, "binary content (NUL bytes), not a text document"),
    BadCase("image-named-txt", "notes.txt", lambda: PNG_HEADER, errors.UnsupportedFormat,
            "a PNG image: not text, HTML or PDF"),
    BadCase("invalid-utf8", "latin.txt", lambda: b"caf\xc3 \x81\x8d\x8f\x90 decision",
            errors.DecodeFailed, "not valid UTF-8 (invalid continuation byte at byte 3)"),
]
RUNS = [(case, engine) for case in CASES_FROM_BAD_INPUT
        for engine in (("pdfplumber", "pdfium") if case.pdf else ("pdfplumber",))]


@pytest.mark.parametrize(("case", "engine"), RUNS, ids=[f"{c.name}-{e}" for c, e in RUNS])
def test_bad_input_is_a_typed_error_naming_the_file(case: BadCase, engine: str) -> None:
    with pytest.raises(errors.IngestError) as raised:
        load(case.path, data=case.data(), engine=engine, limits=case.limits)
    error = raised.value
    assert type(error) is case.error
    assert case.reason in error.reason
    assert str(error) == f"{case.path}: {error.reason}"
    assert "\n" not in str(error)


def test_readable_windows_1252_text_loads_with_a_notice() -> None:
    document = load("old.txt", data="Caf\u00e9 costs \u00a3400 \u2013 approved.".encode("cp1252"))
    assert document.text == "Café costs £400 – approved."
    assert [code for code, _ in document.notices] == ["decoded_as_cp1252"]


def test_extract_on_a_mixed_folder_writes_the_good_and_lists_the_bad(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    good = {"decision.txt": decision_text().encode(), "decision-page.html":
            decision_html().encode(), "signed.pdf": _text_pdf()}
    bad = {case.path: case for case in CASES_FROM_BAD_INPUT
           if case.limits == Limits() and case.path not in good}
    for name, data in good.items():
        (folder / name).write_bytes(data)
    for name, case in bad.items():
        (folder / name).write_bytes(case.data())
    status = main(["extract", str(folder), "--out", str(out)])
    stderr = capsys.readouterr().err
    assert status == 1
    assert sorted(p.name for p in out.glob("*.json")) == sorted(
        f"{Path(name).stem}.json" for name in good)
    failed = [line for line in stderr.splitlines() if line.startswith("failed: ")]
    assert len(failed) == len(bad), stderr
    for name, case in bad.items():
        assert any(f"{folder / name}: " in line and case.reason in line for line in failed), (
            name, stderr)
    assert f"wrote {len(good)} record(s)" in stderr
