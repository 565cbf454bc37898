"""Prefect settings for a quiet, fast, private run; applied before Prefect is imported.

Prefect reads its settings once, when imported, so `apply_prefect_defaults()` must run
first (`pipeline.flow` calls it on import). Each is a default: a variable already set in
the environment, or in a Prefect profile, wins. Names are from Prefect 3's settings
reference (`prefect.settings.models`).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PREFECT_DEFAULTS", "VERBOSE", "apply_prefect_defaults", "be_verbose"]

LOGGING_CONFIG = Path(__file__).with_name("logging.yml")

PREFECT_DEFAULTS: dict[str, str] = {
    # telemetry off: the SDK's analytics and the server's anonymous usage report, which
    # on an offline machine also costs a failed DNS lookup and an ERROR line per start
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    # quiet logs (`--verbose` shows INFO): the commands report a failure in one line of
    # their own, so Prefect's account of it (a traceback per task and flow, the websocket
    # warnings of a server going away, Dask's 33 start and stop lines) is not repeated
    "PREFECT_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_INTERNAL_LOGGING_LEVEL": "CRITICAL",
    "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
    "DASK_LOGGING__DISTRIBUTED": "error",
    # through the standard library's handler, which survives a closed stderr (logging.yml)
    "PREFECT_LOGGING_SETTINGS_PATH": str(LOGGING_CONFIG),
    # logs stay local: no log records shipped to the API
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    # results are the record files; Prefect keeps none of its own
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    # the temporary server's first start migrates a new database (~10 s here); the
    # default 20 s timeout is too close on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


# what `--verbose` sets, before Prefect (and Dask) are imported
VERBOSE: dict[str, str] = {
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_INTERNAL_LOGGING_LEVEL": "ERROR",
    "DASK_LOGGING__DISTRIBUTED": "info",
}


def apply_prefect_defaults() -> None:
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


def be_verbose() -> None:
    """Show Prefect's and Dask's INFO logs; call before `pipeline.flow` is imported."""
    os.environ.update(VERBOSE)
