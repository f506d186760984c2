"""Several accounts: who was interviewed, where their accounts differ (who said what), and the
times several people gave with the value the map uses. Absent when there is one account."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from app.accounts.differences import Account
from app.accounts.interviews import accounts_of
from app.accounts.reconcile import CHOICES, Reconciliation, Spread, StepVoices, reconcile
from app.accounts.review import review_pair
from app.analysis.wording import plain_number
from app.export.pdf.blocks import gap, heading, note, para, table
from app.export.pdf.context import PlanContext
from app.export.pdf.figures import duration
from app.process.model import Process

MAX_DIFFERENCES = 40  # per pair of accounts; the rest are counted
ROOM_FOR_A_START = 140  # points: a heading and about four rows
MAX_TIMES = 40
KINDS = {
    "missing": "Missing step",
    "order": "Order",
    "role": "Role",
    "kind": "Task or decision",
    "branch": "Branch shares",
    "time": "Time",
}
DIFFERENCE_HEADER = ("Kind", "Who said what")
TIMES_HEADER = ("Step", "Told by", "Hands-on: min / median / max", "Wait: min / median / max")


def accounts(ctx: PlanContext) -> list[Flowable]:
    """The section, or nothing at all when fewer than two accounts were told."""
    told = accounts_of(ctx.process)
    if len(told) < 2:
        return []
    reconciled = reconcile(ctx.process)
    story: list[Flowable] = [
        heading("Where accounts differ"),
        para(_intro(ctx.process, told, reconciled)),
    ]
    for other in told[1:]:
        story += _pair(ctx, told[0], other)
    story += _times(ctx, reconciled)
    return story


def _intro(process: Process, told: tuple[Account, ...], reconciled: Reconciliation) -> str:
    people = "; ".join(_who(process, account) for account in told)
    several = sum(1 for voices in reconciled.steps.values() if len(voices.told_by) > 1)
    total = len(reconciled.steps)
    told_by = (
        f"{plain_number(several)} of the map's {plain_number(total)} steps were described by "
        "two of them or more."
        if several
        else "No step is confirmed yet as told by two of them (the Accounts tab), so the "
        "differences below rest on the steps the app proposes as the same."
    )
    return (
        f"{plain_number(len(told))} people told the process, each in their own words: {people}. "
        f"{told_by} Where they differ is often the finding itself."
    )


def _who(process: Process, account: Account) -> str:
    position = account.interview - 1
    role = process.interviews[position].role if position < len(process.interviews) else ""
    return f"{account.label} ({role})" if role.strip() else account.label


def _pair(ctx: PlanContext, first: Account, second: Account) -> list[Flowable]:
    review = review_pair(ctx.process, first, second)
    title = heading(f"{first.label} and {second.label}", 1)
    if not review.differences:
        return [title, note("Their accounts agree.")]
    rows = [[KINDS.get(d.kind, d.kind), d.detail] for d in review.differences[:MAX_DIFFERENCES]]
    differences = table(DIFFERENCE_HEADER, rows, [ctx.portrait.width])
    # a new page only when the heading and a few rows would not fit: the table then splits
    story: list[Flowable] = [CondPageBreak(ROOM_FOR_A_START), title, differences]
    hidden = len(review.differences) - MAX_DIFFERENCES
    if hidden > 0:
        story += [gap(3), note(f"{plain_number(hidden)} more differences are not listed.")]
    unsettled = sum(1 for row in review.rows if row.state == "proposed")
    if unsettled:
        matches = "match is" if unsettled == 1 else "matches are"
        story.append(
            note(
                f"{plain_number(unsettled)} proposed {matches} not confirmed yet: "
                "the differences assume the proposals hold."
            )
        )
    return story


def _times(ctx: PlanContext, reconciled: Reconciliation) -> list[Flowable]:
    several = [v for v in reconciled.steps.values() if v.reconcilable]
    if not several:
        return []
    names = {a.interview: a.label for a in reconciled.accounts}
    steps = {step.id: step.name for step in ctx.process.steps}
    rows = [_time_row(v, steps[v.step_id], names) for v in several[:MAX_TIMES]]
    story: list[Flowable] = [
        gap(),
        heading("Times several people gave", 1),
        para(
            "The map uses the median of what was said unless another value was chosen (marked *)."
        ),
        table(TIMES_HEADER, rows, [ctx.portrait.width]),
    ]
    hidden = len(several) - MAX_TIMES
    if hidden > 0:
        story.append(note(f"{plain_number(hidden)} more steps are not listed."))
    return story


def _time_row(voices: StepVoices, name: str, names: dict[int, str]) -> list[str]:
    told = ", ".join(names.get(n, f"interview {n}") for n in voices.told_by)
    return [
        name,
        told,
        _spread(voices.touch, voices.touch_choice),
        _spread(voices.wait, voices.wait_choice),
    ]


def _spread(spread: Spread, choice: str) -> str:
    if spread.value("min") == spread.value("max"):
        return duration(spread.said[0][1])
    values = [duration(spread.value(c)) + ("*" if c == choice != "median" else "") for c in CHOICES]
    return " / ".join(values)
