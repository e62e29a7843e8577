"""The font every Gatehouse PDF uses: WenQuanYi Micro Hei, shipped in resources/fonts.

It covers Chinese, Latin letters and digits in one TrueType face that reportlab can embed (as a
subset). reportlab cannot embed CFF/OpenType CJK fonts, the built-in CID fonts are not embedded,
and Droid Sans Fallback lacks Latin glyphs; see platform-notes.
"""

from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap

from desktop.paths import resource

# Binary (zlib only) streams instead of zlib + ASCII85: smaller files, and the pure-Python ASCII85
# encoder cost more than drawing a whole slip.
rl_config.useA85 = 0

FONT = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


class _Formatted(pdfdoc.PDFObject):
    """A PDF value formatted once (a subset's widths) and written as is into each document."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


class _Subset:
    """What a font subset puts in a PDF, made once: its widths, ToUnicode map and font program
    (compressed), so the next document with the same characters only links them in."""

    def __init__(self, font: TTFont, base_name: str, subset: tuple[int, ...]) -> None:
        self.widths = _Formatted(pdfdoc.format(pdfdoc.PDFArray([font.face.getCharWidth(c) for c in subset]), None))
        self.cmap = zlib.compress(makeToUnicodeCMap(base_name, list(subset)).encode("latin-1"))
        program = font.face.makeSubset(list(subset))
        self.program, self.program_length = zlib.compress(program), len(program)


def _stream(compressed: bytes, **extra: object) -> pdfdoc.PDFStream:
    stream = pdfdoc.PDFStream()
    stream.content = compressed
    stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])  # already applied
    for key, value in extra.items():
        stream.dictionary[key] = value
    return stream


class SubsetCachingTTFont(TTFont):
    """reportlab's TrueType font, but a subset already embedded once is not subset, measured and
    compressed again: making the font program of a subset and compressing it cost more than the
    rest of a slip. Slips of one site repeat the same characters (labels, the site's name, digits),
    so the next slip's subset is most often one already made. The PDF is byte for byte the one
    reportlab writes (tests/e2e/test_font_subsets.py)."""

    CACHED = 32  # subsets kept (a few tens of kB each)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._subsets: OrderedDict[tuple[str, tuple[int, ...]], _Subset] = OrderedDict()
        self._subsets_lock = threading.Lock()

    def _subset(self, base_name: str, subset: tuple[int, ...]) -> _Subset:
        key = (base_name, subset)
        with self._subsets_lock:
            made = self._subsets.get(key)
            if made is not None:
                self._subsets.move_to_end(key)
                return made
        made = _Subset(self, base_name, subset)
        with self._subsets_lock:
            self._subsets[key] = made
            while len(self._subsets) > self.CACHED:
                self._subsets.popitem(last=False)
        return made

    def addObjects(self, doc: Any) -> None:
        if doc.encrypt.encode(b"x") != b"x" or not doc.compression:
            return super().addObjects(doc)  # encrypted or uncompressed: reportlab's own way
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        face = self.face
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = (b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX))).decode("pdfdoc")
            made = self._subset(base_name, tuple(subset))
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name, pdf_font.BaseFont = internal_name, base_name
            pdf_font.FirstChar, pdf_font.LastChar = 0, len(subset) - 1
            pdf_font.Widths = made.widths
            pdf_font.ToUnicode = doc.Reference(_stream(made.cmap), "toUnicodeCMap:" + base_name)
            program = doc.Reference(_stream(made.program, Length1=made.program_length),
                                    f"fontFile:{face.filename}({base_name})")
            flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC  # as reportlab
            pdf_font.FontDescriptor = doc.Reference(pdfdoc.PDFDictionary({
                "Type": "/FontDescriptor", "Ascent": face.ascent, "CapHeight": face.capHeight,
                "Descent": face.descent, "Flags": flags, "FontBBox": pdfdoc.PDFArray(face.bbox),
                "FontName": pdfdoc.PDFName(base_name), "ItalicAngle": face.italicAngle, "StemV": face.stemV,
                "FontFile2": program, "MissingWidth": face.defaultWidth}), "fontDescriptor:" + base_name)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]
        return None


def font_path() -> str:
    return str(resource("fonts", FONT_FILE))


def register() -> str:
    """Register the font with reportlab once (thread-safe) and return its name."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return FONT
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(SubsetCachingTTFont(FONT, font_path(), subfontIndex=0))
    return FONT
