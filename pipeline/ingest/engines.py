"""The PDF engines' names, importable without importing the engines themselves.

The command line offers them as choices; `--help` must not load two PDF libraries.
"""

from __future__ import annotations

PDFPLUMBER = "pdfplumber"  # careful: visual order from character boxes, tables, ruled boxes
PDFIUM = "pdfium"  # fast: PDFium's text runs put in visual order; no tables
PDF_ENGINES = (PDFPLUMBER, PDFIUM)  # the default first
DEFAULT_ENGINE = PDFPLUMBER
