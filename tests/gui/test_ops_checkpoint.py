"""Ops checkpoints the WAL in the station's idle time: once, after the last write of a burst, never
while a write runs, never for reads alone, and not after wait_idle() (the file may be closed next)."""

from __future__ import annotations

import threading

import pytest

from desktop.gui import ops as ops_module
from desktop.gui.ops import Ops

pytestmark = pytest.mark.gui


class Counting:
    """The test's database with its checkpoint() counted, and what was writing at each call."""

    def __init__(self, db) -> None:
        self.db, self.calls, self.writing_at_call = db, 0, []
        self.writing = 0
        self.lock = threading.Lock()

    def session(self, **kw):
        return self.db.session(**kw)

    def checkpoint(self):
        with self.lock:
            self.calls += 1
            self.writing_at_call.append(self.writing)
        return self.db.checkpoint()


def write(counting: Counting):
    def work(session):
        with counting.lock:
            counting.writing += 1
        try:
            session.connection().exec_driver_sql("UPDATE site SET name = name")
        finally:
            with counting.lock:
                counting.writing -= 1
    return work


@pytest.fixture
def counting(qapp, db, monkeypatch):
    monkeypatch.setattr(ops_module, "IDLE_CHECKPOINT_MS", 100)
    return Counting(db)


def test_one_checkpoint_after_a_burst_of_writes_goes_idle(qtbot, counting):
    ops = Ops(counting)
    done = []
    for _ in range(5):
        ops.run(write(counting), on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 5)
    qtbot.waitUntil(lambda: counting.calls == 1)
    qtbot.wait(400)  # four more idle periods: nothing more was written, so nothing more to copy
    assert counting.calls == 1
    assert counting.writing_at_call == [0]
    assert not ops.busy  # housekeeping does not show as "saving"

    ops.run(write(counting), on_done=done.append)  # the next write: the next idle checkpoint
    qtbot.waitUntil(lambda: counting.calls == 2)
    ops.wait_idle()


def test_reads_alone_and_writes_before_wait_idle_schedule_none(qtbot, counting):
    ops = Ops(counting)
    done = []
    ops.read(lambda s: s.connection().exec_driver_sql("SELECT 1").scalar(), on_done=done.append)
    qtbot.waitUntil(lambda: done == [1])
    ops.run(write(counting))
    ops.wait_idle()  # shutdown or a restore: the database may be disposed or replaced right after
    qtbot.wait(400)
    assert counting.calls == 0
