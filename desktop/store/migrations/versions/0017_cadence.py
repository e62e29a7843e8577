"""community order rounds and phone checks

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import desktop.store.types  # noqa: F401

revision: str = '0017'
down_revision: str | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('household',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('community', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('building', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('room', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('contact_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('special_needs', sa.Boolean(), nullable=False),
    sa.Column('special_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_id', 'key')
    )
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_household_site_id'), ['site_id'], unique=False)

    op.create_table('phone_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('called_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('caller', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('phone_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phone_check_called_at'), ['called_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_phone_check_household_id'), ['household_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('phone_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phone_check_household_id'))
        batch_op.drop_index(batch_op.f('ix_phone_check_called_at'))
    op.drop_table('phone_check')
    with op.batch_alter_table('household', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_household_site_id'))
    op.drop_table('household')
