"""Alembic environment: migrates over the connection Walkthrough passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from app.models.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("Walkthrough migrations need a connection or sqlalchemy.url.")
    with create_engine(url).connect() as own_connection:
        run_migrations(own_connection)
        own_connection.commit()


run()
