"""The font every Gatehouse PDF uses: WenQuanYi Micro Hei, shipped in resources/fonts.

It covers Chinese, Latin letters and digits in one TrueType face that reportlab can embed (as a
subset). reportlab cannot embed CFF/OpenType CJK fonts, the built-in CID fonts are not embedded,
and Droid Sans Fallback lacks Latin glyphs; see platform-notes.
"""

from __future__ import annotations

import threading

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

# Binary (zlib only) streams instead of zlib + ASCII85: smaller files, and the pure-Python ASCII85
# encoder cost more than drawing a whole slip.
rl_config.useA85 = 0

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


def font_path() -> str:
    return str(resource("fonts", FONT_FILE))


def register() -> str:
    """Register the font with reportlab once (thread-safe) and return its name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, font_path(), subfontIndex=0))
    return FONT
