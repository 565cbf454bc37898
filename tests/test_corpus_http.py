"""The fetcher's manners, measured on the server's side: who we say we are, how long we wait,
what we retry, how far we follow, how much we accept."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

import pytest
from corpus_site import Reply, Site, running_site, synthetic_pdf

from pipeline.corpus.errors import FetchError
from pipeline.corpus.http import USER_AGENT, Fetcher, FetchPolicy

BODY = synthetic_pdf("Synthetic decision for the fetcher tests")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    with running_site(monkeypatch) as running:
        yield running


def gaps(site: Site) -> list[float]:
    times = [request.at for request in site.log]
    return [later - earlier for earlier, later in pairwise(times)]


def test_every_request_names_the_project(site: Site) -> None:
    site.set("/a.pdf", Reply(BODY, content_type="application/pdf"))
    with Fetcher(FetchPolicy(host_interval=0)) as fetcher:
        fetcher.fetch_bytes(site.url("/a.pdf"))
    assert site.log[0].headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("decision-records/0.1.0 (+https://")


def test_requests_to_one_host_are_spaced(site: Site) -> None:
    for name in ("a", "b", "c"):
        site.set(f"/{name}", Reply(b"ok"))
    with Fetcher(FetchPolicy(host_interval=0.2)) as fetcher:
        for name in ("a", "b", "c"):
            fetcher.fetch_bytes(site.url(f"/{name}"))
    assert all(gap >= 0.19 for gap in gaps(site))


def test_the_wait_is_per_host(site: Site) -> None:
    """On a clock that only moves when we sleep, so the answer does not depend on load."""
    site.set("/a", Reply(b"ok"))
    now, sleeps = [0.0], []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    with Fetcher(FetchPolicy(host_interval=0.2), sleep=sleep, clock=lambda: now[0]) as fetcher:
        fetcher.fetch_bytes(site.url("/a"))
        fetcher.fetch_bytes(f"http://localhost:{site.port}/a")  # same server, another host
        fetcher.fetch_bytes(site.url("/a"))
    assert sleeps == [0.2]
    assert site.hits("/a") == 3


class RetryCase(NamedTuple):
    replies: tuple[Reply, ...]
    policy: FetchPolicy
    requests: int
    least_gaps: tuple[float, ...]   # each wait between attempts is at least this long
    error: str | None               # None: the body arrived in the end


RETRIES = {
    "back-off doubles": RetryCase(
        (Reply(status=500), Reply(status=502), Reply(BODY)),
        FetchPolicy(retries=3, backoff=0.05, host_interval=0), 3, (0.05, 0.1), None),
    "Retry-After is honoured up to the cap": RetryCase(
        (Reply(status=503, headers=(("Retry-After", "5"),)), Reply(BODY)),
        FetchPolicy(retries=1, backoff=0.01, max_backoff=0.3, host_interval=0), 2, (0.29,),
        None),
    "4xx is final": RetryCase(
        (Reply(status=403), Reply(BODY)), FetchPolicy(retries=3, host_interval=0), 1, (),
        "HTTP 403 Forbidden"),
    "retries run out": RetryCase(
        (Reply(status=500),), FetchPolicy(retries=2, backoff=0.01, host_interval=0), 3,
        (0.01, 0.02), "HTTP 500 Internal Server Error; gave up after 3 attempt(s)"),
}


@pytest.mark.parametrize("case", RETRIES.values(), ids=RETRIES.keys())
def test_retries_follow_the_policy(case: RetryCase, site: Site) -> None:
    site.set("/doc", *case.replies)
    with Fetcher(case.policy) as fetcher:
        if case.error is None:
            assert fetcher.fetch_bytes(site.url("/doc"))[1] == BODY
        else:
            with pytest.raises(FetchError) as raised:
                fetcher.fetch_bytes(site.url("/doc"))
            assert case.error in str(raised.value)
    assert site.hits("/doc") == case.requests
    assert all(gap >= least for gap, least in zip(gaps(site), case.least_gaps, strict=True))


def test_a_redirect_within_the_host_is_followed_and_the_final_address_kept(site: Site) -> None:
    site.set("/old.pdf", Reply(status=301, headers=(("Location", "/new.pdf"),)))
    site.set("/new.pdf", Reply(BODY, content_type="application/pdf"))
    with Fetcher(FetchPolicy(host_interval=0)) as fetcher:
        fetched, body = fetcher.fetch_bytes(site.url("/old.pdf"))
    assert body == BODY
    assert fetched.url == site.url("/new.pdf")
    assert site.paths() == ["/old.pdf", "/new.pdf"]


def test_a_redirect_to_a_listed_host_is_allowed(site: Site) -> None:
    site.set("/old.pdf", Reply(status=302, headers=(("Location",
                                                     "http://localhost:{port}/new.pdf"),)))
    site.set("/new.pdf", Reply(BODY, content_type="application/pdf"))
    with Fetcher(FetchPolicy(host_interval=0), allowed_hosts=["localhost"]) as fetcher:
        assert fetcher.fetch_bytes(site.url("/old.pdf"))[1] == BODY


def test_a_body_over_the_size_limit_is_refused_before_it_is_read(site: Site) -> None:
    site.set("/big.pdf", Reply(BODY, content_type="application/pdf"))
    sink = io.BytesIO()
    with Fetcher(FetchPolicy(max_bytes=100, host_interval=0)) as fetcher, \
            pytest.raises(FetchError) as raised:
        fetcher.fetch(site.url("/big.pdf"), sink)
    assert raised.value.kind == "too_large"
    assert f"{len(BODY):,} bytes declared, over the 100-byte limit" in str(raised.value)
    assert sink.getvalue() == b""
    assert site.hits("/big.pdf") == 1


class RefusedRedirect(NamedTuple):
    location: str           # "{other}" is a second server on 127.0.0.1, "{port}" this one's
    refused: str            # what the error says the target is


REFUSED_REDIRECTS = {
    "another port of the same host": RefusedRedirect(
        "http://127.0.0.1:{other}/new.pdf", "refused redirect to another port: "),
    "another host on the same port": RefusedRedirect(
        "http://localhost:{port}/new.pdf", "refused redirect to another host: "),
    "another scheme": RefusedRedirect(
        "https://127.0.0.1:{port}/new.pdf", "refused redirect to another scheme: "),
}


@pytest.mark.parametrize("case", REFUSED_REDIRECTS.values(), ids=REFUSED_REDIRECTS.keys())
def test_a_redirect_out_of_the_origin_is_refused(case: RefusedRedirect, site: Site,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Same origin is scheme, host and port: another port of 127.0.0.1 is another server,
    which here would answer with the file if asked."""
    with running_site(monkeypatch) as other:
        other.set("/new.pdf", Reply(BODY, content_type="application/pdf"))
        site.set("/new.pdf", Reply(BODY, content_type="application/pdf"))
        location = case.location.replace("{other}", str(other.port))
        site.set("/old.pdf", Reply(status=302, headers=(("Location", location),)))
        with Fetcher(FetchPolicy(host_interval=0)) as fetcher, \
                pytest.raises(FetchError) as raised:
            fetcher.fetch_bytes(site.url("/old.pdf"))
        assert other.log == []
    assert raised.value.kind == "redirect"
    assert case.refused in str(raised.value)
    assert f"(allowed: http://127.0.0.1:{site.port})" in str(raised.value)
    assert site.paths() == ["/old.pdf"]


