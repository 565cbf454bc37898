"""The rules inside ingest, case by case: furniture across pages, broken words, content
sniffing, visual lines, bomb scanning and the isolated reader's limits."""

from __future__ import annotations

import multiprocessing
import os
import time
from multiprocessing.connection import Connection
from typing import NamedTuple

import pdf_factory as make
import pytest

from pipeline import errors
from pipeline.ingest import PDF_ENGINES, Limits, load
from pipeline.ingest.furniture import split_furniture
from pipeline.ingest.hyphens import mend_lines
from pipeline.ingest.inflate import refuse_bombs
from pipeline.ingest.isolate import run_isolated
from pipeline.ingest.layout import DOWN, UP, UPRIGHT, Line, Piece, box_to_frame, pieces_to_lines
from pipeline.ingest.pdf import ENGINES
from pipeline.ingest.sniff import foreign_format, sniff_format

# --- furniture -------------------------------------------------------------------------

BODY = "The board agreed the plan for the depot works."


def _page(top: tuple[str, ...], bottom: tuple[str, ...]) -> list[Line]:
    """A 100-unit-high page: `top` lines in the header band, body, `bottom` in the footer."""
    lines = [Line(text, 50, 2 + 3 * i, 4 + 3 * i, 100) for i, text in enumerate(top)]
    lines += [Line(BODY, 50, 30 + 5 * i, 33 + 5 * i, 100) for i in range(3)]
    lines += [Line(text, 50, 90 + 3 * i, 92 + 3 * i, 100) for i, text in enumerate(bottom)]
    return lines


class FurnitureCase(NamedTuple):
    name: str
    pages: list[list[Line]]
    furniture: list[tuple[int, str, str]]  # all of it, page order


CASES_FROM_FURNITURE = [
    FurnitureCase("running-header-and-numbered-footer",
                  [_page(("Council report",), (f"Page {n} of 3",)) for n in (1, 2, 3)],
                  [(1, "header", "Council report"), (1, "page_number", "Page 1 of 3"),
                   (2, "header", "Council report"), (2, "page_number", "Page 2 of 3"),
                   (3, "header", "Council report"), (3, "page_number", "Page 3 of 3")]),
    FurnitureCase("footer-with-its-page-number",
                  [_page((), (f"Final decision {n}",)) for n in (1, 2, 3, 4)],
                  [(n, "footer", f"Final decision {n}") for n in (1, 2, 3, 4)]),
    FurnitureCase("title-on-the-first-page-only-is-kept",
                  [_page(("Record of decision",), ()), _page((), ()), _page((), ())], []),
    FurnitureCase("money-in-the-footer-band-is-never-furniture",
                  [_page((), ("Total £5,000",)) for _ in range(3)], []),
    FurnitureCase("lone-page-number-on-the-outermost-line",
                  [_page((), ("1",)), _page((), ("Final decision 2",)),
                   _page((), ("Final decision 3",))],
                  [(1, "page_number", "1"), (2, "footer", "Final decision 2"),
                   (3, "footer", "Final decision 3")]),
    FurnitureCase("one-page-keeps-its-lines", [_page(("Council report",), ("Annex",))], []),
    FurnitureCase("numbers-out-of-step-are-a-footer-not-page-numbers",
                  [_page((), ("7",)), _page((), ("12",)), _page((), ("3",))],
                  [(1, "footer", "7"), (2, "footer", "12"), (3, "page_number", "3")]),
]


@pytest.mark.parametrize("case", CASES_FROM_FURNITURE, ids=[c.name for c in CASES_FROM_FURNITURE])
def test_furniture_is_found_across_pages(case: FurnitureCase) -> None:
    kept, furniture = split_furniture(case.pages)
    assert [(f.page, f.kind, f.text) for f in furniture] == case.furniture
    assert sum(len(p) for p in kept) + len(furniture) == sum(len(p) for p in case.pages)
    assert all(line.text == BODY for page in kept for line in page
               if line.text not in {"Record of decision", "Total £5,000", "Council report",
                                    "Annex"})


# --- broken words ------------------------------------------------------------------------

class HyphenCase(NamedTuple):
    name: str
    lines: list[str | None]
    mended: list[str | None]


