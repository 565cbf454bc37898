"""`decisions corpus discover` against sites shaped like each shipped publisher's, on 127.0.0.1.

Every shipped publisher adapter has a row in SITES: a builder serving listing pages, decision
pages and synthetic PDFs in that site's markup (a Drupal listing paged by ?page=N for
london.gov.uk, a ModernGov table paged by an "Earlier" link for GMCA). The shipped selectors
are used unchanged; only the base URL points at the test server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urljoin

import pytest
from corpus_site import Reply, Site, html_page, running_site, synthetic_pdf

from pipeline.cli import main
from pipeline.corpus import discover
from pipeline.corpus.http import FetchPolicy
from pipeline.corpus.manifest import ManifestEntry, cached_path, read_manifest, write_manifest
from pipeline.corpus.pages import html_to_document_urls
from pipeline.corpus.publishers import load_publishers

FAST = ["--timeout", "0.5", "--retries", "1", "--backoff", "0.01", "--delay", "0"]
MOPAC = ("/programmes-strategies/mayors-office-policing-and-crime-mopac/"
         "mopac-governance-and-decision-making/mopac-decisions")
MAYORAL = ("/who-we-are/governance-and-spending/promoting-good-governance/decision-making/"
           "mayoral-decisions")
MODERNGOV = ("/mgDelegatedDecisions.aspx?RP=0&K=0&DM=0&HD=0&DS=2&Next=true"
             "&META=mgdelegateddecisions&V=1")


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    with running_site(monkeypatch) as running:
        yield running


def pdf_reply(text: str) -> Reply:
    return Reply(synthetic_pdf(text), content_type="application/pdf")


# --- sites shaped like the publishers' --------------------------------------------------------

def drupal_builder(listing: str, reference: str) -> Callable[[Site, Sequence[int], int, str | None],
                                                            None]:
    """london.gov.uk: <main> list of links "PCD 9001 ...", rel=next pager, ?page=N."""

    def publish(site: Site, numbers: Sequence[int], per_page: int, etag: str | None) -> None:
        pages = [numbers[i:i + per_page] for i in range(0, len(numbers), per_page)]
        for index, page in enumerate(pages):
            rows = "".join(
                f'<div class="views-row"><h3><a href="{listing}/{_slug(reference, n)}">'
                f"{reference.format(n)} Synthetic decision {n}</a></h3></div>" for n in page)
            pager = (f'<nav class="pager"><a href="?page={index + 1}" rel="next">Next</a></nav>'
                     if index + 1 < len(pages) else "")
            header = (f'<header><a href="{listing}/{_slug(reference, 1)}">'
                      f"Popular: {reference.format(1)}</a><a href='/contact'>Contact</a></header>")
            body = f"{header}<main>{rows}<a href='/about'>About decisions</a>{pager}</main>"
            site.set(f"{listing}?page={index}", Reply(html_page("Decisions", body), etag=etag))
        for n in numbers:
            name = f"{reference.format(n)} Signed".replace(" ", "%20")
            links = (f'<a href="/sites/default/files/2025-01/{name}.pdf">Signed decision</a>'
                     '<a href="https://elsewhere.example/copy.pdf">A copy elsewhere</a>')
            page_html = html_page(reference.format(n), f"<main><h1>{reference.format(n)}</h1>"
                                                       f"{links}</main>")
            site.set(f"{listing}/{_slug(reference, n)}", Reply(page_html))
            site.set(f"/sites/default/files/2025-01/{name}.pdf",
                     pdf_reply(f"Synthetic {reference.format(n)}"))

    return publish


def _slug(reference: str, n: int) -> str:
    return reference.format(n).lower().replace(" ", "-") + f"-synthetic-decision-{n}"


def publish_moderngov(site: Site, numbers: Sequence[int], per_page: int,
                      etag: str | None) -> None:
    """A ModernGov site: a table of ieDecisionDetails.aspx?ID=N links, "Earlier" link paging."""
    pages = [numbers[i:i + per_page] for i in range(0, len(numbers), per_page)]
    for index, page in enumerate(pages):
        rows = "".join(f'<tr><td><a href="ieDecisionDetails.aspx?ID={n}">GMP DN - A{n} '
                       f"Synthetic equipment {n}</a></td><td>01/02/2025</td></tr>" for n in page)
        earlier = (f'<p class="mgPageNav"><a href="mgDelegatedDecisions.aspx?DR=p{index + 1}'
                   '&amp;RP=0">&lt;&lt; Earlier decisions</a></p>'
                   if index + 1 < len(pages) else "")
        path = MODERNGOV if index == 0 else f"/mgDelegatedDecisions.aspx?DR=p{index}&RP=0"
        body = f'<div id="modgov"><table class="mgTable">{rows}</table>{earlier}</div>'
        site.set(path, Reply(html_page("Delegated decisions", body), etag=etag))
    for n in numbers:
        links = (f'<a href="documents/s{n}/Synthetic%20notice%20{n}.pdf">Notice (PDF)</a>'
                 f'<a href="mgConvert2PDF.aspx?ID={n}">Printable version</a>')
        site.set(f"/ieDecisionDetails.aspx?ID={n}",
                 Reply(html_page(f"Decision {n}", f'<div id="modgov">{links}</div>')))
        site.set(f"/documents/s{n}/Synthetic%20notice%20{n}.pdf",
                 pdf_reply(f"Synthetic notice {n}"))


class PublisherSite(NamedTuple):
    publish: Callable[[Site, Sequence[int], int, str | None], None]
    first_listing: str
    ids: Callable[[int], tuple[str, str]]   # decision number -> (page id, document id)


SITES = {
    "london-mopac": PublisherSite(
        drupal_builder(MOPAC, "PCD {}"), f"{MOPAC}?page=0",
        lambda n: (f"pcd-{n}", f"pcd-{n}-signed")),
    "london-mayoral": PublisherSite(
        drupal_builder(MAYORAL, "MD{}"), f"{MAYORAL}?page=0",
        lambda n: (f"md-{n}", f"md-{n}-signed")),
    "gmca-delegated": PublisherSite(
        publish_moderngov, MODERNGOV,
        lambda n: (f"gmca-decision-id-{n}", f"gmca-decision-id-{n}-synthetic-notice-{n}")),
}


def test_every_shipped_publisher_has_a_site_in_these_tests() -> None:
    assert set(SITES) == set(load_publishers())


def discover_cli(name: str, site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 *extra: str) -> tuple[int, str, str]:
    code = main(["corpus", "discover", name, "--manifest", str(tmp_path / "manifest.jsonl"),
                 "--base-url", site.url(""), *FAST, *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def expected_ids(publisher: PublisherSite, numbers: Sequence[int]) -> list[str]:
    return [i for n in numbers for i in publisher.ids(n)]


# --- walking, then rebuilding -----------------------------------------------------------------

@pytest.mark.parametrize("name", SITES)
def test_discover_walks_every_page_and_rebuild_pins_what_it_found(
        name: str, site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    publisher = SITES[name]
    numbers = [9005, 9004, 9003, 9002, 9001]
    publisher.publish(site, numbers, 2, None)

    code, out, _err = discover_cli(name, site, tmp_path, capsys)

    assert code == 0
    assert "10 new, 0 resolved, 0 failed; 3 listing page(s)" in out
    assert "stopped: last listing page" in out
    manifest = tmp_path / "manifest.jsonl"
    entries = read_manifest(manifest)
    assert [e.id for e in entries] == expected_ids(publisher, numbers)
    assert all(e.sha256 is None and e.publisher == "127.0.0.1" for e in entries)
    assert "elsewhere.example" not in manifest.read_text()

    code = main(["corpus", "rebuild", "--manifest", str(manifest), "--cache",
                 str(tmp_path / "cache"), *FAST])
    assert code == 0
    assert "10 entries: 10 pinned" in capsys.readouterr().out
    for item in read_manifest(manifest):
        served = site.routes[item.url.removeprefix(site.url(""))][0].body
        assert cached_path(item, tmp_path / "cache").read_bytes() == served


class SecondRun(NamedTuple):
    etag: str | None
    status: int          # what the one listing request got
    stopped: str


SECOND_RUNS = {
    "no validators": SecondRun(None, 200, "nothing new"),
    "ETag": SecondRun('"listing-v1"', 304, "listing not modified since the last run"),
}


@pytest.mark.parametrize("run", SECOND_RUNS.values(), ids=SECOND_RUNS.keys())
@pytest.mark.parametrize("name", SITES)
def test_a_second_discover_with_nothing_new_makes_one_request(
        name: str, run: SecondRun, site: Site, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    publisher = SITES[name]
    publisher.publish(site, [9003, 9002, 9001], 2, run.etag)
    assert discover_cli(name, site, tmp_path, capsys)[0] == 0
    before_manifest = (tmp_path / "manifest.jsonl").read_bytes()
    before = len(site.log)

    code, out, _err = discover_cli(name, site, tmp_path, capsys)

    assert code == 0
    assert site.paths()[before:] == [publisher.first_listing]
    assert site.log[-1].headers.get("If-None-Match") == run.etag
    assert f"0 new, 0 resolved, 0 failed; 1 listing page(s), 1 request(s); stopped: " \
           f"{run.stopped}" in out
    assert (tmp_path / "manifest.jsonl").read_bytes() == before_manifest


@pytest.mark.parametrize("name", SITES)
def test_a_publication_appearing_between_two_runs_is_added(
        name: str, site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    publisher = SITES[name]
    publisher.publish(site, [9005, 9004, 9003, 9002, 9001], 2, None)
    assert discover_cli(name, site, tmp_path, capsys)[0] == 0
    publisher.publish(site, [9006, 9005, 9004, 9003, 9002, 9001], 2, None)
    before = len(site.log)

    code, out, _err = discover_cli(name, site, tmp_path, capsys)

    assert code == 0
    page_id, document_id = publisher.ids(9006)
    assert f"new {page_id}: " in out and f"new {document_id}: " in out
    assert "2 new, 0 resolved, 0 failed; 2 listing page(s), 3 request(s); stopped: nothing new" \
        in out
    assert len(site.log) - before == 3
    entries = read_manifest(tmp_path / "manifest.jsonl")
    assert [e.id for e in entries][-2:] == [page_id, document_id]
    assert len(entries) == 12


# --- faults during a walk -----------------------------------------------------------------------

def test_a_failed_decision_page_is_reported_and_tried_again_next_run(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    publisher = SITES["london-mopac"]
    publisher.publish(site, [9003, 9002, 9001], 3, '"v1"')
    decision = f"{MOPAC}/{_slug('PCD {}', 9002)}"
    served = site.routes[decision][0]
    site.set(decision, Reply(html_page("Not found", "<p>gone</p>"), status=404), served)

    code, out, err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 1
    assert f"failed pcd-9002: {site.url(decision)}: HTTP 404 Not Found" in err
    assert "4 new, 0 resolved, 1 failed" in out
    assert [e.id for e in read_manifest(tmp_path / "manifest.jsonl")] == [
        "pcd-9003", "pcd-9003-signed", "pcd-9001", "pcd-9001-signed"]

    code, out, _err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 0
    assert site.log[-3].headers.get("If-None-Match") is None  # the page was not remembered
    assert "new pcd-9002: " in out
    code, out, _err = discover_cli("london-mopac", site, tmp_path, capsys)
    assert "stopped: listing not modified since the last run" in out


def test_a_failed_listing_page_stops_the_walk_and_changes_nothing(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.set(f"{MOPAC}?page=0", Reply(status=503, headers=(("Retry-After", "0"),)))

    code, out, err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 1
    assert "HTTP 503 Service Unavailable; gave up after 2 attempt(s)" in err
    assert "stopped: a listing page failed" in out
    assert not (tmp_path / "manifest.jsonl").exists()


def test_a_decision_link_redirecting_to_another_host_is_refused(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    SITES["london-mopac"].publish(site, [9001], 2, None)
    decision = f"{MOPAC}/{_slug('PCD {}', 9001)}"
    site.set(decision, Reply(status=301, headers=(("Location", "http://localhost:{port}/x"),)))

    code, _out, err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 1
    assert "refused redirect to another host: http://localhost:" in err
    assert site.hits("/x") == 0


class LinkCase(NamedTuple):
    href: str       # on a decision page of http://127.0.0.1:8000; "{other}" is port 8001
    kept: bool


LINKS = {
    "a relative link": LinkCase("/files/own.pdf", True),
    "the same origin, spelled out": LinkCase("http://127.0.0.1:8000/files/a.pdf", True),
    "the default port of another scheme": LinkCase("https://127.0.0.1/files/a.pdf", False),
    "another port of the same host": LinkCase("http://127.0.0.1:8001/files/a.pdf", False),
    "another scheme, same port": LinkCase("https://127.0.0.1:8000/files/a.pdf", False),
    "another host, same port": LinkCase("http://localhost:8000/files/a.pdf", False),
    "not a port at all": LinkCase("http://127.0.0.1:99999/files/a.pdf", False),
}


@pytest.mark.parametrize("case", LINKS.values(), ids=LINKS.keys())
def test_only_links_within_the_publishers_origin_are_documents(case: LinkCase) -> None:
    """Same origin is scheme, host and port: another port is another server."""
    publisher = load_publishers()["london-mopac"].with_base_url("http://127.0.0.1:8000")
    page = html_page("PCD 1", f'<main><a href="{case.href}">Signed decision</a></main>')
    found = html_to_document_urls(publisher, page, "http://127.0.0.1:8000/decisions/pcd-1")
    assert found == ([urljoin("http://127.0.0.1:8000/", case.href)] if case.kept else [])


def test_a_document_on_another_port_of_the_host_is_not_added(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    with running_site(monkeypatch) as other:
        other.set("/copy.pdf", pdf_reply("Synthetic copy on another server"))
        SITES["london-mopac"].publish(site, [9001], 2, None)
        decision = f"{MOPAC}/{_slug('PCD {}', 9001)}"
        links = f'<a href="{other.url("/copy.pdf")}">Signed decision</a>'
        site.set(decision, Reply(html_page("PCD 9001", f"<main>{links}</main>")))

        code, _out, _err = discover_cli("london-mopac", site, tmp_path, capsys)
        code_rebuild = main(["corpus", "rebuild", "--manifest", str(tmp_path / "manifest.jsonl"),
                             "--cache", str(tmp_path / "cache"), *FAST])

        assert other.log == []
    assert (code, code_rebuild) == (0, 0)
    assert [e.url for e in read_manifest(tmp_path / "manifest.jsonl")] == [site.url(decision)]


def test_a_seed_known_only_from_a_listing_gets_its_own_page(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    SITES["london-mopac"].publish(site, [9002, 9001], 2, None)
    manifest = tmp_path / "manifest.jsonl"
    seed = ManifestEntry(id="pcd-9001", url=site.url(f"{MOPAC}?page=4"), media_type="text/html",
                         publisher="127.0.0.1", reference="PCD 9001", title="As published",
                         url_kind="listing", extra={"note": "kept"})
    write_manifest(manifest, [seed])

    code, out, _err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 0
    assert "resolved pcd-9001: " in out
    entries = {e.id: e for e in read_manifest(manifest)}
    assert entries["pcd-9001"].url == site.url(f"{MOPAC}/{_slug('PCD {}', 9001)}")
    assert entries["pcd-9001"].url_kind == "document"
    assert dict(entries["pcd-9001"].extra) == {"note": "kept"}
    assert set(entries) == {"pcd-9001", "pcd-9001-signed", "pcd-9002", "pcd-9002-signed"}


def test_the_walk_is_bounded_by_max_pages(site: Site, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    SITES["gmca-delegated"].publish(site, [5, 4, 3, 2, 1], 1, None)

    code, out, _err = discover_cli("gmca-delegated", site, tmp_path, capsys, "--max-pages", "2")

    assert code == 0
    assert "4 new, 0 resolved, 0 failed; 2 listing page(s)" in out
    assert "stopped: page limit" in out


# --- configuration -------------------------------------------------------------------------------

class BadConfig(NamedTuple):
    change: dict[str, object]
    told: str


BAD_CONFIGS = {
    "selector that does not parse": BadConfig({"item_links": "a[["}, "is not a CSS selector"),
    "unknown key": BadConfig({"item_link": "a"}, "unknown key(s) ['item_link']"),
    "regex that does not compile": BadConfig({"reference_pattern": "(PCD"}, "is not a regex"),
    "id from url without a pattern": BadConfig({"id_from": "url"}, "needs an id_pattern"),
}


@pytest.mark.parametrize("case", BAD_CONFIGS.values(), ids=BAD_CONFIGS.keys())
def test_a_bad_publishers_file_is_refused_before_any_request(
        case: BadConfig, site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shipped = json.loads((Path(__file__).parents[1] / "pipeline/corpus/publishers.json")
                         .read_text())
    config = {"mine": {**shipped["london-mopac"], **case.change}}
    (tmp_path / "publishers.json").write_text(json.dumps(config))

    code, _out, err = discover_cli("mine", site, tmp_path, capsys, "--publishers",
                                   str(tmp_path / "publishers.json"))

    assert code == 2
    assert case.told in err
    assert site.log == []


def test_an_unknown_publisher_is_named_with_the_known_ones(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = discover_cli("nowhere", site, tmp_path, capsys)
    assert code == 2
    assert "no publisher 'nowhere'; known: london-mopac, london-mayoral, gmca-delegated" in err


def test_discover_is_a_plain_function_for_the_flow(site: Site, tmp_path: Path) -> None:
    SITES["london-mopac"].publish(site, [9001], 2, None)
    lines: list[str] = []
    policy = replace(FetchPolicy(), host_interval=0.0, timeout=0.5)

    result = discover("london-mopac", tmp_path / "manifest.jsonl", base_url=site.url(""),
                      policy=policy, report=lines.append)

    assert result.ok and result.added == ("pcd-9001", "pcd-9001-signed")
    assert (result.pages, result.requests, result.stopped) == (1, 2, "last listing page")
    page = site.url(f"{MOPAC}/{_slug('PCD {}', 9001)}")
    document = site.url("/sites/default/files/2025-01/PCD%209001%20Signed.pdf")
    assert lines == [f"new pcd-9001: {page}", f"new pcd-9001-signed: {document}"]


def test_two_listing_links_with_one_reference_add_one_decision_and_say_so(
        site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    SITES["london-mopac"].publish(site, [9001], 2, None)
    page = f"{MOPAC}/{_slug('PCD {}', 9001)}"
    body = (f'<main><a href="{page}">PCD 9001 Synthetic decision</a>'
            f'<a href="{MOPAC}/pcd-9001-form">PCD 9001 decision form</a></main>')
    site.set(f"{MOPAC}?page=0", Reply(html_page("Decisions", body)))

    code, out, _err = discover_cli("london-mopac", site, tmp_path, capsys)

    assert code == 0
    assert f"skipped {site.url(MOPAC + '/pcd-9001-form')}: id pcd-9001 is taken by " \
           f"{site.url(page)}" in out
    assert [e.id for e in read_manifest(tmp_path / "manifest.jsonl")] == [
        "pcd-9001", "pcd-9001-signed"]
    assert site.hits(f"{MOPAC}/pcd-9001-form") == 0


# --- the served run's refresh: discover, then fetch, then the manifest is a run source --------

def test_refresh_discovers_fetches_and_the_manifest_lists_the_cached_documents(
        site: Site, tmp_path: Path) -> None:
    from pipeline.flow.refresh import refresh_sources
    from pipeline.flow.sources import ManifestSource, source_for

    SITES["london-mopac"].publish(site, [9002, 9001], 5, None)
    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.parent.mkdir()
    manifest.write_text("")
    policy = FetchPolicy(host_interval=0.0, timeout=2.0, retries=0)

    lines = refresh_sources([str(manifest)], ["london-mopac"], base_url=site.url(""),
                            policy=policy)

    assert lines == [
        f"{manifest}: discover london-mopac: 4 new, 0 resolved, 0 failed; 1 listing page(s), "
        "3 request(s); stopped: last listing page",
        f"{manifest}: rebuild: 4 entries: 4 pinned"]
    source = source_for(str(manifest))
    assert isinstance(source, ManifestSource)
    cache = tmp_path / "corpus" / "cache"
    assert sorted(source.paths()) == sorted(str(cached_path(e, cache))
                                            for e in read_manifest(manifest))
    assert source.missing() == []

    again = refresh_sources([str(manifest)], ["london-mopac"], base_url=site.url(""),
                            policy=policy)
    assert again[0].endswith("0 new, 0 resolved, 0 failed; 1 listing page(s), 1 request(s); "
                             "stopped: nothing new")
    assert again[1] == f"{manifest}: rebuild: 4 entries: 4 cached"


def test_refresh_of_an_unreachable_publisher_is_a_line_not_a_failure(tmp_path: Path) -> None:
    from pipeline.flow.refresh import refresh_sources

    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("")
    policy = FetchPolicy(host_interval=0.0, timeout=0.5, retries=0)
    lines = refresh_sources([str(manifest)], ["london-mopac"], base_url="http://127.0.0.1:9/",
                            policy=policy)
    assert lines[0] == (f"{manifest}: discover london-mopac: 0 new, 0 resolved, 1 failed; "
                        "0 listing page(s), 1 request(s); stopped: a listing page failed")
    assert "connection failed" in lines[1]
    assert lines[2:] == [f"{manifest}: rebuild: 0 entries: nothing to do"]
    assert refresh_sources([str(tmp_path)], ["london-mopac"]) == [
        "no corpus manifest among the sources: nothing to refresh"]


def test_refresh_reports_each_step_as_it_happens(site: Site, tmp_path: Path) -> None:
    """A served run's refresh may take minutes: each document's outcome is reported when
    it is known, before the next one is asked for, not in one list at the end."""
    from pipeline.flow.refresh import refresh_sources

    SITES["london-mopac"].publish(site, [9002, 9001], 5, None)
    manifest = tmp_path / "corpus" / "manifest.jsonl"
    manifest.parent.mkdir()
    manifest.write_text("")
    seen: list[tuple[str, int]] = []  # each line, and the requests the site had by then

    lines = refresh_sources([str(manifest)], ["london-mopac"], base_url=site.url(""),
                            policy=FetchPolicy(host_interval=0.0, timeout=2.0, retries=0),
                            report=lambda line: seen.append((line, len(site.log))))

    entries = read_manifest(manifest)
    said = [line for line, _ in seen]
    assert said[0] == f"{manifest}: discover london-mopac: walking its listing"
    assert said[1:5] == [f"{manifest}:   new {entry.id}: {entry.url}" for entry in entries]
    assert said[5] == f"{manifest}: rebuild: fetching what the cache lacks"
    assert [line.split(": pinned: ")[0] for line in said[6:10]] == [
        f"{manifest}:   {entry.id}" for entry in entries]
    assert said[10:] == [lines[-1]] == [f"{manifest}: rebuild: 4 entries: 4 pinned"]
    # each document's line came after its request and before the next document's
    fetched = [requests for _, requests in seen[6:10]]
    assert fetched == list(range(len(site.log) - 3, len(site.log) + 1))
