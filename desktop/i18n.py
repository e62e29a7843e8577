"""Language for the Qt-free core: messages are written in both languages side by side.

The GUI translates its own strings through Qt (.ts/.qm); services, domain rules and the CLI
say things through `t(zh, en)` so that a refusal reads the same in the window and on stderr.
"""

from __future__ import annotations

import os

_language = "zh" if not os.environ.get("GATEHOUSE_LANG", "").startswith("en") else "en"


def set_language(code: str) -> None:
    global _language
    _language = "en" if code.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def t(zh: str, en: str, /, **params: object) -> str:
    """Pick the current language and fill `{name}` placeholders."""
    text = en if _language == "en" else zh
    return text.format(**params) if params else text
