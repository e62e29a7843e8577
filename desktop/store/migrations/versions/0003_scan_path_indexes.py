"""indexes for every query on the scan path

Each lookup a scan makes is answered from an index that holds what it asks, so a scan costs the
same with 50 or 500,000 earlier scans: the repeat check of a code that names no slip (before,
it walked every earlier unknown scan through ix_custody_event_slip_id with slip_id IS NULL), a
station's latest scans, "any bag of this delivery still waiting", and the gate's plate lookups.
The four single-column indexes dropped are the leading column of their replacements.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 21:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('custody_event', schema=None) as batch_op:
        batch_op.create_index('ix_custody_event_slip_id_station_at', ['slip_id', 'station', 'at'], unique=False)
        batch_op.create_index('ix_custody_event_station_id', ['station', 'id'], unique=False)
        batch_op.drop_index('ix_custody_event_slip_id')
    with op.batch_alter_table('bag', schema=None) as batch_op:
        batch_op.create_index('ix_bag_consignment_id_state', ['consignment_id', 'state'], unique=False)
        batch_op.drop_index('ix_bag_consignment_id')
    with op.batch_alter_table('approval', schema=None) as batch_op:
        batch_op.create_index('ix_approval_plate_arrival_date', ['plate', 'arrival_date'], unique=False)
        batch_op.drop_index('ix_approval_plate')
    with op.batch_alter_table('arrival', schema=None) as batch_op:
        batch_op.create_index('ix_arrival_plate_status', ['plate', 'status'], unique=False)
        batch_op.drop_index('ix_arrival_plate')


def downgrade() -> None:
    with op.batch_alter_table('arrival', schema=None) as batch_op:
        batch_op.create_index('ix_arrival_plate', ['plate'], unique=False)
        batch_op.drop_index('ix_arrival_plate_status')
    with op.batch_alter_table('approval', schema=None) as batch_op:
        batch_op.create_index('ix_approval_plate', ['plate'], unique=False)
        batch_op.drop_index('ix_approval_plate_arrival_date')
    with op.batch_alter_table('bag', schema=None) as batch_op:
        batch_op.create_index('ix_bag_consignment_id', ['consignment_id'], unique=False)
        batch_op.drop_index('ix_bag_consignment_id_state')
    with op.batch_alter_table('custody_event', schema=None) as batch_op:
        batch_op.create_index('ix_custody_event_slip_id', ['slip_id'], unique=False)
        batch_op.drop_index('ix_custody_event_station_id')
        batch_op.drop_index('ix_custody_event_slip_id_station_at')
