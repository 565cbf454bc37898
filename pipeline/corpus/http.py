"""Polite, bounded HTTP for the corpus: one `Fetcher` per command run.

Publishers are public bodies' web sites, not APIs: every request names the project, waits its
turn per host, retries only what may pass (5xx, timeouts, dropped connections; never 4xx),
follows a bounded number of redirects and only within the publisher's origin (scheme, host
and port), and streams the body into a caller's file while hashing it, so a large PDF is
never held in memory and a download cut short leaves only a temporary file behind.

`timeout` bounds each wait for the network, which a server trickling one byte every few
seconds never reaches; `deadline` bounds the whole download (every attempt, redirect and
back-off), so no file can hold a run for longer than that.
"""

from __future__ import annotations

import functools
import hashlib
import io
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO

import httpx

from pipeline import __version__
from pipeline.corpus.errors import FetchError
from pipeline.corpus.origin import Origin
from pipeline.ingest import DEFAULT_LIMITS

__all__ = ["USER_AGENT", "FetchPolicy", "Fetched", "Fetcher", "Validators"]

# Placeholder until the project has a public home; publishers use it to reach whoever runs us.
CONTACT_URL = "https://example.org/decision-records/contact"
USER_AGENT = f"decision-records/{__version__} (+{CONTACT_URL})"
HEAD_BYTES = 2048  # what the magic-byte check reads


@dataclass(frozen=True)
class FetchPolicy:
    """How hard to try and how gently. Defaults suit a public web site; tests shrink them."""

    timeout: float = 30.0          # seconds per connect/read/write phase
    deadline: float = 600.0        # seconds for one whole download, retries and waits included
    retries: int = 3               # further attempts after the first, on 5xx/timeouts only
    backoff: float = 2.0           # first wait between attempts; doubles each time
    max_backoff: float = 60.0      # cap on a wait, including a server's Retry-After
    host_interval: float = 1.0     # minimum seconds between two requests to one host
    max_bytes: int = DEFAULT_LIMITS.max_bytes
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Validators:
    """A publisher's ETag / Last-Modified, sent back so an unchanged file costs a 304."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """What one fetch delivered; the body itself went to the caller's sink."""

    url: str                   # after redirects
    status: int                # 200, or 304 when the validators still hold
    content_type: str | None   # media type as declared, lower case, without parameters
    validators: Validators
    sha256: str
    size: int
    head: bytes                # the first bytes, for the magic-byte check

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Retryable(Exception):
    """A failure worth another attempt; carries what the final FetchError will say, and
    the host when no connection to it could be made at all."""

    def __init__(self, kind: str, reason: str, status: int | None = None,
                 retry_after: float | None = None, unreachable: str | None = None) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.status, self.retry_after = kind, reason, status, retry_after
        self.unreachable = unreachable


