"""Logs generated from a map with planted deviations: each one found with its exact share."""

from __future__ import annotations

import pytest

from app.evidence.read import read_event_log
from app.evidence.report import Evidence, gather_evidence
from app.evidence.table import summary_lines
from app.process.model import Flow, Lane, Process, Step
from tests.evidence.logs import generated_log

RECEIVE, CHECK, APPROVE, PAY = "Receive invoice", "Check invoice", "Approve invoice", "Pay invoice"
CALL = "Call supplier"
PLANTED = [
    ((RECEIVE, CHECK, APPROVE, PAY), 600),  # the path the map draws
    ((RECEIVE, CHECK, APPROVE, CHECK, APPROVE, PAY), 100),  # sent back, as the map allows
    ((RECEIVE, CHECK, PAY), 150),  # the approval skipped
    ((RECEIVE, CHECK, CALL, APPROVE, PAY), 100),  # an activity the map lacks
    ((RECEIVE, CHECK, RECEIVE, CHECK, APPROVE, PAY), 50),  # a loop the map lacks
]


def invoice_map() -> Process:
    names = [
        "Invoice arrives",
        "Receive the invoice",
        "Check invoice details",
        "Invoice approval",
        "Pay the invoice",
        "Invoice paid",
    ]
    kinds = ["start", "task", "task", "approval", "task", "end"]
    steps = tuple(
        Step(f"s{n}", "ap", name, kind, wait_minutes=60)  # type: ignore[arg-type]
        for n, (name, kind) in enumerate(zip(names, kinds, strict=True))
    )
    chain = [Flow(f"s{n}", f"s{n + 1}") for n in range(5) if n != 3]
    flows = (*chain, Flow("s3", "s4", probability=0.9), Flow("s3", "s2", probability=0.1))
    return Process("Pay invoices", lanes=(Lane("ap", "AP"),), steps=steps, flows=flows)


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Evidence:
    path = generated_log(tmp_path_factory.mktemp("planted"), PLANTED)
    return gather_evidence(invoice_map(), read_event_log(path))


def test_the_names_are_mapped_and_the_extra_activity_is_not(evidence: Evidence) -> None:
    assert evidence.mapping == {RECEIVE: "s1", CHECK: "s2", APPROVE: "s3", PAY: "s4"}
    assert evidence.comparison.extra_in_log == (CALL,)
    assert evidence.comparison.missing_in_log == ()


def test_fitness_counts_the_allowed_send_back_and_nothing_planted(evidence: Evidence) -> None:
    assert evidence.figures.cases == 1000
    assert evidence.comparison.fitness == 0.7


def test_each_deviation_is_an_arc_the_map_lacks_with_its_share(evidence: Evidence) -> None:
    lacking = {
        (arc.source, arc.target): arc.count / evidence.figures.cases
        for arc in evidence.figures.arcs
        if not evidence.comparison.arcs_in_map[arc.source, arc.target]
    }
    assert lacking == {
        (CHECK, PAY): 0.15,  # the skipped approval
        (CHECK, CALL): 0.1,
        (CALL, APPROVE): 0.1,
        (CHECK, RECEIVE): 0.05,  # the loop
    }
    assert evidence.comparison.arcs_in_map[APPROVE, CHECK]  # the send-back the map draws


def test_rework_rates_find_both_loops(evidence: Evidence) -> None:
    activities = evidence.figures.activities
    assert activities[CHECK].rework_rate == 0.15
    assert activities[RECEIVE].rework_rate == 0.05
    assert activities[PAY].rework_rate == 0.0
    assert evidence.figures.rework_rate == 0.15


def test_variant_shares(evidence: Evidence) -> None:
    shares = {variant.path: variant.share for variant in evidence.figures.variants}
    assert shares == {path: count / 1000 for path, count in PLANTED}


def test_branch_shares_said_against_recorded(evidence: Evidence) -> None:
    shares = {(b.step.id, b.target.id): (b.said, b.moves, b.recorded) for b in evidence.branches}
    assert shares == {
        ("s3", "s4"): (0.9, 850, 850 / 950),  # approved: 600 + 100 + 100 + 50
        ("s3", "s2"): (0.1, 100, 100 / 950),  # sent back to the check
    }


def test_the_summary_says_branches_and_moves_the_map_lacks(evidence: Evidence) -> None:
    lines = {line.label: line.value for line in summary_lines(evidence)}
    assert lines["Fitness"] == "70.0% of cases follow a path the map allows"
    assert lines["Branches"] == (
        "Invoice approval → Pay the invoice: said 90%, recorded 89%; "
        "Invoice approval → Check invoice details: said 10%, recorded 11%"
    )
    assert lines["Moves not in the map"] == (
        "Check invoice → Pay invoice (15%), Call supplier → Approve invoice (10%), "
        "Check invoice → Call supplier (10%), Check invoice → Receive invoice (5%)"
    )
