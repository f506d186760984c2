"""The Qt user interface: the only package that imports PySide6 (architecture.md)."""

from app.ui.feature_hook import speed_up_feature_hook

speed_up_feature_hook()
