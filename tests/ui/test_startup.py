"""The window shows before anything slow loads: no database or PDF library at startup."""

from __future__ import annotations

import subprocess
import sys


def test_the_window_module_loads_no_heavy_library() -> None:
    code = (
        "import sys, app.cli, app.ui.application\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'alembic', 'reportlab', 'defusedxml'})\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
