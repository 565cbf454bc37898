"""A real HTTP server on 127.0.0.1 for the corpus tests: canned replies by path, requests logged.

Nothing is mocked: the code under test opens sockets to this server exactly as it would to a
publisher. Each path has a script of replies (the last one repeats), so "a 500, then the file"
is `site.set(path, Reply(status=500), Reply(pdf))`. Faults a publisher can produce are Reply
options: a slow answer, a body cut off mid-way, a body dripping out a byte at a time, an ETag
honoured with a 304. Header values may
say "{port}" to name this server's port (a redirect to http://localhost:{port}/ is another host).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                   "all_proxy")


@dataclass(frozen=True)
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0               # seconds before answering
    etag: str | None = None          # sent, and a matching If-None-Match gets a 304
    stall_after: int | None = None   # send this many body bytes, then hang until the server stops
    drip: float = 0.0                # seconds between two body bytes (a trickle, never a pause
                                     # long enough for a read timeout)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Site:
    """Replies by path (with query); `log` is every request, in arrival order."""

    routes: dict[str, list[Reply]] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    port: int = 0
    stopping: threading.Event = field(default_factory=threading.Event)
    _served: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self.routes[path] = list(replies)
            self._served[path] = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for request in self.log if request.path == path)

    def paths(self) -> list[str]:
        return [request.path for request in self.log]

    def next_reply(self, path: str) -> Reply | None:
        with self._lock:
            replies = self.routes.get(path)
            if not replies:
                return None
            index = min(self._served[path], len(replies) - 1)
            self._served[path] += 1
            return replies[index]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes; do not wait on ACKs

        def do_GET(self) -> None:
            site.log.append(Request(self.path, dict(self.headers.items()), time.monotonic()))
            reply = site.next_reply(self.path) or Reply(b"<!DOCTYPE html><p>no such page</p>",
                                                        status=404)
            if reply.delay:
                site.stopping.wait(reply.delay)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)  # unless the client gave up first (a timeout test)

        def _send(self, reply: Reply) -> None:
            if reply.etag is not None and self.headers.get("If-None-Match") == reply.etag:
                self.send_response(304)
                self.send_header("ETag", reply.etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            if reply.etag is not None:
                self.send_header("ETag", reply.etag)
            for name, value in reply.headers:
                self.send_header(name, value.replace("{port}", str(site.port)))
            self.end_headers()
            if reply.drip:
                self._drip(reply)
                return
            if reply.stall_after is None:
                self.wfile.write(reply.body)
                return
            self.wfile.write(reply.body[:reply.stall_after])
            self.wfile.flush()
            site.stopping.wait(30)
            self.close_connection = True

        def _drip(self, reply: Reply) -> None:
            for index in range(len(reply.body)):
                if site.stopping.wait(reply.drip):
                    break
                self.wfile.write(reply.body[index:index + 1])
                self.wfile.flush()
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def running_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A started server; proxies from the environment are cleared so 127.0.0.1 is reached."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()


def synthetic_pdf(text: str) -> bytes:
    """A one-page PDF saying `text`; the same bytes for the same text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


def html_page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head>"
            f"<body>{body}</body></html>").encode()
