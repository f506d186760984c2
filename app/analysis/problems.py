"""A problem found in a map: reported to the person, never raised; and how to fix it on the map."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong or missing in the map, in one plain sentence that names its steps."""

    code: str
    message: str
    step_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QuickFix:
    """One way to fix a problem where it is shown: ``key`` names the edit, ``label`` says it."""

    key: str
    label: str
    kinds: frozenset[str] = frozenset()  # the step kinds it applies to; empty: any


CONNECT_TO = QuickFix("connect_to", "Connect it to…")
CONNECT_FROM = QuickFix("connect_from", "Connect a step to it…")
DELETE_STEP = QuickFix("delete", "Delete the step")
MAKE_END = QuickFix("make_end", "Make it an end")
MAKE_TASK = QuickFix("make_task", "Make it a task")
MAKE_DECISION = QuickFix("make_decision", "Make it a decision")
SHARE_EQUALLY = QuickFix("share_equally", "Share its ways out equally")
ADD_OUTCOME = QuickFix("connect_to", "Add the other outcome…")
NEVER_REJECTED = QuickFix(
    "never_rejected", "It is never rejected (a sign-off)", frozenset({"approval"})
)

QUICK_FIXES: dict[str, tuple[QuickFix, ...]] = {
    "unreachable": (CONNECT_FROM, DELETE_STEP),
    "dead_end": (CONNECT_TO, MAKE_END),
    "one_way_decision": (ADD_OUTCOME, NEVER_REJECTED, MAKE_TASK),
    "probabilities_over_one": (SHARE_EQUALLY,),
    "probabilities_not_one": (SHARE_EQUALLY,),
    "task_branches": (MAKE_DECISION,),
    "trapped_loop": (CONNECT_TO,),
    "several_starts": (MAKE_TASK,),
    "end_has_flows": (MAKE_TASK,),
}


def quick_fixes(problem: Problem, kind: str = "") -> tuple[QuickFix, ...]:
    """The fixes offered beside a problem on the map (none for a map-wide one), for a step of
    ``kind`` when it is given."""
    fixes = QUICK_FIXES.get(problem.code, ()) if problem.step_ids else ()
    return tuple(fix for fix in fixes if not (kind and fix.kinds) or kind in fix.kinds)
