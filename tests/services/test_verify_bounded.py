"""A file with thousands of rows written outside the app: verify counts every one of them but keeps
only the first `verify.KEEP` findings as objects, so millions of bad rows cannot take gigabytes
(in the window's backup check, or in `gatehouse verify`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.bench.scan import fill
from desktop.services import backups, setup, verify
from desktop.store.migrate import open_database
from tests.services.db_files import verify_file

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
SLIPS = 2_000  # each with a release and a custody event: 6,000 rows no audit event covers


@pytest.fixture(scope="module")
def foreign(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("foreign") / "foreign.sqlite3"
    db = open_database(str(path))
    with db.session() as s:
        setup.ensure_initial(s, now=NOW)
    db.dispose()
    fill(path, SLIPS)  # straight in SQL, as a foreign tool (or the benches) would write them
    return path


def test_thousands_of_unaudited_rows_are_all_counted_but_only_the_first_thousand_kept(foreign: Path):
    report = verify_file(foreign)
    assert not report.ok
    assert len(report.findings) == verify.KEEP == 1000
    assert report.finding_count == 3 * SLIPS
    assert report.counts() == {"no_event": {"slip": SLIPS, "release": SLIPS, "custody_event": SLIPS}}
    assert report.left_out_count == 3 * SLIPS - verify.KEEP
    assert sum(report.left_out["no_event"].values()) == 3 * SLIPS - verify.KEEP
    text = "\n".join(report.lines())
    assert f"{3 * SLIPS} finding(s)" in text or f"发现 {3 * SLIPS} 个问题" in text
    assert str(3 * SLIPS - verify.KEEP) in text


def test_the_findings_the_integrity_check_puts_first_stay_within_the_cap():
    report = verify.VerifyReport()
    report.extend(verify.Finding("no_event", "slip", str(i), "x") for i in range(verify.KEEP + 5))
    report.put_first([verify.Finding("integrity", "", "", "bad page")])
    assert len(report.findings) == verify.KEEP and report.findings[0].kind == "integrity"
    assert report.finding_count == verify.KEEP + 6 and not report.ok
    assert report.counts() == {"integrity": {"": 1}, "no_event": {"slip": verify.KEEP + 5}}


def test_one_finding_past_the_cap_still_fails_the_check():
    report = verify.VerifyReport()
    report.count_only("changed", "slip")
    assert not report.ok and report.finding_count == 1


def test_a_backup_of_such_a_file_fails_its_check_with_a_bounded_verdict(foreign: Path, tmp_path: Path):
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(foreign.read_bytes())
    verdict = backups.check_copy(copy)
    assert not verdict.ok
    assert verify.KEEP < len(verdict.findings) <= verify.KEEP + 10  # the kept ones, then what was only counted
    assert any(str(3 * SLIPS - verify.KEEP) in line for line in verdict.findings[verify.KEEP:])


def test_gatehouse_verify_json_counts_every_finding(foreign: Path):
    out = subprocess.run([sys.executable, "-m", "desktop", "verify", "--db", str(foreign), "--json", "--lang", "en"],
                         capture_output=True, text=True, timeout=180, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    data = json.loads(out.stdout)
    assert len(data["findings"]) == verify.KEEP and data["finding_count"] == 3 * SLIPS
    assert data["finding_counts"]["no_event"]["slip"] == SLIPS
    assert sum(data["left_out"]["no_event"].values()) == 3 * SLIPS - verify.KEEP and data["ok"] is False


def test_the_per_row_map_packs_real_digests_and_keeps_anything_else_as_written():
    covered: verify.Covered = {}
    real = "0123456789abcdef0123456789abcdef"  # audit_chain.row_digest's shape
    odd = {"a": real, "b": None, "c": real.upper(), "d": "", "e": "01 23", "f": 7, "g": "12" * 16}
    verify._cover(covered, "slip", odd, 4321)
    assert type(covered["slip"]["a"]) is bytes and len(covered["slip"]["a"]) == 24
    assert {k: verify._unpack(v) for k, v in covered["slip"].items()} == {k: (v, 4321) for k, v in odd.items()}
