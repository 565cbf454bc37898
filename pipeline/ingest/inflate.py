"""Decompression bombs, caught before a PDF library inflates them.

A few kilobytes of Flate data can inflate to gigabytes. pdfminer inflates a stream
whole and, short of memory, quietly reads the page as blank; PDFium aborts. So before
either sees the file, every Flate stream is inflated here in small steps and thrown
away, and the file is refused as soon as one stream passes `Limits.max_stream_bytes`.
The memory cap of the isolated reader stays the last line of defence.
"""

from __future__ import annotations

import re
import zlib

from pipeline.errors import TooLarge

# "stream" then its end of line starts a stream's data; "endstream" does not.
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
_FLATE = re.compile(rb"/FlateDecode|/Fl\b")
_DICTIONARY_REACH = 400  # bytes before "stream" searched for the stream's /Filter
_STEP = 1 << 16


def refuse_bombs(data: bytes, path: str, max_stream_bytes: int) -> None:
    """Raise TooLarge if any Flate stream in `data` inflates past `max_stream_bytes`."""
    view = memoryview(data)
    for match in _STREAM_START.finditer(data):
        if not _FLATE.search(data, max(0, match.start() - _DICTIONARY_REACH), match.start()):
            continue
        if _inflates_past(view[match.end():], max_stream_bytes):
            raise TooLarge(path, f"a compressed stream inflates to over {max_stream_bytes:,} "
                                 "bytes (Limits.max_stream_bytes): a decompression bomb?")


def _inflates_past(compressed: memoryview, limit: int) -> bool:
    inflater = zlib.decompressobj()
    total = 0
    position = 0
    try:
        while position < len(compressed) and not inflater.eof:
            pending = bytes(compressed[position: position + _STEP])
            position += len(pending)
            while pending and total <= limit and not inflater.eof:
                total += len(inflater.decompress(pending, _STEP))
                pending = inflater.unconsumed_tail
            if total > limit:
                return True
    except zlib.error:
        return False  # not Flate after all, or damaged: the reader will say so
    return False
