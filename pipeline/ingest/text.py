"""Plain text: decoded, line ends and odd spaces normalised, form feeds as page breaks."""

from __future__ import annotations

import re
import unicodedata

from pipeline.document import Document, Source, doc_id_for, sha256_of
from pipeline.errors import DecodeFailed, EmptyInput, NotText

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u202f\u205f\u3000",
    ),
    " ",
)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """The one cleaning every loader applies before offsets exist."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return _CONTROL.sub("", text.replace("\t", "    "))


def decode(data: bytes, path: str) -> tuple[str, str | None]:
    """UTF-8 (with or without BOM), else Windows-1252 when that reads as text.

    Returns the text and, when it was not UTF-8, a note saying how it was read.
    """
    if b"\x00" in data[:4096]:
        raise NotText(path, "binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecodeFailed(
            path,
            f"not valid UTF-8 ({utf8_error.reason} at byte "
            f"{utf8_error.start}) nor Windows-1252 text",
        ) from None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text) / max(len(text), 1)
    if printable < 0.95:
        raise DecodeFailed(
            path,
            f"not valid UTF-8 ({utf8_error.reason} at byte "
            f"{utf8_error.start}) and not readable as Windows-1252",
        )
    return text, "decoded as Windows-1252: the file is not valid UTF-8"


def load_text(data: bytes, path: str, doc_id: str | None = None) -> Document:
    text, note = decode(data, path)
    text = clean_text(text)
    if not text.strip():
        raise EmptyInput(path, "no text: the file is empty or only whitespace")
    pages = text.split("\f")
    starts: list[int] = []
    pos = 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 1
    sha = sha256_of(data)
    source = Source(path=path, sha256=sha, format="text", media_type="text/plain")
    notes = (("decoded_as_cp1252", note),) if note else ()
    return Document(
        doc_id or doc_id_for(_stem(path), sha), text, source, tuple(starts), notices=notes
    )


def _stem(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
