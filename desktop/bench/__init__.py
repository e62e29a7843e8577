"""Performance figures for `gatehouse bench`: each beside a reference measured in the same run,
so a figure means something on whatever machine it was taken.

Each module in BENCHES has `run() -> list[dict]`; a dict has the keys key (stable, e.g.
`scan.release.p99`, for comparing runs), name, value, unit, reference_name, reference_value, ratio
(value / reference), target (plain words, e.g. "≤ 1.5 × reference"), ok and verdict (met, missed,
or reported when a figure has no target).
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable
from typing import Any

BENCHES = [
    "desktop.bench.startup",
    "desktop.bench.dwell_board",
    "desktop.bench.board_refresh",
    "desktop.bench.scan",
    "desktop.bench.slip_render",
    "desktop.bench.gate",
    "desktop.bench.report",
    "desktop.bench.imports",
    "desktop.bench.restore",
    "desktop.bench.verify",
    "desktop.bench.memory",
]


def figure(name: str, value: float, unit: str, reference_name: str, reference_value: float,
           target: str, ok: bool | None = None, *, key: str | None = None, **extra: Any) -> dict[str, Any]:
    ratio = extra.pop("ratio", None)
    shown, shown_reference = round(value, 3), round(reference_value, 3)
    if ratio is None and reference_value:
        # from the figures as printed, so a reader who divides them gets the printed ratio
        # (17.8995 / 11.293 is 1.58, but the record says 17.9 / 11.293, which is 1.59)
        ratio = round((shown / shown_reference) if shown_reference else (value / reference_value), 2)
    verdict = "reported" if ok is None else ("met" if ok else "missed")
    return {"key": key or _slug(name), "name": name, "value": shown, "unit": unit,
            "reference_name": reference_name, "reference_value": shown_reference, "ratio": ratio,
            "target": target, "ok": ok, "verdict": verdict, **extra}


def quick() -> bool:
    """`gatehouse bench --quick` (GATEHOUSE_BENCH_QUICK=1): every bench at a smaller size and fewer
    repeats, so the whole run ends within 2 minutes; the figures say which size they were taken at."""
    import os

    return os.environ.get("GATEHOUSE_BENCH_QUICK", "") not in ("", "0")


def _slug(name: str) -> str:
    return ".".join(w for w in "".join(c if c.isalnum() else " " for c in name.lower()).split()[:6])


def median_ms(fn: Callable[[], object], repeat: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run_all(only: list[str] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in BENCHES:
        short = name.rsplit(".", 1)[-1]
        if only and short not in only:
            continue
        out.extend(importlib.import_module(name).run())
    return out
