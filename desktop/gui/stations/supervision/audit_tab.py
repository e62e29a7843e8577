"""The audit log (审计日志), newest first, and a check that it has not been tampered with.

The table reads a page of events at a time: scrolling to its end (or End, Page Down) fetches the
page before the last event shown, so a supervisor can read back to the first event of a long log
without the window ever holding more than was scrolled to.

Rows speak people's language (names, actions in words, labelled fields: audit_words); Enter, F3
or a double click on a row opens the raw event as recorded."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.enums import display
from desktop.domain.localtime import local
from desktop.domain.masking import mask_numbers
from desktop.gui.context import AppContext
from desktop.gui.rows_model import Index, RowsModel
from desktop.gui.stations.supervision.audit_words import action_words, data_words, entity_words
from desktop.i18n import language
from desktop.services import audit, setup, verify


class AuditModel(RowsModel):
    """A thin adapter over a list of plain audit dicts (the service's output is the truth)."""

    COLUMNS = ("at", "operator", "station", "action", "entity", "data")
    rows: list[dict[str, Any]]

    def __init__(self) -> None:
        super().__init__(["时间", "操作员", "岗位", "动作", "对象", "内容"])
        self.names: dict[str, str] = {}  # account -> display name
        # on-demand paging: whether older events may remain, and who fetches them (the tab, off the
        # UI thread); one page at a time
        self.more = False
        self.fetching = False
        self.fetch_older: Callable[[int], None] | None = None

    def set_page(self, rows: list[dict[str, Any]], *, more: bool) -> None:
        self.fetching = False
        self.more = more
        self.set_rows(rows)

    def append_page(self, rows: list[dict[str, Any]], *, more: bool) -> None:
        self.fetching = False
        self.more = more
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.fetching and bool(self.rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent) and self.fetch_older is not None:
            self.fetching = True
            self.fetch_older(int(self.rows[-1]["id"]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("data", "entity", "action"):
            # the content column is the narrowest on a laptop: its whole sentence on hover
            return mask_numbers(data_words(row["data"], self.names)) if key == "data" else self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "at":
            return local(datetime.fromisoformat(row["at"])).strftime("%m-%d %H:%M:%S")
        if key == "entity":
            return f"{entity_words(str(row['entity']))} {row['entity_id']}".strip()
        if key == "data":
            # events written before masking may still hold full numbers: never shown in full
            return mask_numbers(data_words(row["data"], self.names))[:240]
        if key == "operator":
            return self.names.get(row["operator"], str(row["operator"]))
        if key == "station":
            return display(str(row["station"]), language())
        if key == "action":
            return action_words(str(row["action"]))
        return str(row[key])

    def raw(self, row: int) -> str:
        return mask_numbers(json.dumps(self.rows[row], ensure_ascii=False, indent=2, default=str))


class RawEventDialog(QDialog):
    """One audit event exactly as recorded (Esc closes)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("原始审计记录"))
        self.resize(760, 560)
        self.text = QPlainTextEdit(text, self)
        self.text.setObjectName("rawEvent")
        self.text.setReadOnly(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)


class _Progress(QObject):
    """Carries verify's progress from the worker thread to the window (a queued signal)."""

    moved = Signal(int, int)


class AuditTab(QWidget):
    """The table of events, newest first and a page at a time, a refresh button and the chain check."""

    PAGE = 500  # events per page read

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel()
        self.model.fetch_older = self._fetch_older
        self._generation = 0  # a page asked for before the last refresh is dropped when it comes
        self.model.headers = [self.tr("时间"), self.tr("操作员"), self.tr("岗位"), self.tr("动作"),
                              self.tr("对象"), self.tr("内容")]
        heading = QLabel(self.tr("审计日志（防篡改）"), self)
        heading.setObjectName("heading")
        self.verify_button = QPushButton(self.tr("校验审计链"), self)
        self.verify_button.setObjectName("verify_button")
        self.verify_button.clicked.connect(self.run_verify)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        # a person's events, by the keyed hash of the ID number or phone typed here (never stored)
        self.person = QLineEdit(self)
        self.person.setObjectName("person_search")
        self.person.setPlaceholderText(self.tr("按身份证号或手机号查找"))
        self.person.setClearButtonEnabled(True)
        self.person.returnPressed.connect(self.find_person)
        self.result = QLabel("", self)
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        # the chain check of a long log takes a while: how far it is, and a way to stop it
        self.verify_progress = QProgressBar(self)
        self.verify_progress.setObjectName("verify_progress")
        self.verify_progress.setFormat(self.tr("已核对 %v / %m 条审计记录"))
        self.verify_progress.hide()
        self.cancel_verify_button = QPushButton(self.tr("取消校验"), self)
        self.cancel_verify_button.setObjectName("cancel_verify_button")
        self.cancel_verify_button.clicked.connect(self.cancel_verify)
        self.cancel_verify_button.hide()
        self._stop_verify: threading.Event | None = None
        self._verify_relay = _Progress(self)
        self._verify_relay.moved.connect(self._verify_moved)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab goes on to 校验审计链, arrows move in the table
        self.table.doubleClicked.connect(lambda index: self.open_raw(index.row()))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
            QShortcut(QKeySequence(key), self.table, activated=self.open_raw,
                      context=Qt.ShortcutContext.WidgetShortcut)
        self.raw_dialog: RawEventDialog | None = None
        self.shown = QLabel("", self)
        self.shown.setObjectName("audit_shown")
        self.model.modelReset.connect(self._count_shown)
        self.model.rowsInserted.connect(self._count_shown)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.person)
        top.addWidget(self.refresh_button)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        checking = QHBoxLayout()
        checking.addWidget(self.verify_progress, 1)
        checking.addWidget(self.cancel_verify_button)
        layout.addLayout(checking)
        layout.addWidget(self.result)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.shown)

    def refresh(self) -> None:
        """The newest page again (older pages follow as the table is scrolled)."""
        self._generation += 1
        generation, page = self._generation, self.PAGE

        def load(s: Any) -> tuple[list[dict[str, Any]], dict[str, str]]:
            return audit.recent(s, limit=page), {o.username: o.display_name for o in setup.list_operators(s, include_disabled=True)}

        def show(loaded: tuple[list[dict[str, Any]], dict[str, str]]) -> None:
            if not self._current(generation):
                return
            self.model.names = loaded[1]
            self.model.set_page(loaded[0], more=len(loaded[0]) == page)
            self._keep_a_current_row()

        self.ctx.ops.read(load, on_done=show)

    def _current(self, generation: int) -> bool:
        """A page read for the table as it still is: not from before a refresh or a search (a tab
        deleted while it was read never sees its page: Ops drops a callback whose tab is gone)."""
        return generation == self._generation

    def _keep_a_current_row(self) -> None:
        """The newest event is the current row, so the first key (Ctrl+End, Page Down, Enter) acts
        on the table instead of only putting the cursor in it."""
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _fetch_older(self, before_id: int) -> None:
        """The page before `before_id` (the model asks when the table is scrolled to its end)."""
        generation, page = self._generation, self.PAGE

        def show(rows: list[dict[str, Any]]) -> None:
            if self._current(generation):
                self.model.append_page(rows, more=len(rows) == page)
                self._count_shown()  # an empty last page inserts nothing, yet the log's end was reached

        def failed(exc: BaseException) -> None:
            from desktop.gui.ops import describe_error

            if self._current(generation):
                self.model.fetching = False  # scrolling to the end again tries again
                self.result.setStyleSheet("color: #b00020; font-weight: bold;")
                self.result.setText(describe_error(exc))

        self.ctx.ops.read(lambda s: audit.recent(s, limit=page, before_id=before_id), on_done=show,
                          on_error=failed)

    def _count_shown(self, *_: Any) -> None:
        n = len(self.model.rows)
        if self.model.more:
            text = self.tr("已显示最新的 {n} 条记录；滚动到底部加载更早的记录")
        else:
            text = self.tr("共 {n} 条记录")
        self.shown.setText(text.replace("{n}", f"{n:,}"))

    def open_raw(self, row: int | None = None) -> None:
        """The selected event as recorded: one key (Enter or F3) away."""
        if row is None:
            current = self.table.currentIndex()
            row = current.row() if current.isValid() else -1
        if not 0 <= row < len(self.model.rows):
            return
        self.raw_dialog = RawEventDialog(self.model.raw(row), self)
        self.raw_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.raw_dialog.show()

    def find_person(self) -> None:
        """Every event about the person whose ID number or phone was typed (empty: the latest)."""
        from desktop.services import privacy

        text = self.person.text().strip()
        if not text:
            self.refresh()
            return
        digits = "".join(c for c in text if c.isdigit())
        as_phone = len(digits) == 11 and digits.startswith("1") and len(text.replace(" ", "")) <= 13
        self.ctx.ops.read(lambda s: privacy.find_events(s, id_number="" if as_phone else text,
                                                        phone=text if as_phone else ""),
                          on_done=self._found)

    def _found(self, rows: list[dict[str, Any]]) -> None:
        self._generation += 1  # an older page of the whole log must not land among these
        self.model.set_page(rows, more=False)
        self._keep_a_current_row()
        self.result.setStyleSheet("")
        self.result.setText(self.tr("找到 {n} 条与此人有关的记录").replace("{n}", str(len(rows))))

    def run_verify(self) -> None:
        """Check the whole chain off the UI thread, with a progress bar of the events checked so far
        and a button that stops it."""
        self.verify_button.setEnabled(False)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("正在校验…"))
        self.verify_progress.setRange(0, 0)  # busy until the first count arrives
        self.verify_progress.setValue(0)
        self.verify_progress.show()
        self.cancel_verify_button.setEnabled(True)
        self.cancel_verify_button.show()
        dialect = self.ctx.db.dialect
        stop = self._stop_verify = threading.Event()
        relay = self._verify_relay

        def progress(checked: int, total: int) -> bool:  # on the worker thread
            relay.moved.emit(checked, total)
            return not stop.is_set()

        def finish() -> None:
            self._stop_verify = None
            self.verify_button.setEnabled(True)
            self.verify_progress.hide()
            self.cancel_verify_button.hide()

        def done(report: verify.VerifyReport) -> None:
            finish()
            colour = "#1b7f3b" if report.ok else "#b00020"
            self.result.setStyleSheet(f"color: {colour}; font-weight: bold;")
            self.result.setText("\n".join(report.lines()))

        def failed(exc: BaseException) -> None:
            from desktop.gui.ops import describe_error

            finish()
            self.result.setStyleSheet("color: #b00020; font-weight: bold;")
            if isinstance(exc, verify.Cancelled):
                self.result.setText(self.tr("校验已取消：已核对 {n} 条审计记录，未得出结论。")
                                    .replace("{n}", str(exc.checked)))
            else:
                self.result.setText(describe_error(exc))

        self.ctx.ops.read(lambda s: verify.verify(s, dialect=dialect, progress=progress), on_done=done,
                          on_error=failed)

    def _verify_moved(self, checked: int, total: int) -> None:
        if self._stop_verify is None:
            return  # a late count from a check already over
        top = max(total, checked, 1)
        if self.verify_progress.maximum() != top:
            self.verify_progress.setRange(0, top)
        self.verify_progress.setValue(checked)

    def cancel_verify(self) -> None:
        """Stop the check at its next batch (the result then says it was stopped, not that all is well)."""
        if self._stop_verify is not None:
            self._stop_verify.set()
            self.cancel_verify_button.setEnabled(False)
            self.result.setText(self.tr("正在停止校验…"))
