"""the daily report finds the day's voided slips from an index, not a scan of every slip

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 05:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import desktop.store.types  # noqa: F401

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_slip_voided_at', 'slip', ['voided_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_slip_voided_at', table_name='slip')
