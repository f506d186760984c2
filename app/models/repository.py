"""Snapshots in and out of the database: the only place rows become a Process and back.

Every function takes an open Session and does not commit: the caller decides the
transaction (one edit, one short transaction; an import as a whole).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app.models import rows
from app.models.tables import (
    FlowRow,
    LaneRow,
    ProcessRow,
    ReviewRow,
    StepRow,
    new_id,
)
from app.process.bounds import quote
from app.process.control import Review
from app.process.file import check_storable
from app.process.model import Process


class ProcessNotFoundError(LookupError):
    """No process matches what the user named; the message says what was looked for."""


@dataclass(frozen=True, slots=True)
class ProcessSummary:
    """One line of the process list."""

    id: str
    name: str
    owner: str
    step_count: int
    updated_at: dt.datetime


def insert_process(session: Session, process: Process) -> str:
    """Add a snapshot as new rows; keep ``process.id`` if it is set (undo of a delete).

    Rows are flushed parent before child (lanes, then steps, then flows), the order the
    foreign keys need.
    """
    check_storable(process)
    row = ProcessRow(id=process.id or new_id(), **rows.process_values(process))
    lane_ids = {lane.id: new_id() for lane in process.lanes}
    row.lanes = [
        LaneRow(id=lane_ids[lane.id], **rows.lane_values(lane, index))
        for index, lane in enumerate(process.lanes)
    ]
    session.add(row)
    session.flush()
    for child in rows.CHILD_LISTS:
        session.add_all(rows.child_rows(child, process, row.id))
    step_ids = {step.id: new_id() for step in process.steps}
    row.steps = [
        StepRow(id=step_ids[step.id], **rows.step_values(step, index, lane_ids[step.lane]))
        for index, step in enumerate(process.steps)
    ]
    session.flush()
    session.add_all(new_flow_rows(process, step_ids, row.id))
    session.flush()
    return row.id


def new_flow_rows(process: Process, step_ids: Mapping[str, str], process_id: str) -> list[FlowRow]:
    """Rows for every flow, referencing steps by their row ids."""
    return [
        FlowRow(
            id=new_id(),
            process_id=process_id,
            **rows.flow_values(flow, index, step_ids[flow.source], step_ids[flow.target]),
        )
        for index, flow in enumerate(process.flows)
    ]


def load_process(session: Session, process_id: str) -> Process:
    """The snapshot of one process."""
    return rows.process_of(load_process_row(session, process_id))


def load_versioned(session: Session, process_id: str) -> tuple[Process, int]:
    """The snapshot of one process and the version it is: an edit of it saves against that."""
    row = load_process_row(session, process_id)
    return rows.process_of(row), row.version


def process_versions(session: Session) -> dict[str, int]:
    """The version of every process: a cheap query to notice changes made elsewhere."""
    return {
        pid: version for pid, version in session.execute(select(ProcessRow.id, ProcessRow.version))
    }


def load_process_row(session: Session, process_id: str) -> ProcessRow:
    """A process row with all its children loaded in a few queries."""
    row = session.scalar(
        select(ProcessRow)
        .where(ProcessRow.id == process_id)
        .options(*(selectinload(rel) for rel in _CHILDREN))
    )
    if row is None:
        raise ProcessNotFoundError(f"no process with id '{process_id}'")
    return row


_CHILDREN = (
    ProcessRow.interviews,
    ProcessRow.lanes,
    ProcessRow.steps,
    ProcessRow.flows,
    ProcessRow.goals,
    ProcessRow.actions,
    ProcessRow.root_causes,
    ProcessRow.control_plan,
    ProcessRow.reviews,
    ProcessRow.measurements,
)


def list_processes(session: Session, *, search: str = "") -> list[ProcessSummary]:
    """Every process, most recently changed first; ``search`` filters by name or owner."""
    step_count = (
        select(func.count(StepRow.id)).where(StepRow.process_id == ProcessRow.id)
    ).scalar_subquery()
    query = select(
        ProcessRow.id, ProcessRow.name, ProcessRow.owner, step_count, ProcessRow.updated_at
    )
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(ProcessRow.name).like(pattern) | func.lower(ProcessRow.owner).like(pattern)
        )
    query = query.order_by(ProcessRow.updated_at.desc(), ProcessRow.name)
    return [ProcessSummary(*row) for row in session.execute(query)]


def find_process_id(session: Session, reference: str) -> str:
    """The id of the process named by its id or its exact name."""
    if session.get(ProcessRow, reference) is not None:
        return reference
    ids = session.scalars(select(ProcessRow.id).where(ProcessRow.name == reference)).all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise ProcessNotFoundError(f"no process has the id or the exact name {quote(reference)}")
    raise ProcessNotFoundError(
        f"{len(ids)} processes are named {quote(reference)}; "
        "name one by its id ('walkthrough list')"
    )


def delete_process(session: Session, process_id: str) -> Process:
    """Delete a process and return its snapshot, so the delete can be undone by inserting it."""
    snapshot = load_process(session, process_id)
    session.expunge_all()
    children: list[type[Any]] = [FlowRow, StepRow, LaneRow]
    children += [child.table for child in rows.CHILD_LISTS]
    for table in children:  # children first
        session.execute(delete(table).where(table.process_id == process_id))
    session.execute(delete(ProcessRow).where(ProcessRow.id == process_id))
    return snapshot


def list_due_reviews(session: Session, today: dt.date) -> list[tuple[str, str, Review]]:
    """(process id, process name, review) for every review not done and due by ``today``."""
    query = (
        select(ReviewRow, ProcessRow.name)
        .join(ProcessRow, ReviewRow.process_id == ProcessRow.id)
        .where(ReviewRow.done_on.is_(None), ReviewRow.due <= today)
    )
    return [(row.process_id, name, rows.review_of(row)) for row, name in session.execute(query)]
