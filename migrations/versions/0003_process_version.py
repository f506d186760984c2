"""a version on every process, for saves that refuse to overwrite a change made elsewhere

Revision ID: 0003_process_version
Revises: 0002_plan_control
Create Date: 2026-11-29

Every save raises ``processes.version`` by one and is refused when the version it was based on
is no longer the stored one (two windows, two laptops on a shared folder, a team server).

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = '0003_process_version'
down_revision: Union[str, Sequence[str], None] = '0002_plan_control'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('version', sa.Integer(), nullable=False, server_default='1')
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('processes', schema=None) as batch_op:
        batch_op.drop_column('version')
