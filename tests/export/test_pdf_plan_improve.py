"""The improvement part of the plan read back: root-cause notes (5 whys indented, fishbone by
category, conclusion) exactly as typed, and the action plan's impact and quadrant columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.export.pdf import write_plan_pdf
from app.process.model import Action, Process, RootCause, WhyNode
from app.ui.plan_edits import with_approval_cut, with_future_started
from tests.export.test_pdf_support import OPTIONS, pdf_text, sample

WHY_TREE = (
    WhyNode(
        "Every invoice waits for the budget holder",
        (
            WhyNode("Policy <b>requires</b> S&P sign-off", (WhyNode("Nobody set a limit"),)),
            WhyNode("Budget holder reads mail once a week 😀"),
        ),
    ),
)


def planned_invoices() -> Process:
    process = sample("supplier-invoices")
    causes = (
        RootCause(
            "approval:s9",
            whys=WHY_TREE,
            fishbone={"Policies": ("All invoices routed", "<img src=x>"), "Measurement": ()},
            conclusion="Finance sets a 500 USD limit & owns it",
        ),
        RootCause("wait:gone", conclusion="An old note"),
    )
    actions = (
        Action(
            "a1", "eliminate", "Approve under 500 USD automatically", ("s9",), "approval:s9",
            "Dana Ortiz", dt.date(2027, 3, 31), effort=2,
        ),
        Action("a2", "automate", "OCR the invoices", ("s4",), "rekeyed:s4", effort=4),
    )  # fmt: skip
    planned = replace(process, root_causes=causes, actions=actions)
    future = with_future_started(planned).future_state
    assert future is not None
    return replace(planned, future_state=with_approval_cut(future, "s9"))


@pytest.fixture(scope="module")
def plan_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("plan") / "improve.pdf"
    write_plan_pdf(planned_invoices(), path, options=OPTIONS)
    return " ".join(pdf_text(path).split())


def test_root_causes_print_the_whys_in_order_with_their_depth(plan_text: str) -> None:
    assert "No root-cause notes yet" not in plan_text
    expected = (
        "Why 1: Every invoice waits for the budget holder "
        "Why 2: Policy <b>requires</b> S&P sign-off "
        "Why 3: Nobody set a limit "
        "Why 2: Budget holder reads mail once a week"
    )
    assert expected in plan_text


def test_root_causes_print_the_fishbone_and_the_conclusion(plan_text: str) -> None:
    assert "Policies: All invoices routed; <img src=x>" in plan_text
    assert "Measurement:" not in plan_text
    assert "Root cause the team controls: Finance sets a 500 USD limit & owns it" in plan_text
    assert "wait:gone (no longer on the map)" in plan_text


def test_actions_print_impact_quadrant_and_the_automation_warning(plan_text: str) -> None:
    assert "Saves" in plan_text
    assert "Quick win" in plan_text
    assert "Time sink" in plan_text
    # Eliminating the approval: its waiting per case and its hours of work, apart; automating
    # the re-keying: hands-on time only, no waiting.
    for saving in ("1.7 days less waiting per case", "320 h of work a year", "22,400 USD a year"):
        assert saving in plan_text
    assert "640 h of work a year" in plan_text
    assert plan_text.count("less waiting per case") == 1
    assert "combine and rearrange its waiting" in plan_text
    assert "Optimize before you automate: in 'OCR the invoices', 'Key invoice into ERP'" in (
        plan_text
    )
