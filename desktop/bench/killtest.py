"""`python -m desktop.bench.killtest [--runs N] [--db PATH]`: kill -9 a writing Gatehouse process at
random moments, N times, and check after each kill that the file is intact and that every record
the writer acknowledged is there.

The writer is a real Gatehouse process (forked from this one, so 200 runs do not wait for 200
interpreter start-ups) writing through a service (an audited settings write per
record, WAL, synchronous=FULL) and prints a record's key only after its transaction committed: what
it printed is what it acknowledged. After each kill: `PRAGMA integrity_check`, and every printed key
must be in the database; at the end `verify` holds the audit chain and every row to it.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _write_until_killed(path: Path, run: int, out: int) -> None:
    """The writer (a forked child): acknowledges each record on `out` once it is committed."""
    from desktop.domain.clock import SystemClock
    from desktop.services import setup
    from desktop.services.context import Actor
    from desktop.store.migrate import open_database

    db = open_database(str(path))
    clock, admin = SystemClock(), Actor("admin", "admin")
    os.write(out, b"ready\n")
    i = 0
    while True:
        with db.session() as s:
            setup.remember_choice(s, actor=admin, now=clock.now(), key=f"kill.{run}.{i}", value="货" * (50 + i % 400))
        os.write(out, f"kill.{run}.{i}\n".encode())
        i += 1


def _prepare(path: Path) -> None:
    from desktop.domain.clock import SystemClock
    from desktop.services import setup
    from desktop.store.migrate import open_database

    db = open_database(str(path), create=True)
    try:
        with db.session() as s:
            setup.ensure_initial(s, now=SystemClock().now())
    finally:
        db.dispose()


def _one_kill(path: Path, run: int, rng: random.Random) -> list[str]:
    """Fork a writer (no interpreter start-up to wait for), let it write for a random moment, kill -9
    it; the keys it acknowledged."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed
        os.close(read_end)
        try:
            _write_until_killed(path, run, write_end)
        finally:
            os._exit(3)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        if pipe.readline().strip() != b"ready":
            os.waitpid(pid, 0)
            raise RuntimeError("the writer did not start")
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        out = pipe.read()
    return [line for line in out.decode().split() if line.startswith("kill.")]


def _check(path: Path, acknowledged: list[str]) -> tuple[str, list[str]]:
    """(integrity_check's answer, acknowledged keys that are missing), read with plain sqlite3."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        keys = {k for (k,) in conn.execute("SELECT key FROM setting WHERE key LIKE 'kill.%'")}
    finally:
        conn.close()
    return integrity, [k for k in acknowledged if k not in keys]


def run(runs: int, path: Path, seed: int = 12) -> dict[str, Any]:
    from desktop.services import verify
    from desktop.store.migrate import open_database

    rng = random.Random(seed)
    _prepare(path)
    started = time.perf_counter()
    acknowledged_total, lost, bad, zero = 0, [], [], 0
    for n in range(runs):
        acked = _one_kill(path, n, rng)
        zero += not acked
        acknowledged_total += len(acked)
        integrity, missing = _check(path, acked)
        if integrity != "ok":
            bad.append((n, integrity))
        lost += missing
    db = open_database(str(path))
    try:
        with db.session(write=False) as s:
            report = verify.verify(s, dialect=db.dialect)
    finally:
        db.dispose()
    return {"runs": runs, "acknowledged": acknowledged_total, "lost": len(lost), "integrity_failures": len(bad),
            "killed_before_first_ack": zero, "verify_ok": report.ok, "findings": [str(f) for f in report.findings][:5],
            "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.killtest", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", default=None, help="the database file to write (default: a new temporary one)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.db) if args.db else Path(tmp) / "killtest.sqlite3"
        figures = run(args.runs, path, args.seed)
    print(f"kill -9 of a writing process: {figures['runs']} runs, {figures['acknowledged']} acknowledged records, "
          f"{figures['lost']} lost, {figures['integrity_failures']} integrity failures, "
          f"verify {'ok' if figures['verify_ok'] else 'FAILED'} ({figures['seconds']} s)")
    return 0 if figures["lost"] == 0 and figures["integrity_failures"] == 0 and figures["verify_ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
