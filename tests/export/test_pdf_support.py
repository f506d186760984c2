"""Shared helpers for the PDF plan tests (no tests here): poppler/qpdf runners, awkward input."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.export.pdf import PlanOptions
from app.process.control import Control
from app.process.file import read_process_file
from app.process.model import Action, Flow, Goal, Interview, Lane, Process, Step

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
TODAY = dt.date(2026, 12, 1)
OPTIONS = PlanOptions(page_size="A4", author="Sam Whitfield", today=TODAY, invariant=True)
MARKUP = ("S&P", "<b>", "&amp;", "<img src=x>")
SCRIPTS = ("Ελληνικά κείμενο", "Кириллица текст", "שלום עולם", "مرحبا بالعالم")
LONG_NOTE = ("Lorem ipsum dolor sit amet " * 190)[:4900] + "X" * 100  # 5,000 characters


def tool(name: str) -> str:
    """The path of a command-line tool, or skip the test saying what is missing."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (poppler-utils / qpdf): cannot read the PDF back")
    return found


def pdf_text(path: Path) -> str:
    """The PDF's text layer, as a screen reader or search would see it."""
    result = subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def pdf_pages(path: Path) -> int:
    result = subprocess.run(
        [tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("Pages:"))
    return int(line.split()[1])


def sample(name: str) -> Process:
    return read_process_file(SAMPLES / f"{name}.walkthrough.json")


def awkward_process() -> Process:
    """Markup, emoji, four scripts, a 5,000-character note, actions, a future state, control."""
    lanes = (Lane("a", "Clerk <b>"), Lane("b", "Ελληνικά & Co"))
    steps = (
        Step("s", "a", "Start S&P", kind="start"),
        Step(
            "t",
            "a",
            "Check <img src=x>",
            touch_minutes=20,
            wait_minutes=600,
            why="&amp; stays as typed",
            pain_points="Line one\nLine two 😀",
            notes=LONG_NOTE,
            systems=("ERP", "Кириллица"),
        ),
        Step(
            "u",
            "b",
            "שלום עולם",
            kind="approval",
            touch_minutes=5,
            wait_minutes=1440,
            habit=True,
            rekeys_data=True,
        ),
        Step("e", "b", "مرحبا بالعالم", kind="end"),
    )
    flows = (Flow("s", "t"), Flow("t", "u"), Flow("u", "e", "Yes", 0.8), Flow("u", "t", "No", 0.2))
    return Process(
        name="Pay <b>invoices</b> & S&P",
        organisation="Acme & Söhne <GmbH>",
        problem="Too slow: S&P, <b>, &amp;, <img src=x>\n" + "\n".join(SCRIPTS),
        trigger="An invoice 📄 arrives",
        customer="Suppliers",
        runs_per_year=1000,
        hourly_rate=40,
        currency="EUR",
        interviews=(Interview("Ana", "Clerk", "Sam", TODAY, LONG_NOTE),),
        lanes=lanes,
        steps=steps,
        flows=flows,
        goals=(
            Goal(
                "lead_time",
                target=600,
                unit="minutes",
                due=dt.date(2027, 3, 1),
                owner="Ana",
                measured_by="weekly, from the log <sheet>",
            ),
            Goal("errors", target=5, baseline=2, unit="", owner=""),
        ),
        actions=(
            Action(
                "a1",
                "eliminate",
                "Drop the <b> approval",
                steps=("u",),
                owner="Ana & Bo",
                due=dt.date(2027, 1, 31),
                effort=2,
            ),
        ),
        future_state=replace(
            Process(name="Future"),
            lanes=lanes,
            steps=(
                Step("s", "a", "Start", kind="start"),
                Step("t", "a", "Check", touch_minutes=10),
                Step("e", "b", "Done", kind="end"),
            ),
            flows=(Flow("s", "t"), Flow("t", "e")),
        ),
        control=Control(go_live=dt.date(2027, 2, 1)),
    )
