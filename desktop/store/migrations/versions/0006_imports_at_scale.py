"""imports at scale: approval.import_batch, so an import can stage its rows in short transactions

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0006'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable and left NULL on existing rows, so every row digest in the audit log stays valid
    op.add_column("approval", sa.Column("import_batch", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.create_index("ix_approval_import_batch", "approval", ["import_batch"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_approval_import_batch", table_name="approval")
    op.drop_column("approval", "import_batch")  # plain ALTER: a batch rebuild is refused by the foreign keys
