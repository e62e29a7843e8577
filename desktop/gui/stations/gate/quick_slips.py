"""F9 at the gate: issue every slip of the vehicle just decided and print them, no dialog.

The slips go to the station's printer (its print settings; "PDF" writes files into the data
folder), one job after another in the order they were issued. Slips already issued but never
printed are printed too; a second F9 prints nothing twice. The preview (and reprints, voids) is
one key away: Shift+F9 opens the issue dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.gui.ops import describe_error
from desktop.gui.slip_print import PrintOutcome, print_slip
from desktop.i18n import t
from desktop.services import slips


def issue_and_print(ctx: Any, arrival_id: int, *, say: Callable[[str, bool], None],
                    done: Callable[[list[PrintOutcome]], None] | None = None, out_dir: Path | None = None) -> None:
    """Issue the missing slips of `arrival_id`, then print every unprinted one; `say(text, ok)`
    reports each step, `done(outcomes)` runs after the last job."""
    actor, clock, station = ctx.actor, ctx.clock, ctx.actor.station

    def work(session: Any) -> tuple[list[str], slips.PrintSettings]:
        goods = slips.goods_with_slips(session, arrival_id=arrival_id)
        for g in goods:
            if g.slip is None:
                slips.issue_slip(session, actor=actor, now=clock.now(), consignment_id=g.consignment.id)
        fresh = slips.goods_with_slips(session, arrival_id=arrival_id)
        numbers = [g.slip.number for g in fresh if g.slip is not None and not g.slip.voided and not g.slip.print_count]
        return numbers, slips.print_settings(session, station)

    def issued(result: tuple[list[str], slips.PrintSettings]) -> None:
        numbers, settings = result
        if not numbers:
            say(t("本车的交接单都已开出并打印；Shift+F9 预览或补打。",
                  "Every slip of this vehicle is issued and printed; Shift+F9 to preview or reprint."), True)
            if done:
                done([])
            return
        say(t("已开单 {n} 张，正在打印…", "{n} slips issued, printing…", n=len(numbers)), True)
        outcomes: list[PrintOutcome] = []

        def next_job(rest: list[str]) -> None:
            if not rest:
                failed = [o for o in outcomes if not o.ok]
                if failed:
                    say(failed[0].message, False)
                else:
                    say(t("已开单并打印 {n} 张：{s}", "Issued and printed {n} slips: {s}", n=len(outcomes),
                          s="、".join(o.slip.number for o in outcomes)), True)
                if done:
                    done(outcomes)
                return

            def finished(outcome: PrintOutcome) -> None:
                outcomes.append(outcome)
                next_job(rest[1:])

            print_slip(ctx, rest[0], printer=settings.printer or "", paper=settings.paper, reprint_no=0,
                       on_finished=finished, out_dir=out_dir)

        next_job(numbers)

    ctx.ops.run(work, on_done=issued, on_error=lambda exc: say(describe_error(exc), False))