class Fetcher:
    """An httpx client plus the project's manners: throttle, retries, bounded redirects.

    `allowed_hosts` are further names, for redirects, of the host of the URL asked for (same
    scheme and port). `sleep` and `clock` are injectable so tests can run without real waits
    if they need to; the deadline is kept on `clock`.
    """

    def __init__(self, policy: FetchPolicy | None = None, *, allowed_hosts: Iterable[str] = (),
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy or FetchPolicy()
        self.allowed_hosts = tuple(allowed_hosts)
        self.requests = 0
        self._sleep, self._clock = sleep, clock
        self._last_request: dict[str, float] = {}
        # hosts no connection could be made to, after every retry: offline, a publisher
        # down. Their other addresses fail at once instead of each waiting its retries.
        self._unreachable: dict[str, str] = {}
        self._client = httpx.Client(
            headers={"User-Agent": self.policy.user_agent,
                     "Accept": "application/pdf, text/html;q=0.9, */*;q=0.1"},
            timeout=httpx.Timeout(self.policy.timeout), follow_redirects=False,
            verify=_tls_context(),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_bytes(self, url: str, validators: Validators | None = None
                    ) -> tuple[Fetched, bytes]:
        """A small body (a listing or decision page) in memory."""
        sink = io.BytesIO()
        fetched = self.fetch(url, sink, validators)
        return fetched, sink.getvalue()

    def fetch(self, url: str, sink: BinaryIO, validators: Validators | None = None) -> Fetched:
        """Stream `url` into `sink` (rewound for each attempt), or raise FetchError saying why."""
        deadline = self._clock() + self.policy.deadline
        host = httpx.URL(url).host
        if host in self._unreachable:
            raise FetchError(url, "network", f"not tried: {host} did not answer earlier in "
                                             f"this run ({self._unreachable[host]})")
        last: _Retryable | None = None
        for attempt in range(self.policy.retries + 1):
            if attempt:
                assert last is not None
                wait = self._wait_before_retry(attempt, last)
                if self._clock() + wait >= deadline:
                    raise FetchError(url, last.kind, f"{last.reason}; gave up after {attempt} "
                                     f"attempt(s): another would pass the "
                                     f"{self.policy.deadline:g}s deadline", last.status)
                self._sleep(wait)
            sink.seek(0)
            sink.truncate()
            outcome = self._attempt(url, sink, validators, deadline)
            if isinstance(outcome, Fetched):
                return outcome
            last = outcome
        assert last is not None
        if last.unreachable is not None:  # no connection at all: spare its other addresses
            self._unreachable[last.unreachable] = last.reason
        attempts = self.policy.retries + 1
        raise FetchError(url, last.kind, f"{last.reason}; gave up after {attempts} attempt(s)",
                         last.status)

    def _attempt(self, url: str, sink: BinaryIO, validators: Validators | None,
                 deadline: float) -> Fetched | _Retryable:
        """One attempt: what arrived, or why another attempt may do better."""
        try:
            return self._follow(url, sink, validators, deadline)
        except _Retryable as problem:
            return problem
        except httpx.TimeoutException as error:
            if self._clock() >= deadline:
                raise self._past_deadline(url, sink) from None
            return _Retryable("timeout", f"no answer within {self.policy.timeout:g}s",
                              unreachable=_host_not_connected(error))
        except (httpx.NetworkError, httpx.RemoteProtocolError) as error:
            return _Retryable("network", f"connection failed ({error})",
                              unreachable=_host_not_connected(error))
        except httpx.HTTPError as error:
            raise FetchError(url, "network", f"request failed ({error})") from None

    def _past_deadline(self, url: str, sink: BinaryIO) -> FetchError:
        return FetchError(url, "timeout", f"not downloaded within the "
                                          f"{self.policy.deadline:g}s deadline "
                                          f"({sink.tell():,} bytes received); nothing kept")

    def _wait_before_retry(self, attempt: int, problem: _Retryable) -> float:
        wait = self.policy.backoff * 2.0 ** (attempt - 1)
        if problem.retry_after is not None:
            wait = max(wait, problem.retry_after)
        return min(wait, self.policy.max_backoff)

    def _follow(self, url: str, sink: BinaryIO, validators: Validators | None,
                deadline: float) -> Fetched:
        current = httpx.URL(url)
        headers = validators.headers() if validators else {}
        for _hop in range(self.policy.max_redirects + 1):
            self._throttle(current.host)
            left = deadline - self._clock()
            if left <= 0:
                raise self._past_deadline(url, sink)
            self.requests += 1
            # no single wait for the network may run past the deadline either
            request = self._client.build_request(
                "GET", current, headers=headers,
                timeout=httpx.Timeout(min(self.policy.timeout, left)))
            response = self._client.send(request, stream=True)
            try:
                if response.has_redirect_location:
                    current = self._redirect_target(url, current, response.headers["location"])
                    continue
                return self._receive(url, response, sink, bool(headers), deadline)
            finally:
                response.close()
        raise FetchError(url, "redirect",
                         f"more than {self.policy.max_redirects} redirects; not followed")

    def _redirect_target(self, url: str, current: httpx.URL, location: str) -> httpx.URL:
        """The next hop, if it stays within the origin of `url` (scheme, host, port)."""
        target = current.join(location)
        origin = Origin.of(url, self.allowed_hosts)
        refused = origin.refuses(str(target))
        if refused is not None:
            raise FetchError(url, "redirect", f"refused redirect to {refused}: {target} "
                                              f"(allowed: {origin.describe()})")
        return target

    def _receive(self, url: str, response: httpx.Response, sink: BinaryIO,
                 conditional: bool, deadline: float) -> Fetched:
        """The body into `sink`, hashed, size-capped and on time (a 304 brings an empty
        body)."""
        status = response.status_code
        if status >= 500:
            raise _Retryable("status", f"HTTP {status} {response.reason_phrase}", status,
                             _retry_after(response.headers.get("retry-after")))
        if status != 200 and not (status == 304 and conditional):
            raise FetchError(url, "status", f"HTTP {status} {response.reason_phrase}", status)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise FetchError(url, "too_large", f"{int(declared):,} bytes declared, over the "
                                               f"{self.policy.max_bytes:,}-byte limit")
        digest, size, head = hashlib.sha256(), 0, b""
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(url, "too_large",
                                 f"body passed the {self.policy.max_bytes:,}-byte limit")
            digest.update(chunk)
            sink.write(chunk)
            if len(head) < HEAD_BYTES:
                head += chunk[:HEAD_BYTES - len(head)]
            if self._clock() >= deadline:
                raise self._past_deadline(url, sink)
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(
            url=str(response.url), status=status, content_type=content_type or None,
            validators=Validators(response.headers.get("etag"),
                                  response.headers.get("last-modified")),
            sha256=digest.hexdigest(), size=size, head=head,
        )

    def _throttle(self, host: str) -> None:
        """Wait until `host` has had `host_interval` seconds of quiet since our last request."""
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.policy.host_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One certificate store per process: loading it costs ~50 ms, and the flow makes many
    fetchers."""
    return httpx.create_ssl_context()


def _host_not_connected(error: httpx.HTTPError) -> str | None:
    """The host, if `error` means no connection was made (refused, no route, no DNS)."""
    if not isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        return None
    try:
        return error.request.url.host
    except RuntimeError:  # raised without its request
        return None


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds; the HTTP-date form is ignored (the back-off applies)."""
    if value is not None and value.strip().isdigit():
        return float(value.strip())
    return None
