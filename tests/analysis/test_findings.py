"""Findings: each one's minutes redone by hand, and the ranking by minutes per year."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.analysis.findings import MAX_WAIT_FINDINGS, find_findings, ranking
from app.analysis.metrics import compute_metrics
from app.process.model import Lane, Process
from tests.analysis.builder import flow, process, sequential, step


def invoice_process() -> Process:
    # S → A (clerk, touch 10, wait 5, re-keys) → C (manager approval, touch 5, wait 60, habit)
    # C sends 30 % back to A; v(A) = v(C) = 1/0.7. Clerk at the process rate 60, manager 120.
    steps = [
        step("S", "start"),
        step("A", touch=10, wait=5, rekeys_data=True),
        step("C", "approval", touch=5, wait=60, lane="b", habit=True),
        step("E", "end", lane="b"),
    ]
    flows = [flow("S", "A"), flow("A", "C"), flow("C", "A", 0.3), flow("C", "E")]
    lanes = [Lane("a", "Clerk"), Lane("b", "Manager", hourly_rate=120)]
    return process(steps, flows, lanes=lanes, runs=100, rate=60)


def findings_by_kind(proc: Process) -> dict[str, list[object]]:
    result: dict[str, list[object]] = {}
    for finding in find_findings(proc, compute_metrics(proc)):
        result.setdefault(finding.kind, []).append(finding)
    return result


def test_each_finding_counts_the_documented_minutes() -> None:
    loop = 1 / 0.7
    found = findings_by_kind(invoice_process())
    (approval,) = found["approval"]
    # v(C) · (touch 5 + wait 60) = 92.86 min per run; money: v · 5/60 h · 120 · 100 runs
    assert approval.minutes_per_run == pytest.approx(loop * 65)  # type: ignore[attr-defined]
    assert approval.minutes_per_year == pytest.approx(loop * 6500)  # type: ignore[attr-defined]
    assert approval.cost_per_year == pytest.approx(loop * 1000)  # type: ignore[attr-defined]
    assert "sends 30 % of it back" in approval.title  # type: ignore[attr-defined]
    (rework,) = found["rework"]
    # taken v(C) · 0.3 = 0.4286 times; a pass is A + C = (10 + 5) + (5 + 60) = 80 min
    assert rework.minutes_per_run == pytest.approx(loop * 0.3 * 80)  # type: ignore[attr-defined]
    assert rework.step_ids == ("A", "C")  # type: ignore[attr-defined]
    # money: 0.4286 · (10/60 h · 60 + 5/60 h · 120) · 100 runs = 0.4286 · 20 · 100
    assert rework.cost_per_year == pytest.approx(loop * 0.3 * 2000)  # type: ignore[attr-defined]
    handoffs = {f.title.split(" to ")[0]: f for f in found["handoff"]}  # type: ignore[attr-defined]
    to_manager, to_clerk = handoffs["Work passes from Clerk"], handoffs["Work passes from Manager"]
    # Clerk → Manager: A→C taken v(A) = 1.4286 times, then C waits 60 — but that wait is the
    # approval finding's already: one finding per cause, so the handoff adds no minutes.
    assert to_manager.minutes_per_run == 0  # type: ignore[attr-defined]
    assert "counted in its own finding" in to_manager.detail  # type: ignore[attr-defined]
    assert to_manager.cost_per_year == 0  # type: ignore[attr-defined]
    # Manager → Clerk: C→A taken 0.4286 times, then A waits 5
    assert to_clerk.minutes_per_run == pytest.approx(loop * 0.3 * 5)  # type: ignore[attr-defined]
    (habit,) = found["habit"]
    # C's time is the approval's already: the habit finding names it and counts nothing again.
    assert habit.minutes_per_run == 0  # type: ignore[attr-defined]
    assert habit.cost_per_year == 0  # type: ignore[attr-defined]
    (rekeyed,) = found["rekeyed"]
    assert rekeyed.minutes_per_run == pytest.approx(loop * 10)  # type: ignore[attr-defined]
    assert rekeyed.waste == "Extra-processing"  # type: ignore[attr-defined]
    # Waits: C is an approval (own finding); A waits 7.14 of 92.86 min, outside the 80 % focus.
    assert "wait" not in found


def test_findings_are_ranked_by_money_when_rates_are_known() -> None:
    proc = invoice_process()
    found = find_findings(proc, compute_metrics(proc))
    assert ranking(proc) == "money"
    money = [finding.cost_per_year for finding in found]
    assert money == sorted(money, reverse=True)
    # Equal money (1,429 USD: approval, re-keying on A): minutes decide.
    assert [f.kind for f in found][:2] == ["approval", "rekeyed"]
    assert found == find_findings(proc, compute_metrics(proc))


def test_findings_are_ranked_by_time_without_rates() -> None:
    base = invoice_process()
    lanes = tuple(replace(lane, hourly_rate=None) for lane in base.lanes)
    proc = replace(base, lanes=lanes, hourly_rate=0)
    found = find_findings(proc, compute_metrics(proc))
    assert ranking(proc) == "time"
    years = [finding.minutes_per_year for finding in found]
    assert years == sorted(years, reverse=True)


def test_waiting_is_kept_apart_from_work() -> None:
    # 1,200 cases a year wait 3 days before t1: Little's law puts 1200 · 4320 / 525600 ≈ 9.9
    # cases in that queue; no one works on them, so no hours of work and no money.
    proc = sequential([10.0], [3 * 24 * 60.0], runs=1200)
    (wait,) = [f for f in find_findings(proc, compute_metrics(proc)) if f.kind == "wait"]
    assert wait.wait_minutes_per_run == 4320
    assert wait.touch_minutes_per_run == 0
    assert wait.work_minutes_per_year == 0
    assert wait.cases_waiting == pytest.approx(1200 * 4320 / 525600)
    assert "A case waits 3 days here on average (calendar time" in wait.detail
    assert "about 9.9 cases in this queue on average" in wait.detail
    assert " h a year" not in wait.detail


def test_waits_are_the_pareto_focus_at_most_ten() -> None:
    proc = sequential([1.0] * 30, [float(100 + i) for i in range(30)], runs=5)
    waits = [f for f in find_findings(proc, compute_metrics(proc)) if f.kind == "wait"]
    assert len(waits) == MAX_WAIT_FINDINGS
    assert waits[0].step_ids == ("t29",)  # the longest wait, 129 min · 5 runs
    assert waits[0].minutes_per_year == 645
    assert waits[0].waste == "Waiting"
    assert waits[0].title == "Work waits 2.1 h before 'Step t29'."


def test_wastes_are_downtime_words() -> None:
    wastes = {
        "Defects", "Overproduction", "Waiting", "Non-utilised talent",
        "Transportation", "Inventory", "Motion", "Extra-processing",
    }  # fmt: skip
    proc = invoice_process()
    assert {f.waste for f in find_findings(proc, compute_metrics(proc))} <= wastes


def test_no_findings_when_metrics_cannot_be_computed() -> None:
    steps = [step("S", "start"), step("A", wait=50), step("B")]
    proc = process(steps, [flow("S", "A"), flow("A", "B"), flow("B", "A")])
    assert find_findings(proc, compute_metrics(proc)) == ()


def test_findings_are_ranked_by_time_when_a_working_lane_has_no_rate() -> None:
    base = invoice_process()
    lanes = (Lane("a", "Clerk"), Lane("b", "Manager", hourly_rate=120))
    assert ranking(replace(base, lanes=lanes, hourly_rate=0)) == "time"  # the clerk's unknown
    assert ranking(base) == "money"
