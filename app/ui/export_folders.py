"""Where file dialogs open: the folder last used for that kind of file, else Documents.

Without this the dialogs open in the current folder, which for `make run` is the repository.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.ui import settings


def documents_folder() -> Path:
    """The user's Documents folder, else their home folder."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    found = QStandardPaths.writableLocation(location)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


def folder_for(kind: str) -> Path:
    """The folder last used for ``kind`` (".pdf", "import"…), if it still exists."""
    value = settings.settings().value(f"folders/{kind}", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def start_path(kind: str, file_name: str = "") -> str:
    """What a file dialog for ``kind`` starts with: the folder, and the suggested name."""
    folder = folder_for(kind)
    return str(folder / file_name) if file_name else str(folder)


def remember_folder(kind: str, chosen: Path) -> None:
    """Keep the folder of a chosen file for the next dialog of the same kind."""
    settings.settings().setValue(f"folders/{kind}", str(chosen.parent))
