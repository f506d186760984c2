"""The map against the log: fitness, what each side lacks, said against recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.evidence.compare import Comparison, compare_log
from app.evidence.report import evidence_json, gather_evidence
from app.evidence.stats import analyse_log
from app.process.model import Process
from tests.analysis.builder import flow, process, step
from tests.evidence.logs import read_csv_text
from tests.evidence.test_stats import HAND_MADE

MAPPING = {"A": "A", "B": "B", "C": "C"}


def hand_map() -> Process:
    """start → A → B → C → end, and A → D → C; D is never recorded."""
    return process(
        [
            step("S", "start"),
            step("A", "decision", wait=5),
            step("B", wait=60, touch=10),
            step("C", wait=30),
            step("D", wait=15),
            step("E", "end"),
        ],
        [
            flow("S", "A"),
            flow("A", "B", 0.8),
            flow("A", "D", 0.2),
            flow("B", "C"),
            flow("D", "C"),
            flow("C", "E"),
        ],
    )


@pytest.fixture
def comparison(tmp_path: Path) -> Comparison:
    log = read_csv_text(tmp_path, HAND_MADE)
    return compare_log(hand_map(), analyse_log(log), MAPPING)


def test_fitness_with_unrecorded_steps_silent(comparison: Comparison) -> None:
    # A,B,C fits twice; A,C fits through the unrecorded D; A,B,B,C repeats B, which the map lacks.
    assert (comparison.fitness, comparison.fitting_cases) == (0.75, 3)


def test_what_each_side_lacks(comparison: Comparison) -> None:
    assert [s.id for s in comparison.missing_in_log] == ["D"]
    assert comparison.extra_in_log == ()
    assert comparison.arcs_in_map == {
        ("A", "B"): True,
        ("B", "C"): True,
        ("A", "C"): True,
        ("B", "B"): False,
    }


def test_said_against_recorded_per_step(comparison: Comparison) -> None:
    by_id = {item.step.id: item for item in comparison.steps}
    b, c = by_id["B"], by_id["C"]
    assert (b.cases, b.wait and b.wait.median, b.wait_ratio) == (3, 80.0, pytest.approx(80 / 60))
    assert (b.touch and b.touch.median, b.touch_ratio) == (20.0, 2.0)
    assert (c.cases, c.wait and c.wait.median, c.wait_ratio) == (4, 45.0, 1.5)
    assert (by_id["D"].cases, by_id["D"].wait, by_id["D"].wait_ratio) == (0, None, None)
    assert by_id["A"].wait_ratio is None  # A always comes first: nothing recorded before it


def test_an_unmapped_activity_is_extra_and_its_cases_do_not_fit(tmp_path: Path) -> None:
    log = read_csv_text(tmp_path, HAND_MADE)
    result = compare_log(hand_map(), analyse_log(log), {"A": "A", "C": "C"})
    assert result.extra_in_log == ("B",)
    assert result.fitness == 0.25  # only A,C
    assert [s.id for s in result.missing_in_log] == ["B", "D"]


def test_the_json_keys_of_the_contract(tmp_path: Path) -> None:
    log = read_csv_text(tmp_path, HAND_MADE)
    payload = evidence_json(gather_evidence(hand_map(), log, MAPPING))
    assert {
        "cases",
        "events",
        "variants",
        "fitness",
        "missing_in_log",
        "extra_in_log",
        "arcs",
        "steps",
        "lead_time_minutes",
    } <= payload.keys()
    assert payload["variants"][0] == {"path": ["A", "B", "C"], "count": 2, "share": 0.5}
    assert payload["missing_in_log"] == ["Step D"]
    assert payload["lead_time_minutes"] == {"median": 165.0, "p85": 210.0, "mean": 137.5}
    arc = next(a for a in payload["arcs"] if (a["from"], a["to"]) == ("B", "B"))
    assert arc == {
        "from": "B",
        "to": "B",
        "count": 1,
        "median_wait_minutes": 120.0,
        "p85_wait_minutes": 120.0,
        "in_map": False,
    }
    step_b = next(s for s in payload["steps"] if s["id"] == "B")
    assert {
        k: step_b[k] for k in ("step", "cases", "median_wait_minutes", "said_wait_minutes")
    } == {
        "step": "Step B",
        "cases": 3,
        "median_wait_minutes": 80.0,
        "said_wait_minutes": 60.0,
    }
