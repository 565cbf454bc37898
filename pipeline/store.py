"""Writing records: deterministic JSON (sorted keys, no timestamps), atomic replace.

A record file is either the old one or the new one, never half of either: it is
written to a temporary file in the same folder, flushed, fsynced and renamed over.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

if TYPE_CHECKING:  # the models cost 0.2 s to import; writing needs only their output
    from schemas.record import DecisionRecord


def record_to_json(record: DecisionRecord) -> str:
    return json_text(record.model_dump(mode="json"))


def json_text(data: Any) -> str:
    """Sorted keys, two-space indent, UTF-8 as is. orjson writes exactly what the standard
    library writes for this (tested) ten times faster; anything orjson refuses (a
    non-string key, a huge integer) is written by the standard library instead."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"
    except orjson.JSONEncodeError:
        return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def json_line(data: bytes) -> str:
    """A record file as one compact line with sorted keys (the roll-up's lines), the
    bytes the standard library would write (tested). orjson reads an integer beyond 64
    bits as a float, but a record's integers are offsets and page numbers."""
    return orjson.dumps(orjson.loads(data), option=orjson.OPT_SORT_KEYS).decode()


@contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text handle whose content replaces `path` only if the block completes: written
    to a temporary file beside it, flushed, fsynced, then renamed over it. The temporary
    name is unique per process and thread; its mode goes through the umask as `open()`'s
    does; a temporary name that is a link is refused rather than followed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        if error.filename is None:  # a failed write names no file: say which one
            raise OSError(error.errno, error.strerror, str(path)) from error
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[0-9]+-[0-9]+\.tmp$")


def temporary_target(name: str) -> str | None:
    """The file name a temporary file of `atomic_writer` was to replace (a killed process
    leaves it behind), or None if `name` is not such a temporary name."""
    match = _TEMPORARY.match(name)
    return None if match is None else match["target"]


def write_atomic(path: Path, text: str) -> None:
    """A whole text through `atomic_writer`: a run writes one per record (`mkstemp` and a
    chmod per file, which this replaced, were most of the writing parent's CPU)."""
    with atomic_writer(path) as handle:
        handle.write(text)
