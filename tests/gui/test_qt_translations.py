"""Qt's own dialogs follow the language (message box buttons, the file dialog), and every string
the GUI says through tr() is collected into the .ts with its English."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from desktop.gui import build
from desktop.gui.application import install_translator, make_app

CJK = re.compile(r"[\u4e00-\u9fff]")


def _box_buttons() -> list[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    box.deleteLater()
    return texts


def _file_dialog_labels() -> list[str]:
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    dialog.deleteLater()
    return texts


def test_qt_own_words_are_chinese_in_chinese_and_english_after_a_switch(qapp):
    app = make_app("zh")
    try:
        assert all(CJK.search(t) for t in _box_buttons()), _box_buttons()
        ok = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        assert [b.text() for b in ok.buttons()] == ["确定", "取消"]
        labels = _file_dialog_labels()
        assert labels and all(CJK.search(t) for t in labels), labels  # 查找范围, 文件名称, 文件类型: not half English
        install_translator(app, "en")
        assert not any(CJK.search(t) for t in _box_buttons() + _file_dialog_labels())
        install_translator(app, "zh")  # and back, as 视图 → 语言 does
        assert all(CJK.search(t) for t in _box_buttons())
    finally:
        install_translator(app, "zh")


def test_every_gui_string_is_collected_into_the_ts_with_its_english(tmp_path: Path):
    for ts in sorted(build.I18N_DIR.glob("*.ts")):
        fresh = tmp_path / ts.name
        shutil.copy(ts, fresh)
        subprocess.run([build._tool("lupdate"), "-no-obsolete", *map(str, build.python_sources()), "-ts", str(fresh)],
                       check=True, capture_output=True)
        missing = [f"{c.findtext('name')}: {m.findtext('source')!r}"
                   for c in ET.parse(fresh).getroot().iter("context") for m in c.iter("message")
                   if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "")]
        assert missing == [], (f"{len(missing)} strings without English in {ts.name}; add them as entries "
                               "(python -m desktop.gui.build update-ts collects them):\n" + "\n".join(missing))
