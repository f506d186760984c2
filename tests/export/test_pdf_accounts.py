"""The plan's "Where accounts differ": who said what, the times several gave; absent alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from app.accounts.interviews import accounts_of
from app.accounts.reconcile import with_time_choice
from app.accounts.review import review_pair, with_decided
from app.export.pdf import write_plan_pdf
from app.process.model import Interview
from tests.accounts.voices import ana, two_voices
from tests.export.test_pdf_support import OPTIONS, pdf_text


def test_one_account_prints_no_section(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    write_plan_pdf(
        dataclasses.replace(ana(), interviews=(Interview("Ana"),)), path, options=OPTIONS
    )
    assert "Where accounts differ" not in pdf_text(path)


def test_two_accounts_print_who_said_what_and_the_times(tmp_path: Path) -> None:
    process = two_voices()
    names = (Interview("Ana <&> Ruiz", "AP clerk"), process.interviews[1])
    process = dataclasses.replace(process, interviews=names)
    first, second = accounts_of(process)
    for row in review_pair(process, first, second).rows:
        process = with_decided(process, first, second, row.match, confirmed=True)
    process = with_time_choice(process, "s4", "wait", "max")
    path = tmp_path / "plan.pdf"
    write_plan_pdf(process, path, options=OPTIONS)
    text = " ".join(pdf_text(path).split())
    assert "Where accounts differ" in text
    assert "2 people told the process, each in their own words: Ana <&> Ruiz (AP clerk)" in text
    assert "Ana <&> Ruiz says Accounts payable does it, Ben Okafor says Finance" in text
    assert "Times several people gave" in text
    assert "2 days / 4.5 days / 7 days*" in text
