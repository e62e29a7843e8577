"""gate day: body temperature and symptoms per occupant; late entries of a disinfection

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0009'
down_revision: str | None = '0008'
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
    with op.batch_alter_table('disinfection', schema=None) as batch_op:
        batch_op.drop_column('late_by')
        batch_op.drop_column('late_reason')
    with op.batch_alter_table('occupant_check', schema=None) as batch_op:
        batch_op.drop_column('symptoms')
        batch_op.drop_column('temperature_c')
