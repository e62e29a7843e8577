"""The disinfection station (消杀组): the record form on the left, the dwell timer board on the right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout

from desktop.gui.ops import describe_error
from desktop.gui.sound import Chime
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.disinfection.board import TimerBoard
from desktop.gui.stations.disinfection.dialogs import EarlyDialog, RecallDialog
from desktop.gui.stations.disinfection.form import RecordForm
from desktop.services import disinfection, dwell


class DisinfectionPage(StationPage):
    key = "disinfection"
    sound_factory: Callable[[], Callable[[], object]] | None = None  # tests put a fake chime here

    def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kw)
        chime = type(self).sound_factory() if type(self).sound_factory else Chime(self).play

        def sound() -> None:  # other stations keep the board current but stay quiet
            if self._watching():
                chime()
        self.form = RecordForm(self.ctx, self)
        self.form.recorded.connect(lambda _done: self.refresh_board())
        self.board = TimerBoard(self.ctx.clock, sound=sound, parent=self)
        self.board.refresh_requested.connect(lambda: self._watching() and self.refresh_board())
        self.board.acknowledge_requested.connect(self.acknowledge)
        self.board.selection_changed.connect(self._selection_changed)
        self.early_button = QPushButton(self.tr("提前完成…"), self)
        self.early_button.setObjectName("earlyButton")
        self.early_button.clicked.connect(self.open_early)
        self.recall_button = QPushButton(self.tr("召回消杀…"), self)
        self.recall_button.setObjectName("recallButton")
        self.recall_button.clicked.connect(self.open_recall)
        self.board_message = QLabel("", self)
        self.board_message.setWordWrap(True)
        self.dialog: QDialog | None = None
        self._refreshing = self._refresh_again = False
        self._selection_changed(0)
        row = QHBoxLayout()
        row.addWidget(self.early_button)
        row.addWidget(self.recall_button)
        right = QVBoxLayout()
        right.addWidget(self.board, 1)
        right.addLayout(row)
        right.addWidget(self.board_message)
        form_scroll = QScrollArea(self)  # never cut off on a short screen
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QVBoxLayout()
        left.addWidget(form_scroll, 1)
        left.addWidget(self.form.actions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(left, 6)
        layout.addLayout(right, 5)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.form.finish)
        self.board.start()

    def title(self) -> str:
        return self.tr("消杀")

    def _watching(self) -> bool:
        return self.isVisible() or self.ctx.actor.station == "disinfection"

    def settings_changed(self, what: str) -> None:
        """Disinfectants, parts, unloading points or the overdue time may have changed."""
        self.form.load()
        self.refresh_board()

    def activated(self) -> None:
        self.form.load()
        self.refresh_board()
        self.form.scan.setFocus()  # the scanner types into it

    def scanned(self, code: str) -> bool:
        self.form.scanned(code)
        return True

    # --- the board's data --------------------------------------------------------------------------

    def refresh_board(self) -> None:
        if self._refreshing:  # a slow database must not pile up refreshes
            self._refresh_again = True
            return
        self._refreshing = True
        actor, clock = self.ctx.actor, self.ctx.clock
        # most refreshes only read, and need no write lock; one with something to write
        # (a dwell come due, the clock mark) runs the board in a write transaction
        self.ctx.ops.read(lambda s: dwell.peek(s, actor=actor, clock=clock), on_done=self._board_peeked,
                          on_error=self._board_failed)

    def _board_peeked(self, board: dwell.Board | None) -> None:
        if board is not None:
            self._board_loaded(board)
            return
        actor, clock = self.ctx.actor, self.ctx.clock
        self.ctx.ops.run(lambda s: dwell.board(s, actor=actor, clock=clock), on_done=self._board_loaded,
                         on_error=self._board_failed)

    def _refreshed(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.refresh_board()

    def _board_loaded(self, board: dwell.Board) -> None:
        self._refreshed()
        self.board.set_board(board)
        if self.isVisible():
            self.form.load()  # the gate admits vehicles all the time
        if board.jump_seconds:
            self.show_board_message(self.tr("系统时间被调整了 {s} 秒，已记录；静置计时不受影响。")
                                    .replace("{s}", f"{board.jump_seconds:+.0f}"), ok=False)

    def _board_failed(self, exc: BaseException) -> None:
        self._refreshed()
        self.show_board_message(describe_error(exc), ok=False)

    def _action_failed(self, exc: BaseException) -> None:
        self.show_board_message(describe_error(exc), ok=False)

    def acknowledge(self, ids: list[int]) -> None:
        actor, clock = self.ctx.actor, self.ctx.clock
        self.ctx.ops.run(lambda s: dwell.acknowledge(s, actor=actor, clock=clock, timer_ids=ids),
                         on_done=lambda _n: (self.board.acknowledged(ids), self.refresh_board()),
                         on_error=self._action_failed)

    def _selection_changed(self, timer_id: int) -> None:
        self.early_button.setEnabled(bool(timer_id))
        self.recall_button.setEnabled(bool(timer_id))

    def show_board_message(self, text: str, *, ok: bool) -> None:
        self.board_message.setStyleSheet("color: #11692f; font-weight: bold;" if ok else
                                         "color: #a0001c; font-weight: bold;")
        self.board_message.setText(text)

    # --- supervisor early completion, recall -----------------------------------------------------------

    def open_early(self) -> None:
        row = self.board.selected_row()
        if row is None:
            return
        self.dialog = EarlyDialog(row.label, self)
        dialog = self.dialog

        def accepted() -> None:
            actor, clock = self.ctx.actor, self.ctx.clock
            who, pin, reason = dialog.supervisor.text(), dialog.pin.text(), dialog.reason.text()
            self.ctx.ops.run(lambda s: dwell.complete_early(s, actor=actor, clock=clock, timer_id=row.timer_id,
                                                            supervisor=who, pin=pin, reason=reason),
                             on_done=lambda _r: self._done(self.tr("{x} 已由督查员提前结束静置。").replace("{x}", row.label)),
                             on_error=self._action_failed)

        dialog.accepted.connect(accepted)
        dialog.open()

    def open_recall(self) -> None:
        row = self.board.selected_row()
        if row is None:
            return
        self.dialog = RecallDialog(row.label, self)
        dialog = self.dialog

        def accepted() -> None:
            actor, now, reason = self.ctx.actor, self.ctx.clock.now(), dialog.reason.text()
            who, pin = dialog.supervisor.text(), dialog.pin.text()
            self.ctx.ops.run(lambda s: disinfection.recall(s, actor=actor, now=now, disinfection_id=row.disinfection_id,
                                                           reason=reason, supervisor=who, pin=pin),
                             on_done=lambda back: self._done(self.tr("已召回 {x} 的消杀，{n} 批物资须重新消杀。")
                                                             .replace("{x}", row.label).replace("{n}", str(len(back)))),
                             on_error=self._action_failed)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _done(self, text: str) -> None:
        self.show_board_message(text, ok=True)
        self.refresh_board()
        self.form.load()
