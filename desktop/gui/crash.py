"""Crashes: an unhandled exception shows a dialog and is written to a crash log; a hard crash
(segfault) is written by faulthandler; the next start offers to show what was written.

No half-written record is possible: every change runs in one transaction that rolls back when
an exception escapes it (desktop.store.engine.Database.session).
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication, QWidget

from desktop import __version__
from desktop.paths import log_dir

# traceback and datetime are imported where a crash is written or shown: install() runs before the
# window's first paint, which need not wait for them (~4 ms).

_fault_file: IO[str] | None = None


def crash_dir() -> Path:
    return log_dir()


def write_crash_log(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> Path:
    import traceback
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%fZ")  # UTC: no zone setting to get wrong
    path = crash_dir() / f"crash-{stamp}.log"
    text = "".join(traceback.format_exception(kind, value, tb))
    path.write_text(f"Gatehouse {__version__} {datetime.now(UTC).isoformat()}\n{text}", encoding="utf-8")
    return path


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    path = write_crash_log(kind, value, tb)
    sys.__excepthook__(kind, value, tb)
    app = QApplication.instance()
    if app is None:
        return
    import traceback

    from PySide6.QtWidgets import QMessageBox  # not at import: its set-up would delay the first paint

    box = QMessageBox(QMessageBox.Icon.Critical, QApplication.translate("crash", "程序出错"),
                      QApplication.translate("crash", "发生了意外错误。刚才的操作没有保存任何半截记录，"
                                             "已确认的记录都还在。\n错误已记录到：\n{path}").replace("{path}", str(path)))
    box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
    box.exec()


def install() -> None:
    """Route unhandled exceptions to the dialog and the log; enable faulthandler to a file."""
    global _fault_file
    sys.excepthook = _excepthook
    if _fault_file is None:
        _fault_file = (crash_dir() / "faulthandler.log").open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_file)


def unseen_crash_logs() -> list[Path]:
    """Crash logs written since the last time someone was shown them (a hard crash leaves text
    in faulthandler.log)."""
    seen = crash_dir() / "crash-seen"
    since = seen.stat().st_mtime if seen.exists() else 0.0
    logs = [p for p in crash_dir().glob("crash-*.log") if p.stat().st_mtime > since]
    fault = crash_dir() / "faulthandler.log"
    if fault.exists() and fault.stat().st_size > 0 and fault.stat().st_mtime > since:
        logs.append(fault)
    return sorted(logs)


def mark_seen() -> None:
    (crash_dir() / "crash-seen").touch()


def offer_previous_crash(parent: QWidget | None) -> None:
    logs = unseen_crash_logs()
    if not logs:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("crash", "上次运行出错"),
                      QApplication.translate("crash", "上次运行时程序出错并已记录。已确认的记录都还在。"
                                             "是否查看错误记录？"), parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("\n\n".join(f"== {p}\n{p.read_text(encoding='utf-8', errors='replace')[-4000:]}" for p in logs))
    box.exec()
    mark_seen()
