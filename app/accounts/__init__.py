"""Several voices, one process: match what different people said and list where they differ.

Qt-free, like ``app.analysis``. ``compare_accounts`` proposes which steps are the same (never
confirmed by itself) and lists the differences; ``app.accounts.cli`` is ``walkthrough compare``.
"""

from app.accounts.compare import Comparison, compare_accounts
from app.accounts.differences import Account, Difference
from app.accounts.matching import Match, match_accounts, name_likeness

__all__ = [
    "Account",
    "Comparison",
    "Difference",
    "Match",
    "compare_accounts",
    "match_accounts",
    "name_likeness",
]
