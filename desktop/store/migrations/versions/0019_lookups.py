"""the lookups that grow with the database, indexed for what they ask

The daily report (and the dashboard, which reads it for eight days), the day package, the
supervision pages and the slips' and call rounds' lists ask these tables for a day's rows by a
time column; without an index each question reads the whole table. The handoff page asks for its
station's latest release; the gate page and the dashboard for the vehicles inside, longest first.
Goods are asked by vehicle or by order, and the day's goods with no vehicle (or no order) by
that NULL and the time: the (arrival_id, created_at) and (order_id, created_at) indexes answer
both, and replace the single-column indexes that are their leading columns.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 15:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import desktop.store.types  # noqa: F401

revision: str = '0019'
down_revision: str | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (name, table, columns), in the order they are made
INDEXES = (
    ('ix_release_released_at', 'release', ['released_at']),
    ('ix_release_station_id', 'release', ['station', 'id']),
    ('ix_disinfection_ended_at', 'disinfection', ['ended_at']),
    ('ix_disinfection_recalled_at', 'disinfection', ['recalled_at']),
    ('ix_dwell_timer_started_wall', 'dwell_timer', ['started_wall']),
    ('ix_dwell_timer_completed_at', 'dwell_timer', ['completed_at']),
    ('ix_override_at', 'override', ['at']),
    ('ix_violation_at', 'violation', ['at']),
    ('ix_consignment_arrival_id_created_at', 'consignment', ['arrival_id', 'created_at']),
    ('ix_consignment_order_id_created_at', 'consignment', ['order_id', 'created_at']),
    ('ix_consignment_created_at', 'consignment', ['created_at']),
    ('ix_household_order_created_at', 'household_order', ['created_at']),
    ('ix_arrival_status_arrived_at', 'arrival', ['status', 'arrived_at']),
)

# the leading column of a two-column index above
REPLACED = (
    ('ix_consignment_arrival_id', 'consignment', ['arrival_id']),
    ('ix_consignment_order_id', 'consignment', ['order_id']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    for name, table, _columns in REPLACED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in REPLACED:
        op.create_index(name, table, columns, unique=False)
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
