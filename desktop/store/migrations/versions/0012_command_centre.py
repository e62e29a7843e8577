"""command centre: the sites, their keys and the merged day packages with their totals

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02 01:30:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0012'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('centre_site',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('public_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('registered_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('registered_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('centre_site', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_centre_site_code'), ['code'], unique=True)

    op.create_table('centre_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('audit_head', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('merged_at', desktop.store.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('merged_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('replaced_at', desktop.store.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('replaced_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['site_id'], ['centre_site.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    with op.batch_alter_table('centre_package', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_centre_package_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_centre_package_site_id'), ['site_id'], unique=False)

    op.create_table('centre_total',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('necessity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('received', sa.Float(), nullable=False),
    sa.Column('handed_on', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['centre_package.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('centre_total', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_centre_total_package_id'), ['package_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('centre_total', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_centre_total_package_id'))
    op.drop_table('centre_total')
    with op.batch_alter_table('centre_package', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_centre_package_site_id'))
        batch_op.drop_index(batch_op.f('ix_centre_package_day'))
    op.drop_table('centre_package')
    with op.batch_alter_table('centre_site', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_centre_site_code'))
    op.drop_table('centre_site')
