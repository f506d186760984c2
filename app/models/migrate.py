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

    SQLite files are updated through ``upgrade.migration_engine`` (real transactions, foreign
    keys off while tables are rebuilt); PostgreSQL runs DDL inside transactions itself.
    """
    with as_file(files("app.migrations")), engine.connect() as connection:
        command.upgrade(alembic_config(connection), "head")
        connection.commit()


def check_no_drift(engine: Engine) -> None:
    """Raise if the ORM models and the migrations disagree (``alembic check``)."""
    with engine.connect() as connection:
        command.check(alembic_config(connection))
