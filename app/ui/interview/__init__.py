"""The guided interview in the main window: Who and what, Walk me through it, Check the whole."""
