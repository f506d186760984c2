"""The improvement plan and the control phase in the process file and in the database."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.models import repository
from app.models.database import open_database
from app.models.transfer import sample_processes
from app.process.control import Control, ControlPlanRow, Measurement, Review
from app.process.file import (
    ProcessFileError,
    dumps_process,
    loads_process,
    process_from_document,
    process_to_document,
)
from app.process.model import Action, Process, RootCause, WhyNode
from app.process.plan_file import future_base

SCHEMA = json.loads(files("app.resources").joinpath("process.schema.json").read_text())


def planned() -> Process:
    """The invoices sample with a whole plan: actions, root causes, future state, control."""
    process = sample_processes()[1]
    future = replace(
        future_base(process),
        lanes=process.lanes,
        steps=process.steps[:3],
        flows=process.flows[:2],
        extra={"x_note": "kept"},
    )
    return replace(
        process,
        actions=(
            Action(
                "a1",
                "eliminate",
                "Drop the <b> approval & its queue",
                steps=("s9",),
                finding="approval:s9",
                owner="Dana",
                due=dt.date(2027, 1, 31),
                effort=2,
                impact_minutes_per_year=12_000,
            ),
            Action("a2", "automate", "Read invoices with OCR 😀", steps=("s4",), effort=4),
        ),
        root_causes=(
            RootCause(
                "approval:s9",
                whys=(
                    WhyNode(
                        "Nobody checks the threshold", (WhyNode("No policy"), WhyNode("Habit"))
                    ),
                ),
                fishbone={"Policies": ("No threshold",), "People/Skills": ()},
                conclusion="Set a threshold of 5,000 USD",
            ),
        ),
        fishbone_categories=(
            "People",
            "Policies",
            "Methods",
            "Systems",
            "Inputs",
            "Measures",
            "Place",
        ),
        future_state=future,
        control=Control(
            go_live=dt.date(2027, 2, 1),
            owner="Dana",
            plan=(
                ControlPlanRow("lead_time", how="invoice log", upper_limit=3000, lower_limit=-5),
            ),
            reviews=(
                Review(
                    "day30",
                    "day30",
                    dt.date(2027, 3, 3),
                    dt.date(2027, 3, 4),
                    "holding",
                    {"followed": "yes"},
                ),
                Review("day90", "day90", dt.date(2027, 5, 2)),  # as a go-live schedules it
            ),
            measurements=(Measurement("lead_time", dt.date(2027, 1, 5), 7100.5, "week 1"),),
        ),
    )


def test_a_whole_plan_round_trips_through_the_file() -> None:
    process = planned()
    text = dumps_process(process)
    back = loads_process(text)
    assert back == replace(process, id="")
    assert dumps_process(back) == text
    jsonschema.validate(json.loads(text), SCHEMA)


def test_a_whole_plan_round_trips_through_the_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "plan.sqlite")
    process = planned()
    with db.session() as session:
        process_id = repository.insert_process(session, process)
    with db.session() as session:
        assert repository.load_process(session, process_id) == replace(process, id=process_id)
    db.close()


def document(**changes: Any) -> dict[str, Any]:
    data = process_to_document(sample_processes()[1])
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"actions": [{"id": "a1", "title": "x", "effort": 7}]},
            "actions[0].effort: must be a number >= 0 and <= 5, got 7",
        ),
        (
            {"actions": [{"id": "a1", "title": "x", "verb": "outsource"}]},
            "actions[0].verb: must be one of automate, combine, eliminate, rearrange, simplify, "
            "got 'outsource'",
        ),
        (
            {"actions": [{"id": "a1", "title": "x"}, {"id": "a1", "title": "y"}]},
            "actions[1].id: 'a1' is used twice",
        ),
        (
            {"future_state": {"lanes": [], "steps": [{"id": "f1", "lane": "x", "name": "A"}]}},
            "future_state.steps[0].lane: no lane 'x'",
        ),
        (
            {"root_causes": [{"finding": "wait:s1", "whys": [{"text": 3}]}]},
            "root_causes[0].whys[0]: must be an object with a text, got an object",
        ),
        (
            {"control": {"reviews": [{"id": "r", "kind": "day45", "due": "2027-01-01"}]}},
            "control.reviews[0].kind",
        ),
        ({"fishbone_categories": ["People", ""]}, "fishbone_categories: must be a list of names"),
    ],
)
def test_a_broken_plan_is_refused_with_its_place(changes: dict[str, Any], expected: str) -> None:
    with pytest.raises(ProcessFileError) as caught:
        process_from_document(document(**changes))
    assert any(problem.startswith(expected) for problem in caught.value.problems), (
        caught.value.problems
    )


def test_a_why_chain_too_deep_to_be_real_is_refused() -> None:
    node: dict[str, Any] = {"text": "why", "children": []}
    for _ in range(20):
        node = {"text": "why", "children": [node]}
    with pytest.raises(ProcessFileError, match="goes deeper than 12 whys"):
        process_from_document(document(root_causes=[{"finding": "wait:s1", "whys": [node]}]))
