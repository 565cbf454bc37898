"""What one document may cost to read, so a hostile or broken file cannot stall a run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on what one document may cost; raise them for unusual corpora.

    `max_seconds` and `max_memory_bytes` hold because a PDF is read in a child process
    (`isolated=True`) that is stopped when it passes either: a decompression bomb or a
    pathological page costs that one file, never the run. Set `isolated=False` only for
    trusted files, e.g. to profile the engines. `max_stream_bytes` refuses a
    decompression bomb before any PDF library inflates it. An HTML page nested deeper than
    `max_html_depth` is read with the deeper elements flattened (html_depth.py): browsers
    nest no deeper, and the HTML parser's cost grows with the square of the depth.
    """

    max_bytes: int = 50_000_000
    max_pages: int = 1_000
    max_chars: int = 5_000_000
    max_stream_bytes: int = 100_000_000  # one compressed PDF stream, inflated
    max_seconds: float = 120.0
    max_memory_bytes: int = 2_000_000_000
    max_html_depth: int = 512  # elements open at once, as in Blink and WebKit's parsers
    isolated: bool = True


DEFAULT_LIMITS = Limits()
