"""Review (审核组): a day's approvals — import the suppliers' list, add/edit by hand, approve or
reject, and look at each person's materials (photo, pledge)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.domain.dates import site_zone
from desktop.domain.identity import display_plate, mask_id
from desktop.domain.masking import mask_phone
from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.ops import describe_error
from desktop.gui.rows_model import Index, RowsModel
from desktop.gui.stations.base import StationPage
from desktop.gui.stations.gate import photo
from desktop.gui.stations.review.dialogs import ApprovalDialog, ImportReportDialog, PhotoDialog, qdate
from desktop.gui.stations.review.mapping import ColumnMappingDialog
from desktop.services import approval_columns, approval_template, approvals, setup
from desktop.services.approval_columns import ColumnPreview
from desktop.services.approval_template import COLUMNS
from desktop.services.approvals import ApprovalInfo, ImportReport

STATUS_COLOURS = {"approved": "#d7f0dc", "rejected": "#f8d4d4", "pending": "#fff1c2", "cancelled": "#e0e0e0"}


class ApprovalModel(RowsModel):
    """A thin adapter over the service's list of ApprovalInfo."""

    rows: list[ApprovalInfo]

    def __init__(self, headers: list[str], status_words: dict[str, str], mode_words: dict[str, str]) -> None:
        super().__init__(headers)
        self.status_words, self.mode_words = status_words, mode_words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS.get(a.status, "#ffffff"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return a.review_reason or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        people = "、".join(o.name for o in a.occupants)
        status = self.status_words.get(a.status, a.status) + (f"：{a.review_reason}" if a.review_reason else "")
        return (status, display_plate(a.plate), a.supplier_name, people, a.cargo_summary,
                self.mode_words.get(a.mode, a.mode), a.unloading_point, a.pass_number or "")[index.column()]

class ReviewPage(StationPage):
    key = "review"

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.points: list[setup.UnloadingPointInfo] = []
        self.model = ApprovalModel(
            [self.tr("状态"), self.tr("车牌"), self.tr("供货单位"), self.tr("司乘人员"), self.tr("物资"),
             self.tr("方式"), self.tr("卸货点"), self.tr("通行证")],
            {"pending": self.tr("待审核"), "approved": self.tr("已批准"), "rejected": self.tr("已驳回"),
             "cancelled": self.tr("已作废")},
            {"enter": self.tr("进入"), "handoff": self.tr("接驳")})
        top = QHBoxLayout()
        heading = QLabel(self.tr("到达日期"), self)
        heading.setObjectName("heading")
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.import_button = QPushButton(self.tr("导入名单…"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.template_button = QPushButton(self.tr("名单模板…"), self)
        self.template_button.clicked.connect(self.save_template)
        understood = "、".join(header for _f, header, _r, _w in COLUMNS)
        for b in (self.import_button, self.template_button):
            b.setToolTip(self.tr("能识别的列（写法不限，如“预计到达日期”“数量（公斤）”）：") + understood)
        self.add_button = QPushButton(self.tr("新增"), self)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.edit_button.clicked.connect(self.edit)
        self.approve_button = QPushButton(self.tr("批准"), self)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("驳回"), self)
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.approve_all_button = QPushButton(self.tr("批准全部待审"), self)
        self.approve_all_button.clicked.connect(self.approve_all)
        self.passes_button = QPushButton(self.tr("通行证登记…"), self)
        self.passes_button.clicked.connect(self.open_passes)
        for w in (heading, self.day, self.import_button, self.add_button, self.edit_button, self.approve_button,
                  self.reject_button, self.passes_button):
            top.addWidget(w)
        permits.follow(self.ctx, [(self.approve_button, Permission.APPROVALS_DECIDE),
                                  (self.reject_button, Permission.APPROVALS_DECIDE),
                                  (self.approve_all_button, Permission.APPROVALS_DECIDE)])
        top.addStretch(1)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 150)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 240)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_people())
        self.people = QListWidget(self)
        self.people.setMaximumHeight(150)
        materials = QHBoxLayout()
        self.photo_button = QPushButton(self.tr("上传证件照"), self)
        self.photo_button.clicked.connect(lambda: self.upload("photo"))
        self.pledge_button = QPushButton(self.tr("上传承诺书"), self)
        self.pledge_button.clicked.connect(lambda: self.upload("pledge"))
        self.view_button = QPushButton(self.tr("查看材料"), self)
        self.view_button.clicked.connect(self.view_material)
        for b in (self.photo_button, self.pledge_button, self.view_button):
            materials.addWidget(b)
        materials.addStretch(1)
        # the top row is full on a 1366-wide laptop (in English most of all): these two live here
        materials.addWidget(self.approve_all_button)
        materials.addWidget(self.template_button)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("司乘人员与材料"), self))
        layout.addWidget(self.people)
        layout.addLayout(materials)
        layout.addWidget(self.message)
        tomorrow = self.ctx.clock.now().astimezone(site_zone()).date() + timedelta(days=1)
        self.day.setDate(qdate(tomorrow))

    def title(self) -> str:
        return self.tr("审核")

    # --- data ------------------------------------------------------------------------------------

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        day = self.selected_day()
        self.ctx.ops.read(lambda s: (approvals.list_for_date(s, day), setup.list_unloading_points(s)),
                          on_done=self._show)

    def _show(self, result: tuple[list[ApprovalInfo], list[setup.UnloadingPointInfo]]) -> None:
        rows, self.points = result
        chosen = self.selected()
        self.model.set_rows(rows)
        ids = [a.id for a in rows]
        self.table.selectRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._show_people()

    def selected(self) -> ApprovalInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_people(self) -> None:
        self.people.clear()
        a = self.selected()
        for o in a.occupants if a else ():
            role = self.tr("驾驶员") if o.role == "driver" else self.tr("随车")
            sampled = o.test_sampled_at.astimezone(site_zone()).strftime("%m-%d %H:%M") if o.test_sampled_at else "—"
            marks = (self.tr("照片✔") if o.photo_id else self.tr("无照片")) + " " + \
                (self.tr("承诺书✔") if o.pledge_id else self.tr("无承诺书"))
            item = QListWidgetItem(f"{role} {o.name}  {mask_id(o.id_number)}  {mask_phone(o.phone)}  "
                                   + self.tr("采样 {t}").replace("{t}", sampled) + f"  {marks}")
            item.setData(Qt.ItemDataRole.UserRole, o)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1a7f37; font-weight: bold;" if ok else "color: #b71c1c; font-weight: bold;")

    def _fail(self, exc: BaseException) -> None:
        self._say(describe_error(exc), ok=False)

    def _after(self, text: str) -> Any:
        def done(_result: Any) -> None:
            self._say(text, ok=True)
            self.refresh()
        return done

    # --- import ----------------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择供货单位发来的名单"), str(Path.home()),
                                              self.tr("表格 (*.xlsx *.csv *.txt)"))
        if path:
            self.ctx.ops.read(lambda s: approval_columns.preview(s, path=Path(path)),
                              on_done=lambda p: self._map_columns(Path(path), p), on_error=self._fail)

    def _map_columns(self, path: Path, preview: ColumnPreview) -> None:
        """Straight to the import when every column is placed; else the person places them."""
        if not preview.needs_person:
            self.import_file(path)
            return
        self.mapping_dialog = ColumnMappingDialog(preview, self.selected_day(), self)
        self.mapping_dialog.accepted.connect(lambda: self._import_mapped(path, preview, self.mapping_dialog))
        self.mapping_dialog.open()

    def _import_mapped(self, path: Path, preview: ColumnPreview, dialog: ColumnMappingDialog) -> None:
        actor, now, key = self.ctx.actor, self.ctx.clock.now(), preview.key
        chosen, constants, day = dialog.chosen, dialog.constants, dialog.default_day

        progress = self._progress(path)

        def work(s: Any) -> ImportReport:
            report = approvals.import_file(s, actor=actor, now=now, path=path, chosen=chosen, constants=constants,
                                           default_day=day, progress=progress.report, cancelled=progress.cancelled)
            approval_columns.remember(s, actor=actor, now=now, key=key, chosen=chosen)  # a mapping that worked
            return report
        self.ctx.ops.run(work, on_done=self._imported, on_error=self._import_failed)

    def import_file(self, path: Path) -> None:
        """Import a sheet whose columns all place themselves (a date only from the sheet)."""
        actor, now = self.ctx.actor, self.ctx.clock.now()
        progress = self._progress(path)
        self.ctx.ops.run(lambda s: approvals.import_file(s, actor=actor, now=now, path=path, progress=progress.report,
                                                         cancelled=progress.cancelled),
                         on_done=self._imported, on_error=self._import_failed)

    def _progress(self, path: Path) -> Any:
        """The progress window of the import about to run (closed when it ends, done or not)."""
        from desktop.gui.stations.review.progress import ImportProgress

        self._say(self.tr("正在导入…"), ok=True)
        self.import_progress = ImportProgress(self, self.tr("正在导入 {f}…").replace("{f}", path.name))
        self.import_progress.dialog.canceled.connect(lambda: self._say(self.tr("正在取消导入…"), ok=False))
        return self.import_progress

    def _import_ended(self) -> None:
        progress, self.import_progress = getattr(self, "import_progress", None), None
        if progress is not None:
            progress.finish()

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存名单模板"), str(Path.home() / "审批名单模板.xlsx"),
                                              self.tr("Excel 表格 (*.xlsx)"))
        if not path:
            return
        now = self.ctx.clock.now()
        self.ctx.ops.read(lambda s: approval_template.write_template(s, now=now, path=Path(path)),
                          on_done=lambda p: self._say(self.tr("模板已保存：") + str(p), ok=True), on_error=self._fail)

    def _import_failed(self, exc: BaseException) -> None:
        self._import_ended()
        self._fail(exc)

    def _imported(self, report: ImportReport) -> None:
        self._import_ended()
        self._say(report.lines()[0], ok=report.ok)
        ids = list(report.approval_ids)
        # A sheet for another day than the one on screen: show that day, or the rows just imported
        # seem to have vanished.
        self.ctx.ops.read(lambda s: sorted({a.arrival_date for i in ids if (a := approvals.get(s, i))}),
                          on_done=self._show_imported_day)
        self.report_dialog = ImportReportDialog(report, self)
        self.report_dialog.open()

    def _show_imported_day(self, days: list[date]) -> None:
        if days and self.selected_day() not in days:
            self.day.setDate(qdate(days[0]))  # refreshes
        else:
            self.refresh()

    # --- add / edit / decide -------------------------------------------------------------------

    def add(self) -> None:
        dialog = ApprovalDialog(self.points, self.selected_day(), parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.draft is None:
            return
        actor, now, draft = self.ctx.actor, self.ctx.clock.now(), dialog.draft
        self.ctx.ops.run(lambda s: approvals.add(s, actor=actor, now=now, draft=draft),
                         on_done=self._after(self.tr("已新增，待审核。")), on_error=self._fail)

    def edit(self) -> None:
        a = self.selected()
        if a is None:
            return
        dialog = ApprovalDialog(self.points, a.arrival_date, a, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.draft is None:
            return
        actor, now, draft = self.ctx.actor, self.ctx.clock.now(), dialog.draft
        self.ctx.ops.run(lambda s: approvals.edit(s, actor=actor, now=now, approval_id=a.id, draft=draft),
                         on_done=self._after(self.tr("已修改，需重新批准。")), on_error=self._fail)

    def decide(self, approve: bool) -> None:
        a = self.selected()
        if a is None:
            return
        reason = ""
        if not approve:
            reason, ok = QInputDialog.getText(self, self.tr("驳回"), self.tr("驳回原因（会告知供货单位）："))
            if not ok:
                return
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: approvals.decide(s, actor=actor, now=now, approval_id=a.id, approve=approve,
                                                    reason=reason),
                         on_done=self._after(self.tr("已批准。") if approve else self.tr("已驳回。")),
                         on_error=self._fail)

    def approve_all(self) -> None:
        pending = [a.id for a in self.model.rows if a.status == "pending"]
        actor, now = self.ctx.actor, self.ctx.clock.now()

        def work(s: Any) -> int:
            for approval_id in pending:
                approvals.decide(s, actor=actor, now=now, approval_id=approval_id, approve=True)
            return len(pending)

        self.ctx.ops.run(work, on_done=lambda n: self._after(self.tr("已批准 {n} 条。").replace("{n}", str(n)))(n),
                         on_error=self._fail)

    def screenshot_states(self) -> list[tuple[str, Any]]:
        def today() -> None:
            self.day.setDate(qdate(self.ctx.clock.now().astimezone(site_zone()).date()))

        return [("", today)]

    def open_passes(self) -> None:
        from desktop.gui.stations.review.passes import PassRegisterDialog

        self.passes_dialog = PassRegisterDialog(self.ctx, self)
        self.passes_dialog.open()

    # --- materials -------------------------------------------------------------------------------

    def _person(self) -> approvals.OccupantInfo | None:
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def upload(self, kind: str) -> None:
        person = self._person()
        if person is None:
            return
        shot = photo.from_file(self)
        if shot is None:
            return
        data, mime = shot
        actor, now = self.ctx.actor, self.ctx.clock.now()
        self.ctx.ops.run(lambda s: approvals.attach(s, actor=actor, now=now, occupant_id=person.id, kind=kind,
                                                    data=data, mime=mime),
                         on_done=self._after(self.tr("材料已保存。")), on_error=self._fail)

    def view_material(self) -> None:
        person = self._person()
        if person is None:
            return
        ids = [i for i in (person.photo_id, person.pledge_id) if i]
        if not ids:
            self._say(self.tr("{n} 还没有材料。").replace("{n}", person.name), ok=False)
            return
        shots = self.ctx.ops.call_now(lambda s: [approvals.attachment(s, i) for i in ids])
        for shot in shots:
            if shot:
                PhotoDialog(person.name, shot[1], self).exec()
