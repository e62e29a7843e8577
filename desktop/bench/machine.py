"""The machine a bench run was taken on, and its load: a figure means little without them.

Standard library only; read once before the run and once after it (`gatehouse bench --out`).
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path
from typing import Any


def cpu_model(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    try:
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.lower().startswith("model name") and ":" in line:
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load() -> list[float] | None:
    """The 1, 5 and 15-minute load averages (None where the system has none, e.g. Windows)."""
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def utc_stamp() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def describe() -> dict[str, Any]:
    return {"cpus": os.cpu_count(), "cpu_model": cpu_model(), "platform": platform.platform(),
            "python": sys.version.split()[0], "started": utc_stamp(), "load_before": load()}


def finish(machine: dict[str, Any]) -> dict[str, Any]:
    return {**machine, "finished": utc_stamp(), "load_after": load()}
