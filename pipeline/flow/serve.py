"""`decisions serve`: the scheduled deployment of the run flow.

Prefect's temporary server cannot hold schedules (its scheduler service does not run:
"Cannot schedule flows on an ephemeral server"), so with no PREFECT_API_URL configured
`serve` starts a local Prefect server of its own (`prefect server start`, scheduler
on, UI off, database in PREFECT_HOME) for as long as it serves, and stops it on exit.
With PREFECT_API_URL set, the deployment registers with that server instead.

Ctrl-C: the terminal interrupts every process of its foreground group. The private
server is therefore started in a session of its own, so it outlives the interrupt and
the runner can still record the run in progress as cancelled; it is stopped last. The
runner is stopped as on SIGTERM (the run in progress is cancelled, not waited for), and
the command says so in one line. Each served run prints one line when it ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from pipeline.errors import ConfigurationError
from pipeline.flow.early_server import die_with_parent, require_api, server_log

__all__ = ["local_server", "serve_flow", "served_flow"]

DEPLOYMENT = "decisions-daily"


def serve_flow(sources: list[str], out: str, cron: str, workers: int = 2,
               name: str = DEPLOYMENT, publishers: list[str] | None = None) -> None:
    """Register the deployment with its cron schedule and run it until interrupted
    (KeyboardInterrupt once stopped, the run in progress cancelled)."""
    from prefect.runner import Runner

    served = served_flow()
    with local_server() as url:
        runner = Runner(name=name)
        runner.add_flow(served, name=name, cron=cron,
                        parameters={"sources": sources, "out": out, "workers": workers,
                                    "publishers": list(publishers or ())},
                        description="decisions run on a schedule, after discovering and "
                                    "fetching new decisions into each corpus manifest "
                                    "among the sources")
        print(f"serving {served.name}/{name} on cron {cron!r} (UTC) with the Prefect "
              f"API at {url}; Ctrl-C stops", flush=True)
        print(f"run it now: prefect deployment run '{served.name}/{name}'", flush=True)
        received: list[int] = []
        previous = signal.signal(signal.SIGINT, _stopper(runner, received))
        try:
            asyncio.run(runner.start())
        finally:
            signal.signal(signal.SIGINT, previous)
        if received:
            raise KeyboardInterrupt


def served_flow() -> Any:
    """The scheduled flow as served: each run says in one line how it ended (in the
    served run's own process, whose output is the terminal's)."""
    from pipeline.flow.run import scheduled_run

    return scheduled_run.with_options(on_completion=[_report_finished],
                                      on_failure=[_report_failed])


def _stopper(runner: Any, received: list[int]) -> Callable[[int, FrameType | None], None]:
    """A SIGINT handler that stops `runner` as its SIGTERM does: no new runs, the one in
    progress cancelled (killed and recorded as such), then `start` returns. A second
    SIGINT, or one before the runner has started, interrupts at once."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        if len(received) > 1 or not runner.started:
            raise KeyboardInterrupt
        try:
            runner.handle_sigterm()
        except SystemExit:  # the runner was not running after all
            raise KeyboardInterrupt from None

    return stop


def _report_finished(flow: Any, flow_run: Any, state: Any) -> None:
    """After a served run (in its own process): one line, from its run summary."""
    out = Path(flow_run.parameters.get("out", "outputs"))
    try:
        counts = json.loads((out / "run-summary.json").read_text(encoding="utf-8"))["counts"]
        detail = (f"{counts['records']:,} record(s), {counts['extracted']:,} read this run, "
                  f"{counts['failed']:,} failed")
    except (OSError, ValueError, KeyError):
        detail = "no run summary"
    print(f"run {flow_run.name!r} finished: {detail}; see {out}", flush=True)


def _report_failed(flow: Any, flow_run: Any, state: Any) -> None:
    """After a served run that failed: the one-line reason, not Prefect's traceback."""
    from pipeline.errors import stopping_error_to_line

    error = None
    with contextlib.suppress(Exception):  # the exception, if the state still holds it
        error = state.result(raise_on_failure=False)
    line = stopping_error_to_line(error) if isinstance(error, BaseException) else None
    reason = line or " ".join(str(state.message or "no message").split())
    print(f"error: run {flow_run.name!r} failed: {reason}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def local_server(startup_seconds: float = 120.0) -> Iterator[str]:
    """The configured API, or a private `prefect server start` while the block runs."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    configured = get_current_settings().api.url
    if configured:
        require_api(str(configured))
        yield str(configured)
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    command = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
               "--port", str(port), "--no-ui", "--scheduler", "--analytics-off"]
    log = server_log("serve-server.log")  # a file: an unread pipe would fill and block it
    with log.open("wb") as output:
        # its own session: a Ctrl-C in the terminal must not stop it before the runner
        # has recorded the run in progress as cancelled
        server = subprocess.Popen(command, env={**os.environ, "PREFECT_API_URL": ""},
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=output,
                                  start_new_session=True, preexec_fn=die_with_parent)
    try:
        _wait_healthy(server, url, startup_seconds, log)
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


def _wait_healthy(server: subprocess.Popen[bytes], url: str, seconds: float,
                  log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ConfigurationError(f"the local Prefect server exited (exit status "
                                     f"{server.returncode}); its output is in {log}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        time.sleep(0.25)
    raise ConfigurationError(f"the local Prefect server did not answer within {seconds:.0f} s; "
                             f"start one with `prefect server start` and set PREFECT_API_URL")
