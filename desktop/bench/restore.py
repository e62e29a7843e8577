"""Restoring a verified backup of a million-slip database (`restore.1m`, target 60 s).

The database is filled as for the scan figures (`desktop.bench.scan.fill`: a million slips, each
with a release and a custody event, straight in SQL), its rows then held to the audit chain (the
adoption an upgrade does, so `verify` passes on it), and one verified backup made the way the app
makes them (`backups.make`: online copy, full check, sidecar). The figure is `backups.restore` of
that backup over the live file: the backup's pre-check (its bytes against the SHA-256 recorded when
it passed its full check), the copy, and the current file kept aside. The reference is a bare file
copy of the same file.

GATEHOUSE_BENCH_SLIPS sets the size (default 1,000,000; 20,000 with --quick). Only `gatehouse bench --only restore`
runs it at full size; the test runs it small.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.bench import figure, quick
from desktop.bench.scan import START, _env_int, fill_held
from desktop.services import backups, setup
from desktop.store.migrate import open_database

TARGET_S = 60.0


def build(path: Path, slips_n: int) -> None:
    """A database of `slips_n` filler slips that passes `verify`."""
    db = open_database(str(path))
    try:
        with db.session() as s:
            setup.ensure_initial(s, now=START)
    finally:
        db.dispose()
    fill_held(path, slips_n)


def run(slips: int | None = None) -> list[dict[str, Any]]:
    filler = slips or _env_int("GATEHOUSE_BENCH_SLIPS", 20_000 if quick() else 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        t0 = time.perf_counter()
        build(path, filler)
        build_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        made = backups.make(path, now=START + timedelta(minutes=1), why="bench")
        backup_s = time.perf_counter() - t0
        if not made.backup.ok:
            raise RuntimeError(f"the bench backup failed its check: {made.backup.verdict.findings[:3]}")
        t0 = time.perf_counter()
        shutil.copyfile(path, Path(tmp) / "plain-copy.sqlite3")
        copy_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        result = backups.restore(path, Path(made.backup.path), now=START + timedelta(minutes=2))
        restore_s = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1e6
    label = "1M" if filler == 1_000_000 else f"{filler:,}"
    extra = {"slips": filler, "size_mb": round(size_mb, 1), "build_seconds": round(build_s, 1),
             "backup_seconds": round(backup_s, 1), "restored_ok": result.verdict.ok,
             "audit_events": result.verdict.audit_events,
             "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}
    ok = result.verdict.ok and restore_s < TARGET_S
    return [figure(f"restore a verified backup ({label} slips, {size_mb:,.0f} MB)", restore_s, "s",
                   "bare file copy of the same file", copy_s, f"< {TARGET_S:.0f} s", ok, key="restore.1m", **extra)]
