"""日报: the daily report of a chosen day on screen, and "导出PDF…" writing the same report to A4 PDF
in a worker thread.

"导出日数据包…" writes the day's signed package for the command centre into a chosen folder (a USB
stick) and reads it back (desktop.services.daypackage).

Signals: report_shown(object) — a DailyReportView is on screen; exported(str) — a PDF or a package
was written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.localtime import site_tz
from desktop.gui.context import AppContext
from desktop.gui.ops import describe_error
from desktop.gui.stations.supervision.timeline_tab import COLOURS, local, to_date
from desktop.services import daypackage, reports

BIG = 52


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


class ReportTab(QWidget):
    report_shown = Signal(object)
    exported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: reports.DailyReportView | None = None
        today = ctx.clock.now().astimezone(site_tz()).date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setObjectName("report_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出PDF…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setMinimumHeight(BIG)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_pdf())
        self.package_button = QPushButton(self.tr("导出日数据包…"), self)
        self.package_button.setObjectName("package_button")
        self.package_button.setMinimumHeight(BIG)
        self.package_button.setToolTip(self.tr("给指挥部的签名数据包：写入所选文件夹（如U盘）并读回核对"))
        self.package_button.clicked.connect(lambda: self.export_package())
        self.status = QLabel("", self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("summary")
        self.summary.setOpenLinks(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("日期"), self))
        top.addWidget(self.day)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.package_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)

    def refresh(self) -> None:
        day, now = to_date(self.day.date()), self.ctx.clock.now()
        self.ctx.ops.read(lambda s: reports.daily(s, day=day, tz=site_tz(), now=now), on_done=self.show_report,
                          on_error=self._failed)

    def show_report(self, view: reports.DailyReportView) -> None:
        if view.day != to_date(self.day.date()):
            return  # an answer for a day no longer chosen
        self.view = view
        self.summary.setHtml(self._html(view))
        self.export_button.setEnabled(True)
        self.report_shown.emit(view)

    def _html(self, view: reports.DailyReportView) -> str:
        # the headings outside the f-strings, so that lupdate collects them into the .ts
        title, none = escape(self.tr("生活必需品日报")), escape(self.tr("本日无异常。"))
        unusual = escape(self.tr("异常情况（{n}）").replace("{n}", str(len(view.anomalies))))
        arrived, handled = escape(self.tr("生活必需品到货")), escape(self.tr("消杀、静置与交接"))
        between = self.tr("；")
        cell = 'style="padding:4px 10px; border-bottom:1px solid #ccc;"'
        outcomes = "".join(f"<td {cell}>{escape(c.label)}<br/><b style='font-size:20pt'>{c.value}</b></td>"
                           for c in view.outcomes)
        goods = "".join(
            f"<tr><td {cell}><b>{escape(n.name)}</b></td>"
            f"<td {cell}>{escape(between.join(q.text() for q in n.quantities) or '0')}</td>"
            f"<td {cell}>{escape(n.items or '—')}</td></tr>" for n in view.necessities)
        counts = "".join(f"<tr><td {cell}>{escape(c.label)}</td><td {cell}><b>{c.value}</b></td></tr>"
                         for c in view.counts)
        anomalies = "".join(
            f"<tr style='color:{COLOURS[a.severity][1]}; background:{COLOURS[a.severity][0]}'>"
            f"<td {cell}>{local(a.at)}</td><td {cell}><b>{escape(a.title)}</b></td><td {cell}>{escape(a.detail)}</td>"
            "</tr>" for a in view.anomalies) or f"<tr><td {cell}>{none}</td></tr>"
        return (f"<h2>{title} {view.day.isoformat()}</h2>"
                f"<table cellspacing='0'><tr>{outcomes}</tr></table>"
                f"<h3>{unusual}</h3>"
                f"<table cellspacing='0' width='100%'>{anomalies}</table>"
                f"<h3>{arrived}</h3><table cellspacing='0' width='100%'>{goods}</table>"
                f"<h3>{handled}</h3><table cellspacing='0'>{counts}</table>")

    def export_pdf(self, path: str | None = None) -> None:
        """Write the report on screen to a PDF (asks where when no path is given)."""
        if self.view is None:
            return
        if path is None:
            suggested = str(Path.home() / f"日报-{self.view.day.isoformat()}.pdf")
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("导出日报PDF"), suggested, "PDF (*.pdf)")
            if not path:
                return
        view, target = self.view, Path(path)
        self.export_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在生成PDF…"))
        self.ctx.ops.submit(lambda: _write(target, reports.render(view)), on_done=self._exported,
                            on_error=self._failed)

    def export_package(self, folder: str | None = None) -> None:
        """Write the chosen day's package into `folder` (asks which when none is given)."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("选择U盘或共享文件夹"), str(Path.home()))
            if not folder:
                return
        day, now, actor, target = to_date(self.day.date()), self.ctx.clock.now(), self.ctx.actor, Path(folder)
        self.package_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在生成日数据包…"))

        def work(s: object) -> tuple[str, str]:
            package = daypackage.export_day(s, actor=actor, now=now, day=day, tz=site_tz())  # type: ignore[arg-type]
            return str(daypackage.write_verified(target, package)), package.fingerprint

        self.ctx.ops.run(work, on_done=self._packaged, on_error=self._failed)

    def _packaged(self, result: tuple[str, str]) -> None:
        path, fingerprint = result
        self.package_button.setEnabled(True)
        self.status.setStyleSheet("color: #0b4f1f; font-weight: bold;")
        self.status.setText(self.tr("已写入并读回核对：{p}（本站密钥指纹 {f}）").replace("{p}", path)
                            .replace("{f}", fingerprint))
        self.exported.emit(path)

    def _exported(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.status.setStyleSheet("color: #0b4f1f; font-weight: bold;")
        self.status.setText(self.tr("已导出：{p}").replace("{p}", path))
        self.exported.emit(path)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(self.view is not None)
        self.package_button.setEnabled(True)
        self.status.setStyleSheet("color: #9b0016; font-weight: bold;")
        self.status.setText(describe_error(exc))
