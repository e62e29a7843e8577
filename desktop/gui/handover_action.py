"""File → 交接班单: the chain's anchor appended to the backup folders and printed on the handover
sheet (PDF, head as text and QR) for the outgoing supervisor to sign."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop import outfiles
from desktop.domain.localtime import local
from desktop.paths import data_dir


def save_handover_sheet(parent: QWidget, ctx: Any) -> None:
    from desktop.documents.handover_sheet import HandoverView, build_handover_sheet
    from desktop.services import shift_end

    now = ctx.clock.now()
    suggested = str(data_dir() / f"handover-{local(now).strftime('%Y%m%d-%H%M')}.pdf")
    title = QCoreApplication.translate("HandoverAction", "保存交接班单")
    target, _ = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    if not target:
        return
    path, name, where = ctx.db.path, ctx.user.display_name, str(ctx.db.path or ctx.db.url)

    def work(session: Any) -> Path:
        done = shift_end.record(session, db_path=path, now=now, why="handover")
        a = done.anchor
        pdf = build_handover_sheet(HandoverView(done.site_name, a.site, now, a.length, a.head, where, name))
        return outfiles.write_file(Path(target), pdf, "pdf")

    def done(written: Path) -> None:
        saved = QCoreApplication.translate("HandoverAction", "已保存：\n{0}").replace("{0}", str(written))
        QMessageBox.information(parent, QCoreApplication.translate("HandoverAction", "交接班单"), saved)

    def failed(exc: BaseException) -> None:
        from desktop.gui.ops import describe_error

        QMessageBox.critical(parent, QCoreApplication.translate("HandoverAction", "交接班单"), describe_error(exc))

    ctx.ops.run(work, on_done=done, on_error=failed, write=False)
