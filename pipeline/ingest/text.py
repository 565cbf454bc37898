"""Plain text: decoded, line ends and odd spaces normalised, form feeds as page breaks."""

from __future__ import annotations

from pipeline.document import Document, Source, doc_id_for, sha256_of
from pipeline.errors import DecodeFailed, EmptyInput, NotText
from pipeline.ingest.clean import clean_text

__all__ = ["clean_text", "decode", "load_text", "stem_of"]


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
        raise DecodeFailed(path, f"not valid UTF-8 ({utf8_error.reason} at byte "
                                 f"{utf8_error.start}) nor Windows-1252 text") from None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text) / max(len(text), 1)
    if printable < 0.95:
        raise DecodeFailed(path, f"not valid UTF-8 ({utf8_error.reason} at byte "
                                 f"{utf8_error.start}) and not readable as Windows-1252")
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
    return Document(doc_id or doc_id_for(stem_of(path), sha), text, source, tuple(starts),
                    notices=notes)


def stem_of(path: str) -> str:
    """The file name without folders or extension: the readable half of a doc id."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
