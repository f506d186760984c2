"""The bundle leaves out what the app never loads, and keeps what it links to."""

from __future__ import annotations

import pytest
import qt_pieces


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6\\translations\\qt_fr.qm",
    ],
)
def test_unused_qt_pieces_are_dropped(destination: str) -> None:
    assert qt_pieces.dropped(destination)


@pytest.mark.parametrize(
    "destination",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
    ],
)
def test_what_the_app_uses_is_kept(destination: str) -> None:
    assert not qt_pieces.dropped(destination)


def test_libraries_only_dropped_plugins_needed_go_too() -> None:
    toc = [
        ("PySide6/QtGui.abi3.so", "/sp/PySide6/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/sp/gtk3.so", "BINARY"),
        ("libQt6Gui.so.6", "/sp/libQt6Gui.so.6", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "libQt6Gui.so.6", "SYMLINK"),
        ("app/resources/help.md", "/sp/app/resources/help.md", "DATA"),
    ]
    links = {
        "/sp/PySide6/QtGui.abi3.so": [("libQt6Gui.so.6", "/sp/libQt6Gui.so.6")],
        "/sp/libQt6Gui.so.6": [("libfreetype.so.6", None)],
        "/sp/gtk3.so": [("libcairo.so.2", "/usr/lib/libcairo.so.2")],
    }
    kept = qt_pieces.keep(toc, lambda source: links.get(source, []))
    assert [entry[0] for entry in kept] == [
        "PySide6/QtGui.abi3.so",
        "libQt6Gui.so.6",
        "libfreetype.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "app/resources/help.md",
    ]


def test_startup_hooks_for_worker_processes_are_left_out() -> None:
    scripts = [("pyi_rth_multiprocessing", "a", "PYSOURCE"), ("pyi_rth_pyside6", "b", "PYSOURCE")]
    assert qt_pieces.startup_scripts(scripts) == [("pyi_rth_pyside6", "b", "PYSOURCE")]


@pytest.mark.parametrize("python", ["libpython3.11.so.1.0", "python311.dll", "Python"])
def test_python_itself_is_never_pruned(python: str) -> None:
    toc = [(python, f"/py/{python}", "BINARY"), ("libunused.so", "/usr/lib/libunused.so", "BINARY")]
    kept = qt_pieces.keep(toc, lambda source: [])
    assert kept == [(python, f"/py/{python}", "BINARY")]


def test_a_link_to_a_pruned_library_goes_with_it() -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Network.so.6", "/sp/libQt6Network.so.6", "BINARY"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
    ]
    assert qt_pieces.keep(toc, lambda source: []) == []
