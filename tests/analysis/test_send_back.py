"""The send-back convention: a flow marked ``extra["rework"] = True`` is a rework flow."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from app.analysis.chain import sends_work_back
from app.analysis.findings import find_findings
from app.analysis.graph import depth_first
from app.analysis.metrics import compute_metrics
from app.analysis.validate import check_map
from app.process.file import dumps_process, process_from_document
from app.process.model import Flow, Step
from tests.analysis.builder import process, step


def send_back(source: str, target: str, probability: float | None = None) -> Flow:
    return Flow(source, target, probability=probability, extra={"rework": True})


def forward(source: str, target: str, probability: float | None = None) -> Flow:
    return Flow(source, target, probability=probability)


def checked_task() -> list[Flow]:
    """S → A → B → E, and the task B sometimes sends work back to A (2 in 10)."""
    return [forward("S", "A"), forward("A", "B"), send_back("B", "A", 0.2), forward("B", "E")]


def steps_sabe() -> list[Step]:
    return [step("S", "start"), step("A", touch=10), step("B", touch=5), step("E", "end")]


def test_only_true_marks_a_flow() -> None:
    assert sends_work_back(send_back("a", "b"))
    assert not sends_work_back(forward("a", "b"))
    assert not sends_work_back(Flow("a", "b", extra={"rework": "yes"}))


def test_a_task_with_one_forward_flow_and_a_send_back_does_not_branch() -> None:
    codes = [problem.code for problem in check_map(process(steps_sabe(), checked_task()))]
    assert "task_branches" not in codes
    assert codes == []


def test_a_task_with_two_forward_flows_still_branches() -> None:
    flows = [forward("S", "A"), forward("A", "B"), forward("B", "A", 0.2), forward("B", "E")]
    codes = [problem.code for problem in check_map(process(steps_sabe(), flows))]
    assert "task_branches" in codes


def test_a_task_with_two_forward_flows_and_a_send_back_still_branches() -> None:
    steps = [*steps_sabe(), step("F", "end")]
    flows = [*checked_task(), forward("B", "F", 0.1)]
    codes = [problem.code for problem in check_map(process(steps, flows))]
    assert "task_branches" in codes


def test_marked_flow_metrics_follow_its_probability() -> None:
    metrics = compute_metrics(process(steps_sabe(), checked_task()))
    loop = 1 / 0.8
    assert metrics.visits == pytest.approx({"S": 1, "A": loop, "B": loop, "E": 1})
    assert metrics.touch_minutes == pytest.approx(loop * 15)
    assert metrics.rework_flows == (2,)
    assert metrics.first_pass_yield == pytest.approx(0.8)


def test_a_marked_flow_that_is_no_back_edge_is_still_rework() -> None:
    # B sends 3 in 10 to a fix step F, which hands it back to B: B → F is the rework flow
    # because the person said so, and F → B is the ordinary way back into the process.
    steps = [*steps_sabe(), step("F", touch=7)]
    flows = [
        forward("S", "A"),
        forward("A", "B"),
        send_back("B", "F", 0.3),
        forward("B", "E"),
        forward("F", "B"),
    ]
    metrics = compute_metrics(process(steps, flows))
    assert metrics.rework_flows == (2,)
    assert metrics.first_pass_yield == pytest.approx(0.7)
    assert metrics.first_pass_visits["F"] == 0
    assert check_map(process(steps, flows)) == ()


def test_a_forward_flow_is_never_taken_for_a_send_back() -> None:
    # The decision D reaches B before A in file order; B sends work back to A (marked), and
    # A → B is an ordinary flow. Unmarked, the search would call A → B the back edge.
    steps = [step("S", "start"), step("D", "decision"), step("A"), step("B"), step("E", "end")]
    flows = [
        forward("S", "D"),
        forward("D", "B", 0.5),
        forward("D", "A", 0.5),
        forward("A", "B"),
        send_back("B", "A", 0.2),
        forward("B", "E"),
    ]
    metrics = compute_metrics(process(steps, flows))
    assert metrics.rework_flows == (4,)
    assert metrics.first_pass_yield == pytest.approx(0.8)
    unmarked = compute_metrics(process(steps, [*flows[:4], forward("B", "A", 0.2), flows[5]]))
    assert unmarked.rework_flows == (3,)


def test_a_marked_send_back_gets_a_rework_finding() -> None:
    proc = process(steps_sabe(), checked_task(), runs=100)
    kinds = [finding.kind for finding in find_findings(proc, compute_metrics(proc))]
    assert "rework" in kinds


def test_a_step_reached_only_by_a_send_back_is_reached() -> None:
    steps = [*steps_sabe(), step("F", touch=7)]
    flows = [*checked_task()[:2], send_back("B", "F", 0.3), forward("B", "E"), forward("F", "A")]
    codes = [problem.code for problem in check_map(process(steps, flows))]
    assert "unreachable" not in codes


def test_deferred_edges_start_later_walks() -> None:
    # 0 → 1 (deferred), 0 → 2, 2 → 1: 1 is reached from 2, not by the deferred edge.
    search = depth_first([[1, 2], [], [1]], 0, deferred=[{0}, set(), set()])
    assert search.parent == (-1, 2, 0)
    assert search.back_edges == ()
    alone = depth_first([[1], [0]], 0, deferred=[{0}, set()])
    assert alone.reached == (True, True)
    assert alone.parent == (-1, 0)


def test_the_process_file_carries_the_mark_and_the_schema_names_it() -> None:
    document = {
        "format": "walkthrough-process",
        "version": 1,
        "process": {"name": "Check a quote"},
        "lanes": [{"id": "a", "name": "Sales"}],
        "steps": [
            {"id": "s", "lane": "a", "name": "Quote asked", "kind": "start"},
            {"id": "w", "lane": "a", "name": "Write quote"},
            {"id": "c", "lane": "a", "name": "Check quote"},
            {"id": "e", "lane": "a", "name": "Sent", "kind": "end"},
        ],
        "flows": [
            {"from": "s", "to": "w"},
            {"from": "w", "to": "c"},
            {"from": "c", "to": "w", "probability": 0.2, "rework": True},
            {"from": "c", "to": "e"},
        ],
    }
    schema = json.loads(files("app.resources").joinpath("process.schema.json").read_text())
    jsonschema.validate(document, schema)
    assert schema["$defs"]["flow"]["properties"]["rework"]["type"] == "boolean"
    proc = process_from_document(document)
    assert [sends_work_back(flow) for flow in proc.flows] == [False, False, True, False]
    assert json.loads(dumps_process(proc))["flows"][2]["rework"] is True
    assert compute_metrics(proc).first_pass_yield == pytest.approx(0.8)
