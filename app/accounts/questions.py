"""Questions for the next interview, made from where two accounts differ.

Kept under ``Process.extra["accounts"]["questions"]`` as ``{id, text, reason, origin}``; the
interview lists each as a follow-up of the process (answered like any other follow-up, under the
key ``accounts:<id>``), so the next person interviewed is asked.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass

from app.accounts.decisions import ACCOUNTS_KEY, accounts_extra
from app.accounts.differences import Difference
from app.accounts.review import Review, difference_origin
from app.process.model import Process

QUESTIONS_KEY = "questions"
ASK = {
    "missing": "Is this step done? When, and by whom?",
    "order": "In which order are these steps really done?",
    "role": "Who really does this step?",
    "kind": "Is this a plain task, or is something decided or approved here?",
    "branch": "How often does the work go each way from here?",
    "time": "How long does this really take, and how long does it wait?",
}


@dataclass(frozen=True, slots=True)
class AccountQuestion:
    """A question to ask at the next interview, and the difference it came from."""

    id: str
    text: str
    reason: str
    origin: str

    @property
    def rule_id(self) -> str:
        """The key its answer is kept under among the process's follow-up answers."""
        return f"accounts:{self.id}"


def account_questions(process: Process) -> tuple[AccountQuestion, ...]:
    """The questions kept with the process (malformed entries skipped)."""
    found = []
    for item in accounts_extra(process).get(QUESTIONS_KEY, ()):
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "text")):
            found.append(
                AccountQuestion(
                    item["id"],
                    item["text"],
                    str(item.get("reason", "")),
                    str(item.get("origin", "")),
                )
            )
    return tuple(found)


def asked_origins(process: Process) -> frozenset[str]:
    """What the questions were made from, to say "already asked"."""
    return frozenset(q.origin for q in account_questions(process)) - {""}


def with_question(process: Process, review: Review, difference: Difference) -> Process:
    """``process`` with a question about ``difference`` for the next interview."""
    question = {
        "id": uuid.uuid4().hex[:12],
        "text": ASK.get(difference.kind, "Which account is right?"),
        "reason": f"the accounts differ: {difference.detail}",
        "origin": difference_origin(review, difference),
    }
    stored = accounts_extra(process)
    kept = [q for q in stored.get(QUESTIONS_KEY, ()) if isinstance(q, dict)]
    stored[QUESTIONS_KEY] = [*kept, question]
    return dataclasses.replace(process, extra={**process.extra, ACCOUNTS_KEY: stored})
