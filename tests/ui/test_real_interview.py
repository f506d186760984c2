"""A whole interview typed into the real window at full speed, checked through the command line.

The app runs in its own process on a virtual screen; xdotool types the scripted 9-step, 4-role
interview of bench/interview_script.py (a send-back from a task, an approval, two extra ends)
with no delay between keys while another process keeps a core busy. Then ``walkthrough
export`` must show every answer exactly where it was typed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.interview_script import DEFINE, STEPS, interview_actions
from tests.ui.real_app import RealApp, cli, cpu_hog, missing_tools, virtual_screen

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools()), reason=missing_tools() or "tools present"),
]

MINUTES = {"": 0, "5 min": 5, "10 min": 10, "15 min": 15, "20 min": 20, "4 h": 240}
MINUTES |= {"1 day": 1440, "2 days": 2880, "3 days": 4320, "5 days": 7200}
VALUES = {"": None, "y": "value-added", "r": "business-necessary", "n": "non-value-added"}
KINDS = {"": "task", "a": "approval", "d": "decision", "e": "end"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The process file of the interview typed into the real app."""
    folder = tmp_path_factory.mktemp("real-interview")
    database = folder / "walkthrough.sqlite"
    with virtual_screen() as display, cpu_hog():
        app = RealApp(display, database, folder / "data")
        try:
            app.start()
            app.perform(interview_actions())
            app.quit()
        finally:
            app.stop()
    target = folder / "typed.walkthrough.json"
    result = cli(database, "export", "Approve purchase requests", "--to", str(target))
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def test_every_define_answer_is_where_it_was_typed(exported: dict[str, Any]) -> None:
    process, interview = exported["process"], exported["interviews"][0]
    answers = dict(DEFINE)
    for key in ("name", "trigger", "outcome", "customer", "customer_need", "problem"):
        assert process[key] == answers[key], key
    for key in ("scope_in", "scope_out", "inputs"):
        assert process[key] == answers[key], key
    assert process["runs_per_year"] == 30 * 52
    assert process["currency"] == "GBP"
    assert interview["interviewee"] == "Dana Ortiz"
    assert interview["role"] == "Office manager"
    assert interview["interviewer"] == "Sam Whitfield"
    assert interview["date"] == "2026-11-27"


def test_the_roles_are_exactly_the_four_named_with_their_costs(exported: dict[str, Any]) -> None:
    rates = {lane["name"]: lane["hourly_rate"] for lane in exported["lanes"]}
    assert rates == {"Requester": 35, "Manager": 60, "Finance": 45, "Purchasing": 40}


def test_every_step_holds_exactly_what_was_typed(exported: dict[str, Any]) -> None:
    lanes = {lane["id"]: lane["name"] for lane in exported["lanes"]}
    steps = {step["name"]: step for step in exported["steps"]}
    for typed in STEPS:
        step = steps[typed.name]
        assert lanes[step["lane"]] == typed.lane, typed.name
        assert step["kind"] == KINDS[typed.kind_key], typed.name
        assert step["systems"] == ([typed.systems] if typed.systems else []), typed.name
        assert step["touch_minutes"] == MINUTES[typed.touch], typed.name
        assert step["wait_minutes"] == MINUTES[typed.wait], typed.name
        assert step.get("value") == VALUES[typed.value_key], typed.name
    described = {typed.name for typed in STEPS}
    others = {(s["name"], s["kind"]) for s in exported["steps"] if s["name"] not in described}
    assert others == {
        ("Someone needs to buy something", "start"),
        ("Rejected", "end"),
        ("Dropped", "end"),
    }


def test_the_send_back_the_approval_and_the_ends_are_wired(exported: dict[str, Any]) -> None:
    names = {step["id"]: step["name"] for step in exported["steps"]}
    flows = {(names[f["from"]], names[f["to"]]): f for f in exported["flows"]}
    back = flows[("Review request", "Fill in purchase request")]
    assert back["probability"] == pytest.approx(0.2)
    assert back["rework"] is True
    assert flows[("Review request", "Check budget")]["probability"] == pytest.approx(0.8)
    assert flows[("Approve spend", "Rejected")]["label"] == "Rejected"
    assert flows[("Approve spend", "Rejected")]["probability"] == pytest.approx(0.1)
    assert flows[("Check stock", "Dropped")]["probability"] == pytest.approx(0.1)
    assert flows[("Pay supplier", "Paid")]["probability"] is None
    start = next(s["id"] for s in exported["steps"] if s["kind"] == "start")
    assert names[next(f["to"] for f in exported["flows"] if f["from"] == start)] == (
        "Fill in purchase request"
    )
