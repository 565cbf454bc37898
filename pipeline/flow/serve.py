"""`decisions serve`: the scheduled deployment of the run flow.

Prefect's temporary server cannot hold schedules (its scheduler service does not run:
"Cannot schedule flows on an ephemeral server"), so with no PREFECT_API_URL configured
`serve` starts a local Prefect server of its own (`prefect server start`, scheduler
on, UI off, database in PREFECT_HOME) for as long as it serves, and stops it on exit.
With PREFECT_API_URL set, the deployment registers with that server instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx

from pipeline.errors import ConfigurationError

__all__ = ["local_server", "serve_flow"]

DEPLOYMENT = "decisions-daily"


def serve_flow(sources: list[str], out: str, cron: str, workers: int = 2,
               name: str = DEPLOYMENT, publishers: list[str] | None = None) -> None:
    """Register the deployment with its cron schedule and run it until interrupted."""
    from pipeline.flow.run import scheduled_run

    with local_server():
        scheduled_run.serve(name=name, cron=cron,
                            parameters={"sources": sources, "out": out, "workers": workers,
                                        "publishers": list(publishers or ())},
                            description="decisions run on a schedule, after discovering and "
                                        "fetching new decisions into each corpus manifest "
                                        "among the sources")


@contextlib.contextmanager
def local_server(startup_seconds: float = 120.0) -> Iterator[str]:
    """The configured API, or a private `prefect server start` while the block runs."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    configured = get_current_settings().api.url
    if configured:
        yield str(configured)
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
               "--port", str(port), "--no-ui", "--scheduler", "--analytics-off"]
    server = subprocess.Popen(command, env={**os.environ, "PREFECT_API_URL": ""},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_healthy(server, url, startup_seconds)
        os.environ["PREFECT_API_URL"] = url  # for the runner's flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: url}):
            yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(server: subprocess.Popen[bytes], url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            detail = server.stderr.read().decode(errors="replace")[-500:] if server.stderr else ""
            raise ConfigurationError(f"the local Prefect server exited ({server.returncode}): "
                                     f"{detail.strip() or 'no message'}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.25)
    raise ConfigurationError(f"the local Prefect server did not answer within {seconds:.0f} s; "
                             f"start one with `prefect server start` and set PREFECT_API_URL")