CASES_FROM_HYPHENS = [
    HyphenCase("typesetter-break-joined", ["a new procure-", "ment route"],
               ["a new procurement", "route"]),
    HyphenCase("word-spelt-whole-elsewhere", ["the develop-", "ment", "one development"],
               ["the development", "", "one development"]),
    HyphenCase("compound-spelt-with-hyphen-elsewhere", ["a long-", "term plan", "long-term"],
               ["a long-term", "plan", "long-term"]),
    HyphenCase("two-words-used-alone", ["a cost-", "effective route", "cost is effective"],
               ["a cost-effective", "route", "cost is effective"]),
    HyphenCase("hyphenated-prefix", ["a non-", "statutory duty"], ["a non-statutory", "duty"]),
    HyphenCase("capital-after-the-break-is-kept", ["the Anglo-", "French treaty"],
               ["the Anglo-", "French treaty"]),
    HyphenCase("dash-is-not-a-hyphen", ["costs rose \u2013", "sharply"],
               ["costs rose \u2013", "sharply"]),
    HyphenCase("soft-hyphen-joined", ["the fund\u00ad", "ing letter"],
               ["the funding", "letter"]),
    HyphenCase("table-between-is-a-wall", ["a procure-", None, "ment"],
               ["a procure-", None, "ment"]),
    HyphenCase("punctuation-moves-with-the-word", ["the procure-", "ment, which"],
               ["the procurement,", "which"]),
]


@pytest.mark.parametrize("case", CASES_FROM_HYPHENS, ids=[c.name for c in CASES_FROM_HYPHENS])
def test_broken_words_are_mended(case: HyphenCase) -> None:
    assert mend_lines(case.lines) == case.mended


# --- sniffing ----------------------------------------------------------------------------

class SniffCase(NamedTuple):
    name: str
    data: bytes
    kind: str


CASES_FROM_SNIFFING = [
    SniffCase("pdf", b"%PDF-1.7\n...", "pdf"),
    SniffCase("pdf-after-junk", b"\r\n\x00junk before the header %PDF-1.4\n", "pdf"),
    SniffCase("html-doctype", b"\xef\xbb\xbf  <!DOCTYPE html><p>x", "html"),
    SniffCase("html-fragment-with-body", b"<div><body><p>x</p></body>", "html"),
    SniffCase("xhtml", b"<?xml version='1.0'?><html xmlns='x'><body/></html>", "html"),
    SniffCase("text-with-angle-brackets", b"Cost <\xc2\xa35,000> agreed", "text"),
    SniffCase("png", b"\x89PNG\r\n\x1a\n....", "text"),  # text to sniff_format's callers
]


@pytest.mark.parametrize("case", CASES_FROM_SNIFFING, ids=[c.name for c in CASES_FROM_SNIFFING])
def test_format_is_sniffed_from_the_bytes(case: SniffCase) -> None:
    assert sniff_format(case.data) == case.kind


CASES_FROM_FOREIGN_FORMATS = [
    SniffCase("png", b"\x89PNG\r\n\x1a\n....", "a PNG image"),
    SniffCase("docx", b"PK\x03\x04\x14\x00", "a ZIP archive (e.g. .docx, .xlsx)"),
    SniffCase("old-word", bytes.fromhex("d0cf11e0a1b11ae1") + b"..",
              "an old Office file (.doc, .xls)"),
    SniffCase("pdf-is-not-foreign", b"%PDF-1.4 PK\x03\x04", "None"),
    SniffCase("text-is-not-foreign", b"Decision PCD 1", "None"),
]


@pytest.mark.parametrize("case", CASES_FROM_FOREIGN_FORMATS,
                         ids=[c.name for c in CASES_FROM_FOREIGN_FORMATS])
def test_formats_no_loader_reads_are_named(case: SniffCase) -> None:
    assert str(foreign_format(case.data)) == case.kind


# --- visual lines ------------------------------------------------------------------------

class LinesCase(NamedTuple):
    name: str
    pieces: list[Piece]
    lines: list[str]


CASES_FROM_LINES = [
    LinesCase("margin-number-a-little-lower-joins-its-line",
              [Piece("Section", 30, 10, 60, 22), Piece("5.", 10, 14, 18, 21),
               Piece("next", 30, 24, 50, 36)], ["5. Section", "next"]),
    LinesCase("drawn-out-of-order-read-top-down",
              [Piece("footer", 10, 90, 40, 99), Piece("header", 10, 1, 40, 9),
               Piece("body", 10, 40, 40, 49)], ["header", "body", "footer"]),
    LinesCase("touching-runs-are-one-word",
              [Piece("Planni", 10, 10, 40, 20), Piece("ng", 40.5, 10, 50, 20)], ["Planning"]),
    LinesCase("upward-text-first-line-leftmost",
              [Piece("second", 10, 30, 80, 40, UP), Piece("first", 10, 10, 80, 20, UP)],
              ["first", "second"]),
]


