"""Typed errors. Each says, in one line that names the file, what is wrong and what to do."""

from __future__ import annotations

import errno


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


class RunStopped(DecisionsError):
    """The machine, not an input, stopped a command: a full disk, a server gone away.

    The message is the one line the user sees; `EXIT_STOPPED` is the exit status."""


EXIT_STOPPED = 3

# errno values that mean "this machine cannot go on", not "this input is bad"
_STOPPING_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO,
                              errno.EACCES, errno.EPERM, errno.EMFILE, errno.ENFILE})


def stopping_error_to_line(error: BaseException) -> str | None:
    """One line naming the cause (and the file or address) of a failure of the machine, or
    None for anything else, which keeps its traceback: that is a bug to report.

    Recognised: RunStopped; an OSError of a full disk, quota, file size limit, read-only
    or failing device, or refused permission (with the file it names); SQLite's "database
    or disk is full" and kin; and the Prefect API going away mid-run."""
    if isinstance(error, RunStopped):
        return str(error)
    if isinstance(error, OSError) and error.errno in _STOPPING_ERRNOS:
        where = error.filename if error.filename is not None else None
        why = error.strerror or str(error)
        return f"{where}: {why}" if where else why
    if type(error).__module__ == "sqlite3" and isinstance(error, Exception):
        return f"SQLite: {error}"
    return _api_gone(error)


def _api_gone(error: BaseException) -> str | None:
    """Prefect's client says "Failed to reach API at URL"; httpx names the address."""
    import httpx

    message = str(error)
    if isinstance(error, RuntimeError) and message.startswith("Failed to reach API at"):
        return f"{message.rstrip('/')}: is the Prefect server still running?"
    if isinstance(error, httpx.ConnectError | httpx.RemoteProtocolError | httpx.ConnectTimeout):
        try:
            where = f"{error.request.url}: "
        except RuntimeError:  # an error raised without its request
            where = ""
        return f"{where}no answer ({message or type(error).__name__})"
    return None
