"""``walkthrough compare``: two files, or two interviews of one process; exit 2 on bad input."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from app.accounts.interviews import accounts_of
from app.accounts.review import review_pair, with_decided
from app.cli import main
from app.process.file import dumps_process
from app.process.model import Interview
from tests.accounts.accounts import changed_step, renamed_ids, told
from tests.accounts.voices import two_voices


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_two_files_print_matches_and_differences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = told(6)
    other = changed_step(renamed_ids(base), "x3", touch_minutes=100)  # s4 in the first
    first = write(tmp_path / "a.walkthrough.json", dumps_process(base))
    second = write(tmp_path / "b.walkthrough.json", dumps_process(other))
    assert main(["compare", first, second, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["matches"]) == len(base.steps)
    assert {"a_step", "b_step", "confidence", "confirmed"} <= set(data["matches"][0])
    assert all(m["confirmed"] is False for m in data["matches"])
    assert [d["kind"] for d in data["differences"]] == ["time"]
    assert data["differences"][0]["steps"] == [base.step_by_id()["s4"].name]


def test_two_interviews_of_one_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = told(4)
    again = renamed_ids(base)
    tagged = tuple(dataclasses.replace(s, extra={"interview": 1}) for s in again.steps)
    process = dataclasses.replace(
        base,
        steps=(*base.steps, *tagged),
        flows=(*base.flows, *again.flows),
        lanes=(*base.lanes, *again.lanes),
        interviews=(Interview("Priya"), Interview("Sam")),
    )
    path = write(tmp_path / "p.walkthrough.json", dumps_process(process))
    assert main(["compare", path, "--interview", "1", "--interview", "2"]) == 0
    out = capsys.readouterr().out
    assert "The accounts agree." in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--interview", "1"], "give one PROCESS with --interview N --interview M"),
        (["--interview", "1", "--interview", "3"], "there is no interview 3"),
        ([], "compare needs two accounts"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = write(tmp_path / "p.walkthrough.json", dumps_process(told(3)))
    assert main(["compare", path, *args]) == 2
    error = capsys.readouterr().err.strip()
    assert message in error
    assert "\n" not in error


def test_two_interviews_show_the_matches_a_person_confirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    process = two_voices()
    first, second = accounts_of(process)
    confirmed = next(
        r.match for r in review_pair(process, first, second).rows if r.match.a == ("s4",)
    )
    process = with_decided(process, first, second, confirmed, confirmed=True)
    path = write(tmp_path / "p.walkthrough.json", dumps_process(process))
    assert main(["compare", path, "--interview", "1", "--interview", "2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    decided = {m["a_step"]: m["confirmed"] for m in data["matches"]}
    assert decided["s4"] is True
    assert sum(decided.values()) == 1
    assert (data["a"], data["b"]) == ("Ana Ruiz", "Ben Okafor")
