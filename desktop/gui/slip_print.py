"""Printing a slip from a screen, in three steps off the UI thread:

1. render the PDF from the database (unless the caller has the very PDF it previewed),
2. send it to the printer (a worker; the screen never freezes),
3. record the print (a write transaction): a successful job counts and the next copy is marked
   "补打 / REPRINT n"; a failed job is recorded as failed and does not count, so the same slip
   can simply be printed again. Nothing is recorded as printed before the printer took it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.localtime import local
from desktop.gui import printing
from desktop.gui.context import AppContext
from desktop.i18n import t
from desktop.paths import data_dir
from desktop.services import slips


@dataclass(frozen=True)
class PrintOutcome:
    slip: slips.SlipInfo
    ok: bool
    message: str
    output_file: str = ""


def pdf_output_dir() -> Path:
    """Where the "PDF file" printer writes (inside the data folder)."""
    path = data_dir() / "printed-slips"
    path.mkdir(parents=True, exist_ok=True)
    return path


def target_for(printer: str, number: str, reprint_no: int, when: datetime, out_dir: Path | None = None) -> printing.PrintTarget:
    if printer != printing.PDF_PRINTER:
        return printing.PrintTarget(printer=printer)
    stamp = local(when).strftime("%Y%m%d-%H%M%S")
    folder = out_dir if out_dir is not None else pdf_output_dir()
    return printing.PrintTarget(printer=printer, output_file=str(folder / f"{number}-{reprint_no}-{stamp}.pdf"))


def print_slip(ctx: AppContext, number: str, *, printer: str, paper: str, reprint_no: int,
               on_finished: Callable[[PrintOutcome], None], pdf: bytes | None = None,
               out_dir: Path | None = None) -> None:
    """Print one slip and record the outcome; `on_finished` runs on the UI thread either way."""
    now = ctx.clock.now()
    target = target_for(printer, number, reprint_no, now, out_dir)

    def record(ok: bool, message: str, error: str = "") -> None:
        def work(session):  # type: ignore[no-untyped-def]
            slip = slips.record_print(session, actor=ctx.actor, now=ctx.clock.now(), number=number, printer=printer,
                                      paper=paper, ok=ok, error=error, reprint_no=reprint_no)
            if ok:
                slips.save_print_settings(session, actor=ctx.actor, now=ctx.clock.now(), printer=printer, paper=paper)
            return slip

        ctx.ops.run(work, on_done=lambda slip: on_finished(PrintOutcome(slip, ok, message, target.output_file)),
                    on_error=lambda exc: on_finished(PrintOutcome(_unknown(ctx, number), False, _not_recorded(ok, exc))))

    def printed(_result: printing.PrintResult) -> None:
        if target.printer == printing.PDF_PRINTER:  # say where the file went, or nobody can find it
            record(True, t("已打印 {n}，PDF 文件：{f}", "Printed {n} to the PDF file {f}", n=number,
                           f=target.output_file))
        else:
            record(True, t("已打印 {n}。", "Printed {n}.", n=number))

    def failed(exc: BaseException) -> None:
        message = exc.message if isinstance(exc, printing.PrintError) else t(
            "打印失败：{e}", "Printing failed: {e}", e=exc)
        record(False, message, error=message)

    def send(document: bytes) -> None:
        ctx.ops.submit(lambda: printing.print_pdf(document, target), on_done=printed, on_error=failed)

    if pdf is not None:
        send(pdf)
        return
    ctx.ops.read(lambda s: slips.render_pdf(s, [number], size=paper, printed_at=now, reprint_no=reprint_no),
                 on_done=send, on_error=failed)


def _unknown(ctx: AppContext, number: str) -> slips.SlipInfo:
    found = ctx.ops.call_now(lambda s: slips.get_slip(s, number))
    assert found is not None
    return found


def _not_recorded(ok: bool, exc: BaseException) -> str:
    from desktop.gui.ops import describe_error

    if ok:
        return t("已打印，但未能记录本次打印：{e}", "Printed, but the print could not be recorded: {e}",
                 e=describe_error(exc))
    return describe_error(exc)
