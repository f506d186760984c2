"""The main window: the process list on the left, the open process on the right."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
)

from app.ui import messages, settings
from app.ui.export_kinds import BPMN, PLAN_PDF, PROCESS_FILE, STEPS_CSV, ExportKind
from app.ui.process_list import ProcessListPanel
from app.ui.save_problems import watch_saves
from app.ui.splitters import remember
from app.ui.store import ProcessStore
from app.ui.welcome import WelcomePage
from app.ui.worker import run_task

if TYPE_CHECKING:
    from app.models.backup import Backup
    from app.models.database import Database
    from app.process.model import Process
    from app.ui.process_page import ProcessPage

log = logging.getLogger(__name__)

IMPORT_FILTER = "Process or BPMN file (*.walkthrough.json *.json *.bpmn);;All files (*)"
DATABASE_FILTER = "Walkthrough database (*.sqlite *.db);;All files (*)"


class MainWindow(QMainWindow):
    """Lists the processes of the open database and shows the selected one."""

    database_opened = Signal(str)

    def __init__(self, store: ProcessStore | None = None) -> None:
        super().__init__()
        self.store = store or ProcessStore(self)
        self._opening = False  # a database is being opened in the background
        self._interview_asked = False  # Ctrl+N came before it was open
        self.resize(default_size(self))
        self.process_list = ProcessListPanel(self.store, self)
        self.welcome = WelcomePage(self)
        self._process_page: ProcessPage | None = None
        self._failed_path: Path | None = None  # a database that could not be opened
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        splitter = QSplitter(parent=self)  # horizontal; by keyword, no Qt enums load yet
        splitter.addWidget(self.process_list)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 1090])
        splitter.setCollapsible(1, False)
        self._list_folded = remember(splitter, "main", small_screen=[0, 1090])
        self.splitter = splitter
        self.setCentralWidget(splitter)
        self.status = QLabel(self)
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        self.list_action.setChecked(not self._list_folded)  # small screens: the list folded
        splitter.splitterMoved.connect(
            lambda _pos, _index: self.list_action.setChecked(splitter.sizes()[0] > 0)
        )
        self._connect()
        self._update_actions()

    @property
    def process_page(self) -> ProcessPage:
        """The process page, built on first use so the window shows before it loads."""
        if self._process_page is None:
            from app.ui.process_page import ProcessPage

            self._process_page = ProcessPage(self.store, self)
            self.pages.addWidget(self._process_page)
        return self._process_page

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_db_action = self._action(
            "&Open database…", QKeySequence.StandardKey.Open, self.choose_database
        )
        self.new_db_action = self._action("&New database…", None, self.choose_new_database)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.new_interview_action = self._action(
            "&New interview…", QKeySequence.StandardKey.New, self.new_interview
        )
        self.again_action = self._action(
            "Interview someone else about this &process", None, self.interview_again
        )
        self.import_action = self._action(
            "&Import process or BPMN file…", "Ctrl+I", self.choose_import
        )
        exports: tuple[tuple[ExportKind, str | None], ...] = (
            (PROCESS_FILE, "Ctrl+E"),
            (PLAN_PDF, "Ctrl+P"),
            (BPMN, None),
            (STEPS_CSV, None),
        )
        self.export_actions = {
            kind: self._action(f"{kind.menu_text}…", shortcut, partial(self.choose_export, kind))
            for kind, shortcut in exports
        }
        self.samples_action = self._action("Add &example processes", None, self.add_samples)
        self.restore_action = self._action("Restore a &backup…", None, self.choose_backup)
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        file_menu.insertActions(
            self.recent_menu.menuAction(),
            [self.new_interview_action, self.again_action, self.open_db_action, self.new_db_action],
        )
        file_menu.insertSeparator(self.open_db_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        export_menu = file_menu.addMenu("&Export")
        export_menu.addActions(list(self.export_actions.values()))
        export_menu.addSeparator()
        paper_menu = export_menu.addMenu("Plan &paper size")
        paper_menu.aboutToShow.connect(lambda: self._add_paper_menu(paper_menu))
        export_menu.addAction("Your &name on the plan…", self._edit_branding)
        file_menu.addAction(self.samples_action)
        file_menu.addSeparator()
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.store.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.store.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo)])
        self.delete_action = self._action(
            "&Delete process", QKeySequence.StandardKey.Delete, self.delete_current
        )
        # Only the list's Delete key: on the window it would fire from every table and list.
        self.removeAction(self.delete_action)  # the list gets it with the first database
        self.find_action = self._action(
            "&Find process", QKeySequence.StandardKey.Find, self.process_list.search.setFocus
        )
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.find_action])

        view_menu = self.menuBar().addMenu("&View")
        self.list_action = self._action("&Process list", "Ctrl+Shift+L", self.toggle_process_list)
        self.list_action.setCheckable(True)
        self.list_action.setChecked(True)
        view_menu.addAction(self.list_action)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(
            self._action("Walkthrough &help", QKeySequence.StandardKey.HelpContents, self.show_help)
        )
        help_menu.addAction(self._action("&About Walkthrough", None, self.show_about))

    def _scope_delete_key(self) -> None:
        """Give the list its Delete key when a database opens (the window shows before the
        Qt namespace's enums load: ~40 ms)."""
        from PySide6.QtCore import Qt

        if self.delete_action in self.process_list.tree.actions():
            return
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.process_list.tree.addAction(self.delete_action)

    def toggle_process_list(self) -> None:
        """Hide the process list to give the map the whole width, and bring it back."""
        shown = self.list_action.isChecked()
        self.process_list.setVisible(shown)
        sizes = self.splitter.sizes()
        if shown and sizes[0] == 0:  # folded away by dragging: open it at its usual width
            self.splitter.setSizes([230, max(sizes[1] - 230, 0)])

    def _edit_branding(self) -> None:
        """Name, company, logo and accent colour for every plan (saved in the settings)."""
        from app.ui.branding_dialog import BrandingDialog

        BrandingDialog(self).exec()

    def _add_paper_menu(self, menu: QMenu) -> None:
        """A4, Letter, or the paper of the user's locale (the default), remembered; filled
        when first opened (reading the setting is not worth delaying the window for)."""
        if menu.actions():
            return
        group = QActionGroup(self)
        current = settings.paper_size()
        for value, text in (("", "From my locale"), ("A4", "A4"), ("Letter", "US Letter")):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(value == current)
            action.triggered.connect(partial(settings.set_paper_size, value))
            group.addAction(action)

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, parent=self)  # by keyword: no Qt enums load before the window
        if shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])  # setShortcut would load them too
            hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({hint})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.process_list.process_selected.connect(self.show_process)
        self.store.processes_changed.connect(self._update_actions)
        self.store.database_changed.connect(self._database_changed)
        self.store.process_changed.connect(self._process_changed)
        watch_saves(self, self.store)
        self.welcome.samples_requested.connect(self.add_samples)
        self.welcome.interview_requested.connect(self.new_interview)
        self.welcome.import_requested.connect(self.choose_import)

    # Database

    def open_database_async(self, path_or_url: str | None) -> None:
        """Open a database off the GUI thread, so the window stays responsive."""
        from app.models.database import open_database

        self.statusBar().showMessage("Opening the database…")
        self._opening = True
        run_task(lambda: open_database(path_or_url), self._database_ready, self._database_failed)

    def _database_ready(self, database: Database) -> None:
        self.statusBar().clearMessage()
        self._opening = False
        self.store.set_database(database)
        settings.remember_database(database.label)
        self.database_opened.emit(database.label)
        if self._interview_asked:  # Ctrl+N pressed while the database was opening
            self._interview_asked = False
            self.new_interview()
        else:
            QTimer.singleShot(0, self.show_due_reviews)

    def show_due_reviews(self) -> None:
        """Reviews that are due are shown when a database opens, each with its way in."""
        from app.ui.control.due_reviews import DueReviewsDialog, load_due_reviews

        items = load_due_reviews(self.store)
        if not items:
            return
        dialog = DueReviewsDialog(items, today=dt.date.today(), parent=self)
        dialog.open_requested.connect(self.open_review)
        dialog.open()

    def open_review(self, process_id: str, review_id: str) -> None:
        """Open a process on its Control tab with one review's dialog."""
        self.process_list.select(process_id)
        page = self.process_page
        page.tabs.setCurrentWidget(page.control_page)
        page.control_page.open_review(review_id)

    def _database_failed(self, error: Exception) -> None:
        from app.models.database import DatabaseError

        self.statusBar().clearMessage()
        self._opening = self._interview_asked = False
        self._failed_path = error.path if isinstance(error, DatabaseError) else None
        if isinstance(error, DatabaseError) and error.damaged and error.path is not None:
            from app.ui.backup_dialog import choose_backup  # recovery needs no open database

            chosen = choose_backup(self, error.path, problem=str(error))
            if chosen is not None:
                self._restore_and_reopen(error.path, chosen)
                return
        if isinstance(error, DatabaseError):
            messages.show_error(self, "Cannot open the database", str(error))
        else:
            log.error("opening the database failed", exc_info=error)
            messages.show_crash(self, error)
        self._update_actions()

    def _database_changed(self) -> None:
        database = self.store.database
        self._scope_delete_key()
        self._update_title()
        self.status.setText(database.label if database else "")
        last = settings.last_process(database.label) if database else ""
        self.process_list.refresh()
        if last:  # resume where the user left off, mid-interview included
            self.process_list.select(last)
        # Shown again whatever the list announced: a copy of a database has the same ids,
        # and a kept selection announces nothing, while every view holds the old database's.
        self.show_process(self.process_list.current_id())

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs load after the window shows

        from app.ui.export_folders import remember_folder, start_path

        path, _ = QFileDialog.getOpenFileName(
            self, "Open database", start_path("database"), DATABASE_FILTER
        )
        if path:
            remember_folder("database", Path(path))
            self.open_database_async(path)

    def choose_new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.ui.export_folders import remember_folder, start_path

        path, _ = QFileDialog.getSaveFileName(
            self, "New database", start_path("database", "walkthrough.sqlite"), DATABASE_FILTER
        )
        if path:
            remember_folder("database", Path(path))
            self.open_database_async(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for label in settings.recent_databases():
            action = self.recent_menu.addAction(label)
            action.triggered.connect(
                lambda _checked=False, value=label: self.open_database_async(value)
            )
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def choose_backup(self) -> None:
        """Let the user pick a checked backup of the open SQLite database and put it back."""
        from app.ui.backup_dialog import choose_backup

        database = self.store.database
        path = database.path if database is not None else self._failed_path
        if path is None:
            return
        chosen = choose_backup(self, path)
        if chosen is not None:
            self.store.set_database(None)
            self._restore_and_reopen(path, chosen)

    def _restore_and_reopen(self, path: Path, chosen: Backup) -> None:
        from app.ui.backup_dialog import restore_chosen

        done = restore_chosen(self, path, chosen)
        self.open_database_async(str(path))
        if done:
            self.statusBar().showMessage(done)

    # Processes

    def show_process(self, process_id: str) -> None:
        if not process_id or self.store.database is None:
            self._update_title()
            self.pages.setCurrentWidget(self.welcome)
            self.welcome.set_empty(not self.store.summaries())
            self._update_actions()
            return
        self._show_snapshot(self.store.load(process_id))
        if self.store.database is not None:
            settings.remember_process(self.store.database.label, process_id)

    def _finish_editing(self) -> None:
        """Save the field being typed in (it saves on focus out) before the window adds, shows
        or writes processes: a shortcut or a menu leaves the focus where it was, and the next
        reload of the process would replace the typed text."""
        focused, page = QApplication.focusWidget(), self._process_page
        if focused is not None and page is not None and page.isAncestorOf(focused):
            focused.clearFocus()

    def _show_snapshot(self, process: Process) -> None:
        self.process_page.show_process(process)
        self.pages.setCurrentWidget(self.process_page)
        self._update_actions()
        self._update_title(process.name)

    def _update_title(self, process_name: str = "") -> None:
        """“Onboard a new client — walkthrough.sqlite”; Qt adds the app's name once."""
        self.setWindowTitle(window_title(self.store.database, process_name))

    def _process_changed(self, process_id: str) -> None:
        if process_id == self.process_list.current_id():
            self._show_snapshot(self.store.load(process_id))

    def new_interview(self) -> None:
        """Start a new process with its interview, and open it on the interview."""
        from app.interview import start_interview

        self._finish_editing()
        if self.store.database is None:
            self._interview_asked = self._opening  # started as soon as it is open
            return
        fresh = start_interview(today=dt.date.today(), currency=locale_currency())
        process_id = self.store.add_processes([fresh], "New interview")[0]
        self.process_list.search.clear()  # a search could hide the new process
        self.process_list.select(process_id)
        self._open_interview()

    def _open_interview(self) -> None:
        """The interview tab, with the cursor in its first empty question."""
        page = self.process_page
        page.tabs.setCurrentWidget(page.interview_page)
        page.interview_page.focus_current_question(resume=False)

    def interview_again(self) -> None:
        """A further interview of the selected process, with another person."""
        from app.interview import start_interview

        process_id = self.process_list.current_id()
        if not process_id:
            return
        further = start_interview(self.store.load(process_id), today=dt.date.today())
        self.store.apply(further, "New interview")
        self._open_interview()

    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.ui.export_folders import remember_folder, start_path

        path, _ = QFileDialog.getOpenFileName(
            self, "Import a process", start_path("import"), IMPORT_FILTER
        )
        if path:
            remember_folder("import", Path(path))
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from app.export.formats import read_any_process
        from app.models.database import DatabaseError

        self._finish_editing()
        try:
            process, report = read_any_process(path)
            process_id = self.store.add_processes([process], f"Import {path.name}")[0]
        except (ValueError, DatabaseError) as error:
            messages.show_error(self, "Cannot import the file", str(error))
            return
        self.process_list.select(process_id)
        self.statusBar().showMessage(f"Imported {path.name}", 5000)
        from app.ui.exporting import show_import_report

        show_import_report(self, path.name, report)

    def choose_export(self, kind: ExportKind) -> None:
        self._finish_editing()
        process_id = self.process_list.current_id()
        if not process_id:
            return
        process = self.store.load(process_id)
        from app.ui.exporting import choose_target

        path = choose_target(self, process, kind)
        if path is not None:
            self.export_file(process, path)

    def export_file(self, process: Process, path: Path) -> None:
        """Write ``process`` to ``path`` by its extension; the plan is written in the background."""
        from app.ui.exporting import PlanExport, export_now

        if path.suffix.lower() != ".pdf":
            if export_now(self, process, path):
                self.statusBar().showMessage(f"Exported to {path}", 5000)
            return
        self.plan_export = PlanExport(self, process, path)
        self.plan_export.finished.connect(lambda report: self._plan_written(path, report))
        self.plan_export.start()

    def _plan_written(self, path: Path, report: object) -> None:
        if report is None:
            self.statusBar().showMessage("The plan was not written.", 5000)
            return
        self.statusBar().showMessage(f"Wrote the plan to {path}", 8000)
        from app.ui.exporting import plan_notes

        notes = plan_notes(report)
        if notes:
            messages.show_error(self, "Some text could not be drawn", notes)

    def add_samples(self) -> None:
        from app.models.transfer import sample_processes

        self._finish_editing()
        if self.store.database is None:
            return
        present = {summary.name for summary in self.store.summaries()}
        missing = [item for item in sample_processes() if item.name not in present]
        if not missing:
            self.statusBar().showMessage("The example processes are already here.", 5000)
            return
        added = self.store.add_processes(missing, "Add example processes")
        self.statusBar().showMessage(f"Added {len(missing)} example processes.", 5000)
        worked = [pid for pid, item in zip(added, missing, strict=True) if item.future_state]
        if worked:  # the one that shows every tab working, from the interview to control
            self.process_list.select(worked[0])

    def delete_current(self) -> None:
        item = self.process_list.tree.currentItem()
        if item is None:
            return
        name = item.text(0)
        self.store.delete(self.process_list.current_id(), name)
        undo = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.statusBar().showMessage(f"Deleted “{name}”. {undo} brings it back.", 8000)

    def show_help(self) -> None:
        from app.ui.help_dialog import HelpDialog

        HelpDialog(self).exec()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from app import __version__

        QMessageBox.about(
            self,
            "About Walkthrough",
            f"Walkthrough {__version__}\n\n"
            "Interview, measure, map and improve a business process, offline.",
        )

    def _update_actions(self) -> None:
        has_db = self.store.database is not None
        has_process = bool(self.process_list.current_id())
        for action in (self.import_action, self.samples_action, self.new_interview_action):
            action.setEnabled(has_db)
        database = self.store.database
        self.restore_action.setEnabled(
            self._failed_path is not None if database is None else database.path is not None
        )
        for action in (*self.export_actions.values(), self.delete_action, self.again_action):
            action.setEnabled(has_process)

    def closeEvent(self, event: QCloseEvent) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a field being typed in saves on focus out
        settings.settings().setValue("window/geometry", self.saveGeometry())
        self.store.set_database(None)
        super().closeEvent(event)


def window_title(database: Database | None, process_name: str) -> str:
    """The open process and the database, each named once (the app's name is Qt's to add)."""
    if database is None:
        return ""
    name = Path(database.label).name if database.path else database.label
    return f"{process_name} — {name}" if process_name else name


def default_size(window: QMainWindow) -> QSize:
    """1320×840, or the screen's free area when that is smaller (a 1366×768 laptop)."""
    screen = window.screen() or QApplication.primaryScreen()
    wanted = QSize(1320, 840)
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size())


def locale_currency() -> str:
    """The ISO code of the user's locale's currency (en_GB: GBP, de_DE: EUR); USD if none."""
    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if len(code) == 3 and code.isalpha() else "USD"