def test_a_redirect_from_https_down_to_http_is_refused() -> None:
    import httpx

    with Fetcher(FetchPolicy()) as fetcher, pytest.raises(FetchError) as raised:
        fetcher._redirect_target("https://www.london.gov.uk/a.pdf",
                                 httpx.URL("https://www.london.gov.uk/a.pdf"),
                                 "http://www.london.gov.uk/a.pdf")
    assert "refused redirect to another scheme: http://www.london.gov.uk/a.pdf" in str(
        raised.value)


# --- the deadline: a whole download, however the server spreads it out ----------------------

class DeadlineCase(NamedTuple):
    replies: tuple[Reply, ...]
    policy: FetchPolicy
    told: str
    requests: int


DEADLINES = {
    "a body dripping a byte at a time": DeadlineCase(
        (Reply(BODY, content_type="application/pdf", drip=0.01),),
        FetchPolicy(timeout=5, deadline=0.5, host_interval=0),
        "not downloaded within the 0.5s deadline (", 1),
    "a first byte later than the deadline, sooner than the timeout": DeadlineCase(
        (Reply(BODY, content_type="application/pdf", delay=3),),
        FetchPolicy(timeout=5, deadline=0.5, host_interval=0),
        "not downloaded within the 0.5s deadline (0 bytes received)", 1),
    "retries that would run past the deadline": DeadlineCase(
        (Reply(status=503),),
        FetchPolicy(retries=5, backoff=0.2, deadline=0.5, host_interval=0),
        "HTTP 503 Service Unavailable; gave up after 2 attempt(s): another would pass the "
        "0.5s deadline", 2),
}


