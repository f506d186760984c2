"""Structural edits of a map as pure functions: a new Process out, or a one-sentence refusal.

Qt-free: the UI turns each result into one undoable ``store.apply``; tests run without a display.
"""

from app.editing.result import Edited, Refusal, refused

__all__ = ["Edited", "Refusal", "refused"]
