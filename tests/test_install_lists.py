"""The README's install line and .ci/run install the same Debian packages for a real window."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"sudo apt-get install (.*?)\nmake run", text, re.S)
    assert command is not None, "the README's apt-get line is gone"
    return set(command.group(1).replace("\\", " ").split()) - {"python3-venv", "make"}


def ci_window_packages() -> set[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = re.search(r"window=\((.*?)\)", text, re.S)
    assert listed is not None, ".ci/run no longer names the window's packages"
    return set(listed.group(1).split())


def test_the_readme_and_ci_install_the_same_window_packages() -> None:
    assert readme_packages() == ci_window_packages()
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "xvfb"} <= readme_packages()


def test_make_run_installs_only_the_app_and_says_how_without_a_screen() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = makefile[makefile.index("\nrun:") : makefile.index("\ntest:")]
    assert "$(APP_STAMP)" in run
    assert "xvfb-run -a make run" in run
    app_install = makefile[makefile.index("$(APP_STAMP): ") : makefile.index("$(STAMP): ")]
    assert "-e .\n" in app_install
    assert "[test]" not in app_install