@pytest.mark.parametrize("case", DEADLINES.values(), ids=DEADLINES.keys())
def test_a_download_stops_at_its_deadline(case: DeadlineCase, site: Site) -> None:
    """Each wait here is shorter than the read timeout, so only a deadline on the whole
    download ends it (the drip would take 10 s; 1 byte / 5 s would take days)."""
    site.set("/slow.pdf", *case.replies)
    sink = io.BytesIO()
    started = time.monotonic()
    with Fetcher(case.policy) as fetcher, pytest.raises(FetchError) as raised:
        fetcher.fetch(site.url("/slow.pdf"), sink)
    elapsed = time.monotonic() - started
    assert raised.value.kind in ("timeout", "status")
    assert case.told in str(raised.value)
    assert "\n" not in str(raised.value)
    assert site.hits("/slow.pdf") == case.requests
    assert elapsed < case.policy.deadline + 2.0


# --- a host that cannot be reached at all: offline, or the publisher down ------------------

class UnreachableCase(NamedTuple):
    dead: bool              # nothing listens on the port (else the site answers 500)
    sleeps: list[float]     # the back-off waits over three addresses on that host
    requests: int
    later: str              # what the second and third address are told


UNREACHABLE = {
    "no connection: the other addresses are not tried": UnreachableCase(
        True, [0.5, 1.0], 3, "not tried: 127.0.0.1 did not answer earlier in this run "
                             "(connection failed ("),
    "a server that answers 500 is asked about each address": UnreachableCase(
        False, [0.5, 1.0] * 3, 9, "HTTP 500 Internal Server Error; gave up after 3 attempt(s)"),
}


@pytest.mark.parametrize("case", UNREACHABLE.values(), ids=UNREACHABLE.keys())
def test_a_host_that_cannot_be_connected_to_is_not_asked_again(case: UnreachableCase,
                                                              site: Site) -> None:
    """Offline, each address would wait out its retries (with the default policy over two
    minutes each, on a network that drops packets); one host's failure is enough."""
    port = site.port
    if case.dead:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]  # closed again: nothing listens there
    for name in "abc":
        site.set(f"/{name}.pdf", Reply(status=500))
    sleeps: list[float] = []
    errors = []
    with Fetcher(FetchPolicy(retries=2, backoff=0.5, host_interval=0),
                 sleep=sleeps.append) as fetcher:
        for name in "abc":
            with pytest.raises(FetchError) as raised:
                fetcher.fetch_bytes(f"http://127.0.0.1:{port}/{name}.pdf")
            errors.append(raised.value)
        requests = fetcher.requests
    assert sleeps == case.sleeps
    assert requests == case.requests
    assert "gave up after 3 attempt(s)" in str(errors[0])
    assert all(case.later in str(error) for error in errors[1:])
    assert all(error.kind == errors[0].kind for error in errors)
