"""who may do what: PIN hashes, lockouts, disabled operators

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 21:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('operator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_pins', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('lock_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('locked_until', desktop.store.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('operator', schema=None) as batch_op:
        batch_op.drop_column('locked_until')
        batch_op.drop_column('lock_count')
        batch_op.drop_column('failed_pins')
