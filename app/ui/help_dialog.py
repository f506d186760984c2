"""The short help page, written in Markdown in resources/help.md."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def help_text() -> str:
    return files("app.resources").joinpath("help.md").read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """A readable, searchable page; links open nothing outside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Walkthrough help")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(help_text())
        self.browser.setAccessibleName("Help")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 640)
