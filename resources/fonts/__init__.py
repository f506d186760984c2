"""Fonts embedded in the PDF plan: DejaVu Sans (see DejaVu-LICENSE.txt)."""
