"""Database work off the UI thread (after Anki's CollectionOp).

`ctx.ops.run(work, on_done=..., on_error=...)` runs `work(session)` in a worker thread inside one
write transaction (committed on success, rolled back on error), then calls `on_done(result)` or
`on_error(exc)` back on the UI thread. Return plain data (dataclasses), never ORM objects.

Signals: busy_changed(bool) while anything runs; failed(str) for errors nobody handled.

The idle checkpoint: SQLite would otherwise copy its WAL into the database inside whichever COMMIT
fills it (see desktop.store.engine), i.e. inside some scan. So `IDLE_CHECKPOINT_MS` after the last
write job has finished, with no job running, Ops runs `db.checkpoint()` once on the worker pool like
any job (each later write restarts the wait; a job still running when it is due puts it off until
that job ends). It is never started beside a write of ours; a write that starts while it runs does
not wait for it (a PASSIVE checkpoint blocks no writer). It is housekeeping: it does not show as
"saving", and a failure is logged, not shown (what was written is safe in the WAL; the next
checkpoint, or SQLite's own at its safety-net size, copies it).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from shiboken6 import isValid

from desktop.i18n import t
from desktop.services.context import ServiceError

log = logging.getLogger(__name__)
IDLE_CHECKPOINT_MS = 1500  # the station's idle time: well after a scan's verdict is painted


def _receiver_gone(callback: Callable[..., Any]) -> bool:
    """A page's method whose page was deleted while its work ran (the window rebuilt for another
    language, a dialog closed, a test's page torn down): nobody is there to show the result. A
    lambda or closure counts as gone when a Qt object it captured was deleted
    (`lambda rows: self.show(rows)` of a deleted page would touch its dead widgets)."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        return not isValid(owner)
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            captured = cell.cell_contents
        except ValueError:  # a cell not filled yet
            continue
        if isinstance(captured, QObject) and not isValid(captured):
            return True
    return False


class _Relay(QObject):
    done = Signal(object)
    error = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # reported on the UI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.error.emit(exc)
        else:
            self.relay.done.emit(result)


_FAULTS = ("full", "io", "unwritable", "corrupt")


def is_storage_fault(exc: BaseException) -> bool:
    """A full disk, a disk error, a read-only file: not this screen's business alone, so the window
    also says it in a dialog (`Ops.failed`), whatever the screen shows."""
    if getattr(exc, "problem", None) in _FAULTS:
        return True
    if isinstance(exc, ServiceError):  # a refusal with its own code (a backup that failed is not "not saved")
        return False
    text = str(exc)
    return ("disk" in text.lower() and ("full" in text.lower() or "I/O" in text)) or "readonly database" in text


def describe_error(exc: BaseException) -> str:
    """What to tell the person: a refusal's own words, or a plain account of a failure."""
    if isinstance(exc, ServiceError):
        return exc.message
    if getattr(exc, "problem", None) is not None:  # a StoreError (the GUI does not import the store):
        return str(exc)  # its message already says what happened and what to do (a damaged file: stop)
    text = str(exc)
    if "database is locked" in text or "could not obtain lock" in text:
        return t("数据库正忙（另一岗位正在写入），请稍后重试。未保存任何内容。",
                 "The database is busy (another station is writing). Try again; nothing was saved.")
    if "readonly database" in text or "unable to open database file" in text:
        return t("数据库文件无法写入（只读，或所在文件夹不可写），未保存。请检查文件和文件夹的写权限、磁盘是否只读，然后重试。",
                 "The database file cannot be written (read-only, or its folder is not writable); nothing was "
                 "saved. Check the write permissions of the file and its folder, and that the disk is not "
                 "read-only, then retry.")
    if "disk" in text.lower() and ("full" in text.lower() or "I/O" in text):
        return t("磁盘已满或无法写入，未保存。请腾出空间后重试。",
                 "The disk is full or cannot be written; nothing was saved. Free some space and retry.")
    return t("操作失败，未保存：{e}", "The operation failed and nothing was saved: {e}", e=text)


class Ops(QObject):
    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, db: Any, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self._db = db
        self._pool = pool or QThreadPool.globalInstance()
        self._running = 0
        self._relays: set[_Relay] = set()
        self._written = False  # a write job finished since the last checkpoint
        self._checkpointing = False
        self._era = 0  # wait_idle() starts a new one: writes of an earlier era schedule no checkpoint
        self._idle = QTimer(self, singleShot=True, interval=IDLE_CHECKPOINT_MS, timeout=self._checkpoint_if_idle)

    def run(self, work: Callable[[Any], Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, write: bool = True) -> None:
        """Run `work(session)` in a transaction on a worker thread."""

        def call() -> Any:
            with self._db.session(write=write) as session:
                return work(session)

        self.submit(call, on_done=on_done, on_error=on_error, wrote=write)

    def submit(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, wrote: bool = False) -> None:
        """Run any slow function (rendering, printing, importing) on a worker thread."""
        relay = _Relay()
        self._relays.add(relay)
        era = self._era

        @Slot(object)
        def finished(result: Any) -> None:
            self._finish(relay, wrote and era == self._era)
            if on_done and not _receiver_gone(on_done):
                on_done(result)

        @Slot(object)
        def errored(exc: BaseException) -> None:
            self._finish(relay, wrote and era == self._era)
            if on_error and not _receiver_gone(on_error):
                on_error(exc)
                if is_storage_fault(exc):
                    self.failed.emit(describe_error(exc))
            else:
                self.failed.emit(describe_error(exc))

        relay.done.connect(finished)
        relay.error.connect(errored)
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def read(self, work: Callable[[Any], Any], **kw: Any) -> None:
        """A read-only `run`."""
        self.run(work, write=False, **kw)

    def call_now(self, work: Callable[[Any], Any], *, write: bool = False) -> Any:
        """Run on this thread: only for small reads a screen needs before it can draw."""
        with self._db.session(write=write) as session:
            return work(session)

    def _finish(self, relay: _Relay, wrote: bool = False) -> None:
        self._relays.discard(relay)
        self._running -= 1
        self._written = self._written or wrote  # a rolled-back write may still have grown the WAL
        if self._running == 0:
            self.busy_changed.emit(False)
            if self._written and not self._checkpointing:
                self._idle.start()  # (re)started: due IDLE_CHECKPOINT_MS after the last write

    def _checkpoint_if_idle(self) -> None:
        checkpoint = getattr(self._db, "checkpoint", None)
        if self._running or self._checkpointing or checkpoint is None:
            return  # a job is running: when it finishes, _finish sets the timer again
        self._written, self._checkpointing = False, True
        relay = _Relay()
        self._relays.add(relay)

        @Slot(object)
        def finished(_result: Any) -> None:
            self._relays.discard(relay)
            self._checkpointing = False
            if self._written and not self._running:  # a write finished while it ran
                self._idle.start()

        @Slot(object)
        def errored(exc: BaseException) -> None:
            log.warning("idle checkpoint failed: %s", getattr(exc, "__traceback_text__", exc))
            finished(None)

        relay.done.connect(finished)
        relay.error.connect(errored)
        self._pool.start(_Job(checkpoint, relay))

    def wait_idle(self, msecs: int = 10_000) -> bool:
        """For tests and shutdown: wait until the worker threads are done. A checkpoint not yet
        started is called off (the database may be closed or replaced next); one under way is
        waited for like any job."""
        self._idle.stop()
        self._written = False
        self._era += 1  # a write whose end is still on its way here schedules none either
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return self._running > 0
