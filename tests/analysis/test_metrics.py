"""Metrics checked against sums done by hand (the arithmetic is in the comments)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.analysis.metrics import compute_metrics
from app.process.model import Flow, Lane, Process, Step
from tests.analysis.builder import flow, nested_loops, process, sequential, step


def codes(metrics_problems: object) -> list[str]:
    return [problem.code for problem in metrics_problems]  # type: ignore[attr-defined]


def test_sequential_process_adds_touch_and_wait() -> None:
    # touch 10 + 20 + 30 = 60; wait 5 + 0 + 100 = 105; lead 165.
    metrics = compute_metrics(sequential([10, 20, 30], [5, 0, 100]))
    assert metrics.computable
    assert metrics.touch_minutes == 60
    assert metrics.wait_minutes == 105
    assert metrics.lead_time_minutes == 165
    assert set(metrics.visits.values()) == {1.0}
    assert metrics.first_pass_yield == 1.0
    assert metrics.rework_flows == ()
    assert metrics.problems == ()


def rework_process() -> tuple:  # type: ignore[type-arg]
    steps = [
        step("S", "start"),
        step("A", touch=10, wait=5, value="value-added"),
        step("C", "approval", touch=5, wait=60, lane="b"),
        step("E", "end", lane="b"),
    ]
    flows = [flow("S", "A"), flow("A", "C"), flow("C", "A", 0.3), flow("C", "E")]
    lanes = [Lane("a", "Clerk"), Lane("b", "Manager", hourly_rate=120)]
    return process(steps, flows, lanes=lanes, runs=100, rate=60), flows


def test_one_rework_loop() -> None:
    metrics = compute_metrics(rework_process()[0])
    # C sends 30 % back to A, so v(A) = v(C) = 1 / (1 − 0.3) = 1.428571…; C → E gets 0.7.
    loop = 1 / 0.7
    assert metrics.visits == pytest.approx({"S": 1, "A": loop, "C": loop, "E": 1})
    assert metrics.touch_minutes == pytest.approx(loop * 15)  # (10 + 5) · 1.4286 = 21.43
    assert metrics.wait_minutes == pytest.approx(loop * 65)  # (5 + 60) · 1.4286 = 92.86
    assert metrics.lead_time_minutes == pytest.approx(loop * 80)
    assert metrics.value_added_minutes == pytest.approx(loop * 10)  # only A is value-added
    assert metrics.pce == pytest.approx(10 / 80)  # v cancels: 14.29 / 114.29
    # A→C (Clerk→Manager) v(A)·1 + C→A (Manager→Clerk) v(C)·0.3 = 1.4286 · 1.3 = 1.857
    assert metrics.handoffs == pytest.approx(loop * 1.3)
    assert metrics.approvals == 1
    # A: 1.4286 · 10/60 h · 60 (process rate) = 14.29; C: 1.4286 · 5/60 h · 120 = 14.29
    assert metrics.cost_per_run == pytest.approx(loop * 20)
    assert metrics.annual_cost == pytest.approx(loop * 20 * 100)
    assert metrics.rework_flows == (2,)  # C → A is the back edge
    assert metrics.first_pass_yield == pytest.approx(0.7)


def test_nested_loops_and_branches() -> None:
    # S → A → B; B: back to A 0.5, on to C 0.5; C: back to A 0.25, on to E 0.75.
    steps = [
        step("S", "start"),
        step("A", touch=10, wait=30),
        step("B", "decision", touch=5),
        step("C", "decision", touch=20, wait=60),
        step("E", "end"),
    ]
    flows = [
        flow("S", "A"),
        flow("A", "B"),
        flow("B", "A", 0.5),
        flow("B", "C"),
        flow("C", "A", 0.25),
        flow("C", "E"),
    ]
    metrics = compute_metrics(process(steps, flows))
    # v(A) = 1 + 0.5·v(B) + 0.25·v(C), v(B) = v(A), v(C) = 0.5·v(B)
    # → v(A) = 1 + 0.5·v(A) + 0.125·v(A) → v(A) = 1 / 0.375 = 8/3; v(C) = 4/3; v(E) = 0.75·4/3 = 1
    assert metrics.visits == pytest.approx({"S": 1, "A": 8 / 3, "B": 8 / 3, "C": 4 / 3, "E": 1})
    # touch: 8/3·10 + 8/3·5 + 4/3·20 = 200/3; wait: 8/3·30 + 4/3·60 = 160
    assert metrics.touch_minutes == pytest.approx(200 / 3)
    assert metrics.wait_minutes == pytest.approx(160)
    assert metrics.lead_time_minutes == pytest.approx(200 / 3 + 160)
    # Depth-first from S, flows in order: B → A and C → A meet A on the search path.
    assert metrics.rework_flows == (2, 4)
    # First pass: B forward 0.5, then C forward 0.75 → 0.375
    assert metrics.first_pass_yield == pytest.approx(0.375)
    assert metrics.first_pass_visits == pytest.approx(
        {"S": 1, "A": 1, "B": 1, "C": 0.5, "E": 0.375}
    )


@pytest.mark.parametrize(("depth", "back"), [(1, 0.5), (5, 0.2), (60, 0.05)])
def test_deep_loops_inside_loops(depth: int, back: float) -> None:
    metrics = compute_metrics(nested_loops(depth, back))
    # Each loop level multiplies the visits by 1 / (1 − back).
    for level in range(1, depth + 1):
        assert metrics.visits[f"A{level}"] == pytest.approx((1 - back) ** -level)
        assert metrics.visits[f"D{level}"] == pytest.approx((1 - back) ** -level)
    assert metrics.visits["end"] == pytest.approx(1.0)
    assert metrics.first_pass_yield == pytest.approx((1 - back) ** depth)
    assert len(metrics.rework_flows) == depth


def test_partial_probabilities_share_the_remainder() -> None:
    # D gives 0.5 to X; Y and Z have none and share the other 0.5: 0.25 each.
    steps = [step("S", "start"), step("D", "decision")]
    steps += [step(name, touch=minutes) for name, minutes in (("X", 4), ("Y", 8), ("Z", 16))]
    steps.append(step("E", "end"))
    flows = [flow("S", "D"), flow("D", "X", 0.5), flow("D", "Y"), flow("D", "Z")]
    flows += [flow(name, "E") for name in "XYZ"]
    metrics = compute_metrics(process(steps, flows))
    assert metrics.visits["X"] == pytest.approx(0.5)
    assert metrics.visits["Y"] == pytest.approx(0.25)
    assert metrics.visits["Z"] == pytest.approx(0.25)
    assert metrics.touch_minutes == pytest.approx(0.5 * 4 + 0.25 * 8 + 0.25 * 16)  # 8
    assert metrics.problems == ()


def branch_of(probabilities: list[float | None], kind: str = "decision") -> dict[str, float]:
    names = [f"X{i}" for i in range(len(probabilities))]
    steps = [step("S", "start"), step("D", kind), *(step(n) for n in names), step("E", "end")]  # type: ignore[arg-type]
    flows = [flow("S", "D"), *(flow("D", n, p) for n, p in zip(names, probabilities, strict=True))]
    flows += [flow(n, "E") for n in names]
    metrics = compute_metrics(process(steps, flows))
    return {"codes": codes(metrics.problems), **{n: metrics.visits[n] for n in names}}  # type: ignore[dict-item]


def test_probabilities_over_one_are_reported_and_scaled() -> None:
    result = branch_of([0.8, 0.6, None])
    assert result["codes"] == ["probabilities_over_one"]
    # 0.8 and 0.6 kept, the third gets what is left (nothing); scaled by 1.4.
    assert result["X0"] == pytest.approx(0.8 / 1.4)
    assert result["X1"] == pytest.approx(0.6 / 1.4)
    assert result["X2"] == 0.0


def test_probabilities_below_one_are_reported_and_scaled() -> None:
    result = branch_of([0.2, 0.2])
    assert result["codes"] == ["probabilities_not_one"]
    assert result["X0"] == pytest.approx(0.5)


def test_a_task_that_branches_is_treated_like_a_decision() -> None:
    result = branch_of([None, None, 0.5], kind="task")
    assert result["codes"] == ["task_branches"]
    assert (result["X0"], result["X1"], result["X2"]) == pytest.approx((0.25, 0.25, 0.5))


def test_a_single_flow_ignores_its_probability() -> None:
    metrics = compute_metrics(
        process([step("S", "start"), step("E", "end")], [flow("S", "E", 0.3)])
    )
    assert metrics.visits["E"] == 1.0


def test_a_loop_with_no_way_out_cannot_be_computed() -> None:
    steps = [step("S", "start"), step("A", touch=5), step("B", touch=5), step("E", "end")]
    flows = [flow("S", "A"), flow("A", "B"), flow("B", "A")]
    metrics = compute_metrics(process(steps, flows))
    assert not metrics.computable
    assert metrics.lead_time_minutes == 0
    assert metrics.visits == {}
    trapped = [p for p in metrics.problems if p.code == "trapped_loop"]
    assert [p.step_ids for p in trapped] == [("A", "B")]
    assert "'Step A' and 'Step B'" in trapped[0].message


def test_a_way_out_of_probability_zero_is_no_way_out() -> None:
    steps = [step("S", "start"), step("D", "decision"), step("E", "end")]
    flows = [flow("S", "D"), flow("D", "D", 1.0), flow("D", "E", 0.0)]
    metrics = compute_metrics(process(steps, flows))
    assert not metrics.computable
    assert "trapped_loop" in codes(metrics.problems)


def test_empty_process() -> None:
    metrics = compute_metrics(process([], []))
    assert not metrics.computable
    assert codes(metrics.problems) == ["empty"]
    assert metrics.lead_time_minutes == 0
    assert metrics.pce == 0


def test_one_step_process() -> None:
    # A lone start step runs once; it reaches no end, so the first-pass yield is 0.
    metrics = compute_metrics(process([step("S", "start", touch=7, wait=3)], []))
    assert metrics.computable
    assert metrics.visits == {"S": 1.0}
    assert metrics.lead_time_minutes == 10
    assert metrics.first_pass_yield == 0.0
    assert codes(metrics.problems) == ["dead_end"]


def test_zero_lead_time_gives_pce_zero() -> None:
    steps = [step("S", "start", value="value-added"), step("E", "end")]
    metrics = compute_metrics(process(steps, [flow("S", "E")]))
    assert metrics.lead_time_minutes == 0
    assert metrics.pce == 0
    assert metrics.first_pass_yield == 1.0


def test_lanes_without_a_rate_use_the_process_rate() -> None:
    steps = [
        step("S", "start"),
        step("A", touch=30, lane="clerk"),
        step("B", touch=30, lane="boss"),
        step("C", touch=30, lane="nowhere"),
        step("E", "end", lane="boss"),
    ]
    flows = [flow("S", "A"), flow("A", "B"), flow("B", "C"), flow("C", "E")]
    lanes = [Lane("a", "Start"), Lane("clerk", "Clerk"), Lane("boss", "Boss", hourly_rate=100)]
    metrics = compute_metrics(process(steps, flows, lanes=lanes, rate=40, runs=10))
    # A: 0.5 h · 40 (process rate) = 20; B: 0.5 h · 100 = 50; C: unknown lane, 0.5 h · 40 = 20
    assert metrics.cost_per_run == pytest.approx(90)
    assert metrics.annual_cost == pytest.approx(900)
    # Lane changes: S(a)→A(clerk), A→B(boss), B→C(nowhere), C→E(boss): 4
    assert metrics.handoffs == pytest.approx(4)


def test_no_start_measures_nothing_but_counts_approvals() -> None:
    steps = [step("A", "approval", touch=5), step("E", "end")]
    metrics = compute_metrics(process(steps, [flow("A", "E")]))
    assert not metrics.computable
    assert metrics.visits == {}
    assert metrics.approvals == 1
    assert "no_start" in codes(metrics.problems)


def test_several_starts_use_the_first() -> None:
    steps = [step("S1", "start", touch=1), step("S2", "start", touch=100), step("E", "end")]
    metrics = compute_metrics(process(steps, [flow("S1", "E"), flow("S2", "E")]))
    assert metrics.touch_minutes == 1
    assert metrics.visits["S2"] == 0
    assert codes(metrics.problems)[0] == "several_starts"


def test_ten_thousand_sequential_steps() -> None:
    metrics = compute_metrics(sequential([1.0] * 10_000, [2.0] * 10_000))
    assert metrics.lead_time_minutes == pytest.approx(30_000)
    assert min(metrics.visits.values()) == 1.0
    assert metrics.first_pass_yield == 1.0


durations = st.floats(min_value=0, max_value=10_000, allow_nan=False)


@given(st.lists(st.tuples(durations, durations), min_size=1, max_size=40))
def test_law_sequential_lead_time_is_touch_plus_wait(figures: list[tuple[float, float]]) -> None:
    touches, waits = [t for t, _ in figures], [w for _, w in figures]
    metrics = compute_metrics(sequential(touches, waits))
    assert metrics.lead_time_minutes == pytest.approx(sum(touches) + sum(waits))


@st.composite
def looped_processes(draw: st.DrawFn) -> object:
    """Sequential tasks with decisions that send work back to an earlier task."""
    size = draw(st.integers(min_value=1, max_value=12))
    steps = [step("S", "start")]
    flows = []
    for i in range(size):
        kind = draw(st.sampled_from(["task", "decision"]))
        steps.append(step(f"T{i}", kind, touch=draw(durations), wait=draw(durations)))
        flows.append(flow(steps[-2].id, f"T{i}"))
        if kind == "decision":
            back = draw(st.integers(min_value=0, max_value=i))
            flows.append(flow(f"T{i}", f"T{back}", draw(st.floats(0, 0.95))))
    steps.append(step("E", "end"))
    flows.append(flow(steps[-2].id, "E"))
    return process(steps, flows)


@given(looped_processes(), st.data())
def test_law_adding_wait_never_lowers_lead_time(proc: object, data: st.DataObject) -> None:
    from dataclasses import replace

    before = compute_metrics(proc)  # type: ignore[arg-type]
    steps = list(proc.steps)  # type: ignore[attr-defined]
    index = data.draw(st.integers(min_value=0, max_value=len(steps) - 1))
    extra = data.draw(st.floats(min_value=0, max_value=1000))
    steps[index] = replace(steps[index], wait_minutes=steps[index].wait_minutes + extra)
    after = compute_metrics(replace(proc, steps=tuple(steps)))  # type: ignore[type-var]
    assert after.lead_time_minutes >= before.lead_time_minutes * (1 - 1e-9)


@st.composite
def arbitrary_maps(draw: st.DrawFn) -> object:
    """Any graph: random kinds, random flows, some probabilities, some missing steps."""
    size = draw(st.integers(min_value=1, max_value=10))
    kinds = st.sampled_from(["start", "task", "approval", "decision", "end"])
    steps = [step(f"N{i}", draw(kinds), touch=1) for i in range(size)]
    ids = st.sampled_from([s.id for s in steps] + ["ghost"])
    probability = st.none() | st.floats(min_value=0, max_value=1.5)
    flows = draw(st.lists(st.builds(flow, ids, ids, probability), max_size=25))
    return process(steps, flows)


@given(arbitrary_maps())
def test_law_visits_are_never_negative_and_yield_is_a_probability(proc: object) -> None:
    metrics = compute_metrics(proc)  # type: ignore[arg-type]
    assert all(value >= -1e-9 for value in metrics.visits.values())
    assert 0.0 <= metrics.first_pass_yield <= 1.0
    assert 0.0 <= metrics.pce <= 1.0 + 1e-9
    trapped = [p for p in metrics.problems if p.code == "trapped_loop"]
    if metrics.computable:  # a loop with no way out is never reached
        assert all(metrics.visits[i] == 0 for p in trapped for i in p.step_ids)
    elif "no_start" not in codes(metrics.problems):
        assert trapped


def test_a_loop_whose_way_out_is_too_small_to_count_is_reported() -> None:
    """Found by the law above: the map's check sees a way out, the solver none."""
    steps = tuple(Step(i, "a", f"Step {i}", "start", touch_minutes=1) for i in ("N0", "N1", "N2"))
    flows = (
        Flow("N0", "N0"),
        Flow("N1", "N0"),
        Flow("N1", "N2"),
        Flow("N0", "N1", probability=2.8261520857086637e-179),
    )
    metrics = compute_metrics(Process(name="p", lanes=(Lane("a", "A"),), steps=steps, flows=flows))
    assert not metrics.computable
    assert "trapped_loop" in codes(metrics.problems)
