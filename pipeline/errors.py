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
    kind = "too_large"


class ConfigurationError(DecisionsError):
    """Bad settings or arguments; the message says how to fix them."""
