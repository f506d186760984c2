"""An approval that is never turned down: its one way out is its story, not a gap."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.analysis.findings import find_findings
from app.analysis.metrics import compute_metrics
from app.analysis.problems import Problem, quick_fixes
from app.analysis.validate import check_map
from app.editing import Refusal
from app.editing.steps import mark_never_rejected
from app.process.file import read_process_file
from app.process.model import Process
from tests.analysis.builder import flow, process, step

SAMPLES = Path(__file__).parents[2] / "resources" / "samples"


def sign_off() -> Process:
    steps = [step("S", "start"), step("A", "approval", touch=5, wait=60), step("E", "end")]
    return process(steps, [flow("S", "A"), flow("A", "E")], runs=100)


def test_a_one_way_approval_is_a_gap_until_marked_never_rejected() -> None:
    before = sign_off()
    assert [p.code for p in check_map(before)] == ["one_way_decision"]
    after = mark_never_rejected(before, "A")
    assert isinstance(after, Process)
    assert check_map(after) == ()
    (approval,) = [f for f in find_findings(after, compute_metrics(after)) if f.kind == "approval"]
    assert "It is never rejected: it adds waiting, not a check." in approval.detail


def test_only_an_approval_can_be_marked_and_only_it_is_offered_the_fix() -> None:
    decision = process(
        [step("S", "start"), step("D", "decision"), step("E", "end")],
        [flow("S", "D"), flow("D", "E")],
    )
    refused = mark_never_rejected(decision, "D")
    assert isinstance(refused, Refusal)
    assert refused.reason == "'Step D' is not an approval: only an approval is signed off."
    problem = Problem("one_way_decision", "x.", ("D",))
    assert [f.key for f in quick_fixes(problem, "decision")] == ["connect_to", "make_task"]
    assert [f.key for f in quick_fixes(problem, "approval")] == [
        "connect_to",
        "never_rejected",
        "make_task",
    ]


def test_the_worked_example_opens_without_a_problem() -> None:
    for path in sorted(SAMPLES.glob("*.walkthrough.json")):
        sample = read_process_file(path)
        assert compute_metrics(sample).problems == (), path.name


def test_a_mark_left_on_an_approval_given_a_second_way_out_no_longer_speaks() -> None:
    marked = mark_never_rejected(sign_off(), "A")
    assert isinstance(marked, Process)
    both = replace(
        marked,
        steps=(*marked.steps, step("B", touch=5)),
        flows=(*marked.flows, flow("A", "B", 0.2), flow("B", "E")),
    )
    assert check_map(both) == ()
    found = find_findings(both, compute_metrics(both))
    (approval,) = [f for f in found if f.kind == "approval"]
    assert "never rejected" not in approval.detail
