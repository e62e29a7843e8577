"""The dwell timer board: every timer in large type, soonest first, one colour per state.

One QTimer ticks for the whole board (never one per row). Each row holds only its deadline on
the monotonic clock of the boot the snapshot was taken in; at every paint the time left is that
deadline minus the clock's monotonic reading, so nothing is counted down and a wall-clock change
moves nothing. A new boot (or every few ticks) asks the page for a fresh snapshot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.domain import dwell as maths
from desktop.domain.clock import Clock
from desktop.domain.localtime import hhmm
from desktop.gui.terms import comma
from desktop.services.dwell import Board, BoardRow

ROW_HEIGHT = 84
# What needs attention first: complete but waiting far too long (the red alarm), due within
# minutes, then running (a newly started timer among them), then complete and waiting for transfer
GROUP_ORDER = {maths.OVERDUE: 0, maths.DUE_SOON: 1, maths.RUNNING: 2, maths.COMPLETE: 3}


@dataclass(frozen=True)
class Palette:
    background: str
    accent: str


PALETTE = {
    maths.RUNNING: Palette("#e3edf9", "#1f5fa8"),
    maths.DUE_SOON: Palette("#ffe9a8", "#8a5200"),
    maths.COMPLETE: Palette("#c9f0d2", "#11692f"),
    maths.OVERDUE: Palette("#ffc9c9", "#a0001c"),
}


@dataclass(frozen=True)
class Head:
    """A row's top line as drawn: the goods' name (elided only if even 14 pt is too wide) and state."""

    label: str
    label_font: QFont
    label_width: int
    state: str
    state_width: int


class _Canvas(QWidget):
    """Paints the rows that are visible; clicking a row selects it."""

    clicked = Signal(int)  # timer id

    def __init__(self, board: TimerBoard) -> None:
        super().__init__(board)
        self.board = board
        self.time_font = QFont(self.font())
        self.time_font.setPointSize(30)
        self.time_font.setBold(True)
        self.label_font = QFont(self.font())
        self.label_font.setPointSize(19)
        self.label_font.setBold(True)
        self.small_font = QFont(self.font())
        self.small_font.setPointSize(12)
        self.state_font = QFont(self.font())
        self.state_font.setPointSize(15)
        self.state_font.setBold(True)
        self._label_fonts: dict[int, QFont] = {}
        for size in range(19, 13, -1):
            self._label_fonts[size] = QFont(self.label_font)
            self._label_fonts[size].setPointSize(size)

    def paintEvent(self, event: QPaintEvent) -> None:
        rows = self.board.rows
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#ffffff"))
        if not rows:
            painter.setFont(self.label_font)
            painter.setPen(QColor("#5a6b7c"))
            empty = QCoreApplication.translate("TimerCanvas", "没有正在静置的物资")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, empty)
            return
        mono = self.board.current_mono()
        first = max(0, event.rect().top() // ROW_HEIGHT)
        last = min(len(rows), event.rect().bottom() // ROW_HEIGHT + 1)
        for index in range(first, last):
            self._paint_row(painter, index, rows[index], mono)

    def _paint_row(self, p: QPainter, index: int, row: BoardRow, mono: float | None) -> None:
        box = QRect(4, index * ROW_HEIGHT + 3, self.width() - 8, ROW_HEIGHT - 6)
        state = self.board.state_of(row, mono)
        colours = PALETTE[state]
        p.fillRect(box, QColor(colours.background))
        selected = row.timer_id == self.board.selected_id
        p.setPen(QPen(QColor("#f0a000" if selected else colours.accent), 5 if selected else 2))
        p.drawRect(box.adjusted(1, 1, -1, -1))
        left = 0.0 if mono is None else row.deadline_mono - mono
        p.setPen(QColor(colours.accent))
        p.setFont(self.time_font)
        time_box = QRect(box.left() + 10, box.top(), 150, box.height())
        text = "—" if mono is None else maths.format_remaining(left)
        p.drawText(time_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.setPen(QColor("#10263b"))
        text_left = time_box.right() + 8
        head = self.head(row, state, left, box.right() - 8 - text_left - 12)
        p.setFont(head.label_font)
        label_box = QRect(text_left, box.top() + 6, head.label_width, box.height() // 2)
        p.drawText(label_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head.label)
        state_text, state_width = head.state, head.state_width
        ready = self.board.ready_text(row, left, mono)
        p.setFont(self.small_font)
        ready_width = p.fontMetrics().horizontalAdvance(ready) + 8
        lower = box.top() + box.height() // 2
        detail_box = QRect(text_left, lower, box.right() - 8 - ready_width - text_left, box.height() // 2 - 6)
        detail = (QCoreApplication.translate("TimerCanvas", "督查提前 · ") if row.early else "") + row.detail
        p.drawText(detail_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   p.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, detail_box.width()))
        p.setPen(QColor(colours.accent))
        p.setFont(self.state_font)
        state_box = QRect(box.right() - state_width - 8, box.top() + 4, state_width, box.height() // 2)
        p.drawText(state_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, state_text)
        p.setFont(self.small_font)
        when_box = QRect(box.right() - 8 - ready_width, lower, ready_width, box.height() // 2 - 6)
        p.drawText(when_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, ready)

    def head(self, row: BoardRow, state: str, left: float, area: int) -> Head:
        """A row's top line in `area` pixels: the goods' name and its state, as drawn.

        The name is what the team reads: when it does not fit at full size beside the state, the
        state yields to its short form ("+35 min", or nothing but the row's colour) and the name
        takes a smaller size, down to 14 pt, before anything of it is cut. English states are long:
        "35 min overdue" once cut "group buying bags" to "group b…".
        """
        state_metrics = QFontMetrics(self.state_font)

        def width(text: str) -> int:
            return state_metrics.horizontalAdvance(text) + 8 if text else 0

        long_text, short_text = self.board.state_text(state, left), self.board.state_short(state, left)
        label_font = self._label_font(row.label, area - width(long_text), shrink=False)
        state_text = long_text
        if label_font is None:  # not beside the long form at full size: the short form, a smaller name
            state_text = short_text if width(short_text) <= area // 2 else ""
            label_font = self._label_font(row.label, area - width(state_text)) or self._label_fonts[14]
        state_width = width(state_text)
        label_width = area - state_width
        return Head(QFontMetrics(label_font).elidedText(row.label, Qt.TextElideMode.ElideRight, label_width),
                    label_font, label_width, state_text, state_width)

    def _label_font(self, label: str, room: int, *, shrink: bool = True) -> QFont | None:
        """The label's font: 19 pt, else (with `shrink`) the largest size down to 14 pt in which
        `label` fits `room`; None when none does."""
        for size in range(19, 13, -1) if shrink else (19,):
            font = self._label_fonts[size]
            if QFontMetrics(font).horizontalAdvance(label) + 4 <= room:
                return font
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = int(event.position().y()) // ROW_HEIGHT
        if 0 <= index < len(self.board.rows):
            self.clicked.emit(self.board.rows[index].timer_id)


class TimerBoard(QWidget):
    """The board. Signals: refresh_requested() when it wants a fresh snapshot (every few ticks, or
    at once after a reboot); acknowledge_requested(list) when the team confirms the completion
    notice; selection_changed(int) with the selected timer id (0: none)."""

    refresh_requested = Signal()
    acknowledge_requested = Signal(list)
    selection_changed = Signal(int)

    def __init__(self, clock: Clock, *, sound: Callable[[], object] | None = None, tick_ms: int = 1000,
                 refresh_every: int = 10, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerBoard")
        self.clock = clock
        self.sound = sound
        self.rows: list[BoardRow] = []
        self.boot_id = ""
        self.overdue_s = maths.DEFAULT_OVERDUE_MINUTES * 60.0
        self.selected_id = 0
        self.alarm_ids: set[int] = set()
        self._acknowledged: set[int] = set()
        self._waiting_refresh = False
        self._ticks = 0
        self.refresh_every = refresh_every
        self.heading = QLabel(self.tr("静置计时"), self)
        self.heading.setObjectName("heading")
        self.counts = QLabel("", self)
        self.notice = QFrame(self)
        self.notice.setObjectName("dwellAlarm")
        self.notice.setStyleSheet("QFrame#dwellAlarm { background: #11692f; border: 4px solid #f0a000; }"
                                  "QFrame#dwellAlarm QLabel { color: white; font-size: 18pt; font-weight: bold; }")
        self.notice_label = QLabel("", self.notice)
        self.notice_label.setWordWrap(True)
        self.ack_button = QPushButton(self.tr("知道了"), self.notice)
        self.ack_button.setObjectName("ackButton")
        self.ack_button.setMinimumHeight(56)
        self.ack_button.clicked.connect(self._acknowledge)
        notice_row = QHBoxLayout(self.notice)
        notice_row.addWidget(self.notice_label, 1)
        notice_row.addWidget(self.ack_button)
        self.notice.hide()
        self.canvas = _Canvas(self)
        self.canvas.clicked.connect(self.select)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.scroll, 1)
        self.timer = QTimer(self)  # the one tick for the whole board
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)

    # --- data ---------------------------------------------------------------------------------

    def set_board(self, board: Board) -> None:
        """A fresh snapshot from `desktop.services.dwell.board`."""
        before = {r.timer_id for r in self.rows}
        self.rows, self.boot_id, self.overdue_s = list(board.rows), board.boot_id, board.overdue_s
        self._regroup()
        new = [i for i, r in enumerate(self.rows) if r.timer_id not in before]
        self._waiting_refresh = False
        ids = {r.timer_id for r in self.rows}
        self._acknowledged &= ids
        self._acknowledged |= {r.timer_id for r in self.rows if r.acknowledged}
        if self.selected_id not in ids:
            self.select(0)
        self.canvas.setMinimumHeight(max(1, len(self.rows)) * ROW_HEIGHT)
        self.tick(count=False)
        if new and before:  # a timer just started: in sight, never below the fold
            self.scroll.ensureVisible(0, new[0] * ROW_HEIGHT + ROW_HEIGHT // 2, 0, ROW_HEIGHT)

    def _regroup(self) -> None:
        """Order the rows by what needs attention (GROUP_ORDER), soonest first within a group, and
        note when the next row changes group (the order is redone only then, not at every tick)."""
        mono = self.current_mono()
        self._regroup_at: float | None = None
        if mono is None:
            return
        self.rows.sort(key=lambda r: (GROUP_ORDER[self.state_of(r, mono)],
                                      -r.deadline_mono if self.state_of(r, mono) == maths.OVERDUE else r.deadline_mono))
        edges = [e for r in self.rows for e in (r.deadline_mono - maths.DUE_SOON_S, r.deadline_mono,
                                                r.deadline_mono + self.overdue_s) if e > mono]
        self._regroup_at = min(edges) if edges else None

    def acknowledged(self, ids: list[int]) -> None:
        """The service recorded the acknowledgement: stop alarming for these."""
        self._acknowledged |= set(ids)
        self.tick(count=False)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    # --- derived at each tick / paint ------------------------------------------------------------

    def current_mono(self) -> float | None:
        reading = self.clock.read()
        return reading.mono if reading.boot_id == self.boot_id else None

    def state_of(self, row: BoardRow, mono: float | None) -> str:
        if mono is None:
            return maths.RUNNING
        return maths.board_state(row.deadline_mono, mono, overdue_s=self.overdue_s)

    def state_text(self, state: str, left: float) -> str:
        if state == maths.RUNNING:
            return self.tr("静置中")
        if state == maths.DUE_SOON:
            return self.tr("即将完成")
        if state == maths.COMPLETE:
            return self.tr("已完成·待转运")
        return self.tr("超时未转运 {m}分").replace("{m}", str(int(-left // 60)))

    def state_short(self, state: str, left: float) -> str:
        """The state where a long goods name needs the room: minutes overdue, else nothing (the
        row's colour and its time already say running, almost done or complete)."""
        if state == maths.OVERDUE:
            return self.tr("+{m}分").replace("{m}", str(int(-left // 60)))
        return ""

    def ready_text(self, row: BoardRow, left: float, mono: float | None) -> str:
        if mono is None:
            return ""
        at = hhmm(maths.ready_at(row.deadline_mono, self.clock.read()))
        return (self.tr("完成于 {t}") if left <= 0 else self.tr("预计 {t}")).replace("{t}", at)

    def states(self) -> list[tuple[int, str, str]]:
        """(timer id, state, time left as shown) for every row, top to bottom."""
        mono = self.current_mono()
        return [(r.timer_id, self.state_of(r, mono),
                 "—" if mono is None else maths.format_remaining(r.deadline_mono - mono)) for r in self.rows]

    def tick(self, count: bool = True) -> None:
        """The one periodic update: check for a new boot and new completions, then repaint."""
        reading = self.clock.read()
        if count:
            self._ticks += 1
        if self.boot_id and reading.boot_id != self.boot_id and not self._waiting_refresh:
            self._waiting_refresh = True
            self.refresh_requested.emit()
        elif count and self._ticks % self.refresh_every == 0:
            self.refresh_requested.emit()
        if reading.boot_id == self.boot_id:
            if getattr(self, "_regroup_at", None) is not None and reading.mono >= self._regroup_at:  # type: ignore[operator]
                self._regroup()
            self._update_alarm(reading.mono)
        self._update_counts(reading.mono if reading.boot_id == self.boot_id else None)
        self.canvas.update()

    def _update_alarm(self, mono: float) -> None:
        due = {r.timer_id for r in self.rows
               if r.deadline_mono <= mono and not r.acknowledged and r.timer_id not in self._acknowledged}
        new = due - self.alarm_ids
        self.alarm_ids = due
        if new and self.sound is not None:
            with contextlib.suppress(Exception):  # a broken sound device must not take the visual alarm with it
                self.sound()
        if due:
            labels = [r.label for r in self.rows if r.timer_id in due]
            shown = comma().join(labels[:4]) + (self.tr(" 等{n}项").replace("{n}", str(len(labels))) if len(labels) > 4 else "")
            self.notice_label.setText(self.tr("静置完成，可以转运：{x}").replace("{x}", shown))
        self.notice.setVisible(bool(due))

    def _update_counts(self, mono: float | None) -> None:
        if mono is None:
            self.counts.setText(self.tr("共 {n} 项").replace("{n}", str(len(self.rows))))
            return
        running = sum(1 for r in self.rows if r.deadline_mono > mono)
        self.counts.setText(self.tr("静置中 {a} · 已完成 {b}").replace("{a}", str(running))
                            .replace("{b}", str(len(self.rows) - running)))

    def _acknowledge(self) -> None:
        if self.alarm_ids:
            self.acknowledge_requested.emit(sorted(self.alarm_ids))

    def select(self, timer_id: int) -> None:
        self.selected_id = 0 if timer_id == self.selected_id else timer_id
        self.selection_changed.emit(self.selected_id)
        self.canvas.update()

    def selected_row(self) -> BoardRow | None:
        return next((r for r in self.rows if r.timer_id == self.selected_id), None)
