"""Map checks: each problem reported once, in plain words, naming its steps."""

from __future__ import annotations

from app.analysis.validate import check_map
from tests.analysis.builder import flow, process, step


def test_a_sound_map_has_no_problems() -> None:
    steps = [step("S", "start"), step("A"), step("E", "end")]
    assert check_map(process(steps, [flow("S", "A"), flow("A", "E")])) == ()


def test_empty_map() -> None:
    (problem,) = check_map(process([], []))
    assert problem.code == "empty"


def test_no_start() -> None:
    problems = check_map(process([step("A"), step("E", "end")], [flow("A", "E")]))
    assert [p.code for p in problems] == ["no_start"]


def test_several_starts_name_them() -> None:
    steps = [step("S1", "start"), step("S2", "start"), step("E", "end")]
    problems = check_map(process(steps, [flow("S1", "E"), flow("S2", "E")]))
    assert problems[0].code == "several_starts"
    assert problems[0].step_ids == ("S1", "S2")
    assert "'Step S1' and 'Step S2'" in problems[0].message
    assert [p.code for p in problems[1:]] == ["unreachable"]  # S2 is not reached from S1


def test_unreachable_and_dead_end() -> None:
    steps = [step("S", "start"), step("A"), step("B"), step("E", "end")]
    problems = check_map(process(steps, [flow("S", "A"), flow("A", "E")]))
    assert [(p.code, p.step_ids) for p in problems] == [
        ("unreachable", ("B",)),
        ("dead_end", ("B",)),
    ]
    assert problems[1].message == (
        "'Step B' leads nowhere: say what happens next, or make it an end."
    )


def test_unknown_step_in_a_flow() -> None:
    steps = [step("S", "start"), step("E", "end")]
    problems = check_map(process(steps, [flow("S", "E"), flow("S", "ghost")]))
    assert [(p.code, p.step_ids) for p in problems] == [("unknown_step", ("S",))]
    assert "unknown step 'ghost'" in problems[0].message


def test_task_that_branches() -> None:
    steps = [step("S", "start"), step("A"), step("E1", "end"), step("E2", "end")]
    flows = [flow("S", "A"), flow("A", "E1"), flow("A", "E2")]
    (problem,) = check_map(process(steps, flows))
    assert (problem.code, problem.step_ids) == ("task_branches", ("A",))
    assert "treated as a decision" in problem.message


def test_probabilities_over_one_say_the_total() -> None:
    steps = [step("S", "start"), step("D", "decision"), step("E1", "end"), step("E2", "end")]
    flows = [flow("S", "D"), flow("D", "E1", 0.9), flow("D", "E2", 0.4)]
    (problem,) = check_map(process(steps, flows))
    assert problem.code == "probabilities_over_one"
    assert "130 %" in problem.message


def test_trapped_loop_names_its_steps() -> None:
    steps = [step("S", "start"), step("A"), step("B"), step("E", "end")]
    problems = check_map(process(steps, [flow("S", "A"), flow("A", "B"), flow("B", "A")]))
    codes = [p.code for p in problems]
    assert codes == ["unreachable", "trapped_loop"]  # E can never be reached
    assert problems[1].step_ids == ("A", "B")


def test_end_with_flows_and_one_way_decision() -> None:
    steps = [step("S", "start"), step("D", "approval"), step("E", "end"), step("X")]
    flows = [flow("S", "D"), flow("D", "E"), flow("E", "X"), flow("X", "E")]
    problems = check_map(process(steps, flows))
    assert [p.code for p in problems] == ["end_has_flows", "unreachable", "one_way_decision"]
    assert problems[2].message == "'Step D' has only one way out: what happens when it is rejected?"


def test_long_lists_of_names_are_shortened() -> None:
    steps = [step("S", "start"), step("E", "end"), *(step(f"U{i}") for i in range(9))]
    flows = [flow("S", "E"), *(flow(f"U{i}", "E") for i in range(9))]
    (problem,) = check_map(process(steps, flows))
    assert problem.message.startswith(
        "'Step U0', 'Step U1', 'Step U2', 'Step U3', 'Step U4' and 4 more"
    )
    assert len(problem.step_ids) == 9


def test_every_problem_on_a_step_offers_a_quick_fix() -> None:
    from app.analysis.problems import Problem, quick_fixes

    codes = [
        "unreachable",
        "dead_end",
        "one_way_decision",
        "probabilities_over_one",
        "probabilities_not_one",
        "task_branches",
        "trapped_loop",
        "several_starts",
        "end_has_flows",
    ]
    for code in codes:
        fixes = quick_fixes(Problem(code, "x.", ("s1",)))
        assert fixes, code
        assert all(fix.label and fix.key for fix in fixes)
    assert quick_fixes(Problem("no_start", "x.")) == ()
