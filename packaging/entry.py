"""The bundled app's entry point: the ``walkthrough`` command, exactly as ``python -m app``."""

from __future__ import annotations

import os
import sys

from app.cli import main

if __name__ == "__main__":
    if os.environ.get("WALKTHROUGH_SMOKE_WINDOW"):
        import window_probe

        window_probe.install()
    sys.exit(main())
