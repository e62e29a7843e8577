"""Printing slip PDFs through QPrinter, at the printer's own resolution, without scaling bars.

Each PDF page is rendered by QtPdf at exactly the printer's pixel size for that page (a rendered
slip scaled by even one pixel stopped decoding), composited onto white (QPdfDocument renders
with a transparent background) and drawn 1:1 at the paper's corner. Everything here is safe to
run on a worker thread (`ctx.ops.submit`); nothing touches widgets.

A job either completes or raises PrintError with a message for the person; the caller records
the print only after a completed job.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desktop.i18n import t

PDF_PRINTER = "PDF"  # a pseudo-printer writing a PDF file: for stations without a printer, and tests
PDF_DPI = 300
BAND_PIXELS = 4_000_000  # render big pages (A4 at 600-1200 dpi) in horizontal bands of about this size


class PrintError(Exception):
    """The job did not complete; `message` says why, in the person's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PrintTarget:
    printer: str = ""  # "" = the system default printer; PDF_PRINTER = a PDF file at output_file
    output_file: str = ""
    dpi: int | None = None  # only for PDF_PRINTER (a real printer uses its own resolution)


@dataclass(frozen=True)
class PrintResult:
    printer: str
    pages: int
    dpi: int
    pixel_size: tuple[int, int]  # of the first page


def available_printers() -> list[str]:
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    return QPrinterInfo.defaultPrinterName()


def _printer(target: PrintTarget) -> tuple[QPrinter, str]:
    if target.printer == PDF_PRINTER:
        if not target.output_file:
            raise PrintError(t("未指定 PDF 文件。", "No PDF file was given."))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(target.output_file)
        printer.setResolution(target.dpi or PDF_DPI)
        return printer, PDF_PRINTER
    name = target.printer or default_printer()
    if not name:
        raise PrintError(t("本机没有可用的打印机。请连接打印机或选择“PDF 文件”。",
                           "This computer has no printer. Connect one or choose “PDF file”."))
    info = QPrinterInfo.printerInfo(name)
    if info.isNull() or name not in available_printers():
        raise PrintError(t("找不到打印机“{p}”。请检查连接，或在打印设置中另选一台。",
                           "Printer “{p}” was not found. Check it is connected, or choose another.", p=name))
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    return printer, name


def _page_layout(points: QSizeF) -> QPageLayout:
    size = QPageSize(points, QPageSize.Unit.Point, "Gatehouse slip", QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def render_page(doc: QPdfDocument, page: int, pixels: QSize, clip: QRect | None = None) -> QImage:
    """The page at `pixels` (or the `clip` part of it), composited onto white."""
    options = QPdfDocumentRenderOptions()
    if clip is None:
        raw = doc.render(page, pixels, options)
    else:
        options.setScaledSize(pixels)
        options.setScaledClipRect(clip)
        raw = doc.render(page, clip.size(), options)
    out = QImage(raw.size(), QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, raw)
    painter.end()
    return out


def to_mono(image: QImage) -> QImage:
    """Black and white by threshold (no dithering): crisp bar edges, and what a thermal head prints."""
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.MonoOnly
    return image.convertToFormat(QImage.Format.Format_Mono, flags)


def _open(pdf: bytes) -> tuple[QPdfDocument, Path]:
    fd, name = tempfile.mkstemp(prefix="gatehouse-slip-", suffix=".pdf")
    with os.fdopen(fd, "wb") as f:  # closed before QtPdf opens it (Windows cannot share it otherwise)
        f.write(pdf)
    tmp = Path(name)
    doc = QPdfDocument(None)
    if doc.load(str(tmp)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
        tmp.unlink(missing_ok=True)
        raise PrintError(t("无法读取要打印的文档。", "The document to print could not be read."))
    return doc, tmp


def print_pdf(pdf: bytes, target: PrintTarget) -> PrintResult:
    """Print every page of `pdf` on one job. Raises PrintError if the job did not complete."""
    printer, name = _printer(target)
    doc, tmp = _open(pdf)
    try:
        printer.setFullPage(True)
        if not printer.setPageLayout(_page_layout(doc.pagePointSize(0))):
            raise PrintError(t("打印机“{p}”不支持这种纸张尺寸。", "Printer “{p}” does not take this paper size.", p=name))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(t("打印机“{p}”无法开始打印（未连接、缺纸或无法写入）。请检查后重试。",
                               "Printer “{p}” could not start (offline, out of paper or not writable). "
                               "Check it and try again.", p=name))
        # Without this Qt's PDF engine (also what CUPS receives on Linux) stores images as JPEG,
        # which blurs the bar edges.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        first = (0, 0)
        try:
            for page in range(doc.pageCount()):
                if page and not printer.newPage():
                    raise PrintError(t("打印中断：打印机“{p}”在第 {n} 页出错。请检查后重新打印。",
                                       "Printing stopped: printer “{p}” failed at page {n}. Check it and print again.",
                                       p=name, n=page + 1))
                pixels = QSize(printer.width(), printer.height())  # the page in device pixels
                first = first if page else (pixels.width(), pixels.height())
                _paint_page(painter, doc, page, pixels)
        except BaseException:
            printer.abort()
            painter.end()
            raise
        if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintError(t("打印机“{p}”报告错误，可能未打完。请检查后重新打印。",
                               "Printer “{p}” reported an error; the slip may be incomplete. Check it and print again.",
                               p=name))
        return PrintResult(printer=name, pages=doc.pageCount(), dpi=printer.resolution(), pixel_size=first)
    finally:
        doc.close()
        tmp.unlink(missing_ok=True)


def _paint_page(painter: QPainter, doc: QPdfDocument, page: int, pixels: QSize) -> None:
    rows = max(1, BAND_PIXELS // max(1, pixels.width()))
    if rows >= pixels.height():
        painter.drawImage(0, 0, to_mono(render_page(doc, page, pixels)))
        return
    for top in range(0, pixels.height(), rows):  # big pages: bands, each still at 1:1
        clip = QRect(0, top, pixels.width(), min(rows, pixels.height() - top))
        painter.drawImage(0, top, to_mono(render_page(doc, page, pixels, clip)))


def preview_image(pdf: bytes, page: int = 0, dpi: int = 150) -> QImage:
    """A page for the screen (any scale is fine on a screen), on white."""
    doc, tmp = _open(pdf)
    try:
        points = doc.pagePointSize(page)
        pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        return render_page(doc, page, pixels)
    finally:
        doc.close()
        tmp.unlink(missing_ok=True)


def page_count(pdf: bytes) -> int:
    doc, tmp = _open(pdf)
    try:
        return doc.pageCount()
    finally:
        doc.close()
        tmp.unlink(missing_ok=True)
