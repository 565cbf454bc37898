"""Start Prefect's temporary server before Prefect itself is imported.

With no API configured, Prefect starts a temporary server on the flow's first API
call: the client first imports the whole server package (~3 s here) only to launch
it, then waits while the server imports it again and migrates its database. Starting
the same server (same command and flags as `prefect.server.api.server.
SubprocessASGIServer`) from `decisions run` before anything else lets its start-up
overlap the client's own imports and the pool's warm-up, and the client never imports
the server package. Only when nothing else names an API: no PREFECT_API_URL in the
environment or in the Prefect profiles file. Anything unexpected falls back to
Prefect's own behaviour.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["EarlyServer", "die_with_parent", "require_api", "server_log", "start_early_server"]


@dataclass
class EarlyServer:
    process: subprocess.Popen[bytes]
    url: str
    log: Path  # the server's own output: not the user's terminal

    def wait_ready(self, timeout: float) -> bool:
        """True once /health answers; False (and stopped) if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            with contextlib.suppress(OSError), \
                    urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                if response.status == 200:
                    return True
            time.sleep(0.1)
        self.stop()
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if os.environ.get("PREFECT_API_URL") == self.url:
            del os.environ["PREFECT_API_URL"]


def start_early_server() -> EarlyServer | None:
    """Launch the temporary server and point PREFECT_API_URL at it, if nothing else is set."""
    if os.environ.get("PREFECT_API_URL") or _profile_names_an_api():
        return None
    port = _free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory",
               "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port",
               str(port), "--log-level", "error", "--lifespan", "on"]
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1"}
    try:
        log = server_log()
        with log.open("wb") as output:  # the child keeps its own copy of the handle
            process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                       stdout=output, stderr=output,
                                       preexec_fn=die_with_parent)
    except OSError:
        return None
    server = EarlyServer(process, f"http://127.0.0.1:{port}/api", log)
    os.environ["PREFECT_API_URL"] = server.url
    atexit.register(server.stop)
    return server


def require_api(url: str, timeout: float = 5.0) -> None:
    """A configured API must answer before a run starts: Prefect's client would otherwise
    fail on its first call with a traceback of a hundred lines. Any HTTP answer will do
    (a Prefect Cloud workspace may refuse /health); only no answer at all is an error."""
    import httpx

    from pipeline.errors import ConfigurationError

    try:
        httpx.get(f"{url.rstrip('/')}/health", timeout=timeout)
    except httpx.TransportError as error:
        why = str(error) or type(error).__name__
        raise ConfigurationError(
            f"PREFECT_API_URL is {url}, but no Prefect server answers there ({why}); start "
            "one with `prefect server start`, or unset PREFECT_API_URL for a temporary "
            "one") from None


def die_with_parent() -> None:
    """In the server process: ask Linux to stop it if `decisions run` is killed outright
    (SIGKILL leaves no chance for atexit); elsewhere a killed run leaves it running, as
    Prefect's own temporary server would."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def server_log(name: str = "temporary-server.log") -> Path:
    """PREFECT_HOME/<name>, the latest run's server output. The server writes there, not
    to the terminal: stopped at the end of a run, it may still be recording the run's
    last events, and Prefect logs their cancellation as errors."""
    home = _prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    return home / name


def _prefect_home() -> Path:
    return Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()


def _profile_names_an_api() -> bool:
    home = _prefect_home()
    profiles = Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml"))
    with contextlib.suppress(OSError):
        return "PREFECT_API_URL" in profiles.read_text(encoding="utf-8")
    return False


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