@pytest.mark.parametrize("case", CASES_FROM_LINES, ids=[c.name for c in CASES_FROM_LINES])
def test_pieces_make_visual_lines(case: LinesCase) -> None:
    assert [line.text for line in pieces_to_lines(case.pieces, 200, 100)] == case.lines


@pytest.mark.parametrize(("direction", "frame"), [
    (UPRIGHT, (10, 20, 30, 40)), (DOWN, (20, 170, 40, 190)), (UP, (60, 10, 80, 30))])
def test_boxes_turn_into_their_reading_frame(direction: int, frame: tuple[int, ...]) -> None:
    assert box_to_frame((10, 20, 30, 40), direction, 200, 100) == frame


# --- bombs and the isolated reader -------------------------------------------------------

def test_ordinary_pdf_passes_the_bomb_scan() -> None:
    assert refuse_bombs(make.decision_pdf()[0], "ok.pdf", 1_000_000) is None


def test_bomb_is_refused_before_inflating() -> None:
    with pytest.raises(errors.TooLarge, match="decompression bomb"):
        refuse_bombs(make.bomb_pdf(8), "bomb.pdf", 4_000_000)


def _allocate(size: int) -> int:
    return len(bytearray(size))


def _crash() -> None:
    os.abort()


def _linger(seconds: float) -> None:
    time.sleep(seconds)


def _refuse() -> None:
    raise errors.Encrypted("inner.pdf", "encrypted PDF: a password is needed to read it")


class IsolatedCase(NamedTuple):
    name: str
    call: tuple[object, ...]
    limits: Limits
    error: type[errors.IngestError]
    reason: str


CASES_FROM_ISOLATION = [
    IsolatedCase("memory-cap", (_allocate, 1_500_000_000), Limits(max_memory_bytes=200_000_000),
                 errors.TooLarge, "reading needed over 200,000,000 bytes of memory"),
    IsolatedCase("crash", (_crash,), Limits(), errors.CorruptInput,
                 "the PDF reader crashed on it (exit -6)"),
    IsolatedCase("time-limit", (_linger, 5.0), Limits(max_seconds=0.2), errors.TookTooLong,
                 "reading took over 0.2 s"),
    IsolatedCase("error-from-the-child", (_refuse,), Limits(), errors.Encrypted,
                 "encrypted PDF: a password is needed"),
]


@pytest.mark.parametrize("case", CASES_FROM_ISOLATION, ids=[c.name for c in CASES_FROM_ISOLATION])
def test_isolated_reader_turns_failures_into_errors(case: IsolatedCase) -> None:
    function, *args = case.call
    with pytest.raises(case.error) as raised:
        run_isolated(function, tuple(args), "file.pdf", case.limits)  # type: ignore[arg-type]
    assert case.reason in raised.value.reason
    assert raised.value.path == "file.pdf"


def test_isolated_reader_returns_the_childs_result() -> None:
    assert run_isolated(_allocate, (1000,), "file.pdf", Limits()) == 1000


def _read_each(pipe: Connection, files: list[tuple[str, bytes]]) -> None:
    """In a daemonic process: each file's text, or its one-line error."""
    answers = []
    for name, data in files:
        try:
            answers.append(load(name, data=data).text)
        except errors.IngestError as error:
            answers.append(str(error))
    pipe.send(answers)


def test_a_daemonic_process_reads_through_the_isolated_reader() -> None:
    """A Dask worker is a daemonic process; multiprocessing refused it the reader child,
    so every file it read failed with "daemonic processes are not allowed to have
    children"."""
    files = [("a.txt", b"Approve the works at \xc2\xa35,000."),
             ("a.html", b"<html><body><main><p>Approve the works.</p></main></body></html>"),
             ("a.pdf", make.pages_pdf([["A short paper about repairs."]]))]
    context = multiprocessing.get_context("spawn")  # a fresh process, as Dask starts them
    ours, theirs = context.Pipe()
    worker = context.Process(target=_read_each, args=(theirs, files), daemon=True)
    worker.start()
    answers = ours.recv() if ours.poll(120) else ["no answer"] * len(files)
    worker.join()
    expected = ["Approve the works at £5,000.", "Approve the works.", "A short paper"]
    assert [want in answer for want, answer in zip(expected, answers, strict=True)] == [
        True, True, True], answers


def test_engine_names_are_the_engines() -> None:
    assert set(PDF_ENGINES) == set(ENGINES)
