"""The verdict names the goods: "OK" or "NOT YET" alone does not tell the team which pallet.

    verdict = with_goods(session, handoff.scan(...))   # message: "大米 60袋 · …"
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.services import slips
from desktop.services.handoff import Verdict


def goods_text(session: Any, number: str) -> str:
    """'大米 · 东北米 60袋' for slip `number`, or '' (a bag label, an unknown slip)."""
    try:
        view = slips.slip_view(session, number)
    except Exception:
        return ""
    what = " · ".join(x for x in (view.category, view.description) if x)
    if view.quantity:
        q = view.quantity
        what += f" {int(q) if float(q).is_integer() else f'{q:g}'}{view.unit}"
    return what.strip()


def with_goods(session: Any, verdict: Verdict) -> Verdict:
    if not verdict.slip_number:
        return verdict
    what = goods_text(session, verdict.slip_number)
    if not what or what in verdict.message:
        return verdict
    return replace(verdict, message=f"{what} — {verdict.message}" if verdict.message else what)
