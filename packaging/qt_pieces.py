"""What the bundle leaves out of Qt and Python: the pieces the app never loads.

The app uses QtCore, QtGui, QtWidgets, QtSvg and QtPrintSupport on a desktop (X11, Wayland,
Windows, macOS) and Qt's offscreen platform for images on the command line. PyInstaller's Qt
hooks also collect every translation (the app installs no QTranslator), the TLS and network
plugins (the app never opens a socket), the embedded-device platforms and the GTK theme (whose
bundled GLib/GTK would clash with the desktop's own). They are dropped here, and so is every
shared library that only they needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from fnmatch import fnmatch
from pathlib import PurePosixPath

Entry = tuple[str, str, str]  # a PyInstaller TOC entry: (destination, source, typecode)
Imports = Callable[[str], Iterable[tuple[str, str | None]]]

EXCLUDED_MODULES = [
    "tkinter",  # no Tk user interface
    "readline",  # GPL-3.0 libreadline, only for the interactive prompt
    "PySide6.QtNetwork",  # never opens a socket
    "pytest",
    "_pytest",
    "psycopg",  # the PostgreSQL driver is an optional extra for shared servers, not bundled
]

DROPPED = [
    "PySide6/*translations/*",
    "PySide6/*plugins/tls/*",
    "PySide6/*plugins/networkinformation/*",
    "PySide6/*plugins/generic/*",
    "PySide6/*plugins/egldeviceintegrations/*",
    "PySide6/*plugins/platformthemes/*gtk3*",
    "PySide6/*plugins/platforms/*eglfs*",
    "PySide6/*plugins/platforms/*linuxfb*",
    "PySide6/*plugins/platforms/*minimal*",
    "PySide6/*plugins/platforms/*vnc*",
    "PySide6/*plugins/platforms/*vkkhrdisplay*",
    "*Qt6Network*",
    "*QtNetwork*",
    "*Qt6EglFS*",
    "*Qt6EglFs*",
]


# PyInstaller's start-up hooks that only matter to programs that start worker processes
# (multiprocessing) or read their own source code (inspect); each costs ~10 ms at every start.
UNNEEDED_STARTUP_HOOKS = {"pyi_rth_multiprocessing", "pyi_rth_inspect"}


def startup_scripts(scripts: list[Entry]) -> list[Entry]:
    """The scripts run at start, without the hooks the app does not need."""
    return [entry for entry in scripts if entry[0] not in UNNEEDED_STARTUP_HOOKS]


def dropped(destination: str) -> bool:
    """Whether a bundled file is one the app never loads."""
    path = PurePosixPath(destination.replace("\\", "/")).as_posix()
    return any(fnmatch(path, pattern) for pattern in DROPPED)


def prunable(entry: Entry) -> bool:
    """A plain library, which is there only if something links to it.

    Extension modules, Qt plugins and Python's library (``libpython3.11.so``,
    ``python311.dll``, or ``Python`` on macOS) are loaded by name instead, and always stay.
    """
    destination, _, typecode = entry
    name = PurePosixPath(destination.replace("\\", "/"))
    return (
        typecode == "BINARY"
        and "plugins" not in name.parts
        and not name.name.lower().startswith(("libpython", "python"))
    )


def keep(toc: list[Entry], imports: Imports) -> list[Entry]:
    """The TOC without the dropped files and the libraries that nothing kept links to.

    A symbolic link goes with its target.
    """
    kept = [entry for entry in toc if not dropped(entry[0])]
    binaries = [entry for entry in kept if entry[2] in ("BINARY", "EXTENSION")]
    roots = [entry for entry in binaries if not prunable(entry)]
    needed = _linked_names(roots, binaries, imports)
    unused = {entry[0] for entry in binaries if prunable(entry) and _name(entry[0]) not in needed}
    removed = unused | {entry[0] for entry in toc if dropped(entry[0])}
    return [
        entry
        for entry in kept
        if entry[0] not in unused and not (entry[2] == "SYMLINK" and entry[1] in removed)
    ]


def _linked_names(roots: list[Entry], files: list[Entry], imports: Imports) -> set[str]:
    """File names of every library the roots link to, directly or through each other."""
    by_name = {_name(entry[0]): entry for entry in files}
    seen: set[str] = set()
    queue = list(roots)
    while queue:
        _, source, _ = queue.pop()
        for name, path in imports(source):
            found = _name(path or name)
            if found in by_name and found not in seen:
                seen.add(found)
                queue.append(by_name[found])
    return seen


def _name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name.lower()
