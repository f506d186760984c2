"""The command line of interchange.md: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from app import __version__
from app.cli import display_problem, main

INVOICES = Path(str(files("app.resources.samples").joinpath("supplier-invoices.walkthrough.json")))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def test_import_prints_the_new_id_and_list_shows_it(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "import", str(INVOICES))
    assert code == 0
    process_id = out.strip()
    assert len(process_id) == 36
    code, out, _ = run(capsys, "list", "--json", "--db", db)
    rows = json.loads(out)
    assert [(row["id"], row["name"], row["steps"]) for row in rows] == [
        (process_id, "Approve supplier invoices", 15)
    ]


def test_export_then_import_then_export_is_identical(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "import", str(INVOICES))
    first, second = tmp_path / "a.walkthrough.json", tmp_path / "b.walkthrough.json"
    assert (
        run(capsys, "--db", db, "export", "Approve supplier invoices", "--to", str(first))[0] == 0
    )
    other_db = str(tmp_path / "other.sqlite")
    process_id = run(capsys, "--db", other_db, "import", str(first))[1].strip()
    assert run(capsys, "--db", other_db, "export", process_id, "--to", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text()) == json.loads(INVOICES.read_text())


def test_export_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "steps.csv"
    assert run(capsys, "export", str(INVOICES), "--to", str(target))[0] == 0
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id,lane,name,kind,touch_minutes,wait_minutes")
    assert len(lines) == 16


def test_sample_adds_the_examples_once(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "sample")
    assert code == 0
    assert out.count("\n") == 2
    assert "already" not in out
    code, out, _ = run(capsys, "--db", db, "sample")
    assert out.count("already there") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "Nothing", "--to", "x.json"],
            "no process has the id or the exact name 'Nothing'",
        ),
        (["export", "Nothing", "--to", "x.docx"], "x.docx: unknown file type"),
        (["import", "/nowhere/p.json"], "/nowhere/p.json: cannot be read"),
        (["analyze", "Nothing", "--json"], "no process has the id or the exact name"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 2
    assert err.count("\n") == 1
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_an_invalid_file_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    run(capsys, "--db", db, "sample")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "walkthrough-process", "version": 1, "process": {"name": "x"},\n'
        ' "lanes": [], "steps": [{"id": "s1", "lane": "ops", "name": "y"}]}'
    )
    code, _, err = run(capsys, "--db", db, "import", str(bad))
    assert (code, err) == (2, f"walkthrough: {bad}: steps[0].lane: no lane 'ops'\n")
    assert len(json.loads(run(capsys, "--db", db, "list", "--json")[1])) == 2


def test_a_newer_database_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "notdb.sqlite"
    db.write_text("hello")
    code, _, err = run(capsys, "--db", str(db), "list")
    assert code == 2
    assert "is not a Walkthrough database" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"walkthrough {__version__}\n"


def test_without_a_display_the_app_says_how_to_run_it() -> None:
    problem = display_problem({})
    if sys.platform.startswith("linux"):
        assert problem is not None
        assert "xvfb-run -a walkthrough" in problem
    assert display_problem({"DISPLAY": ":0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_an_unexpected_error_exits_1_naming_the_log(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: str, data_dir: Path
) -> None:
    import app.models.transfer as transfer

    def explode(_database: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(transfer, "add_samples", explode)
    code, _, err = run(capsys, "--db", db, "sample")
    assert code == 1
    assert (
        err == f"walkthrough: unexpected error (boom); details in {data_dir / 'walkthrough.log'}\n"
    )
    assert "RuntimeError: boom" in (data_dir / "walkthrough.log").read_text()


def test_python_dash_m_app_runs_as_a_separate_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(tmp_path / "m.sqlite"), "import", "/nope.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "walkthrough: /nope.json: cannot be read (No such file or directory)\n"


def test_export_the_plan_as_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    code, out, _ = run(capsys, "export", str(INVOICES), "--to", str(target))
    assert code == 0
    assert out == f"{target}\n"
    assert target.read_bytes().startswith(b"%PDF-")


def test_bpmn_export_and_import_round_trip(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    target = tmp_path / "invoices.bpmn"
    assert run(capsys, "export", str(INVOICES), "--to", str(target))[0] == 0
    assert b"<bpmn:laneSet" in target.read_bytes() or b"laneSet" in target.read_bytes()
    code, out, _ = run(capsys, "--db", db, "import", str(target))
    assert code == 0
    back = tmp_path / "back.walkthrough.json"
    assert run(capsys, "--db", db, "export", out.strip(), "--to", str(back))[0] == 0
    assert json.loads(back.read_text()) == json.loads(INVOICES.read_text())


def test_a_foreign_bpmn_import_reports_what_was_left_out(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    example = Path(__file__).parents[2] / "../shared/data/bpmn-examples/reference-B.2.0.bpmn"
    if not example.exists():
        pytest.skip("the shared BPMN examples are not beside the repository")
    code, out, err = run(capsys, "--db", db, "import", str(example))
    assert code == 0
    assert len(out.strip()) == 36
    assert "walkthrough: note:" in err


def test_hostile_bpmn_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    evil = tmp_path / "evil.bpmn"
    evil.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&e;</definitions>'
    )
    code, out, err = run(capsys, "--db", db, "import", str(evil))
    assert code == 2
    assert out == ""
    assert err.startswith(f"walkthrough: {evil}")
    assert err.count("\n") == 1


def test_a_goal_that_is_no_longer_smart_is_imported_with_a_note(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    data = json.loads(INVOICES.read_text())
    data["goals"][0]["due"] = "2020-03-31"
    old = tmp_path / "old-plan.walkthrough.json"
    old.write_text(json.dumps(data))
    code, out, err = run(capsys, "--db", db, "import", str(old))
    assert code == 0
    assert len(out.strip()) == 36
    assert err.startswith("walkthrough: note: goals[0]: ")
    assert "is due 31 March 2020, which is not after today" in err
