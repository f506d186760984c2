"""Test-wide setup: Qt offscreen, hypothesis profiles, GUI tests marked ``gui``."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Dates follow the time locale (``31 March 2027``, ``March 31, 2027`` in en_US): fix it for tests.
os.environ.pop("LC_ALL", None)
os.environ["LC_TIME"] = "C.UTF-8"

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=60
)
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=40)
settings.load_profile("ci" if os.environ.get("CI") else "default")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses ``qtbot`` as a GUI test, so ``-m "not gui"`` runs the rest."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Every test gets its own data folder: logs, backups and settings never leak."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("WALKTHROUGH_DATA_DIR", str(folder))
    return folder
