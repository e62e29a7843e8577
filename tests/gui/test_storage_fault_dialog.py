"""A full disk while a screen writes: the screen shows its own message and the window is told too
(`Ops.failed` → a dialog), in words naming the cause and what to do; nothing is acknowledged."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from desktop.gui.ops import Ops, describe_error, is_storage_fault
from desktop.services import setup
from desktop.services.context import Actor

pytestmark = pytest.mark.gui


def test_a_full_disk_under_a_screen_reaches_the_window_in_plain_words(db, clock, qtbot):
    db.dispose()

    @event.listens_for(db.engine, "connect")
    def _cap(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # not one page more: the disk is full

    ops = Ops(db)
    seen: list[BaseException] = []
    done: list[object] = []
    work = lambda s: setup.remember_choice(s, actor=Actor("admin", "admin"), now=clock.now(),  # noqa: E731
                                           key="fault.gui", value="地" * 20000)
    with qtbot.waitSignal(ops.failed, timeout=10_000) as said:
        ops.run(work, on_done=done.append, on_error=seen.append)
    assert done == [] and len(seen) == 1 and is_storage_fault(seen[0])
    assert "磁盘已满" in said.args[0] and "未保存" in said.args[0] == describe_error(seen[0])
    ops.wait_idle(5_000)


def test_a_refusal_is_the_screens_alone(db, clock, qtbot):
    from desktop.services.context import ServiceError

    assert not is_storage_fault(ServiceError("forbidden", "不行"))
    assert "只读" in describe_error(Exception("attempt to write a readonly database"))
