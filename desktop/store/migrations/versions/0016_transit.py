"""transit stations

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('destination',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('destination', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_destination_name'), ['name'], unique=True)

    op.create_table('dispatch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('slip_id', sa.Integer(), nullable=False),
    sa.Column('destination_id', sa.Integer(), nullable=False),
    sa.Column('plate', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('dispatched_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('dispatched_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('station', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['destination_id'], ['destination.id'], ),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.ForeignKeyConstraint(['slip_id'], ['slip.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slip_id')
    )
    with op.batch_alter_table('dispatch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_destination_id'), ['destination_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_dispatched_at'), ['dispatched_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_dispatch_site_id'), ['site_id'], unique=False)

    op.create_table('dispatch_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dispatch_id', sa.Integer(), nullable=False),
    sa.Column('necessity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['dispatch_id'], ['dispatch.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dispatch_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dispatch_line_dispatch_id'), ['dispatch_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('dispatch_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_line_dispatch_id'))
    op.drop_table('dispatch_line')
    with op.batch_alter_table('dispatch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dispatch_site_id'))
        batch_op.drop_index(batch_op.f('ix_dispatch_dispatched_at'))
        batch_op.drop_index(batch_op.f('ix_dispatch_destination_id'))
    op.drop_table('dispatch')
    with op.batch_alter_table('destination', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_destination_name'))
    op.drop_table('destination')
