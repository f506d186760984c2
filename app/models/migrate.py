"""Alembic, driven from code: upgrade to head, and the config the drift check uses."""

from __future__ import annotations

from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine


def alembic_config(connection: Connection) -> Config:
    """A config whose env.py migrates over ``connection`` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(files("app.migrations")))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction.

    On SQLite, foreign keys are off while migrating: a batch migration rebuilds a table by
    copying it and dropping the old one, and with foreign keys on, that drop would cascade to
    every child row. The integrity check after the migration checks the keys again.
    """
    with as_file(files("app.migrations")), engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            command.upgrade(alembic_config(connection), "head")
            connection.commit()
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Switch SQLite's foreign keys (a PRAGMA that only works outside a transaction)."""
    connection.commit()
    connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    connection.commit()


def check_no_drift(engine: Engine) -> None:
    """Raise if the ORM models and the migrations disagree (``alembic check``)."""
    with engine.connect() as connection:
        command.check(alembic_config(connection))
