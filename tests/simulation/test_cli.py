"""``walkthrough simulate``: the documented JSON, the same bytes for a seed, one-line errors."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from app.cli import main

INVOICES = str(files("app.resources.samples").joinpath("supplier-invoices.walkthrough.json"))
QUICK = ["--cases", "200", "--replications", "3", "--warmup", "20"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["simulate", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, INVOICES, *QUICK, "--seed", "4", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    documented = {"cases", "replications", "seed", "lead_time_minutes", "throughput_per_day"}
    documented |= {"wip", "roles", "steps", "cost_per_case", "warnings"}
    assert documented <= set(data)
    assert (data["cases"], data["replications"], data["seed"]) == (200, 3, 4)
    assert set(data["lead_time_minutes"]) == {"mean", "ci95", "p50", "p85", "p95"}
    low, high = data["lead_time_minutes"]["ci95"]
    assert low <= data["lead_time_minutes"]["mean"] <= high
    assert {"step", "mean_wait_minutes", "mean_queue_length"} <= set(data["steps"][0])


def test_people_by_lane_name_and_demand_change_the_roles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [INVOICES, *QUICK, "--json", "--people", "Accounts payable=2", "--demand", "1.5"]
    _, out, _ = run(capsys, *args)
    (role,) = json.loads(out)["roles"]
    assert (role["lane"], role["people"]) == ("ap", 2)
    assert 0 < role["utilisation"] < 1
    assert role["expected_utilisation"] == pytest.approx(role["utilisation"], rel=0.2)


def test_the_same_seed_prints_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, INVOICES, *QUICK, "--json", "--people", "ap=1")[1]
    again = run(capsys, INVOICES, *QUICK, "--json", "--people", "ap=1")[1]
    other = run(capsys, INVOICES, *QUICK, "--json", "--people", "ap=1", "--seed", "9")[1]
    assert first == again
    assert first != other


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--cases", "0"], "--cases: must be a whole number from 1"),
        (["--people", "ap"], "--people: must be LANE=N"),
        (["--people", "ops=2"], "no lane 'ops'"),
        (["--people", "ap=0"], "has 0 people but hands-on work in"),
        (["--demand", "-1"], "--demand: must be a number above 0"),
        (["--state", "future"], "has no future state yet"),
        (["--fast"], "unrecognized arguments: --fast"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    try:
        code, _, err = run(capsys, INVOICES, *args)
    except SystemExit as stop:
        code, err = int(str(stop.code)), capsys.readouterr().err
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1
    assert "usage" not in err


def test_the_text_summary_sets_the_interview_beside_the_simulation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, INVOICES, *QUICK, "--people", "ap=1")
    assert code == 0
    assert "the interview says 13 h before 'Key invoice into ERP'; 1 person in" in out


def test_the_future_state_is_simulated_with_the_process_demand(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(Path(INVOICES).read_text(encoding="utf-8"))
    future_steps = [{**step, "wait_minutes": 0} for step in data["steps"]]
    data["future_state"] = {"lanes": data["lanes"], "steps": future_steps, "flows": data["flows"]}
    path = tmp_path / "future.walkthrough.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    warm = ["--cases", "400", "--replications", "3", "--warmup", "200", "--json"]
    now = json.loads(run(capsys, str(path), *warm)[1])
    then = json.loads(run(capsys, str(path), *warm, "--state", "future")[1])
    assert then["analytic_lead_time_minutes"] < now["analytic_lead_time_minutes"]
    assert then["lead_time_minutes"]["mean"] < now["lead_time_minutes"]["mean"]
    assert then["throughput_per_day"] == pytest.approx(now["throughput_per_day"], rel=0.1)
