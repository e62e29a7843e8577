"""gate day: body temperature and symptoms per occupant; late entries of a disinfection

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-02 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0009'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('occupant_check', schema=None) as batch_op:
        batch_op.add_column(sa.Column('temperature_c', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('symptoms', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default='[]'))
    with op.batch_alter_table('disinfection', schema=None) as batch_op:
        batch_op.add_column(sa.Column('late_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('late_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of `disinfection` would drop a table
    # that disinfection_item and dwell_timer point at, which SQLite's foreign keys refuse.
    for table, column in (('disinfection', 'late_by'), ('disinfection', 'late_reason'),
                          ('occupant_check', 'symptoms'), ('occupant_check', 'temperature_c')):
        op.execute(f'ALTER TABLE {table} DROP COLUMN {column}')
