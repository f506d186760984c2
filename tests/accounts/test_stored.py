"""Each interview keeps its own account: in the file, the database, and as the interview left it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from app.accounts.decisions import decide, with_decision
from app.accounts.interviews import (
    AccountError,
    account_of_interview,
    accounts_of,
    keep_told_accounts,
)
from app.accounts.matching import Match
from app.accounts.questions import with_question
from app.accounts.reconcile import reconciled_process, with_time_choice
from app.accounts.review import review_pair
from app.accounts.stored import (
    ACCOUNT_KEY,
    StoredAccount,
    StoredAccountError,
    stored_account,
    with_stored_account,
)
from app.interview.own_account import begin_own_account
from app.interview.progress import InterviewState, with_state
from app.interview.session import start_interview
from app.models import repository
from app.models.database import Database, open_database
from app.process.file import dumps_process, loads_process, process_to_document
from app.process.model import Interview, Process
from tests.accounts.accounts import changed_step, renamed_ids, told


def two_voices() -> Process:
    """A map told by Ana, and Ben's own account of it told from scratch."""
    first = told(9, decision_at=4)
    process = dataclasses.replace(first, interviews=(Interview("Ana"), Interview("Ben")))
    ben = changed_step(renamed_ids(first), "x3", name="Approve it", touch_minutes=99.0)
    return with_stored_account(process, 1, StoredAccount(ben, on_map=False))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "accounts.sqlite")
    yield database
    database.close()


def test_a_stored_account_survives_the_file_and_the_database(db: Database) -> None:
    process = two_voices()
    again = loads_process(dumps_process(process))
    assert again == process
    assert dumps_process(again) == dumps_process(process)
    with db.session() as session:
        process_id = repository.insert_process(session, process)
    with db.session() as session:
        loaded = repository.load_process(session, process_id)
    assert dumps_process(loaded) == dumps_process(process)
    ben = account_of_interview(loaded, 2)
    assert (ben.label, ben.interview, ben.on_map) == ("Ben", 2, False)
    assert ben.process.step_by_id()["x3"].touch_minutes == 99.0


def test_a_file_with_one_interview_is_read_as_it_is() -> None:
    process = dataclasses.replace(told(9), interviews=(Interview("Ana"),))
    text = dumps_process(process)
    assert ACCOUNT_KEY not in text
    ana = account_of_interview(loads_process(text), 1)
    assert ana.on_map
    assert [s.id for s in ana.process.steps] == [s.id for s in process.steps]


def test_a_further_interview_keeps_what_earlier_people_said() -> None:
    process = dataclasses.replace(told(9), interviews=(Interview("Ana"),))
    further = start_interview(process, today=dt.date(2026, 11, 30))
    kept = stored_account(further, 0)
    assert kept is not None
    assert kept.on_map
    edited = changed_step(further, "s3", touch_minutes=500.0)  # the map changes later
    assert account_of_interview(edited, 1).process.step_by_id()["s3"].touch_minutes == 8.0


def test_keeping_twice_changes_nothing() -> None:
    process = dataclasses.replace(told(9), interviews=(Interview("Ana"),))
    once = keep_told_accounts(process)
    assert keep_told_accounts(once) == once


def test_a_broken_stored_account_is_named_by_its_place() -> None:
    process = two_voices()
    ben = process.interviews[1]
    document = dict(ben.extra[ACCOUNT_KEY])
    document["steps"] = [*document["steps"], {"id": "z", "lane": "nowhere", "name": "Lost"}]
    broken = dataclasses.replace(
        process, interviews=(process.interviews[0], Interview("Ben", extra={ACCOUNT_KEY: document}))
    )
    with pytest.raises(StoredAccountError, match=r"interviews\[1\]\.account\.steps"):
        stored_account(broken, 1)
    with pytest.raises(AccountError, match="nowhere"):
        account_of_interview(broken, 2)
    assert [a.label for a in accounts_of(broken)] == ["Ana"]


def test_the_schema_knows_accounts_and_decisions() -> None:
    schema = json.loads(files("app.resources").joinpath("process.schema.json").read_text())
    first, second = accounts_of(two_voices())
    match = Match(("s3",), ("x3",), 0.8)
    process = with_decision(two_voices(), decide(first, second, match, confirmed=True))
    review = review_pair(process, first, second)
    process = with_question(reconciled_process(process), review, review.differences[0])
    process = with_time_choice(process, "s3", "touch", "max")
    document = process_to_document(process)
    jsonschema.validate(document, schema)
    assert document["steps"][3]["told_by"] == [1, 2]
    assert document["process"]["accounts"]["questions"][0]["text"]
    state = with_state(process, InterviewState(stage="steps", interview_index=1))
    jsonschema.validate(process_to_document(begin_own_account(state)), schema)
    document["interviews"][1]["account"]["on_map"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
    document = process_to_document(process)
    document["process"]["accounts"]["matches"][0]["a_steps"] = []
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
