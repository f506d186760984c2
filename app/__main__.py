"""``python -m app`` runs the walkthrough command."""

import sys

from app.cli import main

sys.exit(main())
