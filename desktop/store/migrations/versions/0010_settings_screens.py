"""settings screens: unloading points keep an order of their own (position)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not a batch: a batch rebuilds the table (DROP TABLE unloading_point), which
# the foreign keys of every approval and arrival that names a point refuse on a database in use.
def upgrade() -> None:
    op.add_column('unloading_point', sa.Column('position', sa.Integer(), server_default='0', nullable=False))


def downgrade() -> None:
    op.drop_column('unloading_point', 'position')
