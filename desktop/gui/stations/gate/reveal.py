"""The gate's "show full" (显示完整): the guard comparing a face and an ID card sees the whole ID
number and phone of one person, and the service records who saw whose (never the value)."""

from __future__ import annotations

from typing import Any

from desktop.gui.stations.gate.occupant import OccupantCard
from desktop.services import privacy


def connect(page: Any, card: OccupantCard) -> None:
    """Wire a card's request to the service, through the page's context and error display."""
    card.reveal_requested.connect(lambda table, row_id: reveal_full(page, card, table, row_id))


def reveal_full(page: Any, card: OccupantCard, table: str, row_id: int) -> None:
    actor, now = page.ctx.actor, page.ctx.clock.now()

    def done(values: dict[str, str]) -> None:
        card.show_identity(values.get("id_number", ""), values.get("phone", ""))
        card.reveal_button.setEnabled(False)

    page.ctx.ops.run(lambda s: privacy.reveal(s, actor=actor, now=now, entity=table, entity_id=row_id),
                     on_done=done, on_error=page._error)
