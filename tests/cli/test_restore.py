"""``walkthrough restore``: the checked backups newest first, and one put back, with no open."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.models import backup
from app.models.database import open_database
from app.models.transfer import add_samples


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_restore_lists_checked_backups_and_puts_one_back_over_a_damaged_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "team.sqlite"
    database = open_database(path)
    add_samples(database)
    database.close()
    backup.take_backup(path, "daily")
    (backup.backup_folder(path) / "20991231-000000-daily.sqlite").write_bytes(b"")
    path.write_bytes(path.read_bytes()[:4096])
    code, _out, err = run(capsys, "--db", str(path), "list")
    assert code == 2
    assert "is damaged" in err
    assert "'walkthrough restore' lists its backups" in err
    code, out, _err = run(capsys, "--db", str(path), "restore")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("  1  ")
    assert "daily" in lines[0]
    assert "2 processes (Approve supplier invoices, Onboard a new client), 32 steps" in lines[0]
    assert lines[1] == "(1 backup(s) fail their check and are not listed.)"
    code, out, _err = run(capsys, "--db", str(path), "restore", "1")
    assert code == 0
    assert out.startswith("Restored. Replaces team.sqlite (which cannot be read")
    assert "The replaced database is kept as" in out
    code, out, _err = run(capsys, "--db", str(path), "list")
    assert code == 0
    assert len(out.splitlines()) == 2


def test_restore_refuses_a_number_not_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.sqlite"
    open_database(path).close()
    code, _out, err = run(capsys, "--db", str(path), "restore", "3")
    assert code == 2
    assert err == "walkthrough: there is no backup number 3; 'walkthrough restore' lists them\n"
