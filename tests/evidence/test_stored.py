"""The confirmed mapping travels with the process: in its extra JSON, the file and back."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from app.evidence.stored import stored_mapping, with_stored_mapping
from app.process.file import process_from_document, process_to_document
from tests.evidence.logs import read_csv_text
from tests.evidence.test_compare import hand_map


def test_the_mapping_survives_the_process_file(tmp_path: Path) -> None:
    log = read_csv_text(tmp_path, "case,activity,timestamp\n1,a,2026-01-05 09:00\n1,b,2026-01-06")
    process = with_stored_mapping(hand_map(), log, {"b": "B", "a": "A"})
    again = process_from_document(process_to_document(process))
    assert stored_mapping(again) == {"a": "A", "b": "B"}
    assert again.extra["event_log"] == {
        "log": "log.csv",
        "date_range": ["2026-01-05T09:00:00+00:00", "2026-01-06T00:00:00+00:00"],
        "mapping": {"a": "A", "b": "B"},
    }


def test_steps_deleted_since_are_dropped_and_junk_is_ignored(tmp_path: Path) -> None:
    log = read_csv_text(tmp_path, "case,activity,timestamp\n1,a,2026-01-05")
    process = with_stored_mapping(hand_map(), log, {"a": "A", "gone": "Z"})
    assert stored_mapping(process) == {"a": "A"}
    assert stored_mapping(hand_map()) is None
    junk = replace(hand_map(), extra={"event_log": {"mapping": ["not", "a", "mapping"]}})
    assert stored_mapping(junk) is None


def test_the_schema_knows_the_stored_mapping(tmp_path: Path) -> None:
    schema = json.loads(files("app.resources").joinpath("process.schema.json").read_text())
    log = read_csv_text(tmp_path, "case,activity,timestamp\n1,a,2026-01-05")
    document = process_to_document(with_stored_mapping(hand_map(), log, {"a": "A"}))
    jsonschema.validate(document, schema)
    document["process"]["event_log"]["mapping"] = {"a": 3}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
