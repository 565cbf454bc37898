"""`decisions report`: a static review site that works from file://, with no server.

Pages are Jinja2 templates with autoescaping on: everything read from a document is
text, never markup. Scripts and styles are this package's own files, copied beside the
pages; a Content-Security-Policy forbids loading anything else.
"""

from __future__ import annotations

__all__ = ["build_site"]

from pipeline.analyst.report.site import build_site
