"""A disinfection operator on the staff roster whose test is stale: the service refuses
(`staff_test_stale`, desktop.services.roster.check_operators) until a supervisor allows it with a
reason — the supervisor at the keyboard gives only the reason; anyone else asks a supervisor for
their account and PIN. The answer goes back into the form (stale_reason / stale_supervisor / stale_pin)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.permissions import Permission
from desktop.gui import permits
from desktop.gui.context import AppContext
from desktop.gui.stations.gate.dialogs import ReasonDialog, SupervisorDialog
from desktop.services.disinfection import DisinfectionForm


def _tr(text: str) -> str:
    return QCoreApplication.translate("StaleOverride", text)


def ask(ctx: AppContext, message: str, form: DisinfectionForm, parent: QWidget) -> DisinfectionForm | None:
    """The form with a supervisor's override, or None when the person cancels."""
    title = _tr("核酸过期：督查员放行")
    if permits.may(ctx, Permission.OVERRIDE):
        dialog = ReasonDialog(title, message, [_tr("已安排今日复检，人手不足")], parent)
        dialog.setObjectName("stale_reason_dialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return replace(form, stale_reason=dialog.text())
    asked = SupervisorDialog(title, message, parent)
    asked.setObjectName("stale_supervisor_dialog")
    if asked.exec() != QDialog.DialogCode.Accepted:
        return None
    name, pin, reason = asked.values()
    return replace(form, stale_supervisor=name, stale_pin=pin, stale_reason=reason)
