"""The process file: round trips, the schema, and every kind of bad file."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.process.file import (
    MAX_FILE_BYTES,
    ProcessFileError,
    dumps_process,
    loads_process,
    process_from_document,
    process_to_document,
    read_process_file,
    write_process_file,
)
from app.process.model import Flow, Lane, Process, Step

SAMPLES = sorted(
    item for item in files("app.resources.samples").iterdir() if item.name.endswith(".json")
)
SCHEMA = json.loads(files("app.resources").joinpath("process.schema.json").read_text())


def minimal(**changes: Any) -> dict[str, Any]:
    """A valid small process document; ``changes`` replace top-level keys."""
    document: dict[str, Any] = {
        "format": "walkthrough-process",
        "version": 1,
        "process": {"name": "Approve supplier invoices", "runs_per_year": 1200},
        "lanes": [{"id": "ap", "name": "Accounts payable"}],
        "steps": [
            {"id": "s1", "lane": "ap", "name": "Invoice arrives", "kind": "start"},
            {"id": "s2", "lane": "ap", "name": "Match invoice", "touch_minutes": 6},
            {"id": "s3", "lane": "ap", "name": "Paid", "kind": "end"},
        ],
        "flows": [{"from": "s1", "to": "s2"}, {"from": "s2", "to": "s3"}],
    }
    document.update(changes)
    return document


def problems_of(document: Any) -> tuple[str, ...]:
    with pytest.raises(ProcessFileError) as caught:
        process_from_document(document, source="p.json")
    return caught.value.problems


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda item: item.name)
def test_samples_read_and_write_back_identically(sample: Any) -> None:
    text = sample.read_text(encoding="utf-8")
    process = loads_process(text)
    assert process.steps
    assert process.flows
    assert process.lanes
    again = dumps_process(process)
    assert json.loads(again) == json.loads(text)
    assert dumps_process(loads_process(again)) == again


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda item: item.name)
def test_written_files_follow_the_shipped_schema(sample: Any) -> None:
    document = process_to_document(loads_process(sample.read_text(encoding="utf-8")))
    jsonschema.validate(document, SCHEMA)


def test_schema_refuses_what_the_reader_refuses() -> None:
    bad = minimal()
    bad["steps"][1]["touch_minutes"] = -5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
    assert problems_of(bad) == ("steps[1].touch_minutes: must be a number >= 0, got -5",)


def test_unknown_keys_survive_a_round_trip() -> None:
    document = minimal(x_tool={"a": [1, 2]})
    document["process"]["x_colour"] = "teal"
    document["steps"][0]["x_note"] = "kept"
    written = process_to_document(process_from_document(document))
    assert written["x_tool"] == {"a": [1, 2]}
    assert written["process"]["x_colour"] == "teal"
    assert written["steps"][0]["x_note"] == "kept"


def test_write_and_read_a_file(tmp_path: Path) -> None:
    process = process_from_document(minimal())
    path = tmp_path / "p.walkthrough.json"
    write_process_file(process, path)
    assert read_process_file(path) == process
    assert not list(tmp_path.glob("*.part"))


TEXTS = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=60)


@given(
    name=TEXTS.filter(lambda text: text.strip()),
    why=TEXTS,
    touch=st.floats(0, 1e6),
    probability=st.one_of(st.none(), st.floats(0, 1)),
)
def test_any_text_and_number_round_trips(
    name: str, why: str, touch: float, probability: float | None
) -> None:
    process = Process(
        name=name,
        lanes=(Lane("l", name),),
        steps=(
            Step("a", "l", name, touch_minutes=touch, why=why),
            Step("b", "l", why if why.strip() else "x"),
        ),
        flows=(Flow("a", "b", label=why, probability=probability),),
    )
    text = dumps_process(process)
    assert loads_process(text) == process
    assert dumps_process(loads_process(text)) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"format": "walkthrough-process",\n  "version": 1,,}', "line 2, column 16"),
        ("[1, 2]", "must hold a JSON object, not a list"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        ('{"format": "walkthrough-process", "version": NaN}', "NaN is not a number JSON allows"),
        ("[" * 100_000, "is nested too deeply"),
    ],
)
def test_unreadable_text_is_refused_with_its_place(raw: str | bytes, expected: str) -> None:
    with pytest.raises(ProcessFileError, match=expected):
        loads_process(raw, source="p.json")


def test_a_newer_format_version_names_itself() -> None:
    (problem,) = problems_of(minimal(version=2))
    assert problem == (
        "version: the file is format version 2; this Walkthrough reads up to 1: "
        "update Walkthrough to open it"
    )


def test_every_broken_rule_is_reported_with_its_place() -> None:
    document = minimal()
    document["process"]["name"] = ""
    document["process"]["hourly_rate"] = "45"
    document["steps"][1].update(lane="ops", wait_minutes=-1, kind="meeting", habit="yes")
    document["steps"][2]["id"] = "s1"
    document["flows"].append({"from": "s2", "to": "s9", "probability": 1.5})
    document["lanes"].append("not an object")
    assert set(problems_of(document)) == {
        "process.name: must not be empty",
        "process.hourly_rate: must be a number >= 0, got '45'",
        "steps[1].kind: must be one of approval, decision, end, start, task, got 'meeting'",
        "steps[1].wait_minutes: must be a number >= 0, got -1",
        "steps[1].habit: must be true or false, got 'yes'",
        "lanes[1]: must be an object, got 'not an object'",
        "steps[1].lane: no lane 'ops'",
        "steps[2].id: 's1' is used twice",
        "flows[2].probability: must be a number >= 0 and <= 1, got 1.5",
        "flows[2].to: no step 's9'",
        "flows[1].to: no step 's3'",
    }


def test_the_error_message_leads_with_the_first_place() -> None:
    document = minimal()
    document["steps"][2]["lane"] = "ops"
    with pytest.raises(ProcessFileError) as caught:
        process_from_document(document, source="p.json")
    assert str(caught.value) == "p.json: steps[2].lane: no lane 'ops'"


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (
            "interviews",
            [{"date": "31/03/2027"}],
            "interviews[0].date: must be a date written YYYY-MM-DD, got '31/03/2027'",
        ),
        (
            "goals",
            [{"metric": "lead_time", "target": True}],
            "goals[0].target: must be a number >= 0, got true",
        ),
        ("goals", [{"target": 3}], "goals[0].metric: is required"),
        ("steps", {"s1": {}}, "steps: must be a list, got an object"),
        ("process", None, "process: is required"),
    ],
)
def test_wrong_types_are_named(key: str, value: Any, expected: str) -> None:
    assert expected in problems_of(minimal(**{key: value}))


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(
        ProcessFileError, match=r"big.json: the file is 20.0 MB; process files over 20 MB"
    ):
        read_process_file(path)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ProcessFileError, match="cannot be read"):
        read_process_file(tmp_path / "nope.json")
