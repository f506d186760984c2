"""The improvement plan read back: text layer, fonts, pages, structure, determinism, cancel."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from app.analysis.findings import find_findings
from app.analysis.goals import goal_sentence
from app.analysis.metrics import compute_metrics
from app.export.pdf import PlanCancelled, write_plan_pdf
from app.process.control import control_from_document
from app.process.model import Process
from tests.export.test_pdf_support import (
    LONG_NOTE,
    MARKUP,
    OPTIONS,
    awkward_process,
    pdf_pages,
    pdf_text,
    sample,
    tool,
)


@pytest.fixture(scope="module")
def invoices_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "invoices.pdf"
    write_plan_pdf(sample("supplier-invoices"), path, options=OPTIONS)
    return path


@pytest.fixture(scope="module")
def awkward_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "awkward.pdf"
    write_plan_pdf(awkward_process(), path, options=OPTIONS)
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_sample_plan_carries_the_key_figures(invoices_pdf: Path) -> None:
    process = sample("supplier-invoices")
    text = _flat(pdf_text(invoices_pdf))
    top = find_findings(process, compute_metrics(process))[0]
    for expected in (
        "Approve supplier invoices",
        "Northfield Components Inc.",
        "Sam Whitfield",
        "1 December 2026",
        "Summary",
        "Scope and SIPOC",
        "Current-state map",
        "Metrics",
        "Findings",
        "The Pareto of waiting",
        "Action plan",
        "Control plan",
        "Sign-off",
        "Appendix",
        "152,720 USD",
        top.title,
        _flat(goal_sentence(process.goals[0], currency="USD")),
        "Set a go-live date to schedule the 30- and 90-day reviews.",
        "No actions yet.",
        "Page 2 of",
    ):
        assert expected in text, expected


def test_sample_plan_embeds_every_font(invoices_pdf: Path) -> None:
    listing = subprocess.run(
        [tool("pdffonts"), str(invoices_pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert listing
    assert all(" yes yes yes " in line for line in listing), listing
    assert not any("Helvetica" in line for line in listing)


def test_sample_plan_is_structurally_sound(invoices_pdf: Path) -> None:
    subprocess.run([tool("qpdf"), "--check", str(invoices_pdf)], check=True, capture_output=True)


def test_sample_plan_has_a_sensible_page_count(invoices_pdf: Path) -> None:
    assert 10 <= pdf_pages(invoices_pdf) <= 25


def test_metadata_names_title_and_author(invoices_pdf: Path) -> None:
    info = subprocess.run(
        [tool("pdfinfo"), str(invoices_pdf)], check=True, capture_output=True, text=True
    ).stdout
    assert "Improvement plan: Approve supplier invoices" in info
    assert "Sam Whitfield" in info
    assert "Subject:" in info


def test_user_text_appears_exactly_as_typed(awkward_pdf: Path) -> None:
    text = pdf_text(awkward_pdf)
    for typed in (*MARKUP, "Pay <b>invoices</b> & S&P", "Acme & Söhne <GmbH>"):
        assert typed in text, typed
    for typed in ("Ελληνικά κείμενο", "Кириллица текст", "Line one\nLine two"):
        assert typed in text, typed


def test_right_to_left_words_keep_every_letter(awkward_pdf: Path) -> None:
    """Hebrew and Arabic are drawn in the order typed (no bidi reordering without rlbidi);
    poppler reads glyph order as visual order and so returns each word reversed."""
    text = pdf_text(awkward_pdf)
    for word in ("שלום", "עולם", "مرحبا", "بالعالم"):
        assert word in text or word[::-1] in text, word


def test_long_notes_wrap_and_split_across_pages(awkward_pdf: Path) -> None:
    """The note is printed twice (interview, appendix), whole, across page breaks."""
    text = pdf_text(awkward_pdf)
    assert text.count("Lorem") == 2 * LONG_NOTE.count("Lorem")
    assert "".join(text.split()).count("X" * 100) == 2


def test_awkward_plan_reports_what_it_cannot_draw(tmp_path: Path) -> None:
    process = replace(awkward_process(), description="CJK 中文, a unicorn 🦄 and 🫠")
    report = write_plan_pdf(process, tmp_path / "plan.pdf", options=OPTIONS)
    assert "中" in report.missing_glyphs
    assert "🫠" in report.missing_glyphs  # named in the report: no bundled font draws it
    assert "🦄" not in report.missing_glyphs  # drawn from the bundled emoji font
    assert "😀" not in report.missing_glyphs
    assert report.unshaped_scripts == ()  # Hebrew and Arabic are shaped now


def test_awkward_plan_shows_actions_future_state_and_reviews(awkward_pdf: Path) -> None:
    text = _flat(pdf_text(awkward_pdf))
    for expected in (
        "Drop the <b> approval",
        "Future-state map",
        "Before → after",
        "1 February 2027",
        "3 March 2027",
        "2 May 2027",
        "Not yet SMART",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    "process",
    [
        Process(name=""),
        Process(name="No goals", problem=""),
        replace(sample("client-onboarding"), goals=(), interviews=()),
    ],
    ids=["empty", "nothing", "no-goals"],
)
def test_incomplete_processes_still_make_a_plan_that_says_what_is_missing(
    process: Process, tmp_path: Path
) -> None:
    path = tmp_path / "plan.pdf"
    report = write_plan_pdf(process, path, options=OPTIONS)
    assert report.pages >= 5
    text = _flat(pdf_text(path))
    assert "No goals yet" in text
    if not process.steps:
        assert "No steps yet" in text
        assert "No findings yet" in text
        assert "No problem statement yet" in text


def test_invariant_output_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_plan_pdf(awkward_process(), first, options=OPTIONS)
    write_plan_pdf(awkward_process(), second, options=OPTIONS)
    assert first.read_bytes() == second.read_bytes()


def test_progress_rises_to_100_with_phases(tmp_path: Path) -> None:
    seen: list[tuple[int, str]] = []
    write_plan_pdf(
        sample("client-onboarding"),
        tmp_path / "plan.pdf",
        options=OPTIONS,
        progress=lambda percent, phase: seen.append((percent, phase)),
    )
    percents = [percent for percent, _ in seen]
    assert percents == sorted(percents)
    assert percents[0] == 0
    assert percents[-1] == 100
    assert any("map" in phase for _, phase in seen)


@pytest.mark.parametrize("after", [0, 1, 40])
def test_cancel_leaves_no_file(tmp_path: Path, after: int) -> None:
    calls = iter(range(10_000))
    path = tmp_path / "plan.pdf"
    with pytest.raises(PlanCancelled):
        write_plan_pdf(
            sample("supplier-invoices"),
            path,
            options=OPTIONS,
            cancelled=lambda: next(calls) >= after,
        )
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_earlier_plan_untouched(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"earlier")
    with pytest.raises(PlanCancelled):
        write_plan_pdf(sample("supplier-invoices"), path, options=OPTIONS, cancelled=lambda: True)
    assert path.read_bytes() == b"earlier"


def test_letter_pages_are_letter_sized(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    report = write_plan_pdf(
        sample("supplier-invoices"), path, options=replace(OPTIONS, page_size="Letter")
    )
    info = subprocess.run(
        [tool("pdfinfo"), str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert report.page_size == "Letter"
    assert "612 x 792 pts (letter)" in info


def test_control_object_reviews_and_plan_rows_are_printed(tmp_path: Path) -> None:
    control = control_from_document(
        {
            "go_live": "2027-01-15",
            "plan": [
                {
                    "metric": "lead_time",
                    "how": "invoice log",
                    "frequency": "weekly",
                    "who": "Dana",
                    "upper_limit": 3,
                    "reaction": "Call AP",
                }
            ],
            "reviews": [
                {"id": "r1", "kind": "day30", "due": "2027-02-14"},
                {"id": "r2", "kind": "day90", "due": "2027-04-15"},
            ],
        }
    )
    process = replace(sample("supplier-invoices"), control=control)
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = _flat(pdf_text(path))
    for expected in (
        "15 January 2027",
        "14 February 2027",
        "15 April 2027",
        "at most 3",
        "Call AP",
    ):
        assert expected in text, expected


def test_emoji_beyond_the_basic_plane_come_back_from_the_text_layer(tmp_path: Path) -> None:
    """ReportLab writes such codes in 16 bits; the fonts module corrects its ToUnicode map."""
    process = replace(sample("supplier-invoices"), problem="Scan 😀 then sign ✍ — done")
    path = tmp_path / "emoji.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    assert "Scan 😀 then sign ✍ — done" in pdf_text(path)
