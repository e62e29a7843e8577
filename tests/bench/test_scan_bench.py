"""The scan bench (issue #16 items 2 and 6): releases and refusals are separate figures, each beside
a one-row INSERT + COMMIT taken interleaved with it, on a filler that has its audit events."""

import pytest

from desktop.bench import scan


def test_releases_refusals_and_the_commit_are_figures_of_their_own(monkeypatch):
    monkeypatch.setenv("GATEHOUSE_BENCH_SLIPS", "500")
    monkeypatch.setenv("GATEHOUSE_BENCH_SCANS", "10")
    monkeypatch.setattr(scan, "time_screen", lambda *_a: {"scan": [12.0, 14.0], "paint": [3.0, 4.0]})
    figures = {f["key"]: f for f in scan.run()}
    assert set(figures) == {"scan.release.p50", "scan.release.p99", "scan.commit.p99", "scan.refusal.p99",
                            "scan.paint.p50", "scan.paint.p99"}
    release, refusal, commit = figures["scan.release.p99"], figures["scan.refusal.p99"], figures["scan.commit.p99"]
    assert release["verdicts"] == {"ok": 10}  # never pooled with the refusals
    assert refusal["verdicts"] == {"already": 10, "unknown": 1, "voided": 1}
    assert release["reference_value"] == commit["value"] > 0  # the release is judged against the commit
    assert release["bound_ms"] == pytest.approx(max(5.0, 1.5 * commit["value"]), abs=0.01)
    assert release["ok"] is (release["value"] <= release["bound_ms"])
    assert refusal["unit"] == "ms" and "CPU" in refusal["target"] and refusal["value"] > 0
    assert "idle checkpoint, untimed" in release["name"]  # the emulated idle time is named, and its cost shown
    assert 0 < release["checkpoint_p50_ms"] <= release["checkpoint_p99_ms"]
    assert release["audit_events"] >= 3 * 500  # the filler's audit events are there
    assert 13.9 < figures["scan.paint.p99"]["value"] <= 14.0 and "30 ms" in figures["scan.paint.p99"]["target"]
