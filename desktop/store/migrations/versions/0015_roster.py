"""the site's own staff roster

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('post', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('operator', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('last_test_at', desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_test_result', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('training_done', sa.Boolean(), nullable=False),
    sa.Column('training_on', sa.Date(), nullable=True),
    sa.Column('ppe_issued', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ppe_issued_on', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_member_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_member_operator'), ['operator'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('staff_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_member_operator'))
        batch_op.drop_index(batch_op.f('ix_staff_member_name'))
    op.drop_table('staff_member')
