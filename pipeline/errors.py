"""Typed errors. Each says, in one line that names the file, what is wrong and what to do."""

from __future__ import annotations


class DecisionsError(Exception):
    """Base of every error this package raises on purpose."""


class IngestError(DecisionsError):
    """A source could not be read into a Document; `reason` is the one-line why."""

    kind = "unreadable"

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class EmptyInput(IngestError):
    kind = "empty"


class NotText(IngestError):
    kind = "binary"


class DecodeFailed(IngestError):
    kind = "encoding"


class UnsupportedFormat(IngestError):
    kind = "unsupported"


class TooLarge(IngestError):
    """Over a `Limits` bound: bytes, pages, characters or memory (e.g. a decompression bomb)."""

    kind = "too_large"


class TookTooLong(IngestError):
    """Reading went past `Limits.max_seconds`; the reader was stopped."""

    kind = "timeout"


class CorruptInput(IngestError):
    """Damaged or truncated: the reader could not make sense of the bytes."""

    kind = "corrupt"


class Encrypted(IngestError):
    """A password is needed to open the file."""

    kind = "encrypted"


class NeedsOcr(IngestError):
    """No text layer (scanned pages): the words are pictures and need OCR first."""

    kind = "needs_ocr"


class NotADecision(IngestError):
    """Readable, but not a decision: e.g. a saved "Page not found" or "Access denied" page."""

    kind = "error_page"


class ConfigurationError(DecisionsError):
    """Bad settings or arguments; the message says how to fix them."""
