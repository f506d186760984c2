"""What a wait is for, said with Alt+O / Alt+Q in the real window right after each step is
added, at full typing speed beside a busy core; checked through ``walkthrough export``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.interview_script import Step, define_actions, step_actions
from tests.ui.real_app import RealApp, cli, cpu_hog, missing_tools, virtual_screen

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools()), reason=missing_tools() or "tools present"),
]

STEPS = (
    (Step("Fill in purchase request", "Requester", "", "15 min"), ""),
    (Step("Wait for the supplier quote", "Purchasing", "", "5 min", "3 days"), "alt+o"),
    (Step("Review request", "Manager", "", "10 min", "1 day"), "alt+q"),
    (Step("Pay supplier", "Finance", "", "10 min", "2 days"), ""),
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("real-wait-for")
    database = folder / "walkthrough.sqlite"
    actions = [("key", "ctrl+n"), *define_actions()]
    for step, answer in STEPS:
        actions += step_actions(step)
        if answer:
            actions.append(("key", answer))
    with virtual_screen() as display, cpu_hog():
        app = RealApp(display, database, folder / "data")
        try:
            app.start()
            app.perform(actions)
            app.quit()
        finally:
            app.stop()
    target = folder / "typed.walkthrough.json"
    result = cli(database, "export", "Approve purchase requests", "--to", str(target))
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
    return data


def test_each_wait_holds_the_key_pressed(exported: dict[str, Any]) -> None:
    steps = {step["name"]: step for step in exported["steps"]}
    assert [step["name"] for step in exported["steps"]][-4:] == [step.name for step, _ in STEPS]
    assert steps["Wait for the supplier quote"]["wait_for"] == "outside"
    assert steps["Review request"]["wait_for"] == "queue"
    assert "wait_for" not in steps["Pay supplier"]
    assert "wait_for" not in steps["Fill in purchase request"]
    assert steps["Pay supplier"]["wait_minutes"] == 2880
