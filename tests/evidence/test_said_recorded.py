"""Said against recorded per step: how far apart, from a live analysis and from what is kept."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from app.evidence.report import gather_evidence
from app.evidence.said_recorded import SaidRecorded, ratio_text, step_marks
from app.evidence.stored import with_stored_evidence
from app.process.file import process_from_document, process_to_document
from app.process.model import Process
from tests.evidence.logs import read_csv_text
from tests.evidence.test_compare import MAPPING, hand_map
from tests.evidence.test_stats import HAND_MADE


@pytest.mark.parametrize(
    ("said", "recorded", "closeness"),
    [
        (120, 180, "calm"),  # ×1.5: within
        (120, 181, "apart"),
        (120, 239, "apart"),
        (120, 240, "far"),  # ×2
        (120, 60, "far"),  # ×0.5
        (120, 61, "apart"),
        (120, 0, "far"),
        (0, 59, "calm"),  # nobody said a wait: a few minutes recorded is no gap
        (0, 60, "far"),
    ],
)
def test_how_far_apart(said: float, recorded: float, closeness: str) -> None:
    assert SaidRecorded("wait", said, recorded, 10).closeness == closeness


def test_the_words_on_the_map() -> None:
    item = SaidRecorded("wait", 2 * 1440, 5.5 * 1440, 9812)
    assert (item.text(), item.ratio_text()) == ("said 2 days, recorded 5.5 days", "×2.8")
    unsaid = SaidRecorded("wait", 0, 90, 3)
    assert (unsaid.text(), unsaid.ratio_text()) == ("said none, recorded 1.5 h", "")


def kept(tmp_path: Path) -> Process:
    evidence = gather_evidence(hand_map(), read_csv_text(tmp_path, HAND_MADE), MAPPING)
    return with_stored_evidence(hand_map(), evidence)


def test_marks_come_from_the_figures_kept_with_the_process(tmp_path: Path) -> None:
    process = process_from_document(process_to_document(kept(tmp_path)))
    marks = step_marks(process)
    assert marks is not None
    assert set(marks) == {"A", "B", "C", "D"}  # work steps only
    b = marks["B"]
    assert b.cases == 3
    assert [(c.measure, c.said, c.recorded) for c in b.comparisons] == [
        ("wait", 60, 80.0),
        ("touch", 10, 20.0),
    ]
    assert b.closeness == "far"  # hands-on ×2
    assert marks["C"].closeness == "calm"  # 45 against 30: ×1.5
    assert not marks["D"].seen
    assert marks["A"].comparisons == ()  # always first: nothing waits before it


def test_the_map_said_is_read_as_it_is_now(tmp_path: Path) -> None:
    process = kept(tmp_path)
    steps = tuple(replace(s, wait_minutes=20) if s.id == "C" else s for s in process.steps)
    marks = step_marks(replace(process, steps=steps))
    assert marks is not None
    assert marks["C"].comparisons[0].ratio == pytest.approx(45 / 20)


def test_no_marks_without_an_analysed_log(tmp_path: Path) -> None:
    assert step_marks(hand_map()) is None
    junk = replace(hand_map(), extra={"event_log": {"steps": {"B": {"cases": "many"}}}})
    marks = step_marks(junk)
    assert marks is not None
    assert not marks["B"].seen


def test_the_schema_knows_the_kept_figures(tmp_path: Path) -> None:
    schema = json.loads(files("app.resources").joinpath("process.schema.json").read_text())
    document = process_to_document(kept(tmp_path))
    assert document["process"]["event_log"]["steps"]["B"] == {
        "cases": 3,
        "median_wait_minutes": 80.0,
        "median_touch_minutes": 20.0,
    }
    jsonschema.validate(document, schema)
    document["process"]["event_log"]["steps"]["B"]["median_wait_minutes"] = "long"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


@pytest.mark.parametrize(
    ("ratio", "text"),
    [
        (2.8, "×2.8"),
        (2.0, "×2.0"),
        (1.97, "×1.97"),
        (0.53, "×0.53"),
        (1.46, "×1.46"),
        (0.66, "×0.66"),
        (0.67, "×0.7"),
        (0.504, "×0.504"),
        (0.5, "×0.5"),
    ],
)
def test_a_ratio_never_rounds_onto_a_threshold(ratio: float, text: str) -> None:
    assert ratio_text(ratio) == text
