"""The verdict names the goods: "OK" or "NOT YET" alone does not tell the team which pallet.

    verdict = with_goods(session, handoff.scan(...))   # message: "大米 60袋 · …"
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.services import slips
from desktop.services.handoff import Verdict, goods_words


def goods_text(session: Any, number: str) -> str:
    """'大米 · 东北米 60袋' for slip `number`, or '' (a bag label, an unknown slip)."""
    try:
        view = slips.slip_view(session, number)
    except Exception:
        return ""
    return goods_words(view.category, view.description, view.quantity, view.unit)


def with_goods(session: Any, verdict: Verdict) -> Verdict:
    if not verdict.slip_number:
        return verdict
    # a scan's verdict already says (read with the slip); a hand-over's is read here
    what = verdict.goods if verdict.goods is not None else goods_text(session, verdict.slip_number)
    if not what or what in verdict.message:
        return verdict
    return replace(verdict, message=f"{what} — {verdict.message}" if verdict.message else what)
