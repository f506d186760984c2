"""A 9-step purchase-approval interview as the keys a consultant presses, and what it must store.

The real-application test (tests/ui/test_real_interview.py) types it into the window with
xdotool; ``make bench`` counts its keystrokes against the aim of issue 11: no more than the
characters of the answers plus two keys per field.
"""

from __future__ import annotations

from dataclasses import dataclass

# One action: ("type", text) types the text; ("key", name) presses an xdotool key name.
Action = tuple[str, str]
TAB: Action = ("key", "Tab")
ADD: Action = ("key", "ctrl+Return")


@dataclass(frozen=True, slots=True)
class Step:
    """One described step: its fields in Tab order (empty answers are skipped with Tab)."""

    name: str
    lane: str
    systems: str = ""
    touch: str = ""
    wait: str = ""
    kind_key: str = ""  # the letter that picks the kind: "a" approval, "d" decision, "e" end
    outcomes: tuple[tuple[str, str, str], ...] = ()  # label, out of 10, goes to
    back_to: str = ""
    back_share: str = ""
    value_key: str = ""  # "y", "r" or "n": does the customer care?


DEFINE: tuple[tuple[str, str], ...] = (
    ("interviewee", "Dana Ortiz"),
    ("role", "Office manager"),
    ("interviewer", "Sam Whitfield"),
    ("date", "27/11/2026"),
    ("name", "Approve purchase requests"),
    ("trigger", "Someone needs to buy something"),
    ("outcome", "The supplier is paid & the goods are in"),
    ("customer", "The requester"),
    ("customer_need", "Goods within 5 working days"),
    ("frequency", "30 per week"),
    ("problem", "Requests wait for days; nobody knows where they are."),
    ("scope_in", "Purchases under 5,000"),
    ("scope_out", "Capital projects"),
    ("inputs", "The request form (requester)"),
    ("lanes", "Requester, Manager, Finance, Purchasing"),
    ("currency", "GBP"),
    ("rates", "Requester 35, Manager 60, Finance 45, Purchasing 40"),
)

STEPS: tuple[Step, ...] = (
    Step("Fill in purchase request", "Requester", "Google Forms", "15 min", value_key="n"),
    Step(
        "Review request",
        "Manager",
        "Email",
        "10 min",
        "1 day",
        back_to="Fill in purchase request",
        back_share="1 in 5",
    ),
    Step("Check budget", "Finance", "Xero", "20 min", "2 days"),
    Step(
        "Approve spend",
        "Finance",
        "Xero",
        "5 min",
        "1 day",
        kind_key="a",
        outcomes=(("Approved", "9", "next step"), ("Rejected", "1", "end")),
    ),
    Step(
        "Check stock",
        "Purchasing",
        "",
        "10 min",
        "4 h",
        kind_key="d",
        outcomes=(("Order", "9", "next step"), ("Dropped", "1", "end")),
    ),
    Step("Raise purchase order", "Purchasing", "Xero", "15 min", "4 h", value_key="r"),
    Step("Receive goods", "Requester", "", "5 min", "5 days", value_key="y"),
    Step("Pay supplier", "Finance", "Xero", "10 min", "3 days"),
    Step("Paid", "Finance", kind_key="e"),
)

CHECK: tuple[str, ...] = ("2 weeks", "40", "30")


def define_actions() -> list[Action]:
    """Who and what: every answer then Tab; the last one Enter, which goes on to the steps."""
    actions: list[Action] = []
    for index, (question, answer) in enumerate(DEFINE):
        if question in ("date", "currency"):  # prefilled: select it to type over it
            actions.append(("key", "ctrl+a"))
        actions.append(("type", answer))
        last = index == len(DEFINE) - 1
        actions.append(("key", "Return") if last else TAB)
    return actions


def step_actions(step: Step) -> list[Action]:
    """One step: its fields in Tab order, then Ctrl+Enter adds it."""
    actions: list[Action] = []
    fields = (step.name, step.lane, step.systems, step.touch, step.wait)
    for text in fields:
        if text:
            actions.append(("type", text))
        actions.append(TAB)
    if step.kind_key:
        actions.append(("type", step.kind_key))
    for label, share, target in step.outcomes:  # the typical two are there: type over them
        for text in (label, share, target):
            actions += [TAB, ("type", text)]
        actions.append(TAB)  # past the row's remove button
    if step.back_to:
        actions += [TAB, ("type", step.back_to), TAB, ("type", step.back_share)]
    elif step.value_key and not step.kind_key:
        actions += [TAB, TAB]
    if step.value_key:
        actions += [TAB, ("type", step.value_key)]
    actions.append(ADD)
    return actions


def check_actions() -> list[Action]:
    """The cross-check answers, then Ctrl+Enter finishes."""
    actions: list[Action] = []
    for answer in CHECK:
        actions += [("type", answer), TAB]
    return [*actions[:-1], ("key", "ctrl+Return")]


def interview_actions() -> list[Action]:
    """The whole interview from Ctrl+N to Finish."""
    actions: list[Action] = [("key", "ctrl+n"), *define_actions()]
    for step in STEPS:
        actions += step_actions(step)
    return [*actions, *check_actions()]


def keystrokes(actions: list[Action]) -> tuple[int, int, int]:
    """(keys pressed, characters of the answers, fields answered) of ``actions``."""
    typed = sum(len(text) for kind, text in actions if kind == "type")
    keys = typed + sum(1 for kind, _ in actions if kind == "key")
    fields = sum(1 for kind, _ in actions if kind == "type")
    return keys, typed, fields
