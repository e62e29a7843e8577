"""dwell clocks that hold across machines: machine ids, server time at timer start

clock_mark was one row per boot (boot_id the key); it becomes ordered segments of one machine's
boot, with an id and database-wide sequence numbers. Its few rows are carried over as the marks of
an unknown machine ("") with sequence 0, before anything written after the upgrade. dwell_timer
gains the machine it started on ("" for running timers from before) and the server's clock then.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 21:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op  # noqa: F401

import desktop.store.types  # noqa: F401

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _read_marks(*names: str) -> list[dict]:
    """Rows of clock_mark with their types applied (datetimes come back aware on both dialects)."""
    types = {"first_wall": desktop.store.types.UTCDateTime(timezone=True),
             "last_wall": desktop.store.types.UTCDateTime(timezone=True),
             "first_mono": sa.Float(), "last_mono": sa.Float()}
    table = sa.table('clock_mark', *(sa.column(n, types.get(n)) for n in names))
    return [dict(r) for r in op.get_bind().execute(sa.select(table)).mappings().all()]


def _mark_table(segments: bool) -> sa.Table:
    utc = desktop.store.types.UTCDateTime(timezone=True)
    text = sqlmodel.sql.sqltypes.AutoString()
    if not segments:
        return op.create_table('clock_mark',
            sa.Column('boot_id', text, nullable=False),
            sa.Column('first_wall', utc, nullable=False),
            sa.Column('first_mono', sa.Float(), nullable=False),
            sa.Column('last_wall', utc, nullable=False),
            sa.Column('last_mono', sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint('boot_id'))
    table = op.create_table('clock_mark',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('machine_id', text, nullable=False),
        sa.Column('boot_id', text, nullable=False),
        sa.Column('first_wall', utc, nullable=False),
        sa.Column('first_mono', sa.Float(), nullable=False),
        sa.Column('first_seq', sa.Integer(), nullable=False),
        sa.Column('last_wall', utc, nullable=False),
        sa.Column('last_mono', sa.Float(), nullable=False),
        sa.Column('last_seq', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    with op.batch_alter_table('clock_mark', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clock_mark_boot_id'), ['boot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clock_mark_last_seq'), ['last_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_clock_mark_machine_id'), ['machine_id'], unique=False)
    return table


_OLD = ("boot_id", "first_wall", "first_mono", "last_wall", "last_mono")


def upgrade() -> None:
    # a new key: rebuilding the (one row per boot) table is simpler than altering it on both dialects
    old = _read_marks(*_OLD)
    op.drop_table('clock_mark')
    table = _mark_table(segments=True)
    if old:
        op.bulk_insert(table, [{**r, "machine_id": "", "first_seq": 0, "last_seq": 0} for r in old])
    with op.batch_alter_table('dwell_timer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('machine_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('started_server', desktop.store.types.UTCDateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('dwell_timer', schema=None) as batch_op:
        batch_op.drop_column('started_server')
        batch_op.drop_column('machine_id')
    per_boot: dict[str, dict] = {}  # one row per boot again: its earliest first and latest last reading
    for r in _read_marks(*_OLD):
        seen = per_boot.setdefault(r["boot_id"], dict(r))
        if r["first_mono"] < seen["first_mono"]:
            seen["first_wall"], seen["first_mono"] = r["first_wall"], r["first_mono"]
        if r["last_mono"] > seen["last_mono"]:
            seen["last_wall"], seen["last_mono"] = r["last_wall"], r["last_mono"]
    op.drop_table('clock_mark')
    table = _mark_table(segments=False)
    if per_boot:
        op.bulk_insert(table, list(per_boot.values()))
