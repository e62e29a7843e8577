"""The main window: one page per station, a status bar that says where you are — and warns when
this station's clock is off the database server's (such a station cannot release goods).

Signals: language_requested(str) when the person picks another language (the app rebuilds the
window in it); painted() after the window's first paint (what start-up waits for: a signal, not an
event filter, because QEvent's set-up alone costs a tenth of a bare window's start).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.gui import crash, prefs, stations
from desktop.i18n import language
from desktop.paths import data_dir, resource

# The services (and with them the data stack) load after the shell has painted: a window that
# does not wait for them paints at the speed of a bare one (desktop.gui.startup).
# The dialogs' and menus' Qt classes are imported where they are used: each costs its enums'
# set-up on first import, which the first paint need not wait for.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QDialog

    from desktop.gui.context import AppContext
    from desktop.gui.stations.base import StationPage
    from desktop.services import dwell

CLOCK_CHECK_MS = 30_000  # how often the station notes its clock and compares it with the server's


class Pages(Sequence["StationPage"]):
    """The station pages in navigation order. A page not built yet is built the first time it is
    asked for (shown, given a scan); `built()` lists only those already built."""

    def __init__(self, count: int, build: Callable[[int], StationPage]) -> None:
        self._pages: list[StationPage | None] = [None] * count
        self._build = build

    def __len__(self) -> int:
        return len(self._pages)

    @overload
    def __getitem__(self, index: int) -> StationPage: ...

    @overload
    def __getitem__(self, index: slice) -> list[StationPage]: ...

    def __getitem__(self, index: int | slice) -> StationPage | list[StationPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        page = self._pages[index]
        if page is None:
            page = self._pages[index] = self._build(index)
        return page

    def is_built(self, index: int) -> bool:
        return self._pages[index] is not None

    def built(self) -> list[StationPage]:
        return [p for p in self._pages if p is not None]


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    painted = Signal()

    def __init__(self, ctx: AppContext | None = None, parent: QWidget | None = None, *,
                 shell: bool = False) -> None:
        """The whole window; with shell=True (and no ctx) only what its first paint shows — the
        navigation's titles, the 正在打开数据库… placeholder and the status bar — and
        `finish_shell` adds the icons and menus after that paint."""
        super().__init__(parent)
        self._finished = self._painted = False
        self.ctx: AppContext | None = None
        self.setWindowTitle(self.tr("Gatehouse 卡口物资交接"))
        self.resize(1366, 768)
        self.setMinimumSize(QSize(1024, 640))
        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(40, 40))
        self.nav.setFixedWidth(232)  # wide enough for the English titles
        for number, title in enumerate(stations.titles(), start=1):
            item = QListWidgetItem(title)
            item.setToolTip(f"Ctrl+{number}")
            self.nav.addItem(item)
        self.nav.setEnabled(False)
        self.stack = QStackedWidget(self)
        self.loading = QLabel(self.tr("正在打开数据库…"), self)
        self.loading.setObjectName("placeholder")  # centred by the stylesheet: no Qt namespace before the paint
        self.stack.addWidget(self.loading)
        self.pages: Sequence[StationPage] = []  # a Pages once attached
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._needs_data: list[QAction] = []
        if ctx is not None or not shell:
            self.finish_shell()
        if ctx is not None:
            self.attach(ctx)

    def finish_shell(self) -> None:
        """The navigation's tinted icons and the menus (once; attach calls it too)."""
        if self._finished:
            return
        self._finished = True
        from desktop.gui.icons import tinted_icon

        for number, key in enumerate(stations.keys()):
            icon = resource("icons", f"{key}.svg")
            if icon.exists():
                self.nav.item(number).setIcon(tinted_icon(icon))
        self._build_menus()
        for action in self._needs_data:
            action.setEnabled(self.ctx is not None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.painted.emit()

    def set_loading_text(self, text: str) -> None:
        self.loading.setText(text)

    def attach(self, ctx: AppContext, *, rest_later: bool = False) -> None:
        """The database is open and someone has signed in: build the station pages. With
        rest_later=True only the page that shows is built now (the first usable page comes sooner:
        the other pages' modules pull in much of the program); the others follow one per turn of
        the event loop, or at once when one is asked for first."""
        self.finish_shell()
        from PySide6.QtGui import QKeySequence, QShortcut

        self.ctx = ctx
        self.setWindowTitle(self.tr("Gatehouse 卡口物资交接 — {site}").replace("{site}", ctx.site.name))
        count = len(stations.keys())
        for number in range(1, count + 1):
            self.stack.addWidget(QWidget(self.stack))  # where the page goes once built
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number - 1: self.show_page(n))
        self.pages = Pages(count, self._build_page)
        if not rest_later:
            for index in range(count):
                self.pages[index]
        self.stack.removeWidget(self.loading)
        self.loading.deleteLater()
        self.nav.setEnabled(True)
        self.nav.currentRowChanged.connect(self._on_nav)
        for action in self._needs_data:
            action.setEnabled(True)
        ctx.user.changed.connect(self._update_status)
        ctx.user.changed.connect(self._apply_role)
        ctx.settings.changed.connect(self._settings_changed)
        ctx.ops.failed.connect(self._show_failure)
        # A bound method, not a lambda: it is disconnected when this window goes (a language switch
        # builds a new window on the same ops; the lambda kept calling the deleted label).
        ctx.ops.busy_changed.connect(self._show_busy)
        self._clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self._clock_timer.start()
        self._clock_check_timer = QTimer(self, interval=CLOCK_CHECK_MS, timeout=self._check_clock)
        self._clock_check_timer.start()
        self._tick()
        self._check_clock()
        self._update_status()
        self._apply_role()
        self.show_page(self.page_index(ctx.actor.station))
        from desktop.gui import idle_lock
        from desktop.gui.auto_backup import AutoBackup

        self.lock_dialog: QDialog | None = None
        self.idle_lock = idle_lock.install(self)  # back to the sign-in after the site's idle time
        from desktop.gui import staff_warning

        self.staff_warning = staff_warning.install(self)  # a stale test on the staff roster, warned at sign-in

        self.auto_backup = AutoBackup(ctx, self)  # at start, every N minutes, at shift change and close
        self.auto_backup.start()
        if rest_later:
            QTimer.singleShot(0, self._build_rest)

    def _build_page(self, index: int) -> StationPage:
        assert self.ctx is not None
        page = stations.page_class(index)(self.ctx, self.stack)
        spot = self.stack.widget(index)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(spot)
        spot.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        self.nav.item(index).setText(page.title())
        return page

    def _build_rest(self) -> None:
        """Build the next page not built yet, then come back (the window answers in between)."""
        pages = self.pages
        if not isinstance(pages, Pages):
            return
        todo = next((i for i in range(len(pages)) if not pages.is_built(i)), None)
        if todo is not None:
            pages[todo]
            QTimer.singleShot(0, self._build_rest)

    # --- pages -----------------------------------------------------------------------------

    def page_index(self, key: str) -> int:
        keys = stations.keys()  # each page's key, without building the page
        aliases = {"supervisor": "supervision", "transit": "gate"}
        key = aliases.get(key, key)
        return keys.index(key) if key in keys else 0

    def show_page(self, index: int) -> None:
        """Go to a page the signed-in operator may use; others stay hidden and Ctrl+N does nothing."""
        if not self.may_open(index):
            return
        self.nav.setCurrentRow(index)

    def may_open(self, index: int) -> bool:
        from desktop.domain.permissions import may_open

        if self.ctx is None or not 0 <= index < len(self.pages):
            return False
        return may_open(self.ctx.user.role, stations.keys()[index])

    def _apply_role(self) -> None:
        """Hide what the signed-in operator may not use. Only a help: the services are the guard."""
        for i in range(len(self.pages)):
            self.nav.item(i).setHidden(not self.may_open(i))
        if self.pages and not self.may_open(self.stack.currentIndex()):
            first = next((i for i in range(len(self.pages)) if self.may_open(i)), None)
            if first is not None:
                self.nav.setCurrentRow(first)

    def current_page(self) -> StationPage:
        return self.pages[self.stack.currentIndex()]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[row]  # built now if it was not yet
        self.stack.setCurrentIndex(row)
        page.activated()

    def deliver_scan(self, code: str) -> None:
        """A scan caught anywhere in the window: the current page first, else the handoff page."""
        if self.current_page().scanned(code):
            return
        handoff = self.page_index("handoff")
        if self.pages[handoff].key != "handoff":
            return
        if not self.may_open(handoff):  # said plainly, not released (or refused) on a page nobody sees
            from PySide6.QtWidgets import QMessageBox

            self.scan_refusal = QMessageBox(QMessageBox.Icon.Warning, self.tr("未处理的扫码"), self.tr(
                "{code} 是交接单或团购标签，应在接驳岗扫码放行；当前操作员无权放行。").replace("{code}", code.strip()),
                QMessageBox.StandardButton.Ok, self)
            self.scan_refusal.open()
            return
        self.show_page(handoff)
        self.pages[handoff].scanned(code)

    # --- status bar --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.site_label = QLabel(self)
        self.station_label = QLabel(self)
        self.operator_label = QLabel(self)
        self.db_label = QLabel(self)
        self.busy_label = QLabel(self)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clock")
        self.clock_warning = QLabel(self)
        self.clock_warning.setObjectName("clock_warning")
        self.clock_warning.setWordWrap(False)
        self.clock_warning.hide()
        for label in (self.site_label, self.station_label, self.operator_label, self.db_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.clock_warning)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.clock_label)

    def _update_status(self) -> None:
        if self.ctx is None:
            return
        from desktop.domain.enums import display

        self.site_label.setText(self.tr("站点：{0}（{1}）").replace("{0}", self.ctx.site.name)
                                .replace("{1}", self.ctx.site.code))
        self.station_label.setText(self.tr("岗位：{0}").replace("{0}", display(self.ctx.actor.station, language())))
        self.operator_label.setText(self.tr("操作员：{0}").replace("{0}", self.ctx.user.display_name))
        where = self.ctx.db.path or self.ctx.db.url
        self.db_label.setText(self.tr("数据：{0}").replace("{0}", Path(str(where)).name))
        self.db_label.setToolTip(str(where))

    def _settings_changed(self, what: str) -> None:
        """The settings screen saved: show the site as it is now named; pages re-read their own."""
        for page in self.pages.built() if isinstance(self.pages, Pages) else self.pages:
            page.settings_changed(what)  # a page built later reads the settings as they are then
        if "site" in what.split(",") and self.ctx is not None:
            self.setWindowTitle(self.tr("Gatehouse 卡口物资交接 — {site}").replace("{site}", self.ctx.site.name))
            self._update_status()

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("正在保存…") if busy else "")

    def _tick(self) -> None:
        if self.ctx is None:
            return
        from desktop.domain.localtime import stamp

        self.clock_label.setText(stamp(self.ctx.clock.now()))

    def _check_clock(self) -> None:
        """Note this station's clock (it lets other stations' timers be proved) and compare it
        with the database server's; a failure only leaves the last warning standing."""
        if self.ctx is None:
            return
        from desktop.services import dwell

        actor, clock = self.ctx.actor, self.ctx.clock
        self.ctx.ops.run(lambda s: dwell.clock_check(s, actor=actor, clock=clock),
                         on_done=self.show_clock_check, on_error=lambda _exc: None)

    def show_clock_check(self, check: dwell.ClockCheck) -> None:
        self.clock_warning.setText(check.message)
        self.clock_warning.setToolTip(check.message)
        self.clock_warning.setVisible(bool(check.message))

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QActionGroup, QKeySequence

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        switch = QAction(self.tr("换班 / 切换操作员…"), self, shortcut=QKeySequence("Ctrl+L"), triggered=self.switch_operator)
        backup_action = QAction(self.tr("备份数据库…"), self, shortcut=QKeySequence("Ctrl+B"), triggered=self.backup)
        quit_action = QAction(self.tr("退出"), self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        handover = QAction(self.tr("交接班单…"), self, triggered=self.handover_sheet)
        file_menu.addActions([switch, backup_action, handover])
        self._needs_data = [switch, backup_action, handover]
        for action in self._needs_data:
            action.setEnabled(False)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("视图(&V)"))
        full = QAction(self.tr("全屏"), self, shortcut=QKeySequence("F11"), checkable=True,
                       toggled=lambda on: self.showFullScreen() if on else self.showNormal())
        view.addAction(full)
        lang_menu = view.addMenu(self.tr("语言 / Language"))
        group = QActionGroup(self)
        for code, name in (("zh", "简体中文"), ("en", "English")):
            action = QAction(name, self, checkable=True, checked=language() == code)
            action.triggered.connect(lambda _on=False, c=code: self.language_requested.emit(c))
            group.addAction(action)
            lang_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(QAction(self.tr("关于"), self, triggered=self.about))
        help_menu.addAction(QAction(self.tr("查看错误记录"), self, triggered=self.show_crash_logs))

    def switch_operator(self) -> None:
        from PySide6.QtWidgets import QDialog

        from desktop.gui.signin import SignInDialog

        dialog = SignInDialog(self.ctx.ops, last={"operator": self.ctx.actor.operator, "station": self.ctx.actor.station},
                              parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_actor:
            self.ctx.user.sign_in(dialog.result_actor, dialog.result_name, dialog.result_role)
            prefs.save(operator=dialog.result_actor.operator, station=dialog.result_actor.station)
            self.show_page(self.page_index(dialog.result_actor.station))
            self.auto_backup.backup_now("shift_end")  # a shift's end: a backup, and the chain's anchor with it

    def backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

        from desktop.domain.localtime import local

        source = self.ctx.db.path
        if source is None:
            QMessageBox.information(self, self.tr("备份"), self.tr("共享服务器数据库请由服务器管理员备份。"))
            return
        stamp = local(self.ctx.clock.now()).strftime("%Y%m%d-%H%M")
        suggested = str(data_dir() / f"gatehouse-backup-{stamp}.sqlite3")
        target, _ = QFileDialog.getSaveFileName(self, self.tr("备份到"), suggested, "SQLite (*.sqlite3 *.db)")
        if not target:
            return
        progress = QProgressDialog(self.tr("正在备份…"), "", 0, 100, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(500)

        def done(path: Path) -> None:
            progress.close()
            QMessageBox.information(self, self.tr("备份完成"), self.tr("已备份到：\n{0}").replace("{0}", str(path)))

        def failed(exc: BaseException) -> None:
            progress.close()
            from desktop.gui.ops import describe_error

            QMessageBox.critical(self, self.tr("备份失败"), describe_error(exc))

        from desktop.services import backup

        self.ctx.ops.submit(lambda: backup.backup_sqlite(source, Path(target)), on_done=done, on_error=failed)

    def handover_sheet(self) -> None:
        from desktop.gui.handover_action import save_handover_sheet

        save_handover_sheet(self, self.ctx)

    def about(self) -> None:
        if self.ctx is None:
            return
        from PySide6.QtWidgets import QDialog

        from desktop.gui.forms.ui_about import Ui_AboutDialog

        dialog = QDialog(self)
        ui = Ui_AboutDialog()
        ui.setupUi(dialog)
        ui.details.setText(self.tr("版本 {v}\n数据：{db}\n数据文件夹：{dir}\n\n离线运行的卡口、消杀与接驳登记系统。")
                           .replace("{v}", __version__).replace("{db}", str(self.ctx.db.path or self.ctx.db.url))
                           .replace("{dir}", str(data_dir())))
        dialog.exec()

    def show_crash_logs(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        logs = sorted(crash.crash_dir().glob("crash-*.log"))[-5:]
        text = "\n\n".join(p.read_text(encoding="utf-8", errors="replace")[-3000:] for p in logs)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("错误记录"),
                          self.tr("错误记录文件夹：{0}").replace("{0}", str(crash.crash_dir())), parent=self)
        if text:
            box.setDetailedText(text)
        box.exec()

    def _show_failure(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("未保存"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "auto_backup", None) is not None:  # the last sign-out: a backup when anything was written
            self.auto_backup.at_close()
        if self.ctx is not None and self.ctx.ops.busy:
            self.ctx.ops.wait_idle(15_000)  # let a write that is under way finish, never cut it
        super().closeEvent(event)
