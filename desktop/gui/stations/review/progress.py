"""Progress and Cancel for an import running off the UI thread (a 10,000-row list takes a while).

The worker calls `report(done, total)` and `cancelled()`; the window shows a QProgressDialog whose
Cancel button sets a flag the import reads between rows. The import then deletes what it staged
(`desktop.services.import_staging`), so a cancel leaves nothing of the sheet behind.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

STEPS = 200  # updates shown over a whole import, however many rows: the UI thread is not flooded


class ImportProgress(QObject):
    changed = Signal(int, int)

    def __init__(self, parent: QWidget, label: str) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._label = label
        self.dialog = QProgressDialog(label, self.tr("取消导入"), 0, 0, parent)
        self.dialog.setMinimumWidth(460)
        self.dialog.setWindowTitle(self.tr("正在导入"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._cancel.set)
        self.changed.connect(self._show)  # queued: emitted on the worker thread
        self.dialog.show()

    # --- worker thread ---

    def report(self, done: int, total: int) -> None:
        if done == 0 or done == total or done % max(1, total // STEPS) == 0:
            self.changed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    # --- UI thread ---

    @Slot(int, int)
    def _show(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(done)
        self.dialog.setLabelText(self._label + "\n" + self.tr("第 {d} / {n} 行")
                                 .replace("{d}", str(done)).replace("{n}", str(total)))

    def finish(self) -> None:
        self.changed.disconnect(self._show)
        self.dialog.reset()
        self.dialog.close()
