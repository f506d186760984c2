"""Walkthrough: turn "walk me through how you do this" into a measured process and a plan."""

__version__ = "0.1.0"
