"""The words the settings come with — disinfectants, parts disinfected, symptoms — in the reader's
language. The site keeps its lists in Chinese (they are stored in records and printed on slips); a
screen shows a default word through `term()`, and a word the site typed itself as it was typed."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Terms"
DEFAULTS = (
    QT_TRANSLATE_NOOP("Terms", "84消毒液"),
    QT_TRANSLATE_NOOP("Terms", "75%酒精擦拭"),
    QT_TRANSLATE_NOOP("Terms", "货厢门把手"),
    QT_TRANSLATE_NOOP("Terms", "后备箱锁"),
    QT_TRANSLATE_NOOP("Terms", "轮胎"),
    QT_TRANSLATE_NOOP("Terms", "外包装"),
    QT_TRANSLATE_NOOP("Terms", "特殊物品(酒精擦拭)"),
    QT_TRANSLATE_NOOP("Terms", "发热"),
    QT_TRANSLATE_NOOP("Terms", "干咳"),
    QT_TRANSLATE_NOOP("Terms", "乏力"),
    QT_TRANSLATE_NOOP("Terms", "咽痛"),
    QT_TRANSLATE_NOOP("Terms", "嗅(味)觉减退"),
    QT_TRANSLATE_NOOP("Terms", "腹泻"),
)
_SEPARATORS = re.compile(r"[、，,；;]\s*")


def comma() -> str:
    """Between the items of a list: 、 in Chinese, ", " in English."""
    return QCoreApplication.translate(CONTEXT, "、")


def term(word: str) -> str:
    """One default word in the reader's language; any other word unchanged."""
    return QCoreApplication.translate(CONTEXT, word.strip()) if word.strip() else word


def terms(text: str) -> str:
    """A list as one text ("货厢门把手、轮胎"), each default word translated."""
    return comma().join(term(p) for p in _SEPARATORS.split(text) if p.strip())


QT_TRANSLATE_NOOP("Terms", "、")  # the list separator
