"""The one character cleaning every loader applies, before any offset exists.

Text, HTML and PDF loaders all pass their text through `clean_text`, so the same
decision reads the same way whatever format it came in: one kind of line end, no
invisible characters, plain spaces, ligatures spelt out.
"""

from __future__ import annotations

import re
import unicodedata

# Character classes, not `str.translate` tables: translate looks up every character of
# the text in a dict, and these characters are rare (a regex class skips the rest in C).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                     "\u2008\u2009\u200a\u202f\u205f\u3000]")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_RUN_OF_SPACES = re.compile(r" {2,}")


def clean_text(text: str) -> str:
    """The one cleaning every loader applies before offsets exist."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", _INVISIBLE.sub("", unicodedata.normalize("NFC", text)))
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return _CONTROL.sub("", text.replace("\t", "    "))


def clean_line(text: str) -> str:
    """One line of laid-out text (a PDF line, an HTML block): cleaned, single-spaced.

    Layout engines emit runs of spaces for gaps and tabs; inside a line they carry no
    meaning, and the line's own breaks are decided by the loader.
    """
    text = clean_text(text).replace("\n", " ")
    return _RUN_OF_SPACES.sub(" ", text).strip()
