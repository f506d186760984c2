"""The future state built from the improvement actions (Qt-free)."""

from app.future.apply import ActionEffect, Applied, apply_actions
from app.future.change import CHANGE_KEY, StepChange, change_of

__all__ = ["CHANGE_KEY", "ActionEffect", "Applied", "StepChange", "apply_actions", "change_of"]
